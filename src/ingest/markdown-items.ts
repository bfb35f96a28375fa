import { isBareUrl } from "./clean-text.ts";
import { soleLink, stripInlineMarkdown } from "./markdown-inline.ts";
import { boldLine, findItemHeads } from "./markdown-item-heads.ts";
import { absoluteUrl } from "./markdown-item-titles.ts";
import { isNavigationLink, markdownToPieces } from "./markdown-lines.ts";
import type { Block } from "./source-issue.ts";

/**
 * Second pass of the Markdown reader: pieces → blocks, with every digest item given its own
 * heading (where items start and what their titles are: markdown-item-heads.ts), so that
 * splitIntoStories files each under its own title.
 */

/** Markdown body → blocks. */
export function markdownToBlocks(markdown: string): Block[] {
  const pieces = markdownToPieces(markdown);
  const heads = findItemHeads(pieces);
  const blocks: Block[] = [];
  let sectionLevel = 1;
  for (const [index, piece] of pieces.entries()) {
    if (piece.kind === "heading") {
      sectionLevel = piece.level;
      pushHeading(blocks, piece.level, piece.markdown, piece.url);
      continue;
    }
    if (piece.kind === "code") {
      blocks.push({ kind: "paragraph", text: piece.text });
      continue;
    }
    const head = heads.get(index);
    if (head === null) continue; // consumed by the item after it (a bare `3、`)
    if (head) {
      pushHeading(blocks, Math.min(sectionLevel + 1, 6), head.title, head.url);
      pushParagraph(blocks, head.text);
      continue;
    }
    pushPlainParagraph(blocks, piece.lines, sectionLevel);
  }
  return blocks;
}

// Emoji before a heading's text are markers (reading time, editor's pick, section icons).
const leadingEmoji = /^(?:[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\ufe0f\u200d]+\s*)+/u;

function pushHeading(blocks: Block[], level: number, markdown: string, explicitUrl: string | null): void {
  const unmarked = markdown.replace(leadingEmoji, "");
  const link = soleLink(unmarked === "" ? markdown : unmarked);
  markdown = unmarked === "" ? markdown : unmarked;
  const text = stripInlineMarkdown(link ? link.text : markdown);
  if (text === "") return;
  blocks.push({
    kind: "heading",
    level,
    text,
    url: absoluteUrl(explicitUrl) ?? absoluteUrl(link?.url ?? null),
  });
}

function pushPlainParagraph(blocks: Block[], lines: string[], sectionLevel: number): void {
  if (lines.every((line) => /^\s*\|.*\|\s*$/.test(line))) {
    for (const row of lines) pushParagraph(blocks, row.trim().slice(1, -1).split("|").join(" | "));
    return;
  }
  const bold = boldLine.exec(lines[0] ?? "");
  if (bold?.[1] && lines.length > 1) {
    const followingLink = lines[1] ? linkOnLine(lines[1]) : null;
    pushHeading(blocks, Math.min(sectionLevel + 1, 6), bold[1], followingLink);
    pushParagraph(blocks, lines.slice(1).join("\n"));
    return;
  }
  if (lines.length === 1 && isNavigationLink(lines[0] ?? "")) return;
  pushParagraph(blocks, lines.join("\n"));
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
