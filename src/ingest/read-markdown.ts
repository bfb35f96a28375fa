import {
  dateFromFileName,
  extractIssueNumber,
  fileStem,
  issueNumberFromFileStem,
  normaliseDate,
  publicationFromFolder,
  publicationFromTitle,
  titleFromFileStem,
} from "./issue-metadata.ts";
import { frontMatterText, splitFrontMatter } from "./markdown-front-matter.ts";
import { markdownToBlocks } from "./markdown-items.ts";
import { publicationFromOpening } from "./masthead.ts";
import type { SourceIssue } from "./source-issue.ts";

/**
 * Reads one Markdown issue. Metadata comes from YAML front matter or a Pelican header, then
 * from the first `#` heading, then from the file name. The body becomes heading and paragraph
 * blocks with inline markup stripped; HTML comments (editor notes) are dropped.
 */
/**
 * Jekyll's Liquid tags are site machinery, not text: `{% comment %}…{% endcomment %}` goes with
 * what it holds, every other tag (`{% assign timestamp="40:18" %}`, `{% include … %}`) alone,
 * over as many lines as it runs. An include's prose arguments are the issue's text, though: a
 * review club's `q0="What is orphan resolution?" a0="…"` become paragraphs of their own.
 * Output tags (`{{ … }}`) stay, since code in a developer weekly may hold them. So do
 * kramdown's attribute lists' neighbours; the lists themselves go.
 */
export function withoutLiquidTags(body: string): string {
  return (
    body
      .replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, "")
      .replace(/[ \t]*\{%-?\s*include\s(?:[^%"]|"[^"]*"|%(?!\}))*%\}/g, (tag) => proseArguments(tag))
      .replace(/[ \t]*\{%-?[^\n]*?-?%\}/g, "")
      // kramdown's attribute lists (`{:#superscalar}` above a list item, `{: .note}`) name anchors
      // and styles, not text. (Not `{:ok, value}` in a code sample: an id or class follows the colon.)
      .replace(/[ \t]*\{:\s*[#.][^}\n]{0,100}\}/g, "")
  );
}

/** The arguments of a Liquid tag that are prose (words with spaces, not links or ids), as paragraphs. */
function proseArguments(tag: string): string {
  const paragraphs: string[] = [];
  for (const match of tag.matchAll(/\b[\w-]+\s*=\s*"([^"]*)"/g)) {
    const value = match[1]!.replace(/\s+/g, " ").trim();
    if (/\s/.test(value) && !/^(?:https?:|\/|#)/.test(value)) paragraphs.push(value);
  }
  return paragraphs.length === 0 ? "" : `\n\n${paragraphs.join("\n\n")}\n\n`;
}

export function readMarkdown(path: string, text: string): SourceIssue {
  const { metadata, body } = splitFrontMatter(text.replace(/\r\n?/g, "\n"));
  const blocks = markdownToBlocks(withoutLiquidTags(body));
  const stem = fileStem(path);
  const firstTopHeading = blocks.find((block) => block.kind === "heading" && block.level === 1)?.text ?? null;
  const title = frontMatterText(metadata, "title") ?? firstTopHeading ?? titleFromFileStem(stem);
  const writtenDate = frontMatterText(metadata, "date", "pubdate", "published");
  const publication =
    frontMatterText(metadata, "publication", "newsletter", "site", "site_name", "category") ??
    publicationFromTitle(title) ??
    publicationFromOpening(blocks) ??
    publicationFromFolder(path, stem);
  return {
    publication,
    title,
    issueNumber:
      frontMatterText(metadata, "number", "issue", "issue_number") ??
      extractIssueNumber(title) ??
      issueNumberFromFileStem(stem),
    date: (writtenDate ? normaliseDate(writtenDate) : null) ?? normaliseDate(title) ?? dateFromFileName(path),
    // A site-relative permalink ("/zh/newsletters/2024/10/11/") is no link a reader can open.
    url:
      ["url", "link", "canonical_url", "permalink"]
        .map((key) => absoluteUrl(frontMatterText(metadata, key)))
        .find((url) => url !== null) ?? null,
    key: null,
    blocks,
  };
}

function absoluteUrl(url: string | null): string | null {
  return url !== null && /^https?:\/\//i.test(url.trim()) ? url.trim() : null;
}
