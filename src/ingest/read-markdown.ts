import { isBareUrl, normalisePreformattedText } from "./clean-text.ts";
import {
  extractIssueNumber,
  fileStem,
  issueNumberFromFileStem,
  normaliseDate,
  publicationFromFileStem,
  publicationFromTitle,
  titleFromFileStem,
} from "./issue-metadata.ts";
import { frontMatterText, splitFrontMatter } from "./markdown-front-matter.ts";
import { soleLink, stripInlineMarkdown } from "./markdown-inline.ts";
import type { Block, SourceIssue } from "./source-issue.ts";

/**
 * Reads one Markdown issue. Metadata comes from YAML front matter or a Pelican header, then
 * from the first `#` heading, then from the file name. The body becomes heading and paragraph
 * blocks with inline markup stripped; HTML comments (editor notes) are dropped.
 */
export function readMarkdown(path: string, text: string): SourceIssue {
  const { metadata, body } = splitFrontMatter(text.replace(/\r\n?/g, "\n"));
  const blocks = markdownToBlocks(body);
  const stem = fileStem(path);
  const firstTopHeading = blocks.find((block) => block.kind === "heading" && block.level === 1)?.text ?? null;
  const title = frontMatterText(metadata, "title") ?? firstTopHeading ?? titleFromFileStem(stem);
  const writtenDate = frontMatterText(metadata, "date", "pubdate", "published");
  const publication =
    frontMatterText(metadata, "publication", "newsletter", "site", "site_name", "category") ??
    publicationFromTitle(title) ??
    publicationFromFileStem(stem);
  return {
    publication,
    title,
    issueNumber:
      frontMatterText(metadata, "number", "issue", "issue_number") ??
      extractIssueNumber(title) ??
      issueNumberFromFileStem(stem),
    date: (writtenDate ? normaliseDate(writtenDate) : null) ?? normaliseDate(title) ?? normaliseDate(stem),
    url: frontMatterText(metadata, "url", "link", "canonical_url", "permalink"),
    key: null,
    blocks,
  };
}

