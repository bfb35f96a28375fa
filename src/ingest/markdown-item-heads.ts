import { isBareUrl } from "./clean-text.ts";
import { soleLink, stripInlineMarkdown } from "./markdown-inline.ts";
import {
  absoluteUrl,
  displayWidth,
  firstLinkUrl,
  hasText,
  leadingLink,
  leadTitle,
  maximumLeadTitleWidth,
} from "./markdown-item-titles.ts";
import type { MarkdownPiece } from "./markdown-lines.ts";

/**
 * Where a Markdown digest's items start and what their titles are (for markdown-items.ts, which
 * makes each a heading of the level below the section it sits in). Item shapes seen in real
 * archives:
 * - `12、[name](url)：description`: the link is the title (HelloGitHub, 科技爱好者周刊);
 * - `3、` alone on a line: the title is the lead of the paragraph that follows (quotations);
 * - `**Title**` alone on the first line of a paragraph (潮流周刊);
 * - list items that open with `**Title:**` or a link and go on for a paragraph (Bitcoin Optech);
 * - `（1）…` / `(1) …` / `1、…` paragraphs that open a section (news in brief): the lead is the title.
 * Numbered paragraphs in the middle of a story (a list of reasons) stay in that story.
 */

// A list of items with a lead is a digest when its items are this wide on average (columns of text;
// a Chinese character takes two); shorter runs are link lists (`* [PR title](url) for e2e tests`,
// `- [SR-11574](url) [Compiler] Using try …`), kept as one story. Chosen from the archive: digest
// items run 60–3,000 columns (median ~400), link-list bullets 30–160.
const minimumLeadItemLength = 200;
// Shorter items are a digest's too when each is a whole sentence (`[LDK #2770][] 开始准备…的支持。`,
// ~50 columns), where link lists are fragments, or when a section has just one; not `**Pros:** Fast.`.
const minimumSentenceItemLength = 40;

const numberedEntry = /^\s*(\d{1,3})\s*[、．]\s*/;
const parenthesisedNumber = /^\s*[（(](\d{1,2})[)）]\s*/;
export const boldLine = /^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*$/;
// `**Title:**` opening a list item; `****Title:**` is how a dropped anchor comment leaves it.
const boldLead = /^\s*(?:\*\*|__)+(.+?)(?:\*\*|__)\s*[:：]?\s*/;

/** Where an item starts: its title and what of the paragraph is left as its text. */
interface ItemHead {
  title: string;
  url: string | null;
  /** The paragraph's Markdown that remains as the item's text ("" for none). */
  text: string;
}

/** Item heads by piece index; null marks a piece folded into the next item. */
export function findItemHeads(pieces: MarkdownPiece[]): Map<number, ItemHead | null> {
  const heads = new Map<number, ItemHead | null>();
  findLeadItemRuns(pieces, heads);
  findNumberedRuns(pieces, heads);
  // Under an item's heading with no text yet, a bold line is that item's text, not a new title.
  let underEmptyItemHeading = false;
  for (const [index, piece] of pieces.entries()) {
    if (piece.kind === "heading") underEmptyItemHeading = piece.level >= 3;
    if (piece.kind !== "paragraph" || heads.has(index)) continue;
    const wasUnderEmptyItemHeading = underEmptyItemHeading;
    if (hasText(piece.lines)) underEmptyItemHeading = false;
    const titleLink =
      linkTitleLine(piece, nextWithText(pieces, index)) ??
      (wasUnderEmptyItemHeading ? null : boldTitleLine(piece));
    if (titleLink !== null) {
      heads.set(index, titleLink);
      continue;
    }
    const first = piece.lines[0] ?? "";
    const numbered = numberedEntry.exec(first);
    if (!numbered) continue;
    const rest = first.slice(numbered[0].length);
    const link = leadingLink(rest);
    if (link && link.text.trim() !== "") {
      // `（英文）` after the link marks the article's language; the description follows it.
      const rest = link.rest.replace(/^\s*[（(][^）)]{1,8}[)）]\s*$/, "").replace(/^\s*[:：\-–—,，]\s*/, "");
      const after = [rest, ...piece.lines.slice(1)].join("\n");
      heads.set(index, { title: link.text, url: absoluteUrl(link.url), text: after });
      continue;
    }
    const next = pieces[index + 1];
    if (rest.trim() === "" && piece.lines.length === 1 && next?.kind === "paragraph") {
      const text = next.lines.join("\n");
      heads.set(index, null);
      heads.set(index + 1, { title: leadTitle(stripInlineMarkdown(text)), url: null, text });
    }
  }
  return heads;
}

