import { sentenceMatcher } from "../retrieve/term-coverage.ts";
import type { TermStatistics } from "../retrieve/term-statistics.ts";
import type { ChunkPassage } from "../store/chunk-record.ts";
import type { WeightedTerm } from "../store/store.ts";
import { tokenize } from "../text/segment.ts";
import { splitIntoSentences } from "../text/split-into-sentences.ts";
import { stripFootnoteMarkers } from "./answer-sentences.ts";

/**
 * The sentence of a passage that best covers the question: the quote shown under a citation when
 * the answerer did not say which sentence it used (a generated answer).
 */
export function bestSentence(
  passage: ChunkPassage,
  terms: WeightedTerm[],
  statistics: TermStatistics,
): string {
  const title = new Set(tokenize(passage.story));
  const match = sentenceMatcher(terms, statistics);
  let best = "";
  let bestCoverage = -1;
  for (const raw of splitIntoSentences(passage.text)) {
    const text = stripFootnoteMarkers(raw);
    if (text === "") continue;
    const { coverage } = match(new Set(tokenize(text)), title);
    if (coverage > bestCoverage) {
      best = text;
      bestCoverage = coverage;
    }
  }
  return best || passage.text;
}
