import type { WeightedTerm } from "../store/store.ts";
import type { TermStatistics } from "./term-statistics.ts";

/**
 * How much of a query a text covers: the specificity-weighted (idf) share of the query's own
 * terms found in the text, where a lower-weight term (earlier turn, other-language expansion)
 * that is found counts at its weight. 0 = nothing, 1 = every term. Used to re-rank candidates,
 * to pick answer sentences and to decide whether the briefs cover a question at all.
 */
export function termCoverage(
  terms: WeightedTerm[],
  tokens: ReadonlySet<string>,
  statistics: TermStatistics,
): number {
  let total = 0;
  let found = 0;
  for (const { term, weight } of terms) {
    const idf = statistics.idf(term);
    if (weight >= 1) total += idf;
    if (tokens.has(term)) found += weight * idf;
  }
  return total === 0 ? 0 : Math.min(1, found / total);
}
