import { TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import { callWithRetry } from "../../../adapters/telegram/call-with-retry.ts";

function failingThen<T>(errors: unknown[], value: T): { operation: () => Promise<T>; calls: () => number } {
  let calls = 0;
  return {
    operation: async () => {
      const error = errors[calls++];
      if (error !== undefined) throw error;
      return value;
    },
    calls: () => calls,
  };
}

function networkError(): Error {
  return Object.assign(new Error("request to http://x failed, reason: socket hang up"), {
    name: "FetchError",
    code: "ECONNRESET",
  });
}

describe("callWithRetry", () => {
  it("sleeps exactly retry_after on 429", async () => {
    const delays: number[] = [];
    const { operation, calls } = failingThen(
      [
        new TelegramError({
          error_code: 429,
          description: "Too Many Requests",
          parameters: { retry_after: 3 },
        }),
      ],
      "ok",
    );
    await expect(callWithRetry(operation, { sleep: async (ms) => void delays.push(ms) })).resolves.toBe("ok");
    expect(delays).toEqual([3000]);
    expect(calls()).toBe(2);
  });

  it("backs off exponentially on 5xx and network errors, capped", async () => {
    const delays: number[] = [];
    const { operation } = failingThen(
      [new TelegramError({ error_code: 502, description: "Bad Gateway" }), networkError(), networkError()],
      "ok",
    );
    const result = await callWithRetry(operation, {
      baseDelayMs: 100,
      maxDelayMs: 300,
      sleep: async (ms) => void delays.push(ms),
    });
    expect(result).toBe("ok");
    expect(delays).toEqual([100, 200, 300]);
  });

  it("gives up after maxAttempts", async () => {
    const { operation, calls } = failingThen([networkError(), networkError(), networkError()], "ok");
    await expect(callWithRetry(operation, { maxAttempts: 2, sleep: async () => {} })).rejects.toThrow(
      "socket hang up",
    );
    expect(calls()).toBe(2);
  });

  it.each([
    ["400 bad request", new TelegramError({ error_code: 400, description: "Bad Request: chat not found" })],
    [
      "403 blocked",
      new TelegramError({ error_code: 403, description: "Forbidden: bot was blocked by the user" }),
    ],
    ["a programming error", new TypeError("x is undefined")],
  ])("does not retry %s", async (_name, error) => {
    const { operation, calls } = failingThen([error], "ok");
    await expect(callWithRetry(operation, { sleep: async () => {} })).rejects.toBe(error);
    expect(calls()).toBe(1);
  });

  it("refuses to sleep through a retry_after beyond the cap", async () => {
    const error = new TelegramError({
      error_code: 429,
      description: "Too Many",
      parameters: { retry_after: 3600 },
    });
    const { operation, calls } = failingThen([error], "ok");
    await expect(callWithRetry(operation, { maxRetryAfterMs: 60_000, sleep: async () => {} })).rejects.toBe(
      error,
    );
    expect(calls()).toBe(1);
  });
});
