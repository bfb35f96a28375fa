import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ThrottledUpdater } from "../../../adapters/slack/throttled-updater.ts";

describe("ThrottledUpdater", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(sendDelayMs = 0) {
    const sent: Array<{ text: string; at: number }> = [];
    const errors: unknown[] = [];
    const updater = new ThrottledUpdater({
      intervalMs: 1_500,
      send: async (text) => {
        sent.push({ text, at: Date.now() });
        if (sendDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, sendDelayMs));
      },
      onError: (error) => errors.push(error),
    });
    return { updater, sent, errors };
  }

  it("waits a full interval after the placeholder, then sends only the newest text", async () => {
    const { updater, sent } = setup();
    updater.push("a");
    await vi.advanceTimersByTimeAsync(500);
    updater.push("ab");
    updater.push("abc");
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual([{ text: "abc", at: 1_500 }]);
  });

  it("keeps sends at least the interval apart under a steady stream", async () => {
    const { updater, sent } = setup();
    for (let index = 1; index <= 50; index += 1) {
      updater.push(`t${index}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(2_000);
    // Pushes run until 4_900 ms: edits at every interval boundary, the last one carrying the newest text.
    expect(sent.map((entry) => entry.at)).toEqual([1_500, 3_000, 4_500, 6_000]);
    expect(sent.at(-1)?.text).toBe("t50");
  });

  it("never overlaps sends: a slow edit delays the next one", async () => {
    const { updater, sent } = setup(2_000);
    updater.push("one");
    await vi.advanceTimersByTimeAsync(1_500);
    updater.push("two");
    await vi.advanceTimersByTimeAsync(1_600); // first send still in flight at 3_100
    expect(sent.map((entry) => entry.text)).toEqual(["one"]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent.map((entry) => entry.text)).toEqual(["one", "two"]);
    // Sent as soon as the slow edit finished (Node rounds a 0 ms timer up to 1 ms).
    expect(sent[1]?.at).toBeGreaterThanOrEqual(3_500);
    expect(sent[1]?.at).toBeLessThan(3_510);
  });

  it("close() drops unsent text, waits for the edit in flight, and ignores later pushes", async () => {
    const { updater, sent } = setup(1_000);
    updater.push("first");
    await vi.advanceTimersByTimeAsync(1_500);
    updater.push("second");
    let closed = false;
    const closing = updater.close().then(() => {
      closed = true;
    });
    await vi.advanceTimersByTimeAsync(500);
    expect(closed).toBe(false);
    await vi.advanceTimersByTimeAsync(600);
    await closing;
    updater.push("third");
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent.map((entry) => entry.text)).toEqual(["first"]);
  });

  it("reports a failed send and keeps going", async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const updater = new ThrottledUpdater({
      intervalMs: 100,
      send: async () => {
        calls += 1;
        if (calls === 1) throw new Error("ratelimited");
      },
      onError: (error) => errors.push(error),
    });
    updater.push("a");
    await vi.advanceTimersByTimeAsync(100);
    updater.push("b");
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
