import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import type { ChunkStore } from "../../src/store/store.ts";
import { storeFixtures } from "./store-fixtures.ts";

/**
 * The contract every `ChunkStore` passes; a new backend adds one `testChunkStore` call.
 * `open` opens (creating when absent) a store for the embedder at a location of the suite's own.
 */
export interface ChunkStoreUnderTest {
  open(embedder: { id: string; dimensions: number }): Promise<ChunkStore>;
  cleanup(): Promise<void>;
}

const { embedder, chunkOf, documentOf } = storeFixtures({
  dimensions: 32,
  publication: "Contract Weekly",
  date: "2025-02-03",
  ingestedAt: "2025-02-04T00:00:00.000Z",
  extension: ".md",
});

export function testChunkStore(name: string, setup: () => Promise<ChunkStoreUnderTest>): void {
  describe(`ChunkStore contract: ${name}`, () => {
    let backend: ChunkStoreUnderTest;
    let store: ChunkStore;

    beforeEach(async () => {
      backend = await setup();
      store = await backend.open(embedder);
    });
    afterEach(async () => {
      await store.close();
      await backend.cleanup();
    });

    it("starts empty and answers every read with nothing", async () => {
      expect(await store.embedderIdentity()).toBeNull();
      expect(await store.documents()).toEqual([]);
      expect(await store.countChunks()).toBe(0);
      expect(await store.lexicalSearch([{ term: "anything", weight: 1 }], 5)).toEqual([]);
      expect(await store.vectorSearch((await embedder.embed(["x"]))[0]!, 5)).toEqual([]);
      expect(await store.passagesByIds(["nope"])).toEqual([]);
      expect(await store.sampleSearchText(10)).toEqual([]);
      expect(await store.readSetting("missing")).toBeNull();
    });

    it("reads every chunk of one story, and nothing of another", async () => {
      const chunks = [
        await chunkOf("s0", "s", "Story one begins here", { storyIndex: 0, chunkIndex: 0 }),
        await chunkOf("s1", "s", "Story one goes on", { storyIndex: 0, chunkIndex: 1 }),
        await chunkOf("t0", "s", "Story two is short", { storyIndex: 1, chunkIndex: 0 }),
      ];
      await store.replaceDocuments([documentOf("s", 2)], chunks);
      const story = await store.storyPassages("s", 0);
      expect(story.map((passage) => [passage.id, passage.chunkIndex]).sort()).toEqual([
        ["s0", 0],
        ["s1", 1],
      ]);
      expect((await store.storyPassages("s", 1)).map((passage) => passage.id)).toEqual(["t0"]);
      expect(await store.storyPassages("s", 2)).toEqual([]);
      expect(await store.storyPassages("other", 0)).toEqual([]);
      expect((await store.storyChunkPassages("s", 0, 1)).map((passage) => passage.id)).toEqual(["s1"]);
      expect(await store.storyChunkPassages("s", 0, 1)).toEqual(
        story.filter((passage) => passage.id === "s1"),
      );
      expect(await store.storyChunkPassages("s", 0, 2)).toEqual([]);
      expect(await store.storyChunkPassages("other", 0, 0)).toEqual([]);
    });

    it("reads candidates' passages where the search found them, and by id once the chunks moved", async () => {
      const byId = (passages: Array<{ id: string }>) =>
        [...passages].sort((left, right) => left.id.localeCompare(right.id));
      const terms = [{ term: "battery", weight: 1 }];
      await store.replaceDocuments(
        [documentOf("a", 2), documentOf("b", 1)],
        [
          await chunkOf("a1", "a", "Solar panels got cheaper this quarter"),
          await chunkOf("a2", "a", "Battery storage doubled in Texas", { chunkIndex: 1 }),
          await chunkOf("b1", "b", "Battery recycling plants opened", { storyIndex: 2 }),
        ],
      );
      await store.maintainIndexes();
      const candidates = (await store.lexicalSearch(terms, 5)).map(({ chunk }) => chunk);
      expect(candidates.map(({ id }) => id).sort()).toEqual(["a2", "b1"]);
      const passages = byId(await store.passagesByIds(["a2", "b1"]));
      expect(byId(await store.passagesOf(candidates))).toEqual(passages);
      const [a2, b1] = [...candidates].sort((left, right) => left.id.localeCompare(right.id));
      // Without an address, or with another chunk's, a candidate is read by its id.
      expect(await store.passagesOf([{ ...a2!, address: undefined }])).toEqual([passages[0]]);
      expect(await store.passagesOf([{ ...a2!, address: b1!.address }])).toEqual([passages[0]]);
      // The chunks are rewritten, one removed, and the table compacted: the old addresses mislead.
      await store.replaceDocuments(
        [documentOf("a", 2)],
        [await chunkOf("a2", "a", "Battery storage tripled in Texas", { chunkIndex: 1 })],
      );
      await store.removeDocuments(["b"]);
      await store.maintainIndexes({ dataChanged: true });
      const now = await store.passagesOf(candidates);
      expect(now).toEqual(await store.passagesByIds(["a2", "b1"]));
      expect(now.map(({ text }) => text)).toEqual(["Battery storage tripled in Texas"]);
    });

    it("replaces a document's chunks in one call and lists, finds and reads them", async () => {
      const first = [
        await chunkOf("a1", "a", "Solar panels got cheaper this quarter"),
        await chunkOf("a2", "a", "Battery storage doubled in Texas"),
      ];
      expect(await store.replaceDocuments([documentOf("a", 2)], first)).toEqual({
        added: 2,
        unchanged: 0,
        removed: 0,
      });
      await store.maintainIndexes();
      expect(await store.embedderIdentity()).toEqual({ id: embedder.id, dimensions: embedder.dimensions });
      expect((await store.documents()).map((document) => document.docId)).toEqual(["a"]);
      expect(await store.countChunks()).toBe(2);
      expect([...((await store.chunkIdsOf(["a"])).get("a") ?? [])].sort()).toEqual(["a1", "a2"]);
      expect((await store.vectorsOf(["a1"])).get("a1")).toHaveLength(embedder.dimensions);

      const lexical = await store.lexicalSearch([{ term: "battery", weight: 1 }], 5);
      expect(lexical[0]?.chunk.id).toBe("a2");
      const vector = await store.vectorSearch(first[0]!.vector, 1);
      expect(vector[0]?.chunk.id).toBe("a1");
      const [passage] = await store.passagesByIds(["a2"]);
      expect(passage).toMatchObject({ id: "a2", docId: "a", text: "Battery storage doubled in Texas" });

      const second = [first[1]!, await chunkOf("a3", "a", "Wind farms were approved offshore")];
      expect(await store.replaceDocuments([documentOf("a", 2)], second)).toEqual({
        added: 1,
        unchanged: 1,
        removed: 1,
      });
      expect([...((await store.chunkIdsOf(["a"])).get("a") ?? [])].sort()).toEqual(["a2", "a3"]);
    });

    it("filters searches by publication and date", async () => {
      await store.replaceDocuments(
        [documentOf("old", 1, { date: "2024-01-01" }), documentOf("new", 1, { publication: "Other Brief" })],
        [
          await chunkOf("o1", "old", "Chip export rules tightened", { date: "2024-01-01" }),
          await chunkOf("n1", "new", "Chip export rules loosened", { publication: "Other Brief" }),
        ],
      );
      await store.maintainIndexes();
      const terms = [{ term: "chip", weight: 1 }];
      const since = await store.lexicalSearch(terms, 5, { since: "2025-01-01" });
      expect(since.map((hit) => hit.chunk.id)).toEqual(["n1"]);
      const other = await store.lexicalSearch(terms, 5, { publication: "contract" });
      expect(other.map((hit) => hit.chunk.id)).toEqual(["o1"]);
    });

    it("removes documents with their chunks, and knows other documents' text hashes", async () => {
      await store.replaceDocuments(
        [documentOf("a", 1), documentOf("b", 1)],
        [await chunkOf("a1", "a", "Same story"), await chunkOf("b1", "b", "Other story")],
      );
      expect([...(await store.knownTextHashes(["t-a1", "t-b1"], ["a"]))]).toEqual(["t-b1"]);
      expect(await store.removeDocuments(["a"])).toBe(1);
      expect((await store.documents()).map((document) => document.docId)).toEqual(["b"]);
      expect(await store.countChunks()).toBe(1);
    });

    it("keeps settings, and moves its version with every write", async () => {
      const empty = await store.version();
      await store.writeSetting("pairs", "[1]");
      const afterSetting = await store.version();
      expect(afterSetting).not.toBe(empty);
      await store.replaceDocuments([documentOf("a", 1)], [await chunkOf("a1", "a", "Text")]);
      expect(await store.version()).not.toBe(afterSetting);
      expect(await store.readSetting("pairs")).toBe("[1]");
      expect(await store.version()).toBe(await store.version());
    });

    it("reopens with what was written, and refuses another embedder", async () => {
      await store.replaceDocuments([documentOf("a", 1)], [await chunkOf("a1", "a", "Persisted")]);
      await store.close();
      store = await backend.open(embedder);
      expect(await store.countChunks()).toBe(1);
      await expect(backend.open({ id: "another", dimensions: 8 })).rejects.toThrow(/embedder/);
    });

    it("re-embeds with a new embedder, and clean-up keeps every current row", async () => {
      await store.replaceDocuments([documentOf("a", 1)], [await chunkOf("a1", "a", "Rebuilt text")]);
      const wider = createHashingEmbedder({ dimensions: 48 });
      const count = await store.reembed((texts) => wider.embed(texts), {
        id: wider.id,
        dimensions: wider.dimensions,
      });
      expect(count).toBe(1);
      expect(await store.embedderIdentity()).toEqual({ id: wider.id, dimensions: 48 });
      const report = await store.maintain({ graceMs: 0 });
      expect(report.versionsRemoved).toBeGreaterThanOrEqual(0);
      expect(await store.countChunks()).toBe(1);
      expect((await store.vectorsOf(["a1"])).get("a1")).toHaveLength(48);
    });
  });
}
