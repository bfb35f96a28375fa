import type { SearchFilters } from "../answer/answer-types.ts";
import type { RetrievedPassage } from "../store/chunk-record.ts";
import type { ChunkStore, StoredChunk } from "../store/store.ts";
import { diversify } from "./diversify.ts";
import type { QueryPlan } from "./query-plan.ts";
import { reciprocalRankFusion } from "./rank-fusion.ts";
import { termCoverage } from "./term-coverage.ts";
import type { TermStatistics } from "./term-statistics.ts";

export interface HybridSearchOptions {
  store: ChunkStore;
  embedQuery: (text: string) => Promise<number[]>;
  statistics: TermStatistics;
  plan: QueryPlan;
  /** Results wanted. */
  limit: number;
  filters?: SearchFilters | undefined;
  /** Candidates taken from each of BM25 and vector search before fusion. Default 40. */
  candidates?: number;
  /**
   * Weight of the vector list in rank fusion (BM25 has 1). Default 0.25, right for the hashing
   * embedder, whose vectors mostly repeat the lexical signal; semantic embeddings deserve ~1.
   */
  vectorWeight?: number;
  /** Share of the final score given to term coverage, the rest to fused rank. Default 0.75 (tuned on the dev set). */
  coverageWeight?: number;
}

/** A result with the query's term coverage of it, which the answer gate reads. */
export interface HybridResult extends RetrievedPassage {
  coverage: number;
}

/**
 * BM25 over pre-segmented text and cosine vector search, fused by weighted reciprocal rank, then
 * re-ranked with the query's idf-weighted term coverage of each candidate (title included), and
 * diversified so that no story takes more than two of the top places.
 */
export async function hybridSearch(options: HybridSearchOptions): Promise<HybridResult[]> {
  const candidates = options.candidates ?? 40;
  const [lexical, vector] = await Promise.all([
    options.store.lexicalSearch(options.plan.terms, candidates, options.filters),
    options
      .embedQuery(options.plan.embedText)
      .then((embedding) => options.store.vectorSearch(embedding, candidates, options.filters)),
  ]);
  const byId = new Map<string, StoredChunk>();
  for (const { chunk } of [...lexical, ...vector]) byId.set(chunk.id, chunk);
  const lexicalIds = lexical.map((result) => result.chunk.id);
  const vectorIds = vector.map((result) => result.chunk.id);
  const fused = reciprocalRankFusion([
    { ids: lexicalIds, weight: 1 },
    { ids: vectorIds, weight: options.vectorWeight ?? 0.25 },
  ]);
  const coverageWeight = options.coverageWeight ?? 0.75;
  const maxFused = Math.max(1e-9, ...fused.values());
  const scored: HybridResult[] = [];
  for (const [id, fusedScore] of fused) {
    const chunk = byId.get(id)!;
    const coverage = termCoverage(
      options.plan.terms,
      new Set(chunk.searchText.split(" ")),
      options.statistics,
    );
    const lexicalRank = lexicalIds.indexOf(id);
    const vectorRank = vectorIds.indexOf(id);
    const { searchText: _searchText, textHash: _textHash, docHash: _docHash, ...rest } = chunk;
    scored.push({
      ...rest,
      score: (1 - coverageWeight) * (fusedScore / maxFused) + coverageWeight * coverage,
      coverage,
      lexicalRank: lexicalRank === -1 ? null : lexicalRank + 1,
      vectorRank: vectorRank === -1 ? null : vectorRank + 1,
    });
  }
  scored.sort((left, right) => right.score - left.score || left.id.localeCompare(right.id));
  return diversify(scored, (result) => `${result.docId}#${result.storyIndex}`, 2).slice(0, options.limit);
}
