import { describe, expect, it } from "vitest";
import { EventDeduplicator } from "../../../adapters/slack/event-dedup.ts";
import { ExpiringKeys } from "../../../adapters/slack/expiring-keys.ts";
import { MemoryStateStore } from "../../../src/state/memory-state.ts";

describe("EventDeduplicator", () => {
  it.each([
    { name: "first delivery", seen: [], at: 0, expected: false },
    { name: "a retry a second later", seen: [0], at: 1_000, expected: true },
    { name: "a retry 60 minutes later (Slack's last retry)", seen: [0], at: 60 * 60 * 1000, expected: true },
    { name: "the same id after the TTL", seen: [0], at: 66 * 60 * 1000, expected: false },
  ])("$name → duplicate: $expected", async ({ seen, at, expected }) => {
    let now = 0;
    const dedup = new EventDeduplicator(new MemoryStateStore({ now: () => now }));
    for (const time of seen) {
      now = time;
      await dedup.isDuplicate("Ev1");
    }
    now = at;
    expect(await dedup.isDuplicate("Ev1")).toBe(expected);
  });

  it("tells different event ids apart", async () => {
    const dedup = new EventDeduplicator(new MemoryStateStore());
    expect(await dedup.isDuplicate("Ev1")).toBe(false);
    expect(await dedup.isDuplicate("Ev2")).toBe(false);
    expect(await dedup.isDuplicate("Ev1")).toBe(true);
  });

  it("is shared by every deduplicator on the same state (replicas)", async () => {
    const state = new MemoryStateStore();
    const [left, right] = [new EventDeduplicator(state), new EventDeduplicator(state)];
    expect(await left.isDuplicate("Ev1")).toBe(false);
    expect(await right.isDuplicate("Ev1")).toBe(true);
  });
});

describe("ExpiringKeys", () => {
  it("expires keys after the TTL; re-adding refreshes a key's age", async () => {
    let now = 0;
    const keys = new ExpiringKeys(new MemoryStateStore({ now: () => now }), "threads", 100);
    await keys.add("old");
    await keys.add("refreshed");
    now = 90;
    await keys.add("refreshed");
    now = 99;
    expect(await keys.has("old")).toBe(true);
    now = 100;
    expect(await keys.has("old")).toBe(false);
    expect(await keys.has("refreshed")).toBe(true);
  });
});
