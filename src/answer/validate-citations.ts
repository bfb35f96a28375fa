/**
 * Citation markers in a generated answer, checked against the passages the model was given.
 * Models write [1], [1, 3], [1][2], [1-2] and, in Chinese, 【1】 or ［1］; the core renumbers plain
 * [n] markers, so every valid citation comes out as its own [n] and anything else is removed.
 */

export interface CitationCheck {
  /** The answer with valid markers rewritten as `[n]` and unknown ones removed. */
  text: string;
  /** Distinct valid passage numbers (1-based), in order of first appearance. */
  cited: number[];
  /** Distinct numbers that matched no passage and were removed. */
  removed: number[];
}

const separator = String.raw`\s*(?:[,，、;；]|-|–|—|~|～)\s*`;
// Optional spaces before the marker are captured so a removed marker takes its gap with it.
const markerPattern = new RegExp(
  String.raw`([ \t]*)[\[［【]\s*(\d{1,4}(?:${separator}\d{1,4})*)\s*[\]］】]`,
  "gu",
);

/** Longest range we expand ("[1-4]"); anything wider is a model confusion, not a citation. */
const maxRangeWidth = 20;

function numbersInMarker(inside: string): number[] {
  const numbers: number[] = [];
  // Split on separators but keep ranges: "1-3, 5" → ["1-3", "5"].
  for (const part of inside.split(/\s*[,，、;；]\s*/u)) {
    const range = /^(\d+)\s*(?:-|–|—|~|～)\s*(\d+)$/u.exec(part);
    if (range !== null) {
      const first = Number(range[1]);
      const last = Number(range[2]);
      if (last >= first && last - first <= maxRangeWidth) {
        for (let n = first; n <= last; n += 1) numbers.push(n);
      } else numbers.push(first, last);
    } else if (/^\d+$/.test(part)) numbers.push(Number(part));
  }
  return numbers;
}

/** Check every marker in `text` against passages numbered 1…`passageCount`. Pure. */
export function validateCitations(text: string, passageCount: number): CitationCheck {
  const cited: number[] = [];
  const removed: number[] = [];
  const output = text.replace(markerPattern, (_whole, spaces: string, inside: string) => {
    const valid: number[] = [];
    for (const n of numbersInMarker(inside)) {
      if (Number.isInteger(n) && n >= 1 && n <= passageCount) {
        if (!valid.includes(n)) valid.push(n);
        if (!cited.includes(n)) cited.push(n);
      } else if (!removed.includes(n)) removed.push(n);
    }
    return valid.length === 0 ? "" : spaces + valid.map((n) => `[${n}]`).join("");
  });
  return { text: output, cited, removed };
}

/**
 * Drop a marker still being typed at the end of a streamed text ("… in May [1" or "[1, "), so a
 * partial never shows half a citation. Complete markers are left alone.
 */
export function stripIncompleteMarker(text: string): string {
  return text.replace(/[ \t]*[[［【][\d\s,，、;；\-–—~～]*$/u, "");
}
