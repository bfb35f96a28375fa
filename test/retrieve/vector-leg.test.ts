import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Briefbot } from "../../src/briefbot.ts";
import type { Embedder } from "../../src/embed/embedder.ts";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { searchesByVector } from "../../src/embed/vector-leg.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";

const sampleData = new URL("../../data/", import.meta.url).pathname;

/** The hashing embedder's vectors under another identity: what the store and search see of a semantic embedder. */
function semanticStandIn(): Embedder {
  const hashing = createHashingEmbedder();
  return { ...hashing, id: `semantic-stand-in:${hashing.dimensions}` };
}

describe("the vector leg of hybrid search", () => {
  let directory: string;
  const opened: Briefbot[] = [];

  async function briefbotWith(embedder: Embedder, name: string): Promise<Briefbot> {
    const store = await LanceChunkStore.open({ uri: join(directory, name), embedder });
    const briefbot = new Briefbot({ store, embedder });
    opened.push(briefbot);
    const report = await briefbot.ingest([sampleData]);
    expect(report.errors).toEqual([]);
    return briefbot;
  }

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-vector-leg-"));
  });

  afterAll(async () => {
    for (const briefbot of opened) await briefbot.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("is off for the hashing embedder and on for any other", () => {
    expect(searchesByVector(createHashingEmbedder().id)).toBe(false);
    expect(searchesByVector("openai:text-embedding-3-small")).toBe(true);
  });

  it("ranks by BM25 candidates alone with hashed vectors", async () => {
    const briefbot = await briefbotWith(createHashingEmbedder(), "hashing");
    const results = await briefbot.search("BYD vehicles sold in 2024", { limit: 5 });
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.story).toMatch(/BYD/);
    expect(results.every((result) => result.vectorRank === null && result.lexicalRank !== null)).toBe(true);
  });

  it("fuses the vector list with semantic vectors", async () => {
    const briefbot = await briefbotWith(semanticStandIn(), "semantic");
    const results = await briefbot.search("BYD vehicles sold in 2024", { limit: 5 });
    expect(results[0]!.story).toMatch(/BYD/);
    expect(results.some((result) => result.vectorRank !== null)).toBe(true);
  });
});
