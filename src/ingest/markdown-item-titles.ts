import { stripInlineMarkdown } from "./markdown-inline.ts";

/** The titles and links of digest items: a title cut from an item's lead, a leading link, a URL. */

// Titles made from an item's lead are cut at a clause boundary within this many columns (a
// Chinese character takes two): about a headline's length, 40 characters of Chinese or 80 of English.
export const maximumLeadTitleWidth = 80;

export function hasText(lines: string[]): boolean {
  return /[\p{L}\p{N}]/u.test(stripInlineMarkdown(lines.join(" ")));
}

/**
 * A title from an item's first words: its first sentence, cut at a clause boundary when long
 * (`欧盟规定，今年7月7日起，…` keeps whole clauses), without the closing full stop.
 */
export function leadTitle(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const sentenceEnd = /[。！？]|[.!?](?=\s|$)/.exec(flat);
  let title = sentenceEnd ? flat.slice(0, sentenceEnd.index + 1) : flat;
  if (displayWidth(title) > maximumLeadTitleWidth) {
    const clauses = [...title.matchAll(/[，,；;：:]/g)]
      .map((match) => match.index ?? 0)
      .filter((index) => {
        const width = displayWidth(title.slice(0, index));
        return width >= maximumLeadTitleWidth / 3 && width <= maximumLeadTitleWidth;
      });
    const clause = clauses.at(-1);
    title = clause !== undefined ? title.slice(0, clause) : `${clipToWidth(title, maximumLeadTitleWidth)}…`;
  }
  return title.replace(/[。.]$/, "").trim();
}

/** Width as printed: a Chinese, Japanese or Korean character takes two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/.test(
      character,
    )
      ? 2
      : 1;
  return width;
}

export function clipToWidth(text: string, maximum: number): string {
  let clipped = "";
  for (const character of text) {
    if (displayWidth(clipped + character) > maximum) break;
    clipped += character;
  }
  // End on a word boundary in Latin text.
  const wordEnd = clipped.replace(/\s+\S*$/, "");
  return (/[a-z0-9]$/i.test(clipped) && wordEnd.length > clipped.length / 2 ? wordEnd : clipped).replace(
    /[\s,，;；:：]+$/,
    "",
  );
}

/** `[text](url)`, `[text][ref]` or `[text][]` at the very start of the Markdown, brackets balanced. */
export function leadingLink(markdown: string): { text: string; url: string | null; rest: string } | null {
  const start = markdown.search(/\S/);
  if (start < 0 || markdown[start] !== "[") return null;
  let depth = 0;
  let end = -1;
  for (let index = start; index < markdown.length; index += 1) {
    const character = markdown[index];
    if (character === "\\") {
      index += 1;
    } else if (character === "[") {
      depth += 1;
    } else if (character === "]") {
      depth -= 1;
      if (depth === 0) {
        end = index;
        break;
      }
    }
  }
  if (end < 0) return null;
  const text = markdown.slice(start + 1, end);
  const after = markdown.slice(end + 1);
  const inline = /^\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+["'][^"']*["'])?\s*\)/.exec(after);
  if (inline) return { text, url: inline[1] ?? null, rest: after.slice(inline[0].length) };
  const reference = /^\[[^\]]*\]/.exec(after);
  if (reference) return { text, url: null, rest: after.slice(reference[0].length) };
  // A shortcut reference (`[BIPs #1396] updates …`), but not a task box (`[ ]`, `[x]`).
  if (/^\s/.test(after) && /\p{L}{2}/u.test(text)) return { text, url: null, rest: after };
  return null;
}

/** Keep only absolute http(s) URLs; relative links have no base to resolve against. */
export function absoluteUrl(url: string | null): string | null {
  if (!url) return null;
  const decoded = url.replace(/&amp;/g, "&");
  return /^https?:\/\//i.test(decoded) ? decoded : null;
}

export function firstLinkUrl(markdown: string): string | null {
  return /\]\(\s*<?(https?:\/\/[^)\s>]+)/.exec(markdown)?.[1] ?? null;
}
