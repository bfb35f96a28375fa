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
import { withoutHugoShortcodes, withoutLiquidTags, withoutMdxSyntax } from "./markdown-site-syntax.ts";
import { publicationFromOpening } from "./masthead.ts";
import type { SourceIssue } from "./source-issue.ts";

/**
 * Reads one Markdown issue (`.mdx` too). Metadata comes from front matter (YAML, TOML or JSON)
 * or a Pelican header, then from the first `#` heading, then from the file name. The body becomes
 * heading and paragraph blocks with inline markup and site machinery (Liquid tags, Hugo
 * shortcodes, MDX module lines and components) stripped; HTML comments (editor notes) are dropped.
 */
export function readMarkdown(path: string, text: string): SourceIssue {
  const { metadata, body } = splitFrontMatter(text.replace(/\r\n?/g, "\n"));
  const siteText = withoutLiquidTags(withoutHugoShortcodes(body));
  const blocks = markdownToBlocks(/\.mdx$/i.test(path) ? withoutMdxSyntax(siteText) : siteText);
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
