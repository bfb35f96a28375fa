import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";
import { tokenize } from "../../src/text/segment.ts";
import { storeFixtures } from "./store-fixtures.ts";

const { embedder, chunkOf, documentOf } = storeFixtures({
  dimensions: 32,
  publication: "Index Weekly",
  date: "2025-02-03",
  ingestedAt: "2025-02-04T00:00:00.000Z",
  extension: ".md",
});

async function indexedColumns(uri: string): Promise<string[]> {
  const connection = await lancedb.connect(uri);
  const table = await connection.openTable("chunks");
  try {
    return (await table.listIndices()).flatMap((index) => index.columns).sort();
  } finally {
    table.close();
    connection.close();
  }
}

describe("vector index upkeep with the hashing embedder", () => {
  let directory: string;
  let store: LanceChunkStore;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-vector-index-"));
    store = await LanceChunkStore.open({ uri: directory, embedder });
    const chunks = await Promise.all(
      Array.from({ length: 300 }, (_, index) =>
        chunkOf(
          `c${index}`,
          `d${index % 10}`,
          `Story number ${index} about batteries and chips ${index * 7}.`,
        ),
      ),
    );
    await store.replaceDocuments(
      Array.from({ length: 10 }, (_, index) => documentOf(`d${index}`, 30)),
      chunks,
    );
  });

  afterEach(async () => {
    await store.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("drops a vector index an earlier version built, keeping the text and key indexes", async () => {
    const connection = await lancedb.connect(directory);
    const table = await connection.openTable("chunks");
    await table.createIndex("vector", {
      config: lancedb.Index.hnswSq({ distanceType: "cosine", numPartitions: 1 }),
    });
    table.close();
    connection.close();
    expect(await indexedColumns(directory)).toContain("vector");

    await store.maintainIndexes();

    expect(await indexedColumns(directory)).toEqual([
      "doc_id",
      "gloss_text",
      "id",
      "search_text",
      "text_hash",
    ]);
    // Search, which reads no vectors for this embedder, still finds the chunks by their words.
    const found = await store.lexicalSearch(
      tokenize("batteries").map((term) => ({ term, weight: 1 })),
      5,
    );
    expect(found).toHaveLength(5);
  });
});
