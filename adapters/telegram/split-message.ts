import { escapeHtml } from "./telegram-html.ts";

/**
 * Splitting long output into Telegram-sized messages. Splits happen between rendered lines or
 * inside plain source text that is escaped afterwards, so a part never ends inside a tag or
 * an entity.
 */

/** Telegram's hard limit on one text message (UTF-16 code units after entity parsing). */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/**
 * What parts aim for. We measure the HTML source, which is never shorter than the parsed text,
 * and keep some headroom below the hard limit.
 */
export const MESSAGE_PART_TARGET = 4000;

/** One rendered line and the plain text to cut up if the line alone is too long. */
export interface MessageLine {
  html: string;
  /** The same line without markup; escaped piece by piece when the line must be cut. */
  text: string;
}

/** Lines shown together. Parts break between paragraphs first, then between lines. */
export type MessageParagraph = MessageLine[];

interface Unit {
  html: string;
  /** What joins this unit to the previous one when both land in the same part. */
  separator: string;
}

/** Pack paragraphs into as few HTML parts as possible, each at most `limit` characters. */
export function packMessageParts(paragraphs: MessageParagraph[], limit = MESSAGE_PART_TARGET): string[] {
  const parts: string[] = [];
  let current = "";
  for (const unit of paragraphs.flatMap((paragraph) => paragraphUnits(paragraph, limit))) {
    if (current === "") {
      current = unit.html;
    } else if (current.length + unit.separator.length + unit.html.length <= limit) {
      current += unit.separator + unit.html;
    } else {
      parts.push(current);
      current = unit.html;
    }
  }
  if (current !== "") parts.push(current);
  return parts;
}

function paragraphUnits(paragraph: MessageParagraph, limit: number): Unit[] {
  const lines = paragraph.filter((line) => line.html !== "");
  if (lines.length === 0) return [];
  const whole = lines.map((line) => line.html).join("\n");
  if (whole.length <= limit) return [{ html: whole, separator: "\n\n" }];
  // Too long as one block: break between lines, and inside a line only when it alone is too long.
  return lines.flatMap((line, lineIndex) => {
    const separator = lineIndex === 0 ? "\n\n" : "\n";
    if (line.html.length <= limit) return [{ html: line.html, separator }];
    const pieces = splitPlainText(line.text, limit, (text) => escapeHtml(text).length);
    return pieces.map((piece, pieceIndex) => ({
      html: escapeHtml(piece),
      separator: pieceIndex === 0 ? separator : " ",
    }));
  });
}

/**
 * Cut plain text into pieces whose `measure` is at most `limit`, preferring paragraph breaks,
 * then line breaks, then spaces, and never splitting a surrogate pair.
 */
export function splitPlainText(
  text: string,
  limit: number,
  measure: (text: string) => number = (value) => value.length,
): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  // A text longer than `limit` cannot fit (see longestFittingPrefix); measure only shorter ones.
  while (rest !== "" && (rest.length > limit || measure(rest) > limit)) {
    const cut = bestCut(rest, longestFittingPrefix(rest, limit, measure));
    const piece = rest.slice(0, cut).trimEnd();
    if (piece !== "") pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== "") pieces.push(rest);
  return pieces;
}

// Measured length grows with the prefix, so a binary search finds the longest prefix that fits.
// Every measure used here (plain length, HTML or Markdown escaping) is at least the plain length,
// so no prefix longer than `limit` can fit: searching only up to it keeps long texts cheap.
function longestFittingPrefix(text: string, limit: number, measure: (text: string) => number): number {
  let low = 1;
  let high = Math.min(text.length, limit);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(text.slice(0, middle)) <= limit) low = middle;
    else high = middle - 1;
  }
  // Keep a high surrogate together with its low half.
  const last = text.charCodeAt(low - 1);
  if (low > 1 && last >= 0xd800 && last <= 0xdbff) return low - 1;
  return low;
}

// Prefer a natural boundary in the second half of the prefix; otherwise cut hard.
function bestCut(text: string, fitting: number): number {
  if (fitting >= text.length) return text.length;
  const prefix = text.slice(0, fitting + 1);
  const minimum = Math.floor(fitting / 2);
  for (const boundary of ["\n\n", "\n", " "]) {
    const at = prefix.lastIndexOf(boundary);
    if (at >= minimum && at > 0) return at;
  }
  return fitting;
}
