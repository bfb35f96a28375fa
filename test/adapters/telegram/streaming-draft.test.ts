import { TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import { StreamingDraft } from "../../../adapters/telegram/streaming-draft.ts";

class RecordingTransport {
  readonly calls: Array<{ kind: "send" | "edit"; text: string }> = [];
  failNextEdit: unknown;

  async send(text: string): Promise<number> {
    this.calls.push({ kind: "send", text });
    return 7;
  }

  async edit(_messageId: number, text: string): Promise<void> {
    this.calls.push({ kind: "edit", text });
    const failure = this.failNextEdit;
    this.failNextEdit = undefined;
    if (failure !== undefined) throw failure;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("StreamingDraft", () => {
  it("sends the first text, coalesces updates within an interval, and skips unchanged text", async () => {
    const transport = new RecordingTransport();
    const draft = new StreamingDraft(transport, { intervalMs: 50, now: Date.now, maxLength: 100 });
    draft.update("a");
    draft.update("ab");
    draft.update("abc");
    await pause(80);
    draft.update("abc");
    await pause(80);
    expect(await draft.settle()).toBe(7);
    expect(transport.calls).toEqual([
      { kind: "send", text: "a" },
      { kind: "edit", text: "abc" },
    ]);
  });

  it("pauses for retry_after on 429 and stops on other errors", async () => {
    const transport = new RecordingTransport();
    let now = 0;
    const draft = new StreamingDraft(transport, { intervalMs: 0, now: () => now, maxLength: 100 });
    draft.update("a");
    await pause(5);
    transport.failNextEdit = new TelegramError({
      error_code: 429,
      description: "Too Many",
      parameters: { retry_after: 1 },
    });
    draft.update("ab");
    await pause(5);
    now = 500;
    draft.update("abc"); // still paused: scheduled, not sent
    await pause(5);
    expect(transport.calls.map((call) => call.text)).toEqual(["a", "ab"]);
    await draft.settle();
    expect(transport.calls.map((call) => call.text)).toEqual(["a", "ab"]);
  });

  it("truncates long drafts", async () => {
    const transport = new RecordingTransport();
    const draft = new StreamingDraft(transport, { intervalMs: 0, now: Date.now, maxLength: 5 });
    draft.update("abcdefgh");
    await draft.settle();
    expect(transport.calls).toEqual([{ kind: "send", text: "abcd…" }]);
  });
});
