import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCachedEmbedder } from "../../src/embed/cached-embedder.ts";
import type { Embedder } from "../../src/embed/embedder.ts";
import { createOpenAIEmbedder } from "../../src/providers/openai-embedder.ts";
import { type FakeOpenAIServer, startOpenAIServer, vectorForText } from "../wire/openai-server.ts";

/** A hand-written embedder that records what it was asked. */
function countingEmbedder(): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id: "counting",
    dimensions: 1,
    maxBatchSize: 10,
    calls,
    embed: async (texts) => {
      calls.push(texts);
      return texts.map((text) => [text.length]);
    },
  };
}

describe("createCachedEmbedder", () => {
  it("keeps the inner embedder's identity", () => {
    const cached = createCachedEmbedder(countingEmbedder());
    expect(cached).toMatchObject({ id: "counting", dimensions: 1, maxBatchSize: 10 });
  });

  it("asks only for texts it has not seen, and keeps order", async () => {
    const inner = countingEmbedder();
    const cached = createCachedEmbedder(inner);
    expect(await cached.embed(["a", "bb"])).toEqual([[1], [2]]);
    expect(await cached.embed(["bb", "ccc", "a"])).toEqual([[2], [3], [1]]);
    expect(inner.calls).toEqual([["a", "bb"], ["ccc"]]);
  });

  it("evicts the least recently used text", async () => {
    const inner = countingEmbedder();
    const cached = createCachedEmbedder(inner, { maxEntries: 2 });
    await cached.embed(["a"]);
    await cached.embed(["bb"]);
    await cached.embed(["a"]); // a is now the most recent
    await cached.embed(["ccc"]); // evicts bb
    await cached.embed(["a", "bb"]);
    expect(inner.calls).toEqual([["a"], ["bb"], ["ccc"], ["bb"]]);
    expect(cached.size).toBe(2);
  });

  it("shares one request between concurrent asks for the same text, and does not cache failures", async () => {
    let calls = 0;
    const inner: Embedder = {
      id: "flaky",
      dimensions: 1,
      maxBatchSize: 10,
      embed: async (texts) => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (calls === 1) throw new Error("boom");
        return texts.map(() => [calls]);
      },
    };
    const cached = createCachedEmbedder(inner);
    const both = await Promise.allSettled([cached.embed(["q"]), cached.embed(["q"])]);
    expect(both.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
    expect(await cached.embed(["q"])).toEqual([[2]]);
  });
});

describe("createCachedEmbedder over OpenAI", () => {
  let server: FakeOpenAIServer;
  beforeAll(async () => {
    server = await startOpenAIServer({ dimensions: 4 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("makes no second request for a repeated query", async () => {
    const cached = createCachedEmbedder(
      createOpenAIEmbedder({ baseURL: server.baseURL, model: "text-embedding-3-small", dimensions: 4 }),
    );
    const first = await cached.embed(["which company shipped a new GPU?"]);
    const second = await cached.embed(["which company shipped a new GPU?"]);
    expect(second).toEqual(first);
    expect(first).toEqual([vectorForText("which company shipped a new GPU?", 4)]);
    expect(server.requestsTo("embeddings")).toHaveLength(1);
  });
});
