import type { SearchFilters } from "../answer/answer-types.ts";
import type { ChunkStore, SearchCandidate, WeightedTerm } from "../store/store.ts";
import { sentencesOfSearchText } from "../text/sentence-mark.ts";
import { diversify } from "./diversify.ts";
import type { QueryPlan } from "./query-plan.ts";
import { reciprocalRankFusion } from "./rank-fusion.ts";
import { addContinuation, type HybridResult, readFinalPassages } from "./story-continuation.ts";
import { sentenceMatcher, termFinder, termMatcher } from "./term-coverage.ts";
import type { TermStatistics } from "./term-statistics.ts";
import { askedVersions, conflictsWithAsked, versionConflictPenalty } from "./version-conflict.ts";

export interface HybridSearchOptions {
  store: ChunkStore;
  /**
   * Embeds the query for the vector leg. Absent: BM25 candidates only (the hashing embedder's
   * vectors repeat BM25's signal; see src/embed/vector-leg.ts).
   */
  embedQuery?: ((text: string) => Promise<number[]>) | undefined;
  statistics: TermStatistics;
  plan: QueryPlan;
  /** Results wanted. */
  limit: number;
  filters?: SearchFilters | undefined;
  /** Candidates taken from each of BM25 and vector search before fusion. Default 40. */
  candidates?: number;
  /**
   * Weight of the vector list in rank fusion (BM25 has 1). Default 1: semantic embeddings find
   * paraphrases BM25 misses. (0.25 was the weight for the hashing embedder, whose vectors mostly
   * repeat the lexical signal; its leg is now not run at all, see src/embed/vector-leg.ts.)
   */
  vectorWeight?: number;
  /** Leading candidates re-scored by their best sentence. Default 20. */
  rerankDepth?: number;
  /** Weight of the best sentence's coverage added in that re-scoring. Default 0.3. */
  sentenceWeight?: number;
  /** Share of the final score given to term coverage, the rest to fused rank. Default 0.75 (tuned on the dev set). */
  coverageWeight?: number;
  /**
   * Pseudo-relevance feedback: terms drawn from the leading candidates of the first ranking (by
   * their coverage), with which every candidate is re-scored. The coverage reported to the answer
   * gate stays that of the question's own plan.
   */
  feedback?: (terms: WeightedTerm[], leading: Array<{ searchText: string; score: number }>) => WeightedTerm[];
  /**
   * Whether the chunk after the leading result in its story joins the results (at
   * `continuationPlace`) when it is not there already: the question's words are often in one
   * chunk and its answer in the next. Default true.
   */
  continuation?: boolean;
}

export { continuationPlace, type HybridResult } from "./story-continuation.ts";

/**
 * BM25 over pre-segmented text and cosine vector search, fused by weighted reciprocal rank, then
 * re-ranked with the query's idf-weighted term coverage of each candidate (title included), and
 * diversified so that no story takes more than two of the top places.
 */
