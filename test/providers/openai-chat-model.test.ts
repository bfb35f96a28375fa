import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NetworkError, type ServiceError } from "../../src/errors.ts";
import { createOpenAIChatModel, ModelRefusalError } from "../../src/providers/openai-chat-model.ts";
import { type FakeOpenAIServer, startOpenAIServer } from "../wire/openai-server.ts";

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.reset();
});

const messages = [
  { role: "system" as const, content: "be brief" },
  { role: "user" as const, content: "what shipped?" },
];

describe("createOpenAIChatModel", () => {
  it("sends model, messages and options, and returns the whole answer", async () => {
    server.setChat(() => "GPT-5 shipped [1].");
    const model = createOpenAIChatModel({ baseURL: server.baseURL, model: "gpt-4o-mini" });
    expect(model.id).toBe("openai:gpt-4o-mini");
    expect(await model.complete(messages, { maxTokens: 100, temperature: 0 })).toBe("GPT-5 shipped [1].");
    const body = server.requestsTo("chat")[0]?.body;
    expect(body).toMatchObject({
      model: "gpt-4o-mini",
      messages,
      temperature: 0,
      max_tokens: 100,
      stream: false,
    });
  });

  it("streams: asks for SSE, calls onDelta per piece, and returns the whole text", async () => {
    server.setChat(() => "Streamed answer [2].");
    const model = createOpenAIChatModel({ baseURL: server.baseURL, model: "m" });
    const deltas: string[] = [];
    const text = await model.complete(messages, { onDelta: (delta) => deltas.push(delta) });
    expect(server.requestsTo("chat")[0]?.body.stream).toBe(true);
    expect(text).toBe("Streamed answer [2].");
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe(text);
  });

  it.each([false, true])("raises ModelRefusalError on a refusal (streaming: %s)", async (streaming) => {
    server.setChat(() => ({ refusal: "I can't help with that." }));
    const model = createOpenAIChatModel({ baseURL: server.baseURL, model: "m" });
    const failure = await model
      .complete(messages, streaming ? { onDelta: () => {} } : {})
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelRefusalError);
    expect((failure as ServiceError).retryable).toBe(false);
  });

  it("maps a 500 to a retryable ServiceError", async () => {
    server.script("chat", { status: 500 });
    const model = createOpenAIChatModel({ baseURL: server.baseURL, model: "m" });
    await expect(model.complete(messages)).rejects.toMatchObject({ status: 500, retryable: true });
  });

  it("cuts a stream that stalls past the deadline with a NetworkError", async () => {
    server.setChat(() => "a very slow answer that keeps going [1]");
    server.setStreamChunkDelayMs(40);
    const model = createOpenAIChatModel({ baseURL: server.baseURL, model: "m", timeoutMs: 100 });
    // The error itself shows the stream was cut: a stream left to run would have completed.
    const failure = await model.complete(messages, { onDelta: () => {} }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NetworkError);
  });

  it("honours the caller's abort mid-stream with the signal's reason", async () => {
    server.setChat(() => "a very slow answer that keeps going [1]");
    server.setStreamChunkDelayMs(30);
    const model = createOpenAIChatModel({ baseURL: server.baseURL, model: "m" });
    const controller = new AbortController();
    const reason = new Error("cancelled");
    let received = "";
    const failure = await model
      .complete(messages, {
        signal: controller.signal,
        onDelta: (delta) => {
          received += delta;
          if (received.length >= 6) controller.abort(reason);
        },
      })
      .catch((error: unknown) => error);
    expect(failure).toBe(reason);
  });
});