const fence = /^\s{0,3}(`{3,}|~{3,})/;
const atxHeading = /^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*$/;
// TLDR's HTML→Markdown output puts the heading inside the link: `[### Title (4 minute read)](url)`.
const headingInsideLink = /^\s*\[(#{1,6})\s+(.*)\]\(\s*([^)\s]+)\s*\)\s*$/;
const thematicBreak = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const listMarker = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;
const tableDivider = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const referenceDefinition = /^\s{0,3}\[[^\]]+\]:\s+\S+/;
// `**Title**` alone on the first line of a paragraph: a digest item's title (tw93).
const boldLine = /^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*$/;
// `1、[Title](url)（英文）`: a numbered link item leading its description (ruanyf).
const numberedLinkItem = /^\s*\d{1,3}\s*[、.．]\s*(\[.*\]\([^)]*\))\s*(.{0,30})$/;

/** Markdown body → blocks. A line-based reader: enough for newsletter archives, not a full CommonMark parser. */
export function markdownToBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraphLines: string[] = [];
  let fenceMarker: string | null = null;
  let codeLines: string[] = [];
  let insideComment = false;
  let lastHeadingLevel = 1;

  const pushHeading = (level: number, markdownText: string, explicitUrl: string | null = null) => {
    const link = soleLink(markdownText);
    const text = stripInlineMarkdown(link ? link.text : markdownText);
    if (text === "") return;
    blocks.push({ kind: "heading", level, text, url: explicitUrl ?? absoluteUrl(link?.url ?? null) });
  };

  const flushParagraph = () => {
    const lines = paragraphLines;
    paragraphLines = [];
    if (lines.length === 0) return;
    if (lines.every((line) => /^\s*\|.*\|\s*$/.test(line))) {
      for (const row of lines) pushParagraph(blocks, row.trim().slice(1, -1).split("|").join(" | "));
      return;
    }
    const bold = boldLine.exec(lines[0] ?? "");
    if (bold?.[1] && lines.length > 1) {
      const followingLink = lines[1] ? linkOnLine(lines[1]) : null;
      pushHeading(Math.min(lastHeadingLevel + 1, 6), bold[1], followingLink);
      pushParagraph(blocks, lines.slice(1).join("\n"));
      return;
    }
    const numbered = lines.length === 1 ? numberedLinkItem.exec(lines[0] ?? "") : null;
    if (numbered?.[1]) {
      pushHeading(Math.min(lastHeadingLevel + 1, 6), numbered[1]);
      return;
    }
    const link = lines.length === 1 ? soleLink(lines[0] ?? "") : null;
    // A paragraph that is only a site-relative link is navigation (`[Newsletters](/newsletters)`).
    if (link && /^[/#]/.test(link.url)) return;
    pushParagraph(blocks, lines.join("\n"));
  };

  for (const rawLine of markdown.split("\n")) {
    if (fenceMarker !== null) {
      if (rawLine.trim().startsWith(fenceMarker)) {
        fenceMarker = null;
        const code = normalisePreformattedText(codeLines.join("\n"));
        if (code.trim() !== "") blocks.push({ kind: "paragraph", text: code });
        codeLines = [];
      } else {
        codeLines.push(rawLine);
      }
      continue;
    }
    let line = rawLine;
    if (insideComment) {
      const end = line.indexOf("-->");
      if (end < 0) continue;
      insideComment = false;
      line = line.slice(end + 3);
    }
    line = line.replace(/<!--[\s\S]*?-->/g, "");
    const commentStart = line.indexOf("<!--");
    if (commentStart >= 0) {
      insideComment = true;
      line = line.slice(0, commentStart);
    }

    const fenceMatch = fence.exec(line);
    if (fenceMatch?.[1]) {
      flushParagraph();
      fenceMarker = fenceMatch[1];
      continue;
    }
    if (line.trim() === "" || (thematicBreak.test(line) && paragraphLines.length === 0)) {
      flushParagraph();
      continue;
    }
    const linkedHeading = headingInsideLink.exec(line);
    if (linkedHeading?.[1] && linkedHeading[2] !== undefined) {
      flushParagraph();
      lastHeadingLevel = linkedHeading[1].length;
      pushHeading(lastHeadingLevel, linkedHeading[2], absoluteUrl(linkedHeading[3] ?? null));
      continue;
    }
    const heading = atxHeading.exec(line);
    if (heading?.[1]) {
      flushParagraph();
      lastHeadingLevel = heading[1].length;
      pushHeading(lastHeadingLevel, (heading[2] ?? "").replace(/\s+#+\s*$/, ""));
      continue;
    }
    if (paragraphLines.length === 1 && /^\s{0,3}(?:=+|-+)\s*$/.test(line)) {
      // Setext heading: the single line above is underlined.
      lastHeadingLevel = line.includes("=") ? 1 : 2;
      pushHeading(lastHeadingLevel, paragraphLines[0] ?? "");
      paragraphLines = [];
      continue;
    }
    if (thematicBreak.test(line)) {
      flushParagraph();
      continue;
    }
    if (tableDivider.test(line) && line.includes("|")) continue;
    if (referenceDefinition.test(line)) continue;
    const quoteless = line.replace(/^\s{0,3}>\s?/, "");
    if (listMarker.test(quoteless)) {
      flushParagraph();
      paragraphLines.push(quoteless.replace(listMarker, ""));
      continue;
    }
    paragraphLines.push(quoteless);
  }
  flushParagraph();
  if (fenceMarker !== null) {
    const code = normalisePreformattedText(codeLines.join("\n"));
    if (code.trim() !== "") blocks.push({ kind: "paragraph", text: code });
  }
  return blocks;
}

function pushParagraph(blocks: Block[], markdown: string): void {
  const lines = markdown
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  // Strip as one text so a link whose text spans a line break (`[Agentic\n](url)`) still resolves.
  const text = stripInlineMarkdown(lines.filter((line) => !isUrlLine(line)).join("\n"));
  if (/[\p{L}\p{N}]/u.test(text)) blocks.push({ kind: "paragraph", text });
}

/** A line that only prints an address: `<https://…>`, a bare URL, or `[https://…](https://…)`. */
function isUrlLine(line: string): boolean {
  if (isBareUrl(line)) return true;
  const link = soleLink(line);
  return link !== null && isBareUrl(link.text);
}

/** The URL of a line that is only a link or autolink (`<https://…>`), for an item heading. */
function linkOnLine(line: string): string | null {
  const autolinkMatch = /^\s*<((?:https?):[^>\s]+)>\s*$/.exec(line);
  if (autolinkMatch?.[1]) return autolinkMatch[1];
  const bareUrl = /^\s*(https?:\/\/\S+)\s*$/.exec(line);
  if (bareUrl?.[1]) return bareUrl[1];
  return absoluteUrl(soleLink(line)?.url ?? null);
}

/** Keep only absolute http(s) URLs; relative links have no base to resolve against. */
function absoluteUrl(url: string | null): string | null {
  if (!url) return null;
  const decoded = url.replace(/&amp;/g, "&");
  return /^https?:\/\//i.test(decoded) ? decoded : null;
}
