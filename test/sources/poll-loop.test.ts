import { describe, expect, it, vi } from "vitest";
import { emptyIngestReport } from "../../src/pipeline/ingest-paths.ts";
import { startPollLoop } from "../../src/sources/poll-loop.ts";
import type { PollReport } from "../../src/sources/source-poller.ts";

function report(added: number): PollReport {
  return {
    ...emptyIngestReport(),
    sources: [
      {
        id: "a",
        name: "A",
        url: "https://a.example/feed",
        status: "new issues",
        added,
        error: null,
        nextRunAt: null,
      },
    ],
  };
}

describe("the serve poll loop", () => {
  it("polls at once and again after each run, reports failures and goes on, and stop waits for the run in flight", async () => {
    const calls: number[] = [];
    const reports: PollReport[] = [];
    const errors: string[] = [];
    let release: (() => void) | null = null;
    const loop = startPollLoop({
      tickMs: 1,
      poll: async () => {
        calls.push(calls.length + 1);
        if (calls.length === 2) throw new Error("store unavailable");
        if (calls.length === 3) await new Promise<void>((resolve) => (release = resolve));
        return report(calls.length);
      },
      onReport: (value) => reports.push(value),
      onError: (message) => errors.push(message),
    });
    await vi.waitFor(() => expect(calls).toHaveLength(3));
    const stopping = loop.stop();
    let stopped = false;
    void stopping.then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false); // the third run is still in flight
    (release as unknown as () => void)();
    await stopping;
    expect(errors).toEqual(["store unavailable"]);
    expect(reports.map((value) => value.sources[0]?.added)).toEqual([1, 3]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toHaveLength(3); // no run after stop
  });
});
