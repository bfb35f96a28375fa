import type * as lancedb from "@lancedb/lancedb";
import type { ChunkPassage } from "./chunk-record.ts";
import { passageColumns, type Row, rowsOfTable, sqlList, sqlString, toPassage } from "./lancedb-rows.ts";
import type { SearchCandidate } from "./store.ts";

/**
 * Search candidates and the reads of the final few: a search reads just enough to rank, with each
 * row's address; the results' text and metadata are then read back by those addresses.
 */

/** Columns a search reads: enough to rank and to place a chunk in its story. */
export const candidateColumns = [
  "id",
  "doc_id",
  "story_index",
  "chunk_index",
  "search_text",
  "gloss_text",
] as const;

/** A candidate from a query row (with `_rowid` when the query asked for row ids). */
export function toCandidate(row: Row): SearchCandidate {
  return {
    id: String(row.id),
    docId: String(row.doc_id),
    storyIndex: Number(row.story_index),
    chunkIndex: Number(row.chunk_index),
    searchText: String(row.search_text),
    glossText: String(row.gloss_text ?? ""),
    address: typeof row._rowid === "bigint" ? row._rowid : undefined,
  };
}

/** What a read by address adds to a candidate to make a passage (the id to check it by, too). */
const addressedColumns = passageColumns.filter(
  (column) => !["doc_id", "story_index", "chunk_index"].includes(column),
);

/**
 * What citations need of these candidates, in no particular order. Read by address (LanceDB
 * `takeRowIds`, ~1.5 ms less than a B-tree lookup by id at 100k chunks): an address holds the same
 * row as long as the table is unchanged, and one LanceDB gives nothing for a deleted row or one
 * that compaction moved. A row whose id is not the candidate's (the table changed since the
 * search) is read by id instead, as is a candidate without an address.
 */
export async function passagesOfCandidates(
  table: lancedb.Table,
  candidates: readonly SearchCandidate[],
): Promise<ChunkPassage[]> {
  const addressed = candidates.filter((candidate) => candidate.address !== undefined);
  const found = new Map<string, ChunkPassage>();
  if (addressed.length > 0) {
    const rows = rowsOfTable(
      await table
        .takeRowIds(addressed.map((candidate) => candidate.address!))
        .select([...addressedColumns])
        .withRowId()
        .toArrow(),
    );
    const byAddress = new Map(rows.map((row) => [row._rowid, row]));
    for (const candidate of addressed) {
      const row = byAddress.get(candidate.address);
      if (row === undefined || String(row.id) !== candidate.id) continue;
      // The same row as the search read: its place in the story is the candidate's.
      found.set(
        candidate.id,
        toPassage({
          ...row,
          doc_id: candidate.docId,
          story_index: candidate.storyIndex,
          chunk_index: candidate.chunkIndex,
        }),
      );
    }
  }
  const missing = candidates.filter((candidate) => !found.has(candidate.id)).map(({ id }) => id);
  return [...found.values(), ...(missing.length > 0 ? await passagesQuery(table, missing) : [])];
}

/** What citations need of these chunks, in no particular order. */
export async function passagesQuery(table: lancedb.Table, ids: string[]): Promise<ChunkPassage[]> {
  const rows = rowsOfTable(
    await table
      .query()
      .where(`id IN ${sqlList(ids)}`)
      .select([...passageColumns])
      .toArrow(),
  );
  return rows.map(toPassage);
}

/** The chunks of one story at one place in it, in no particular order. */
export async function storyChunkQuery(
  table: lancedb.Table,
  docId: string,
  storyIndex: number,
  chunkIndex: number,
): Promise<ChunkPassage[]> {
  return rowsOfTable(
    await table
      .query()
      .where(`doc_id = ${sqlString(docId)} AND story_index = ${storyIndex} AND chunk_index = ${chunkIndex}`)
      .select([...passageColumns])
      .toArrow(),
  ).map(toPassage);
}
