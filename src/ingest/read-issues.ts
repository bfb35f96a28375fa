import { InputError } from "../errors.ts";
import { decodeText } from "./decode-text.ts";
import { HtmlTooDeepError } from "./html-to-blocks.ts";
import { readEml } from "./read-eml.ts";
import { readFeed } from "./read-feed.ts";
import { readHtml } from "./read-html.ts";
import { readJsonFeed } from "./read-json-feed.ts";
import { readMarkdown } from "./read-markdown.ts";
import { type MessageProblem, readMbox } from "./read-mbox.ts";
import { readPdf } from "./read-pdf.ts";
import { readText } from "./read-text.ts";
import type { SourceIssue } from "./source-issue.ts";

type Format = "text" | "markdown" | "html" | "eml" | "feed" | "json-feed" | "pdf" | "mbox";

const formatsByExtension: Record<string, Format> = {
  ".txt": "text",
  ".text": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".mdx": "markdown",
  ".html": "html",
  ".htm": "html",
  ".eml": "eml",
  ".xml": "feed",
  ".rss": "feed",
  ".atom": "feed",
  ".json": "json-feed",
  ".pdf": "pdf",
  ".mbox": "mbox",
};

/** The extensions readIssues accepts, for messages and for callers that filter directories. */
export const supportedExtensions: readonly string[] = Object.keys(formatsByExtension);

/**
 * Reads one input file into the issues it holds: one issue per file, except feeds, which give
 * one issue per item or entry and mailboxes (.mbox), one per message. The format follows the extension, but the content is sniffed
 * when the extension lies (an `.xml` file that is an HTML page, an `.html` file that is a feed).
 * Async because e-mail parsing is.
 *
 * @throws InputError for an unsupported extension, binary or non-UTF-8 bytes, an empty file,
 *   a feed that cannot be parsed, a PDF that is corrupt or image-only, or a file that yields no text.
 *   A mailbox message that cannot be read goes to `onProblem` and the other messages are returned.
 */
export async function readIssues(
  path: string,
  bytes: Uint8Array,
  options: {
    /** Receives each mailbox message that cannot be read. */
    onProblem?: (problem: MessageProblem) => void;
    /** Read as this extension (`.xml`, `.html`…) instead of the path's: a URL often has none. */
    extension?: string | undefined;
  } = {},
): Promise<SourceIssue[]> {
  const extension = options.extension ?? extensionOf(path);
  const declared = formatsByExtension[extension];
  if (declared === undefined) {
    throw new InputError(
      path,
      `unsupported file type ${extension || "(no extension)"} (supported: ${supportedExtensions.join(", ")})`,
    );
  }
  if (declared === "pdf") return withText(path, [await readPdf(path, bytes)]);
  if (declared === "mbox") {
    const mailbox = await readMbox(path, bytes);
    for (const problem of mailbox.problems) options.onProblem?.(problem);
    return withText(path, mailbox.issues);
  }
  const text = decodeText(path, bytes);
  const format = sniffFormat(declared, text);
  let issues: SourceIssue[];
  try {
    issues =
      format === "eml"
        ? [await readEml(path, bytes)]
        : format === "json-feed"
          ? readJsonFeed(path, text)
          : format === "feed"
            ? readFeed(path, text)
            : format === "html"
              ? [readHtml(path, text)]
              : format === "markdown"
                ? [readMarkdown(path, text)]
                : [readText(path, text)];
  } catch (error) {
    if (error instanceof HtmlTooDeepError) throw new InputError(path, `${path}: ${error.message}`);
    // A stack overflow in a parser: some other structure nests too deeply to read.
    if (error instanceof RangeError)
      throw new InputError(path, `${path} could not be read (${error.message}); is it nested too deeply?`, {
        cause: error,
      });
    throw error;
  }
  return withText(path, issues);
}

function withText(path: string, issues: SourceIssue[]): SourceIssue[] {
  for (const issue of issues) {
    if (issue.blocks.length === 0)
      throw new InputError(path, `${path} yields no text (nothing readable in the body)`);
  }
  return issues;
}

function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

/** Trust the extension unless the first markup says otherwise. */
function sniffFormat(declared: Format, text: string): Format {
  const start = text
    .replace(/^\ufeff/, "")
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  const opening = start.replace(/^<\?xml[^>]*\?>\s*/, "").replace(/^(?:<!--[\s\S]*?-->\s*)+/, "");
  const looksLikeFeed = /^<(?:rss|feed|rdf:rdf)\b/.test(opening);
  const looksLikeHtml = /^<(?:!doctype html|html|head|body)\b/.test(opening);
  if (declared === "feed" && looksLikeHtml) return "html";
  if ((declared === "html" || declared === "text") && looksLikeFeed) return "feed";
  return declared;
}
