import { z } from "zod";
import { InputError } from "../errors.ts";
import { normaliseInlineText } from "./clean-text.ts";
import { htmlToBlocks } from "./html-to-blocks.ts";
import { extractIssueNumber, feedCalendarDate, fileStem, publicationFromFileStem } from "./issue-metadata.ts";
import type { Block, SourceIssue } from "./source-issue.ts";

// Only what we read, each part optional: feeds in the wild leave out most fields.
const jsonFeedItem = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
  url: z.string().nullish(),
  title: z.string().nullish(),
  content_html: z.string().nullish(),
  content_text: z.string().nullish(),
  summary: z.string().nullish(),
  date_published: z.string().nullish(),
  date_modified: z.string().nullish(),
});

const jsonFeed = z.object({
  version: z.string().regex(/jsonfeed\.org\/version\//),
  title: z.string().nullish(),
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
  const feed = jsonFeed.safeParse(parsed);
  if (!feed.success) {
    throw new InputError(
      path,
      `${path} is not a JSON Feed (no "version": "https://jsonfeed.org/version/1…")`,
    );
  }
  const publication = normaliseInlineText(feed.data.title ?? "") || publicationFromFileStem(fileStem(path));
  const issues: SourceIssue[] = [];
  feed.data.items.forEach((raw, index) => {
    const item = jsonFeedItem.safeParse(raw);
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
