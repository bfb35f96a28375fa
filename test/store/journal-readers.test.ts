import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { ingestPaths } from "../../src/pipeline/ingest-paths.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";
import { sampleIssue } from "./fixtures/sample-issue.ts";

const embedder = createHashingEmbedder({ dimensions: 32 });

/**
 * A reader in another process follows the store's latest versions (the shared-store refresh), but
 * while a write journal is in `meta` it must stay on the journaled versions: the latest ones are
 * half-written (chunks of an issue whose document row is not there yet).
 */
describe("readers of a store with a write in progress", () => {
  let directory: string;
  const stores: LanceChunkStore[] = [];

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-journal-"));
    await writeFile(join(directory, "issue-1.md"), sampleIssue(1));
    await writeFile(join(directory, "issue-2.md"), sampleIssue(2));
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("stay on the journaled versions until the journal is cleared, then follow the latest", async () => {
    const uri = join(directory, "db");
    let crashAt: string | undefined;
    const writer = await LanceChunkStore.open({
      uri,
      embedder,
      readConsistencySeconds: 0,
      onWriteStep(step) {
        if (step === crashAt) throw new Error(`crashed before ${step}`);
      },
    });
    stores.push(writer);
    await ingestPaths([join(directory, "issue-1.md")], { store: writer, embedder });
    const reader = await LanceChunkStore.open({ uri, embedder, readConsistencySeconds: 0 });
    stores.push(reader);
    const before = await reader.countChunks();
    expect(before).toBeGreaterThan(0);
    expect(await reader.documents()).toHaveLength(1);

    // The chunks of issue 2 are committed, its document row is not: the journal stays behind.
    crashAt = "documents";
    await expect(ingestPaths([join(directory, "issue-2.md")], { store: writer, embedder })).rejects.toThrow(
      /crashed before documents/,
    );
    crashAt = undefined;
    expect(await reader.countChunks()).toBe(before);
    expect(await reader.documents()).toHaveLength(1);
    const lateReader = await LanceChunkStore.open({ uri, embedder, readConsistencySeconds: 0 });
    stores.push(lateReader);
    expect(await lateReader.countChunks()).toBe(before);

    // The writer restores and completes the write; the readers then see all of it.
    const report = await ingestPaths([join(directory, "issue-2.md")], { store: writer, embedder });
    expect(report.errors).toEqual([]);
    for (const store of [reader, lateReader]) {
      expect(await store.countChunks()).toBeGreaterThan(before);
      expect(await store.documents()).toHaveLength(2);
      expect(await store.countChunks()).toBe(await writer.countChunks());
    }
  });
});
