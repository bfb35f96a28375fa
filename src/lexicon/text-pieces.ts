import { foldEnglish, isStopword } from "../text/segment.ts";

/** The pieces of a text the lexicon looks up: its Chinese runs and its Latin words. */

export const cjkRunPattern = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;
/** The same characters, for a test (no global state). */
export const cjkRun = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const latinWordPattern = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** A Latin word as the search column has it (lower-cased, folded), with its case kept. */
export interface LatinToken {
  folded: string;
  capitalised: boolean;
  /** Pieces of a hyphenated word ("Slovakia-based"), tried as names when the whole word is unknown. */
  parts?: LatinToken[];
}

/**
 * Tokens by the word as written (null for a stopword): an archive has ~20 thousand distinct words
 * among ~200 thousand. Tokens are shared, so callers must not change them.
 */
const tokenOfWord = new Map<string, LatinToken | null>();
const maxRememberedWords = 100_000;

function latinToken(word: string): LatinToken | null {
  let token = tokenOfWord.get(word);
  if (token !== undefined) return token;
  const lower = word.toLowerCase();
  if (isStopword(lower)) token = null;
  else {
    token = { folded: foldEnglish(lower), capitalised: /^\p{Lu}/u.test(word) };
    if (word.includes("-")) {
      token.parts = word
        .split("-")
        .filter((part) => part.length > 0 && !isStopword(part.toLowerCase()))
        .map((part) => ({ folded: foldEnglish(part.toLowerCase()), capitalised: /^\p{Lu}/u.test(part) }));
    }
  }
  if (tokenOfWord.size >= maxRememberedWords) tokenOfWord.clear();
  tokenOfWord.set(word, token);
  return token;
}

/** Latin words of a text as the search column has them (lower-cased, folded, no stopwords), with case kept. */
export function latinTokens(text: string): readonly LatinToken[] {
  const tokens: LatinToken[] = [];
  const withoutChinese = text.normalize("NFKC").replace(cjkRunPattern, " \n ");
  for (const match of withoutChinese.matchAll(latinWordPattern)) {
    const token = latinToken(match[0]);
    if (token !== null) tokens.push(token);
  }
  return tokens;
}

/** The runs of Chinese characters in a text (NFKC-normalised). */
export function chineseRuns(text: string): string[] {
  return [...text.normalize("NFKC").matchAll(cjkRunPattern)].map((match) => match[0]);
}
