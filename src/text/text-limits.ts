/**
 * Size bounds that hold on every platform, whatever a passage holds (a 400 KB "word", a title
 * that is a whole page). Adapters add their own platform limits on top; these keep an answer a
 * few messages long everywhere.
 */

/**
 * A word longer than this counts as one unit per this many characters when chunking, and is cut
 * there when a chunk must be split. 40 is above real words and identifiers (the longest common
 * English word is ~30 letters) and well below anything that would make a chunk of 260 units huge.
 */
export const MAX_WORD_CHARACTERS = 40;

/** One quoted sentence in an extractive answer. Real sentences are < 400 characters; three fit a message. */
export const QUOTED_SENTENCE_CHARACTER_CAP = 600;

/** A whole answer's text (generated or extractive): one Telegram message or two Slack sections at most. */
export const ANSWER_CHARACTER_CAP = 3000;

/** A citation's quote (the passage): above the longest real chunk (260 units ≈ 1,600 characters). */
export const QUOTE_CHARACTER_CAP = 2000;

/** Publication, issue title and story title in a citation or related story. */
export const TITLE_CHARACTER_CAP = 300;

const ellipsis = "…";
const cjkCharacter = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;

/**
 * `text` cut to at most `maxCharacters` (ellipsis included): at the last space in the second half
 * of what fits, else after a CJK character (each one is a word), else at any character — never
 * inside a surrogate pair.
 */
export function truncateAtBoundary(text: string, maxCharacters: number): string {
  if (text.length <= maxCharacters) return text;
  let end = Math.max(1, maxCharacters - ellipsis.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // keep surrogate pairs whole
  const head = text.slice(0, end);
  if (/\s/u.test(text[end] ?? "")) return `${head.trimEnd()}${ellipsis}`; // ends at a word's end
  const space = head.search(/\s\S*$/u);
  if (space >= end / 2) return `${head.slice(0, space).trimEnd()}${ellipsis}`;
  const lastCharacter = head.at(-1) ?? "";
  if (!cjkCharacter.test(lastCharacter)) {
    // Back up to just after the last CJK character in the second half, when there is one.
    for (let index = head.length - 1; index >= end / 2; index--) {
      if (cjkCharacter.test(head[index] ?? "")) return `${head.slice(0, index + 1)}${ellipsis}`;
    }
  }
  return `${head.trimEnd()}${ellipsis}`;
}
