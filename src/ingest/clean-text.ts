import { removeInvisibleCharacters } from "../text/normalize.ts";

export { removeInvisibleCharacters };

/**
 * Character-level clean-up shared by every reader. Newsletters pad preheaders with invisible
 * characters and non-breaking spaces; left in, they pollute chunks and exact-match search.
 */

// Every kind of horizontal or vertical space, including NBSP and the ideographic space.
const anyWhitespace = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/** One line of plain text: invisible characters removed, all whitespace runs collapsed to one space. */
export function normaliseInlineText(text: string): string {
  return removeInvisibleCharacters(text).replace(anyWhitespace, " ").trim();
}

/**
 * Multi-line text (code blocks): invisible characters removed, line breaks kept, trailing spaces
 * and leading/trailing blank lines dropped.
 */
export function normalisePreformattedText(text: string): string {
  return removeInvisibleCharacters(text)
    .replace(/\r\n?/g, "\n")
    .replace(/[\t\u00a0]/g, (character) => (character === "\t" ? "  " : " "))
    .replace(/[ ]+\n/g, "\n")
    .replace(/^\n+|\s+$/g, "");
}

/** True when the text has at least one letter or digit, i.e. it is more than punctuation or emoji. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** True when the whole text is a single URL (a link printed as its own address). */
export function isBareUrl(text: string): boolean {
  return /^<?(?:https?:\/\/|www\.)\S+>?$/i.test(text.trim());
}
