import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EmbeddingShapeError, embedInBatches, retryDelayMs } from "../../src/embed/embed-in-batches.ts";
import type { Embedder } from "../../src/embed/embedder.ts";
import { NetworkError, ServiceError } from "../../src/errors.ts";
import { createOpenAIEmbedder } from "../../src/providers/openai-embedder.ts";
import { type FakeOpenAIServer, startOpenAIServer, vectorForText } from "../wire/openai-server.ts";

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ dimensions: 4 });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.reset();
});

/** Records every wait instead of waiting. */
function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (milliseconds: number) => void waits.push(milliseconds) };
}

function openAIEmbedder(maxBatchSize: number) {
  return createOpenAIEmbedder({
    baseURL: server.baseURL,
    model: "text-embedding-3-small",
    dimensions: 4,
    maxBatchSize,
  });
}

const texts = Array.from({ length: 7 }, (_, index) => `text ${index}`);

describe("embedInBatches with the OpenAI embedder", () => {
  it("sends batches no larger than maxBatchSize and returns vectors in order", async () => {
    const progress: Array<[number, number]> = [];
    const vectors = await embedInBatches(openAIEmbedder(3), texts, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(vectors).toEqual(texts.map((text) => vectorForText(text, 4)));
    const sizes = server.requestsTo("embeddings").map((request) => request.body.input.length);
    expect(sizes.sort()).toEqual([1, 3, 3]);
    expect(server.requestsTo("embeddings").every((request) => request.body.encoding_format === "float")).toBe(
      true,
    );
    expect(progress.at(-1)).toEqual([7, 7]);
  });

  it("honours retry-after on a 429 and then succeeds", async () => {
    server.script("embeddings", { status: 429, retryAfter: "0.01" });
    const { waits, sleep } = recordingSleep();
    const vectors = await embedInBatches(openAIEmbedder(10), ["a", "b"], { sleep });
    expect(vectors).toEqual([vectorForText("a", 4), vectorForText("b", 4)]);
    expect(waits).toEqual([10]);
    expect(server.requestsTo("embeddings")).toHaveLength(2);
  });

  it("retries a 500 with exponential backoff", async () => {
    server.script("embeddings", { status: 500 });
    server.script("embeddings", { status: 503 });
    const { waits, sleep } = recordingSleep();
    const vectors = await embedInBatches(openAIEmbedder(10), ["a"], { sleep, baseDelayMs: 100 });
    expect(vectors).toEqual([vectorForText("a", 4)]);
    expect(waits).toEqual([100, 200]);
    expect(server.requestsTo("embeddings")).toHaveLength(3);
  });

  it("gives up after maxAttempts and throws the service's error", async () => {
    for (let index = 0; index < 3; index += 1) server.script("embeddings", { status: 500 });
    const { sleep } = recordingSleep();
    await expect(embedInBatches(openAIEmbedder(10), ["a"], { sleep, maxAttempts: 3 })).rejects.toMatchObject({
      status: 500,
    });
    expect(server.requestsTo("embeddings")).toHaveLength(3);
  });

  it("does not retry a 400", async () => {
    server.script("embeddings", { status: 400 });
    const { waits, sleep } = recordingSleep();
    await expect(embedInBatches(openAIEmbedder(10), ["a"], { sleep })).rejects.toBeInstanceOf(ServiceError);
    expect(waits).toEqual([]);
    expect(server.requestsTo("embeddings")).toHaveLength(1);
  });

  it("fails on a vector length mismatch instead of storing it", async () => {
    server.setDimensions(3);
    await expect(embedInBatches(openAIEmbedder(10), ["a"])).rejects.toBeInstanceOf(EmbeddingShapeError);
    expect(server.requestsTo("embeddings")).toHaveLength(1);
  });
});

/** A hand-written embedder whose answers the test controls. */
function scriptedEmbedder(respond: (texts: string[]) => unknown, dimensions = 2, maxBatchSize = 2): Embedder {
  return {
    id: "scripted",
    dimensions,
    maxBatchSize,
    embed: async (batch) => respond(batch) as number[][],
  };
}

describe("embedInBatches with any embedder", () => {
  it("rejects a wrong vector count", async () => {
    const embedder = scriptedEmbedder(() => [[1, 2]]);
    await expect(embedInBatches(embedder, ["a", "b"])).rejects.toThrow(/1 vectors for 2 texts/);
  });

  it("rejects a wrong vector length even from a local embedder", async () => {
    const embedder = scriptedEmbedder((batch) => batch.map(() => [1, 2, 3]));
    await expect(embedInBatches(embedder, ["a"])).rejects.toBeInstanceOf(EmbeddingShapeError);
  });

  it("rejects NaN values", async () => {
    const embedder = scriptedEmbedder((batch) => batch.map(() => [1, Number.NaN]));
    await expect(embedInBatches(embedder, ["a"])).rejects.toBeInstanceOf(EmbeddingShapeError);
  });

  it("keeps at most `concurrency` batches in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const embedder: Embedder = {
      id: "slow",
      dimensions: 1,
      maxBatchSize: 1,
      embed: async (batch) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return batch.map((text) => [text.length]);
      },
    };
    const vectors = await embedInBatches(embedder, ["a", "bb", "ccc", "dddd", "eeeee"], { concurrency: 2 });
    expect(vectors).toEqual([[1], [2], [3], [4], [5]]);
    expect(most).toBe(2);
  });

  it("retries network errors", async () => {
    let calls = 0;
    const embedder = scriptedEmbedder((batch) => {
      calls += 1;
      if (calls === 1) throw new NetworkError("test", "reset");
      return batch.map(() => [0, 1]);
    });
    const { sleep } = recordingSleep();
    expect(await embedInBatches(embedder, ["a"], { sleep })).toEqual([[0, 1]]);
    expect(calls).toBe(2);
  });

  it("stops when the caller aborts, with the signal's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    const embedder = scriptedEmbedder(
      (batch) => {
        controller.abort(reason);
        return batch.map(() => [0, 1]);
      },
      2,
      1,
    );
    await expect(
      embedInBatches(embedder, ["a", "b", "c"], { signal: controller.signal, concurrency: 1 }),
    ).rejects.toBe(reason);
  });

  it("returns [] for no texts without calling the embedder", async () => {
    const embedder = scriptedEmbedder(() => {
      throw new Error("must not be called");
    });
    expect(await embedInBatches(embedder, [])).toEqual([]);
  });
});

describe("retryDelayMs", () => {
  it.each([
    ["429 with retry-after", new ServiceError("s", 429, "m", { retryAfterSeconds: 2 }), 1, 2_000],
    ["500, first retry", new ServiceError("s", 500, "m"), 1, 500],
    ["500, third retry", new ServiceError("s", 500, "m"), 3, 2_000],
    ["network error", new NetworkError("s", "m"), 2, 1_000],
    ["400", new ServiceError("s", 400, "m"), 1, null],
    ["plain error", new Error("bug"), 1, null],
    ["retry-after beyond the cap", new ServiceError("s", 429, "m", { retryAfterSeconds: 3_600 }), 1, null],
  ])("%s → %s", (_name, error, attempt, expected) => {
    expect(retryDelayMs(error, attempt)).toBe(expected);
  });
});
