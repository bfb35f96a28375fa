import { splitIntoSentences } from "./split-into-sentences.ts";
import { MAX_WORD_CHARACTERS } from "./text-limits.ts";

/**
 * Packs a story's sentences into chunks under a size budget, with one sentence of overlap.
 * Size is counted in "units" close to model tokens: one per CJK character, one per Latin word
 * (so a Chinese chunk is not three times longer in meaning than an English one of equal length).
 */

export interface ChunkingOptions {
  /** Aim for chunks of about this many units. Default 160: small enough that a passage answers one thing. */
  targetUnits?: number;
  /** Never exceed this, splitting an over-long sentence at clause marks or, failing that, by units. Default 260. */
  maxUnits?: number;
  /** Carry the previous chunk's last sentence when it is at most this long. Default 60. */
  overlapUnits?: number;
}

export function countUnits(text: string): number {
  let units = 0;
  for (const match of text.matchAll(/[\u3400-\u9fff\uf900-\ufaff]|[\p{L}\p{N}]+/gu)) {
    // An over-long "word" (a pasted hash, a 400 KB token) weighs by its length, so it is cut.
    units += Math.ceil(match[0].length / MAX_WORD_CHARACTERS);
  }
  return units;
}

export function splitIntoChunks(text: string, options: ChunkingOptions = {}): string[] {
  const target = options.targetUnits ?? 160;
  const max = options.maxUnits ?? 260;
  const overlap = options.overlapUnits ?? 60;
  const paragraphs = text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);

  // Sentences, with a flag where a paragraph begins, so chunks prefer paragraph boundaries.
  const pieces: Array<{ text: string; units: number; paragraphStart: boolean }> = [];
  for (const paragraph of paragraphs) {
    let first = true;
    for (const sentence of splitIntoSentences(paragraph)) {
      for (const part of splitLongSentence(sentence, max)) {
        pieces.push({ text: part, units: countUnits(part), paragraphStart: first });
        first = false;
      }
    }
  }

  const chunks: string[] = [];
  let current: typeof pieces = [];
  let currentUnits = 0;
  let newSinceFlush = 0;
  const flush = () => {
    if (current.length > 0 && newSinceFlush > 0) chunks.push(joinPieces(current));
    const last = current[current.length - 1];
    current =
      last !== undefined && last.units <= overlap && current.length > 1
        ? [{ ...last, paragraphStart: false }]
        : [];
    currentUnits = current.reduce((sum, piece) => sum + piece.units, 0);
    newSinceFlush = 0;
  };
  for (const piece of pieces) {
    const wouldBe = currentUnits + piece.units;
    const atBoundary = piece.paragraphStart && currentUnits >= target * 0.6;
    if (current.length > 0 && newSinceFlush > 0 && (wouldBe > max || currentUnits >= target || atBoundary))
      flush();
    current.push(piece);
    currentUnits += piece.units;
    newSinceFlush += 1;
  }
  flush();
  return chunks;
}

function joinPieces(pieces: Array<{ text: string; paragraphStart: boolean }>): string {
  let out = "";
  for (const [index, piece] of pieces.entries()) {
    if (index === 0) out = piece.text;
    else if (piece.paragraphStart) out += `\n\n${piece.text}`;
    else out += needsSpace(out, piece.text) ? ` ${piece.text}` : piece.text;
  }
  return out;
}

function needsSpace(before: string, after: string): boolean {
  const last = before[before.length - 1] ?? "";
  const first = after[0] ?? "";
  return !(/[\u3000-\u9fff\uff00-\uffef]/u.test(last) && /[\u3000-\u9fff\uff00-\uffef]/u.test(first));
}

/** Split a sentence longer than `max` units at clause marks, then by units as a last resort. */
export function splitLongSentence(sentence: string, max: number): string[] {
  if (countUnits(sentence) <= max) return [sentence];
  const clauses = sentence.split(/(?<=[,，、;:：])\s*/u);
  const out: string[] = [];
  let current = "";
  for (const clause of clauses) {
    if (countUnits(clause) > max) {
      if (current) out.push(current);
      current = "";
      out.push(...splitByUnits(clause, max));
      continue;
    }
    const candidate = current ? `${current}${needsSpace(current, clause) ? " " : ""}${clause}` : clause;
    if (countUnits(candidate) > max) {
      out.push(current);
      current = clause;
    } else current = candidate;
  }
  if (current) out.push(current);
  return out.filter((part) => part.trim().length > 0);
}

function splitByUnits(text: string, max: number): string[] {
  const out: string[] = [];
  let current = "";
  let units = 0;
  for (const match of text.matchAll(
    /[\u3400-\u9fff\uf900-\ufaff]|[\p{L}\p{N}]+|[^\p{L}\p{N}\u3400-\u9fff\uf900-\ufaff]+/gu,
  )) {
    const isUnit = /[\p{L}\p{N}]/u.test(match[0]);
    // An over-long word is cut into pieces of MAX_WORD_CHARACTERS, each one unit.
    const pieces = isUnit ? cutLongWord(match[0]) : [match[0]];
    for (const token of pieces) {
      if (isUnit && units >= max) {
        out.push(current.trim());
        current = "";
        units = 0;
      }
      current += token;
      if (isUnit) units += 1;
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

function cutLongWord(word: string): string[] {
  if (word.length <= MAX_WORD_CHARACTERS) return [word];
  const pieces: string[] = [];
  for (let start = 0; start < word.length; ) {
    let end = Math.min(word.length, start + MAX_WORD_CHARACTERS);
    const code = word.charCodeAt(end - 1);
    if (end < word.length && code >= 0xd800 && code <= 0xdbff) end -= 1; // keep surrogate pairs whole
    pieces.push(word.slice(start, end));
    start = end;
  }
  return pieces;
}
