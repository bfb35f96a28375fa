import type { TermStatistics } from "../retrieve/term-statistics.ts";
import type { WeightedTerm } from "../store/store.ts";
import { isStopword } from "../text/segment.ts";

/**
 * Pseudo-relevance feedback in the manner of RM3 (Lavrenko & Croft's relevance model mixed with the
 * query): when the first pass is weak — its best passage covers little of the question — the
 * words that the leading passages share, weighted by how well each passage matched and by how
 * specific the word is, join the query at a low weight, and the candidates already gathered are
 * re-scored. No second search: the re-scoring reads the candidates' search text, which the first
 * pass already holds, so the cost is a few hundred set lookups.
 */

export const feedbackSettings = {
  /**
   * The first pass is weak below this best coverage (of 1); stronger passes are left alone.
   * Measured on the dev sets and our archive questions (bench:paraphrase): at 0.8 feedback fired
   * on most questions and moved more right passages down than up; at 0.45–0.5 it still cost a
   * Chinese question its passage; at 0.4 it raised dev-large hit@5 0.872 → 0.897 and our archive
   * questions' 0.55 → 0.60 with no loss; at 0.3 it seldom fired and changed nothing.
   */
  weakCoverage: 0.4,
  /** Leading passages the feedback words are drawn from (RM3's usual 3–10; few, as passages are short). */
  passages: 3,
  /** Feedback words added. */
  terms: 6,
  /** Weight of the strongest feedback word; the others in proportion. Below every synonym. */
  weight: 0.2,
  /** A word must appear in at least this many of the leading passages (one passage is its own topic). */
  minimumPassages: 2,
} as const;

export interface FeedbackPassage {
  /** Space-separated search tokens (the store's search column; sentence marks included). */
  searchText: string;
  /** How well it matched the first pass (its coverage), the passage's relevance weight. */
  score: number;
}

/** Feedback terms from the leading passages of a weak first pass (none when the pass is strong). */
export function feedbackTerms(
  terms: readonly WeightedTerm[],
  leading: readonly FeedbackPassage[],
  statistics: TermStatistics,
  isQuestionWord: (token: string) => boolean,
): WeightedTerm[] {
  const top = leading.slice(0, feedbackSettings.passages);
  if (top.length < feedbackSettings.minimumPassages) return [];
  if (Math.max(...top.map((passage) => passage.score)) >= feedbackSettings.weakCoverage) return [];
  const asked = new Set(terms.map((term) => term.term));
  const relevance = new Map<string, number>();
  const passagesWith = new Map<string, number>();
  for (const passage of top) {
    const tokens = passage.searchText.split(" ").filter((token) => /[\p{L}]/u.test(token));
    if (tokens.length === 0) continue;
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const [token, count] of counts) {
      if (asked.has(token) || isStopword(token) || isQuestionWord(token) || [...token].length < 2) continue;
      relevance.set(token, (relevance.get(token) ?? 0) + passage.score * (count / tokens.length));
      passagesWith.set(token, (passagesWith.get(token) ?? 0) + 1);
    }
  }
  const ranked = [...relevance]
    .filter(([token]) => (passagesWith.get(token) ?? 0) >= feedbackSettings.minimumPassages)
    .map(([token, value]) => [token, value * statistics.idf(token)] as const)
    .sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))
    .slice(0, feedbackSettings.terms);
  const strongest = ranked[0]?.[1] ?? 0;
  return ranked.map(([term, value]) => ({
    term,
    weight: Math.round(((feedbackSettings.weight * value) / strongest) * 100) / 100,
    source: "feedback" as const,
    senseSupported: false,
  }));
}