/**
 * `[Title](https://…)` alone as a paragraph, with a paragraph of text after it: the link is the
 * item's title (LWKD's featured PRs). A row of such lines is a link list, not items.
 */
function linkTitleLine(piece: MarkdownPiece, next: MarkdownPiece | undefined): ItemHead | null {
  if (piece.kind !== "paragraph" || piece.listItem || piece.lines.length !== 1) return null;
  const link = soleLink(piece.lines[0] ?? "");
  const url = absoluteUrl(link?.url ?? null);
  if (!link || url === null || isBareUrl(link.text) || !hasText([link.text])) return null;
  if (next?.kind !== "paragraph" || next.listItem || next.lines.length === 0) return null;
  const nextFirst = (next.lines[0] ?? "").trimStart();
  // A row of links (`[π](…)`, `[Pillow collection](…).`) is a link list, not titles over text.
  if (nextFirst.startsWith("[") || numberedEntry.test(nextFirst) || !hasText(next.lines)) return null;
  return { title: link.text, url, text: "" };
}

/**
 * `**Title**` alone as a paragraph, a headline's length: an item's title (潮流周刊's essays). A
 * bold line that states something — a label and its value ("Next Deadline: Code Freeze, 7th
 * November") or a sentence ("热烈欢迎周报团队的第 30 个编辑！") — is also the item's first text,
 * so an answer can quote what it says.
 */
function boldTitleLine(piece: MarkdownPiece): ItemHead | null {
  if (piece.kind !== "paragraph" || piece.listItem || piece.lines.length !== 1) return null;
  const bold = boldLine.exec(piece.lines[0] ?? "");
  if (!bold?.[1] || displayWidth(bold[1]) > maximumLeadTitleWidth) return null;
  const title = stripInlineMarkdown(bold[1]);
  return { title, url: null, text: statesSomething(title) ? bold[1] : "" };
}

/** A label and a value with a figure or date after it, or a sentence closed by its stop. */
function statesSomething(line: string): boolean {
  return /^[^:：]{2,40}[:：]\s*\S.*\d/u.test(line) || /[。！!.]$/u.test(line.trim());
}

/** The next piece that has text, past images and layout between items. */
function nextWithText(pieces: MarkdownPiece[], index: number): MarkdownPiece | undefined {
  for (let next = index + 1; next < pieces.length; next += 1) {
    const piece = pieces[next];
    if (piece?.kind !== "paragraph" || hasText(piece.lines)) return piece;
  }
  return undefined;
}

