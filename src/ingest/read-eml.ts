import PostalMime from "postal-mime";

type Email = Awaited<ReturnType<typeof PostalMime.parse>>;

import { InputError } from "../errors.ts";
import { normaliseInlineText } from "./clean-text.ts";
import { extractForwardedHeader } from "./forwarded-message.ts";
import { htmlToBlocks } from "./html-to-blocks.ts";
import {
  extractIssueNumber,
  fileStem,
  normaliseDate,
  publicationFromFileStem,
  titleFromFileStem,
} from "./issue-metadata.ts";
import { readMasthead } from "./masthead.ts";
import type { Block, SourceIssue } from "./source-issue.ts";

// Substack and similar put the canonical link first in the plain-text part.
const webLink =
  /View (?:this|the) (?:post|email|issue) (?:on the web|online|in (?:your|a) browser) at\s+(https?:\/\/\S+)/i;

/**
 * Reads one e-mail message (.eml): MIME decoding (multipart, quoted-printable, folded headers,
 * CRLF or LF) is postal-mime's. The HTML part is preferred because the plain part repeats every
 * tracking URL in parentheses. Publication = From display name, title = Subject, date = the
 * Date header's own calendar date; a forwarded newsletter's inner header wins over the outer one.
 *
 * @throws InputError when the message cannot be parsed or has no text body.
 */
export async function readEml(path: string, bytes: Uint8Array): Promise<SourceIssue> {
  let email: Email;
  try {
    email = await PostalMime.parse(bytes);
  } catch (error) {
    throw new InputError(path, `${path} is not a readable e-mail message: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const rawBlocks = email.html ? htmlToBlocks(email.html) : textPartToBlocks(email.text ?? "");
  const { header: forwarded, blocks } = extractForwardedHeader(rawBlocks);
  if (blocks.length === 0)
    throw new InputError(path, `${path} has no text body (neither an HTML nor a text part)`);

  const stem = fileStem(path);
  const headerValue = (key: string) => email.headers.find((header) => header.key === key)?.value ?? null;
  const subject = withoutForwardPrefix(forwarded?.subject ?? email.subject ?? "");
  const title = subject || titleFromFileStem(stem);
  const from = email.from;
  const fromName = publicationFromSender(from ? normaliseInlineText(from.name) || (from.address ?? "") : "");
  const writtenDate = forwarded?.date ?? headerValue("date");
  const masthead = readMasthead(blocks, title);
  return {
    publication: forwarded?.from ?? (fromName || masthead.publication) ?? publicationFromFileStem(stem),
    title,
    issueNumber: extractIssueNumber(title) ?? masthead.issueNumber,
    date: (writtenDate ? normaliseDate(writtenDate) : null) ?? masthead.date,
    url: webLink.exec(email.text ?? "")?.[1] ?? null,
    key: null,
    blocks,
  };
}

/** Substack sends as `Author from Publication`; the publication is the part after "from". */
function publicationFromSender(displayName: string): string {
  return /^.{2,60}? from (.{2,80})$/.exec(displayName)?.[1] ?? displayName;
}

function withoutForwardPrefix(subject: string): string {
  return normaliseInlineText(subject.replace(/^(?:\s*(?:fwd?|fw|tr|wg)\s*:\s*)+/i, ""));
}

/** A plain-text part: paragraphs at blank lines, with the `(https://…)` after each link text removed. */
function textPartToBlocks(text: string): Block[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) =>
      normaliseInlineText(
        paragraph.replace(/\(\s*https?:\/\/[^)\s]*\s*\)/g, " ").replace(/https?:\/\/\S+/g, " "),
      ),
    )
    .filter((paragraph) => /[\p{L}\p{N}]/u.test(paragraph))
    .map((paragraph) => ({ kind: "paragraph", text: paragraph }));
}
