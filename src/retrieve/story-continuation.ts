import type { ChunkPassage, RetrievedPassage } from "../store/chunk-record.ts";
import type { ChunkStore, SearchCandidate, WeightedTerm } from "../store/store.ts";
import { tokenize } from "../text/segment.ts";
import { termCoverage } from "./term-coverage.ts";
import type { TermStatistics } from "./term-statistics.ts";

/**
 * The reads after ranking, and the story continuation: the chunk after the leading result in its
 * story joins the results (the question's words are often in one chunk and its answer in the next).
 */

/**
 * Where the leading result's next chunk goes (0-based): fifth, so the first four, ranked on the
 * question's words, stay. Measured with bench/story-continuation.ts on dev-large: paraphrase hit@5
 * 0.625 → 0.875, no other kind changed.
 */
export const continuationPlace = 4;

/** A result with the query's term coverage of it, which the answer gate reads. */
export interface HybridResult extends RetrievedPassage {
  coverage: number;
}

export interface FinalPassages {
  /** The results' passages (and the continuation's, when it was a candidate), by id. */
  rows: Map<string, ChunkPassage>;
  /** Where `addContinuation` looks for the leading result's next chunk. */
  story: ChunkPassage[];
}

/**
 * One round of reads after ranking: the results' passages (by the addresses the search found them
 * at), and alongside, when continuing, the leading result's next chunk. That chunk is not read when
 * it is a result already (a story's chunks are unique by place), and is read with the results when
 * the search found it too; otherwise it is looked up by its place in the story.
 */
export async function readFinalPassages(
  store: ChunkStore,
  top: readonly SearchCandidate[],
  candidates: Iterable<SearchCandidate>,
  continuation: boolean,
): Promise<FinalPassages> {
  const leading = top[0];
  let found: SearchCandidate | undefined;
  let lookUp = false;
  if (continuation && leading !== undefined && top.length >= continuationPlace) {
    const isNext = (candidate: SearchCandidate) =>
      candidate.docId === leading.docId &&
      candidate.storyIndex === leading.storyIndex &&
      candidate.chunkIndex === leading.chunkIndex + 1;
    if (!top.some(isNext)) {
      for (const candidate of candidates) if (found === undefined && isNext(candidate)) found = candidate;
      lookUp = found === undefined;
    }
  }
  const [passages, story] = await Promise.all([
    store.passagesOf(found === undefined ? [...top] : [...top, found]),
    lookUp && leading !== undefined
      ? store.storyChunkPassages(leading.docId, leading.storyIndex, leading.chunkIndex + 1)
      : Promise.resolve([]),
  ]);
  const rows = new Map(passages.map((row) => [row.id, row]));
  const continued = found === undefined ? undefined : rows.get(found.id);
  return { rows, story: continued === undefined ? story : [continued] };
}

/** The leading result's next chunk in its story, at `continuationPlace`, if not listed already. */
export function addContinuation(
  results: HybridResult[],
  story: readonly ChunkPassage[],
  options: { plan: { terms: WeightedTerm[] }; statistics: TermStatistics; limit: number },
): void {
  const [leading] = results;
  if (leading === undefined || results.length < continuationPlace) return;
  const next = story.find(
    (passage) =>
      passage.docId === leading.docId &&
      passage.storyIndex === leading.storyIndex &&
      passage.chunkIndex === leading.chunkIndex + 1,
  );
  if (next === undefined || results.some((result) => result.id === next.id)) return;
  const coverage = termCoverage(
    options.plan.terms,
    new Set(tokenize(`${next.story}\n${next.text}`)),
    options.statistics,
  );
  const before = results[continuationPlace - 1];
  results.splice(continuationPlace, 0, {
    ...next,
    score: before?.score ?? leading.score,
    coverage,
    lexicalRank: null,
    vectorRank: null,
  });
  if (results.length > options.limit) results.pop();
}
