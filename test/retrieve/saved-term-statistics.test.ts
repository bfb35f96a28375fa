import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Briefbot } from "../../src/briefbot.ts";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { TermStatistics } from "../../src/retrieve/term-statistics.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";

const sampleData = new URL("../../data/", import.meta.url).pathname;
const embedder = createHashingEmbedder();
const questions = ["BYD vehicles sold in 2024", "宁德时代 匈牙利 工厂", "DeepSeek open-weight model pricing"];

/** Each question's results as a fresh process would rank them: ids with their score and coverage. */
async function freshRanking(uri: string): Promise<string[][]> {
  const store = await LanceChunkStore.open({ uri, embedder });
  const briefbot = new Briefbot({ store, embedder });
  try {
    const rankings: string[][] = [];
    for (const question of questions) {
      const results = await briefbot.search(question, { limit: 5 });
      rankings.push(results.map((result) => `${result.id} ${result.score} ${result.coverage}`));
    }
    return rankings;
  } finally {
    await briefbot.close();
  }
}

describe("term statistics saved by an ingest", () => {
  let directory: string;
  let uri: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-statistics-"));
    uri = join(directory, "db");
    const store = await LanceChunkStore.open({ uri, embedder });
    const briefbot = new Briefbot({ store, embedder });
    const report = await briefbot.ingest([sampleData]);
    expect(report.errors).toEqual([]);
    await briefbot.close();
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("round-trips through their text form", () => {
    const statistics = TermStatistics.fromSearchTexts(["a b c", "b c ¶ d", "c"]);
    const parsed = TermStatistics.parse(statistics.serialize());
    expect(parsed?.size).toBe(3);
    for (const token of ["a", "b", "c", "d", "¶", "unseen"]) {
      expect(parsed?.idf(token)).toBe(statistics.idf(token));
      expect(parsed?.has(token)).toBe(statistics.has(token));
    }
    expect(TermStatistics.parse("not a count\nx\t1")).toBeUndefined();
  });

  it("are those of the chunks they were saved with, and rank exactly as counting them would", async () => {
    const store = await LanceChunkStore.open({ uri, embedder });
    const version = await store.chunksVersion();
    const saved = await store.readSetting("term-statistics");
    expect(await store.readSetting("term-statistics-version")).toBe(version);
    const counted = TermStatistics.fromSearchTexts(await store.sampleSearchText(20_000));
    await store.close();
    expect(saved?.startsWith(`${version}\n`)).toBe(true);
    expect(saved?.slice(version.length + 1)).toBe(counted.serialize());

    const withSaved = await freshRanking(uri);
    const reopened = await LanceChunkStore.open({ uri, embedder });
    await reopened.writeSetting("term-statistics", "");
    await reopened.close();
    expect(await freshRanking(uri)).toEqual(withSaved);
  });

  it("are not used once the chunks change behind them", async () => {
    const store = await LanceChunkStore.open({ uri, embedder });
    const documents = await store.documents();
    const before = await store.chunksVersion();
    // Statistics of the chunks as they are; then one issue removed without an ingest to save anew.
    const stale = TermStatistics.fromSearchTexts(await store.sampleSearchText(20_000)).serialize();
    await store.writeSetting("term-statistics", `${before}\n${stale}`);
    expect(await store.removeDocuments([documents[0]!.docId])).toBeGreaterThan(0);
    expect(await store.chunksVersion()).not.toBe(before);
    await store.close();

    const afterRemoval = await freshRanking(uri);
    const reopened = await LanceChunkStore.open({ uri, embedder });
    await reopened.writeSetting("term-statistics", "");
    await reopened.close();
    const counted = await freshRanking(uri);
    expect(afterRemoval).toEqual(counted);
    // Had the stale statistics been used, the ranking would differ: they still count the removed issue.
    const tampered = await LanceChunkStore.open({ uri, embedder });
    await tampered.writeSetting("term-statistics", `${await tampered.chunksVersion()}\n${stale}`);
    await tampered.close();
    expect(await freshRanking(uri)).not.toEqual(counted);
  });
});
