import * as z from "zod/mini";
import { InputError } from "../errors.ts";
import { normaliseInlineText } from "./clean-text.ts";
import { htmlToBlocks } from "./html-to-blocks.ts";
import { extractIssueNumber, feedCalendarDate, fileStem, publicationFromFileStem } from "./issue-metadata.ts";
import type { Block, SourceIssue } from "./source-issue.ts";

// Only what we read, each part optional: feeds in the wild leave out most fields.
const jsonFeedItem = z.object({
  id: z.nullish(z.union([z.string(), z.number()])),
  url: z.nullish(z.string()),
  title: z.nullish(z.string()),
  content_html: z.nullish(z.string()),
  content_text: z.nullish(z.string()),
  summary: z.nullish(z.string()),
  date_published: z.nullish(z.string()),
  date_modified: z.nullish(z.string()),
});

const jsonFeed = z.object({
  version: z.string().check(z.regex(/jsonfeed\.org\/version\//)),
  title: z.nullish(z.string()),
  items: z.array(z.unknown()),
});

/**
 * Reads a JSON Feed (https://jsonfeed.org, versions 1 and 1.1): one issue per item, like an RSS
 * item. The body is `content_html`, else `content_text`, else `summary`.
 *
 * @throws InputError when the text is not JSON, not a JSON Feed, or no item has text.
 */
export function readJsonFeed(path: string, text: string): SourceIssue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(path, `${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const feed = z.safeParse(jsonFeed, parsed);
  if (!feed.success) {
    throw new InputError(
      path,
      `${path} is not a JSON Feed (no "version": "https://jsonfeed.org/version/1…")`,
    );
  }
  const publication = normaliseInlineText(feed.data.title ?? "") || publicationFromFileStem(fileStem(path));
  const issues: SourceIssue[] = [];
  feed.data.items.forEach((raw, index) => {
    const item = z.safeParse(jsonFeedItem, raw);
    if (!item.success) return;
    const { id, url, title, content_html, content_text, summary, date_published, date_modified } = item.data;
    const blocks: Block[] = content_html
      ? htmlToBlocks(content_html)
      : (content_text ?? summary ?? "")
          .split(/\n\s*\n/)
          .map((paragraph) => normaliseInlineText(paragraph))
          .filter((paragraph) => paragraph !== "")
          .map((paragraph) => ({ kind: "paragraph", text: paragraph }));
    if (blocks.length === 0) return;
    const itemTitle =
      normaliseInlineText(title ?? "") ||
      blocks.find((block) => block.kind === "heading")?.text ||
      publication;
    const written = date_published ?? date_modified;
    issues.push({
      publication,
      title: itemTitle,
      issueNumber: extractIssueNumber(itemTitle),
      date: written ? feedCalendarDate(written, false) : null,
      url: url ?? null,
      key: id === null || id === undefined ? (url ?? `item-${index + 1}`) : String(id),
      blocks,
    });
  });
  if (issues.length === 0) {
    throw new InputError(
      path,
      `${path} is a JSON Feed with no readable items (${feed.data.items.length} items, none with text)`,
    );
  }
  return issues;
}
