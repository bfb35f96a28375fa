import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EmbeddingShapeError } from "../../src/embed/embed-in-batches.ts";
import { ConfigError, ServiceError } from "../../src/errors.ts";
import { createOpenAIClient } from "../../src/providers/openai-client.ts";
import {
  createOpenAIEmbedder,
  estimateTokens,
  resolveOpenAIEmbedder,
  splitByTokenBudget,
} from "../../src/providers/openai-embedder.ts";
import { type FakeOpenAIServer, startOpenAIServer, vectorForText } from "../wire/openai-server.ts";

let server: FakeOpenAIServer;

beforeAll(async () => {
  server = await startOpenAIServer({ dimensions: 8 });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.reset();
});

describe("createOpenAIEmbedder", () => {
  it("sends the model, float encoding and dimensions, and returns the served vectors", async () => {
    const embedder = createOpenAIEmbedder({
      baseURL: server.baseURL,
      model: "text-embedding-3-small",
      dimensions: 8,
    });
    const vectors = await embedder.embed(["alpha", "beta"]);
    expect(vectors).toEqual([vectorForText("alpha", 8), vectorForText("beta", 8)]);
    const [request] = server.requestsTo("embeddings");
    expect(request?.body).toEqual({
      model: "text-embedding-3-small",
      input: ["alpha", "beta"],
      encoding_format: "float",
      dimensions: 8,
    });
  });

  it("names itself by model and configured size, and knows OpenAI's native sizes", () => {
    expect(createOpenAIEmbedder({ apiKey: "k", model: "text-embedding-3-small" })).toMatchObject({
      id: "openai:text-embedding-3-small",
      dimensions: 1536,
      maxBatchSize: 2048,
    });
    expect(createOpenAIEmbedder({ apiKey: "k", model: "text-embedding-3-large" }).dimensions).toBe(3072);
    expect(createOpenAIEmbedder({ apiKey: "k", model: "text-embedding-ada-002" }).dimensions).toBe(1536);
    expect(
      createOpenAIEmbedder({ apiKey: "k", model: "text-embedding-3-large", dimensions: 256 }),
    ).toMatchObject({
      id: "openai:text-embedding-3-large:256",
      dimensions: 256,
    });
  });

  it("refuses an unknown model without a configured size, and a missing key without a base URL", () => {
    expect(() => createOpenAIEmbedder({ apiKey: "k", model: "nomic-embed-text" })).toThrow(ConfigError);
    expect(() => createOpenAIEmbedder({ model: "text-embedding-3-small" })).toThrow(ConfigError);
  });

  it("throws a non-retryable shape error when the server's vectors have another length", async () => {
    server.setDimensions(6);
    const embedder = createOpenAIEmbedder({
      baseURL: server.baseURL,
      model: "text-embedding-3-small",
      dimensions: 8,
    });
    const failure = await embedder.embed(["alpha"]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EmbeddingShapeError);
    expect((failure as EmbeddingShapeError).retryable).toBe(false);
    expect((failure as Error).message).toMatch(/6 numbers, expected 8/);
  });

  it("puts vectors back in input order by index", async () => {
    server.setReverseOrder(true);
    const embedder = createOpenAIEmbedder({ baseURL: server.baseURL, model: "m", dimensions: 8 });
    const texts = ["one", "two", "three"];
    expect(await embedder.embed(texts)).toEqual(texts.map((text) => vectorForText(text, 8)));
  });

  it("decodes base64 from a server that ignores the float request", async () => {
    server.setAlwaysBase64(true);
    const embedder = createOpenAIEmbedder({ baseURL: server.baseURL, model: "m", dimensions: 8 });
    expect(await embedder.embed(["中文简报"])).toEqual([vectorForText("中文简报", 8)]);
  });

  it("is immune to the SDK's base64 default, which garbles a server answering floats", async () => {
    server.setAlwaysFloat(true);
    // What a plain SDK call does: ask base64 (implicitly) and decode the float array as if it were base64.
    const client = createOpenAIClient({ baseURL: server.baseURL });
    const raw = await client.embeddings.create({ model: "m", input: ["alpha"] });
    expect(raw.data[0]?.embedding).not.toEqual(vectorForText("alpha", 8));
    // Our embedder asks for floats explicitly and gets them right.
    const embedder = createOpenAIEmbedder({ baseURL: server.baseURL, model: "m", dimensions: 8 });
    expect(await embedder.embed(["alpha"])).toEqual([vectorForText("alpha", 8)]);
  });

  it("the server's base64 (when asked) round-trips through the SDK's own decoder", async () => {
    const client = createOpenAIClient({ baseURL: server.baseURL });
    const raw = await client.embeddings.create({ model: "m", input: ["alpha"] });
    expect(server.requestsTo("embeddings")[0]?.body.encoding_format).toBe("base64");
    expect(Array.from(raw.data[0]?.embedding ?? [])).toEqual(vectorForText("alpha", 8));
  });

  it("replaces empty texts, which the API rejects, by a space", async () => {
    const embedder = createOpenAIEmbedder({ baseURL: server.baseURL, model: "m", dimensions: 8 });
    await embedder.embed(["", "x"]);
    expect(server.requestsTo("embeddings")[0]?.body.input).toEqual([" ", "x"]);
  });

  it("splits one call into several requests when the texts exceed the token budget", async () => {
    const embedder = createOpenAIEmbedder({ baseURL: server.baseURL, model: "m", dimensions: 8 });
    // 100 texts of 9 000 characters ≈ 3 001 estimated tokens each: 83 fit under 250 000.
    const texts = Array.from({ length: 100 }, (_, index) => `${index}`.padEnd(9_000, "a"));
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(100);
    expect(vectors[99]).toEqual(vectorForText(texts[99] ?? "", 8));
    expect(server.requestsTo("embeddings").map((request) => request.body.input.length)).toEqual([83, 17]);
  });

  it("maps a 401 to a non-retryable ServiceError without the key in the message", async () => {
    server.script("embeddings", {
      status: 401,
      body: { error: { message: "Incorrect API key sk-abcdefghijklmnopqrstuvwxyz" } },
    });
    const embedder = createOpenAIEmbedder({
      apiKey: "sk-test",
      baseURL: server.baseURL,
      model: "m",
      dimensions: 8,
    });
    const failure = await embedder.embed(["x"]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceError);
    expect(failure).toMatchObject({ status: 401, retryable: false, service: "openai" });
    expect((failure as Error).message).not.toContain("abcdefghijklmnop");
    expect((failure as Error).message).toContain("OPENAI_API_KEY");
  });
});