export async function hybridSearch(options: HybridSearchOptions): Promise<HybridResult[]> {
  const candidates = options.candidates ?? 40;
  // One BM25 query gathers candidates for the question's own words and their cross-language
  // expansions alike; the weights act in the coverage re-rank below, which also counts a
  // translated concept once, so passages in the asker's own words are not crowded out. (Separate
  // BM25 lists for own words and expansions, or a boosted clause per weight, cost 2–3× as much and
  // ranked no better on the dev set.)
  const embedQuery = options.embedQuery;
  const [lexical, vector] = await Promise.all([
    options.store.lexicalSearch(options.plan.terms, candidates, options.filters, { glosses: true }),
    embedQuery === undefined
      ? []
      : embedQuery(options.plan.embedText).then((embedding) =>
          options.store.vectorSearch(embedding, candidates, options.filters),
        ),
  ]);
  const byId = new Map<string, SearchCandidate>();
  for (const { chunk } of [...lexical, ...vector]) byId.set(chunk.id, chunk);
  const lexicalIds = lexical.map((result) => result.chunk.id);
  const vectorIds = vector.map((result) => result.chunk.id);
  const fused = reciprocalRankFusion([
    { ids: lexicalIds, weight: 1 },
    { ids: vectorIds, weight: options.vectorWeight ?? 1 },
  ]);
  const coverageWeight = options.coverageWeight ?? 0.75;
  const maxFused = Math.max(1e-9, ...fused.values());
  const ranked: Array<{ candidate: SearchCandidate; score: number; coverage: number }> = [];
  const coverageOf = termMatcher(options.plan.terms, options.statistics);
  const findTerms = termFinder(options.plan.terms);
  for (const [id, fusedScore] of fused) {
    const candidate = byId.get(id)!;
    const { coverage } = coverageOf(findTerms(candidate.searchText), findTerms(candidate.glossText));
    const score = (1 - coverageWeight) * (fusedScore / maxFused) + coverageWeight * coverage;
    ranked.push({ candidate, score, coverage });
  }
  ranked.sort(
    (left, right) => right.score - left.score || left.candidate.id.localeCompare(right.candidate.id),
  );
  let rankingTerms = options.plan.terms;
  const feedback =
    options.feedback?.(
      options.plan.terms,
      ranked
        .slice(0, 10)
        .map(({ candidate, coverage }) => ({ searchText: candidate.searchText, score: coverage }))
        .sort((left, right) => right.score - left.score),
    ) ?? [];
  if (feedback.length > 0) {
    rankingTerms = [...options.plan.terms, ...feedback];
    const feedbackCoverageOf = termMatcher(rankingTerms, options.statistics);
    const findRankingTerms = termFinder(rankingTerms);
    for (const entry of ranked) {
      const { coverage: withFeedback } = feedbackCoverageOf(
        findRankingTerms(entry.candidate.searchText),
        findRankingTerms(entry.candidate.glossText),
      );
      entry.score =
        (1 - coverageWeight) * ((fused.get(entry.candidate.id) ?? 0) / maxFused) +
        coverageWeight * withFeedback;
    }
    ranked.sort(
      (left, right) => right.score - left.score || left.candidate.id.localeCompare(right.candidate.id),
    );
  }
  // The leading candidates are re-scored by their best sentence: a passage that answers in one
  // sentence beats one whose matching words are scattered (a proximity signal), read from the
  // sentence-marked search text, so nothing is re-read or re-segmented.
  const group = ({ candidate }: (typeof ranked)[number]) => `${candidate.docId}#${candidate.storyIndex}`;
  const leading = diversify(ranked, group, 2).slice(0, Math.max(options.limit, options.rerankDepth ?? 20));
  // … and a passage about another release than the one asked for steps down (version-conflict.ts).
  const versions = askedVersions(options.plan.terms);
  const bestSentenceOf = bestSentenceCoverageOf(rankingTerms, options.statistics);
  for (const entry of leading) {
    entry.score += (options.sentenceWeight ?? 0.3) * bestSentenceOf(entry.candidate.searchText);
    if (conflictsWithAsked(versions, entry.candidate.searchText)) entry.score -= versionConflictPenalty;
  }
  leading.sort(
    (left, right) => right.score - left.score || left.candidate.id.localeCompare(right.candidate.id),
  );
  const top = diversify(leading, group, 2).slice(0, options.limit);
  // Only the results that are returned need their text and metadata (and the leading result's
  // next chunk in its story, read alongside: see `readFinalPassages`).
  const { rows, story } = await readFinalPassages(
    options.store,
    top.map(({ candidate }) => candidate),
    byId.values(),
    options.continuation !== false,
  );
  const results: HybridResult[] = [];
  for (const { candidate, score, coverage } of top) {
    const row = rows.get(candidate.id);
    if (row === undefined) continue; // deleted between the search and the read
    const lexicalRank = lexicalIds.indexOf(candidate.id);
    const vectorRank = vectorIds.indexOf(candidate.id);
    results.push({
      ...row,
      score,
      coverage,
      lexicalRank: lexicalRank === -1 ? null : lexicalRank + 1,
      vectorRank: vectorRank === -1 ? null : vectorRank + 1,
    });
  }
  addContinuation(results, story, options);
  return results;
}

/** Coverage of the query by a chunk's best sentence, with its story title as context. */
export function bestSentenceCoverage(
  terms: WeightedTerm[],
  searchText: string,
  statistics: TermStatistics,
): number {
  return bestSentenceCoverageOf(terms, statistics)(searchText);
}

/** `bestSentenceCoverage` for one query over many chunks: the query's matcher is made once. */
export function bestSentenceCoverageOf(
  terms: WeightedTerm[],
  statistics: TermStatistics,
): (searchText: string) => number {
  const matcher = sentenceMatcher(terms, statistics);
  return (searchText) => {
    const { title, sentences } = sentencesOfSearchText(searchText);
    let best = 0;
    for (const sentence of sentences.length > 0 ? sentences : [[]]) {
      const { coverage } = matcher(new Set(sentence), title);
      if (coverage > best) best = coverage;
    }
    return best;
  };
}
