import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NetworkError, ServiceError } from "../../src/errors.ts";
import {
  createOpenAIClient,
  mapOpenAIError,
  parseRetryAfterSeconds,
} from "../../src/providers/openai-client.ts";
import { type FakeOpenAIServer, startOpenAIServer } from "../wire/openai-server.ts";

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(async () => {
  await server.close();
});

/** One real SDK call against the test server, returning what it throws, mapped. */
async function failureOf(call: () => Promise<unknown>, signal?: AbortSignal): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return mapOpenAIError(error, signal);
  }
  throw new Error("expected the call to fail");
}

describe("parseRetryAfterSeconds", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);
  it.each([
    [{ "retry-after": "2" }, 2],
    [{ "retry-after": "0.25" }, 0.25],
    [{ "retry-after-ms": "150" }, 0.15],
    [{ "retry-after-ms": "150", "retry-after": "9" }, 0.15],
    [{ "retry-after": "Wed, 21 Oct 2015 07:28:10 GMT" }, 10],
    [{ "retry-after": "soon" }, null],
    [{}, null],
  ])("%j → %s", (entries, seconds) => {
    expect(parseRetryAfterSeconds(headers(entries), Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(
      seconds,
    );
  });
});

describe("mapOpenAIError", () => {
  it("turns a 429 into a retryable ServiceError carrying retry-after", async () => {
    server.script("chat", { status: 429, retryAfter: "3" });
    const client = createOpenAIClient({ baseURL: server.baseURL });
    const error = await failureOf(() => client.chat.completions.create({ model: "m", messages: [] }));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterSeconds: 3, service: "openai" });
  });

  it("does not retry inside the SDK (maxRetries 0): one 500 is one request and one error", async () => {
    const before = server.requestsTo("chat").length;
    server.script("chat", { status: 500 });
    const client = createOpenAIClient({ baseURL: server.baseURL });
    const error = await failureOf(() => client.chat.completions.create({ model: "m", messages: [] }));
    expect(error).toMatchObject({ status: 500, retryable: true });
    expect(server.requestsTo("chat").length - before).toBe(1);
  });

  it("turns a refused connection into a NetworkError", async () => {
    const client = createOpenAIClient({ baseURL: "http://127.0.0.1:1/v1" });
    const error = await failureOf(() => client.chat.completions.create({ model: "m", messages: [] }));
    expect(error).toBeInstanceOf(NetworkError);
  });

  it("turns a per-request timeout into a NetworkError", async () => {
    server.script("chat", { delayMs: 300 });
    const client = createOpenAIClient({ baseURL: server.baseURL, timeoutMs: 50 });
    const error = await failureOf(() => client.chat.completions.create({ model: "m", messages: [] }));
    expect(error).toBeInstanceOf(NetworkError);
  });

  it("keeps a caller's abort an abort (the signal's reason), not a failure", async () => {
    server.script("chat", { delayMs: 300 });
    const controller = new AbortController();
    const reason = new Error("user left");
    setTimeout(() => controller.abort(reason), 20);
    const client = createOpenAIClient({ baseURL: server.baseURL });
    const error = await failureOf(
      () => client.chat.completions.create({ model: "m", messages: [] }, { signal: controller.signal }),
      controller.signal,
    );
    expect(error).toBe(reason);
  });
});