describe("resolveOpenAIEmbedder", () => {
  it("probes an unknown model once and remembers its size", async () => {
    server.setDimensions(5);
    const first = await resolveOpenAIEmbedder({ baseURL: server.baseURL, model: "local-model" });
    const second = await resolveOpenAIEmbedder({ baseURL: server.baseURL, model: "local-model" });
    expect(first.dimensions).toBe(5);
    expect(second.dimensions).toBe(5);
    expect(first.id).toBe("openai:local-model");
    expect(server.requestsTo("embeddings")).toHaveLength(1);
  });

  it("makes no request for a known model", async () => {
    const embedder = await resolveOpenAIEmbedder({
      baseURL: server.baseURL,
      model: "text-embedding-3-small",
    });
    expect(embedder.dimensions).toBe(1536);
    expect(server.requests).toHaveLength(0);
  });
});

describe("token estimate and budget split", () => {
  it.each([
    ["", 1],
    ["abc", 2],
    ["abcdef", 3],
    ["人工智能", 5],
    ["AI 芯片", 4], // "AI " = 3 Latin → 1, two CJK → 2, plus 1
  ])("estimateTokens(%j) = %i", (text, tokens) => {
    expect(estimateTokens(text)).toBe(tokens);
  });

  it("respects both the token budget and the item cap, and keeps order", () => {
    expect(splitByTokenBudget(["aaaaaa", "aaaaaa", "aaaaaa"], 6, 10)).toEqual([
      ["aaaaaa", "aaaaaa"],
      ["aaaaaa"],
    ]);
    expect(splitByTokenBudget(["a", "b", "c"], 1_000, 2)).toEqual([["a", "b"], ["c"]]);
    expect(splitByTokenBudget(["a".repeat(100)], 5, 10)).toEqual([["a".repeat(100)]]);
  });
});