/** List items that open with a bold title or a link and run for a paragraph: one item each. */
function findLeadItemRuns(pieces: MarkdownPiece[], heads: Map<number, ItemHead | null>): void {
  let run: Array<{ index: number; head: ItemHead; length: number; sentence: boolean; titled: boolean }> = [];
  let broken = false;
  const close = () => {
    const total = run.reduce((sum, item) => sum + item.length, 0);
    const average = total / run.length;
    const digest =
      average >= minimumLeadItemLength ||
      (average >= minimumSentenceItemLength && (run.length === 1 || run.every((item) => item.sentence))) ||
      run.filter((item) => item.titled).length * 2 >= run.length;
    if (!broken && run.length > 0 && digest) {
      for (const item of run) heads.set(item.index, item.head);
    }
    run = [];
    broken = false;
  };
  for (const [index, piece] of pieces.entries()) {
    if (piece.kind === "heading") {
      close();
      continue;
    }
    if (piece.kind === "code") continue;
    if (piece.kind === "paragraph" && !piece.listItem && piece.indented) {
      // A continuation paragraph is part of the item above it.
      const last = run.at(-1);
      if (last) last.length += displayWidth(stripInlineMarkdown(piece.lines.join(" ")));
      continue;
    }
    if (!piece.listItem) {
      close();
      continue;
    }
    const head = listItemHead(piece.lines);
    if (head === null) broken = true;
    else {
      // A closing Liquid tag (`{% assign timestamp="1:03:24" %}`) does not end the sentence.
      const text = stripInlineMarkdown(piece.lines.join(" ")).replace(/\s*\{%[^%]*%\}\s*$/, "");
      run.push({
        index,
        head,
        length: displayWidth(text),
        sentence: /[.!?。！？]["”’）)]?$/.test(text),
        // `[Question?](url)` on its own line, the answer below: a title over its text.
        titled: piece.lines.length > 1 && isLeadOnly(piece.lines[0] ?? ""),
      });
    }
  }
  close();
}

function isLeadOnly(line: string): boolean {
  const link = leadingLink(line);
  if (link) return link.rest.trim() === "";
  return boldLine.test(line);
}

function listItemHead(lines: string[]): ItemHead | null {
  // `** **Title**`: an anchor comment (`**<!--anchor-->** **Title**`) leaves an empty bold pair.
  const markdown = lines.join("\n").replace(/^\s*\*\*\s*\*\*\s+(?=\*\*)/, "");
  const bold = boldLead.exec(markdown);
  if (bold?.[1]) {
    const title = stripInlineMarkdown(bold[1]).replace(/[:：]\s*$/, "");
    return title === "" ? null : { title, url: null, text: markdown.slice(bold[0].length) };
  }
  const link = leadingLink(markdown);
  // An identifier alone (`[SR-9466](…) [Compiler] Redo …`) names a ticket, not an item.
  if (link && /\p{L}{3}|\p{Script=Han}/u.test(link.text) && link.rest.trim() !== "") {
    return { title: stripInlineMarkdown(link.text), url: absoluteUrl(link.url), text: markdown };
  }
  return null;
}

/**
 * `（1）…（2）…` (or `1、…`) paragraphs that open a section are its items; each is titled with
 * its lead. A run needs at least two items numbered from 1 without gaps.
 */
function findNumberedRuns(pieces: MarkdownPiece[], heads: Map<number, ItemHead | null>): void {
  for (const [start, piece] of pieces.entries()) {
    if (piece.kind !== "heading") continue;
    const run: number[] = [];
    let expected = 1;
    for (let index = start + 1; index < pieces.length; index += 1) {
      const candidate = pieces[index];
      if (candidate === undefined || candidate.kind === "heading") break;
      if (candidate.kind !== "paragraph") continue;
      const number = plainNumberOf(candidate.lines[0] ?? "");
      if (number === expected) {
        run.push(index);
        expected += 1;
      } else if (run.length === 0 && hasText(candidate.lines)) {
        break; // text before the first number: a list inside a story, not a run of items
      }
    }
    if (run.length < 2) continue;
    for (const index of run) {
      const paragraph = pieces[index];
      if (paragraph?.kind !== "paragraph") continue;
      const text = paragraph.lines.join("\n");
      const withoutNumber = text.replace(parenthesisedNumber, "").replace(numberedEntry, "");
      heads.set(index, {
        title: leadTitle(stripInlineMarkdown(withoutNumber)),
        url: absoluteUrl(firstLinkUrl(paragraph.lines[0] ?? "")),
        text: withoutNumber,
      });
    }
  }
}

/** The number of a `（2）` / `(2)` / `2、` paragraph whose text is not a linked entry, else null. */
function plainNumberOf(line: string): number | null {
  const parenthesised = parenthesisedNumber.exec(line);
  const match = parenthesised ?? numberedEntry.exec(line);
  if (!match?.[1]) return null;
  const rest = line.slice(match[0].length);
  // `3、[name](url)` is a linked entry, titled by its link; `（2）[英伟达](url)宣布…` is a sentence.
  if (rest.trim() === "" || (!parenthesised && rest.startsWith("["))) return null;
  return Number(match[1]);
}
