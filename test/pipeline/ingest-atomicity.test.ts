import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Embedder } from "../../src/embed/embedder.ts";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { ingestPaths } from "../../src/pipeline/ingest-paths.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";

/** A real embedder that fails on one call, as a crash or an outage would mid-ingest. */
function failingOnCall(failOn: number): Embedder & { calls: number } {
  const inner = createHashingEmbedder({ dimensions: 32 });
  const embedder = {
    id: inner.id,
    dimensions: inner.dimensions,
    maxBatchSize: inner.maxBatchSize,
    calls: 0,
    async embed(texts: string[]) {
      embedder.calls += 1;
      if (embedder.calls === failOn) throw new Error("embedding service went away");
      return inner.embed(texts);
    },
  };
  return embedder;
}

describe("an interrupted ingest", () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-atomic-"));
    for (let index = 1; index <= 3; index += 1) {
      const sentences = Array.from(
        { length: 12 },
        (_, n) => `Issue ${index} sentence ${n} covers chips and batteries.`,
      );
      await writeFile(join(directory, `issue-${index}.md`), `# Issue ${index}\n\n${sentences.join(" ")}\n`);
    }
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("leaves whole documents or none, and a re-run completes it", async () => {
    const embedder = failingOnCall(2);
    const store = await LanceChunkStore.open({ uri: join(directory, "db"), embedder });
    try {
      // commitChunks 1: every document is its own commit, so the second embed call fails mid-run.
      await expect(ingestPaths([directory], { store, embedder, commitChunks: 1 })).rejects.toThrow(
        /went away/,
      );
      const afterCrash = await store.documents();
      expect(afterCrash.map((document) => document.title)).toEqual(["Issue 1"]);
      const ids = await store.chunkIdsOf(afterCrash.map((document) => document.docId));
      expect([...ids.values()][0]!.size).toBe(afterCrash[0]!.chunks);
      expect(await store.countChunks()).toBe(afterCrash[0]!.chunks);

      const rerun = await ingestPaths([directory], { store, embedder, commitChunks: 1 });
      expect(rerun.errors).toEqual([]);
      expect(rerun.chunks_unchanged).toBe(afterCrash[0]!.chunks);
      expect((await store.documents()).map((document) => document.title).sort()).toEqual([
        "Issue 1",
        "Issue 2",
        "Issue 3",
      ]);
    } finally {
      await store.close();
    }
  });
});
