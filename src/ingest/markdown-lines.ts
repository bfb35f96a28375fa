import { normalisePreformattedText } from "./clean-text.ts";
import { soleLink } from "./markdown-inline.ts";

/**
 * First pass of the Markdown reader: lines → headings, paragraphs and code blocks, with what
 * the item rules (markdown-items.ts) need to know about each paragraph. A line-based reader:
 * enough for newsletter archives, not a full CommonMark parser.
 */
export type MarkdownPiece =
  | { kind: "heading"; level: number; markdown: string; url: string | null }
  | {
      kind: "paragraph";
      /** The paragraph's lines, list marker and quote marker removed. */
      lines: string[];
      /** Opens a top-level list item (`- `, `* `, `1. `). */
      listItem: boolean;
      /** Indented under the list item above it (a continuation paragraph). */
      indented: boolean;
    }
  | { kind: "code"; text: string };

// A backtick fence's info string has no backticks (```` ```npm i x``` ```` is inline code).
export const openingFence = /^\s{0,3}(?:(`{3,})(?!.*`)|(~{3,}))/;
// `#《HelloGitHub》第05期`: no space after the hashes, but a Chinese title is still a heading.
const atxHeading = /^\s{0,3}(#{1,6})(?:\s+(.*?)|(?=[《「【\p{Script=Han}])(.*?))?\s*$/u;
// TLDR's HTML→Markdown output puts the heading inside the link: `[### Title (4 minute read)](url)`.
const headingInsideLink = /^\s*\[(#{1,6})\s+(.*)\]\(\s*([^)\s]+)\s*\)\s*$/;
const thematicBreak = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const listMarker = /^(\s*)(?:[-*+]|\d{1,3}[.)])\s+/;
const tableDivider = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const referenceDefinition = /^\s{0,3}\[[^\]]+\]:\s+\S+/;
// `12、[name](url)：…` / `3、` / `（2）…`: a numbered digest entry always starts its own paragraph.
const numberedEntryLine = /^\s*(?:\d{1,3}\s*[、．]|[（(]\d{1,2}[)）])/;
// Lines that are only HTML layout (`<p align="center">`, `</p>`, `<br>`): paragraph breaks, not text.
const layoutOnlyLine =
  /^\s*(?:<\/?(?:p|div|center|br|hr|table|tbody|thead|tr|section|figure|figcaption)\b[^>]*>\s*)+$/i;

export function markdownToPieces(markdown: string): MarkdownPiece[] {
  const lines = markdown.split("\n");
  const pieces: MarkdownPiece[] = [];
  let paragraph: { lines: string[]; listItem: boolean; indented: boolean } | null = null;
  let insideComment = false;

  const flush = () => {
    if (paragraph && paragraph.lines.length > 0) pieces.push({ kind: "paragraph", ...paragraph });
    paragraph = null;
  };
  const addLine = (line: string, start: { listItem: boolean; indented: boolean } | null) => {
    if (start !== null) {
      flush();
      paragraph = { lines: [], ...start };
    }
    paragraph ??= { lines: [], listItem: false, indented: false };
    paragraph.lines.push(line);
  };

  for (let index = 0; index < lines.length; index += 1) {
    let line = lines[index] ?? "";
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

    const fence = openingFence.exec(line);
    const marker = fence?.[1] ?? fence?.[2];
    if (marker) {
      const closing = closingFenceIndex(lines, index + 1, marker);
      // A fence that never closes is read as text, so it cannot swallow the rest of the issue.
      if (closing >= 0) {
        flush();
        const code = normalisePreformattedText(lines.slice(index + 1, closing).join("\n"));
        if (code.trim() !== "") pieces.push({ kind: "code", text: code });
        index = closing;
        continue;
      }
    }
    if (line.trim() === "" || layoutOnlyLine.test(line)) {
      flush();
      continue;
    }
    const linkedHeading = headingInsideLink.exec(line);
    if (linkedHeading?.[1] && linkedHeading[2] !== undefined) {
      flush();
      pieces.push({
        kind: "heading",
        level: linkedHeading[1].length,
        markdown: linkedHeading[2],
        url: linkedHeading[3] ?? null,
      });
      continue;
    }
    const heading = atxHeading.exec(line);
    if (heading?.[1]) {
      flush();
      const text = (heading[2] ?? heading[3] ?? "").replace(/\s+#+\s*$/, "");
      pieces.push({ kind: "heading", level: heading[1].length, markdown: text, url: null });
      continue;
    }
    const current = paragraph as { lines: string[] } | null;
    if (current?.lines.length === 1 && /^\s{0,3}(?:=+|-+)\s*$/.test(line)) {
      // Setext heading: the single line above is underlined.
      const text = current.lines[0] ?? "";
      paragraph = null;
      pieces.push({ kind: "heading", level: line.includes("=") ? 1 : 2, markdown: text, url: null });
      continue;
    }
    if (thematicBreak.test(line)) {
      flush();
      continue;
    }
    if (tableDivider.test(line) && line.includes("|")) continue;
    if (referenceDefinition.test(line)) continue;
    const quoteless = line.replace(/^\s{0,3}>\s?/, "");
    // Lines indented under a list item, quoted or not, continue that item.
    const indented = /^\s{2,}\S/.test(line);
    const list = listMarker.exec(quoteless);
    if (list) {
      const topLevel = quoteless === line && (list[1] ?? "").length < 2;
      addLine(quoteless.slice(list[0].length), { listItem: topLevel, indented: !topLevel && indented });
      continue;
    }
    if (numberedEntryLine.test(quoteless)) {
      addLine(quoteless, { listItem: false, indented });
      continue;
    }
    addLine(quoteless, paragraph === null ? { listItem: false, indented } : null);
  }
  flush();
  return pieces;
}

/** The line that closes a fence: the same character, at least as long, nothing else on it. */
export function closingFenceIndex(lines: string[], from: number, marker: string): number {
  const character = marker[0] === "`" ? "`" : "~";
  const closing = new RegExp(`^\\s{0,3}\\${character}{${marker.length},}\\s*$`);
  for (let index = from; index < lines.length; index += 1) {
    if (closing.test(lines[index] ?? "")) return index;
  }
  return -1;
}

/** A paragraph that is only a site-relative or in-page link (`[Newsletters](/newsletters)`, `返回目录`). */
export function isNavigationLink(markdown: string): boolean {
  const inner = markdown.replace(/<\/?(?:p|div|center|br|span)\b[^>]*>/gi, "").trim();
  const link = soleLink(inner);
  if (link && /^[/#]/.test(link.url)) return true;
  return /^<a\s[^>]*href=["']#[^>]*>[^<]*<\/a>$/i.test(inner);
}
