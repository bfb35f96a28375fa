import { TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import { callWithRetry } from "../../../adapters/telegram/call-with-retry.ts";
import { classifyTelegramFailure } from "../../../adapters/telegram/telegram-errors.ts";
import { VirtualClock } from "../../delivery/virtual-clock.ts";

function networkError(): Error {
  return Object.assign(new Error("request to http://x failed, reason: socket hang up"), {
    name: "FetchError",
    code: "ECONNRESET",
  });
}

describe("Telegram failures, classified for delivery", () => {
  it.each([
    [
      "429 with retry_after",
      new TelegramError({ error_code: 429, description: "Too Many", parameters: { retry_after: 3 } }),
      { kind: "rate-limited", retryAfterMs: 3000 },
    ],
    ["502", new TelegramError({ error_code: 502, description: "Bad Gateway" }), { kind: "transient" }],
    ["a reset connection", networkError(), { kind: "transient" }],
    [
      "400 chat not found",
      new TelegramError({ error_code: 400, description: "Bad Request: chat not found" }),
      { kind: "permanent" },
    ],
    [
      "403 blocked",
      new TelegramError({ error_code: 403, description: "Forbidden: bot was blocked by the user" }),
      { kind: "permanent" },
    ],
    ["a programming error", new TypeError("x is undefined"), { kind: "permanent" }],
  ])("%s", (_name, error, expected) => {
    expect(classifyTelegramFailure(error)).toEqual(expected);
  });

  it("callWithRetry rides out ten 429s in a row and then delivers", async () => {
    const clock = new VirtualClock();
    let calls = 0;
    const result = await callWithRetry(
      async () => {
        calls += 1;
        if (calls <= 10)
          throw new TelegramError({
            error_code: 429,
            description: "Too Many",
            parameters: { retry_after: 1 },
          });
        return "sent";
      },
      { clock },
    );
    expect(result).toBe("sent");
    expect(clock.sleeps).toEqual(Array.from({ length: 10 }, () => 1000));
  });
});
