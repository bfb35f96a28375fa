import * as lancedb from "@lancedb/lancedb";
import type { SearchFilters } from "../answer/answer-types.ts";
import type { ChunkPassage } from "./chunk-record.ts";
import { candidateColumns, toCandidate } from "./lancedb-candidates.ts";
import {
  filterPredicate,
  passageColumns,
  type Row,
  rowsOfTable,
  sqlString,
  toPassage,
} from "./lancedb-rows.ts";
import type { ScoredChunk, WeightedTerm } from "./store.ts";

/**
 * The chunk table's read queries: BM25 over the segmented search text, vector search, and the
 * reads of passages for citations, a story's chunks and a sample for term statistics. Each takes
 * the table to read (the store resolves the current one).
 */

/** Weight of a match in the other-language glosses relative to one in the passage's own words. */
const glossBoost = 0.5;

/** IVF partitions a vector query probes (see the index in lancedb-indexes.ts). */
export const vectorIndexProbes = 4;
/** HNSW search breadth: recall@10 ~0.87 at 10k hashed vectors with 96; higher costs little. */
export const vectorIndexEf = 160;

export async function lexicalQuery(
  table: lancedb.Table,
  terms: WeightedTerm[],
  limit: number,
  filters: SearchFilters | undefined,
  glosses: boolean,
): Promise<ScoredChunk[]> {
  // One match query over all the terms, own words and translations alike. A boolean query with
  // one boosted clause per weight would rank by the weights, but cost 2–3× as much (9 vs 3 ms at
  // 100k chunks, 60 ms at 1M); the weights are applied where ranking is decided, in the
  // term-coverage re-rank, and ranked the dev set the same.
  const words = [...new Set(terms.map(({ term }) => term.replace(/\s+/g, "")).filter((term) => term !== ""))];
  if (words.length === 0) return [];
  // A gloss is our translation, not the author's word: it counts for less.
  const query = glosses
    ? new lancedb.MultiMatchQuery(words.join(" "), ["search_text", "gloss_text"], {
        boosts: [1, glossBoost],
      })
    : new lancedb.MatchQuery(words.join(" "), "search_text");
  const predicate = filterPredicate(filters);
  let search = table
    .query()
    .fullTextSearch(query)
    .select([...candidateColumns, "_score"])
    .withRowId()
    .limit(limit);
  if (predicate) search = search.where(predicate);
  const rows = rowsOfTable(await search.toArrow());
  return rows.map((row) => ({ chunk: toCandidate(row), score: Number(row._score ?? 0) }));
}

export async function vectorQuery(
  table: lancedb.Table,
  vector: number[],
  limit: number,
  filters: SearchFilters | undefined,
): Promise<ScoredChunk[]> {
  const predicate = filterPredicate(filters);
  let search = table
    .vectorSearch(vector)
    .distanceType("cosine")
    .select([...candidateColumns, "_distance"])
    .withRowId()
    .limit(limit);
  // Probes and breadth only matter with an index, and are harmless without one.
  search = search.nprobes(vectorIndexProbes).ef(vectorIndexEf);
  if (predicate) search = search.where(predicate);
  const rows = rowsOfTable(await search.toArrow());
  return rows.map((row) => ({ chunk: toCandidate(row), score: 1 - Number(row._distance ?? 1) }));
}

/** Every chunk of one story of an issue, in no particular order. */
export async function storyQuery(
  table: lancedb.Table,
  docId: string,
  storyIndex: number,
): Promise<ChunkPassage[]> {
  return rowsOfTable(
    await table
      .query()
      .where(`doc_id = ${sqlString(docId)} AND story_index = ${storyIndex}`)
      .select([...passageColumns])
      .toArrow(),
  ).map(toPassage);
}

/** Up to `limit` chunks' search text, for term statistics (document frequencies). */
export async function searchTextSample(table: lancedb.Table, limit: number): Promise<string[]> {
  const rows = (await table.query().select(["search_text"]).limit(limit).toArray()) as Row[];
  return rows.map((row) => String(row.search_text));
}
