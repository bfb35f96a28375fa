import { validateCitations } from "./validate-citations.ts";

/**
 * Renumber an answer's markers so citations read [1], [2], … in order of first use, and return
 * which passages (0-based indexes into what the answerer was given) they point to.
 */
export function renumberCitations(
  text: string,
  passageCount: number,
): { text: string; passageIndexes: number[] } {
  const checked = validateCitations(text, passageCount);
  const newNumber = new Map(checked.cited.map((original, index) => [original, index + 1]));
  const renumbered = checked.text.replace(/\[(\d+)\]/g, (marker, digits: string) => {
    const mapped = newNumber.get(Number(digits));
    return mapped === undefined ? marker : `[${mapped}]`;
  });
  return { text: renumbered, passageIndexes: checked.cited.map((original) => original - 1) };
}
