import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { filterPredicate, LanceChunkStore } from "../../src/store/lancedb-store.ts";
import { tokenize } from "../../src/text/segment.ts";
import { storeFixtures } from "./store-fixtures.ts";

const {
  embedder,
  chunkOf: chunk,
  documentOf: document,
} = storeFixtures({
  dimensions: 64,
  publication: "Test Weekly",
  date: "2025-01-02",
  ingestedAt: "2025-01-03T00:00:00.000Z",
  extension: ".txt",
});

describe("LanceChunkStore", () => {
  let directory: string;
  let store: LanceChunkStore;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-store-"));
    store = await LanceChunkStore.open({ uri: directory, embedder });
  });

  afterEach(async () => {
    await store.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("writes, replaces and removes a document's chunks", async () => {
    const first = await store.replaceDocuments(
      [document("d1", 2)],
      [
        await chunk("a", "d1", "TikTok Shop launched in the United States."),
        await chunk("b", "d1", "Arm commits to China."),
      ],
    );
    expect(first).toEqual({ added: 2, unchanged: 0, removed: 0 });
    const second = await store.replaceDocuments(
      [document("d1", 2)],
      [
        await chunk("a", "d1", "TikTok Shop launched in the United States."),
        await chunk("c", "d1", "Gotion builds in Germany."),
      ],
    );
    expect(second).toEqual({ added: 1, unchanged: 1, removed: 1 });
    expect([...(await store.chunkIdsOf(["d1"])).get("d1")!].sort()).toEqual(["a", "c"]);
    expect(await store.countChunks()).toBe(2);
    expect(await store.removeDocuments(["d1"])).toBe(2);
    expect(await store.countChunks()).toBe(0);
    expect(await store.documents()).toEqual([]);
  });

  it("finds chunks by weighted full-text terms and by vector, with filters", async () => {
    await store.replaceDocuments(
      [document("d1", 2), document("d2", 1, { publication: "其他周刊", date: "2024-06-01" })],
      [
        await chunk("a", "d1", "Battery maker Gotion opens a plant in Germany."),
        await chunk("b", "d1", "Qualcomm and Baidu partner on XR headsets."),
        await chunk("c", "d2", "国轩高科在德国的工厂投产。", {
          publication: "其他周刊",
          date: "2024-06-01",
          lang: "zh",
        }),
      ],
    );
    await store.maintainIndexes();
    const lexical = await store.lexicalSearch([{ term: "gotion", weight: 1 }], 5);
    expect(lexical.map((result) => result.chunk.id)).toEqual(["a"]);
    const chinese = await store.lexicalSearch(
      tokenize("国轩高科 工厂").map((term) => ({ term, weight: 1 })),
      5,
    );
    expect(chinese[0]?.chunk.id).toBe("c");
    const either = await store.lexicalSearch(
      [
        { term: "qualcomm", weight: 1 },
        { term: "gotion", weight: 0.2 },
      ],
      5,
    );
    expect(either.map((result) => result.chunk.id).sort()).toEqual(["a", "b"]);
    const [queryVector] = await embedder.embed(["Qualcomm Baidu XR"]);
    const vector = await store.vectorSearch(queryVector!, 3);
    expect(vector[0]?.chunk.id).toBe("b");
    const filtered = await store.lexicalSearch(
      tokenize("工厂 gotion").map((term) => ({ term, weight: 1 })),
      5,
      { since: "2025-01-01" },
    );
    expect(filtered.map((result) => result.chunk.id)).toEqual(["a"]);
    const byPublication = await store.vectorSearch(queryVector!, 5, { publication: "其他" });
    expect(byPublication.map((result) => result.chunk.id)).toEqual(["c"]);
  });

  it("searches the other-language glosses only when asked to", async () => {
    await store.replaceDocuments(
      [document("d1", 2)],
      [
        await chunk("a", "d1", "Qualcomm and Baidu partner on XR headsets."),
        await chunk("c", "d1", "国轩高科在德国的工厂投产。", { lang: "zh", glossText: "gotion germany" }),
      ],
    );
    await store.maintainIndexes();
    const terms = [{ term: "gotion", weight: 1 }];
    expect(await store.lexicalSearch(terms, 5)).toEqual([]);
    const withGlosses = await store.lexicalSearch(terms, 5, undefined, { glosses: true });
    expect(withGlosses.map((result) => result.chunk.id)).toEqual(["c"]);
    expect(withGlosses[0]?.chunk.glossText).toBe("gotion germany");
  });

  it("reads what a citation needs of the chunks asked for, without search tokens or hashes", async () => {
    await store.replaceDocuments(
      [document("d1", 2)],
      [
        await chunk("a", "d1", "Battery maker Gotion opens a plant in Germany.", {
          url: "https://example.com/a",
          issueNumber: "12",
        }),
        await chunk("b", "d1", "Qualcomm and Baidu partner on XR headsets."),
      ],
    );
    const passages = await store.passagesByIds(["a", "missing"]);
    expect(passages).toEqual([
      {
        id: "a",
        docId: "d1",
        publication: "Test Weekly",
        title: "Issue d1",
        issueNumber: "12",
        story: "Story a",
        storyIndex: 0,
        chunkIndex: 0,
        date: "2025-01-02",
        url: "https://example.com/a",
        path: "d1.txt",
        lang: "en",
        text: "Battery maker Gotion opens a plant in Germany.",
      },
    ]);
    expect(await store.passagesByIds([])).toEqual([]);
  });

  it("refuses vectors of the wrong length instead of letting LanceDB pad them", async () => {
    const bad = { ...(await chunk("a", "d1", "text")), vector: [1, 2, 3] };
    await expect(store.replaceDocuments([document("d1", 1)], [bad])).rejects.toThrow(
      /3 numbers; the store expects 64/,
    );
  });

  it("refuses to open with another embedder, naming the fix", async () => {
    await store.replaceDocuments([document("d1", 1)], [await chunk("a", "d1", "text")]);
    await expect(
      LanceChunkStore.open({ uri: directory, embedder: { id: "other", dimensions: 64 } }),
    ).rejects.toMatchObject({ code: "STORE_MISMATCH", message: expect.stringContaining("--reembed") });
  });

  it("re-embeds from stored text with a new embedder and dimension", async () => {
    await store.replaceDocuments([document("d1", 1)], [await chunk("a", "d1", "Chips and cars")]);
    await store.close();
    const wider = createHashingEmbedder({ dimensions: 96 });
    store = await LanceChunkStore.open({ uri: directory, embedder: wider, allowEmbedderChange: true });
    const count = await store.reembed((texts) => wider.embed(texts), {
      id: wider.id,
      dimensions: wider.dimensions,
    });
    expect(count).toBe(1);
    await store.close();
    store = await LanceChunkStore.open({ uri: directory, embedder: wider });
    const [query] = await wider.embed(["Chips and cars"]);
    expect((await store.vectorSearch(query!, 1))[0]?.chunk.id).toBe("a");
  });

  it("knows which near-duplicate hashes other documents hold", async () => {
    await store.replaceDocuments([document("d1", 1)], [await chunk("a", "d1", "Same text")]);
    expect(await store.knownTextHashes(["t-a", "t-zzz"], ["d2"])).toEqual(new Set(["t-a"]));
    expect(await store.knownTextHashes(["t-a"], ["d1"])).toEqual(new Set());
  });
});

describe("filterPredicate", () => {
  it.each([
    [undefined, undefined],
    [{}, undefined],
    [{ since: "2025-01-01" }, "date >= '2025-01-01'"],
    [{ publication: "O'Reilly" }, "lower(publication) LIKE '%o''reilly%'"],
    [{ since: "2025-01-01", until: "2025-02-01" }, "date >= '2025-01-01' AND date <= '2025-02-01'"],
  ])("%j", (filters, expected) => {
    expect(filterPredicate(filters)).toBe(expected);
  });
});
