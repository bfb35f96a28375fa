import * as lancedb from "@lancedb/lancedb";
import { searchesByVector } from "../embed/vector-leg.ts";

/**
 * Index upkeep of the chunk table: BM25 (FTS) indexes on the segmented search and gloss text,
 * scalar indexes for lookups, a vector index for embedders whose vectors search reads, and the
 * `optimize` that folds new rows into them.
 */

/**
 * Past this many chunks, brute-force vector search gets slow (~80 ms at 100k), so an index is
 * built — for embedders whose vectors search reads (src/embed/vector-leg.ts).
 */
export const vectorIndexThreshold = 10_000;

/** Vectors per IVF partition of the HNSW index; queries probe `vectorIndexProbes` of them. */
const rowsPerPartition = 100_000;

/** `optimize` prunes versions older than this: none (1970), since pruning belongs to `maintain`. */
const keepEveryVersion = new Date(0);

/**
 * IVF_HNSW_SQ, chosen by measurement (bench/): on our hashed vectors IVF_PQ reached only 0.49
 * recall@10 at 50k (they have little cluster structure for product quantisation) and took 42 s
 * to build; HNSW_SQ reached 0.83-0.87 and built in 2 s at 10k, 19 s at 50k. Few partitions, so
 * the graph, not k-means, does the work.
 */
function vectorIndexConfig(rows: number) {
  return lancedb.Index.hnswSq({
    distanceType: "cosine",
    numPartitions: Math.max(1, Math.round(rows / rowsPerPartition)),
  });
}

export interface IndexUpkeep {
  chunks: lancedb.Table;
  /** Optimized with the chunks: documents and source files. */
  others: lancedb.Table[];
  embedderId: string;
  /** New rows were written since the last upkeep (else only missing indexes are built). */
  dataChanged: boolean;
  onWriteStep: (step: string) => void;
}

/** Build the indexes that are missing, drop a vector index search no longer reads, and optimize. */
export async function maintainChunkIndexes(upkeep: IndexUpkeep): Promise<void> {
  const { chunks: table, onWriteStep } = upkeep;
  const indices = await table.listIndices();
  const names = new Set(indices.flatMap((index) => index.columns));
  const rows = await table.countRows();
  let built = false;
  const build = async (column: string, config: lancedb.Index) => {
    onWriteStep(`index-${column}`);
    await table.createIndex(column, { config, replace: true });
    built = true;
  };
  for (const column of ["search_text", "gloss_text"]) {
    if (names.has(column)) continue;
    await build(
      column,
      lancedb.Index.fts({
        baseTokenizer: "whitespace",
        lowercase: false,
        stem: false,
        removeStopWords: false,
        asciiFolding: false,
        withPosition: false,
        maxTokenLength: 64,
      }),
    );
  }
  for (const column of ["id", "doc_id", "text_hash"])
    if (!names.has(column)) await build(column, lancedb.Index.btree());
  const vectorIndexes = indices.filter((index) => index.columns.includes("vector"));
  if (searchesByVector(upkeep.embedderId)) {
    if (vectorIndexes.length === 0 && rows >= vectorIndexThreshold)
      await build("vector", vectorIndexConfig(rows));
  } else {
    // Search never reads these vectors by similarity (src/embed/vector-leg.ts): an index over
    // them, built by an earlier version, would only cost upkeep at every optimize.
    for (const index of vectorIndexes) {
      onWriteStep("drop-index-vector");
      await table.dropIndex(index.name);
      built = true;
    }
  }
  if (upkeep.dataChanged || built) {
    // Folds new rows into existing indexes and compacts small fragments left by many ingests.
    // Old versions are kept: other processes may still be reading them. `maintain` removes them.
    onWriteStep("optimize-chunks");
    await table.optimize({ cleanupOlderThan: keepEveryVersion });
    const [documents, files] = upkeep.others;
    if (documents !== undefined) {
      onWriteStep("optimize-documents");
      await documents.optimize({ cleanupOlderThan: keepEveryVersion });
    }
    if (files !== undefined) {
      onWriteStep("optimize-files");
      await files.optimize({ cleanupOlderThan: keepEveryVersion });
    }
  }
}
