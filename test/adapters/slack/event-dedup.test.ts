import { describe, expect, it } from "vitest";
import { EventDeduplicator } from "../../../adapters/slack/event-dedup.ts";
import { ExpiringKeys } from "../../../adapters/slack/expiring-keys.ts";

describe("EventDeduplicator", () => {
  it.each([
    { name: "first delivery", seen: [], at: 0, expected: false },
    { name: "a retry a second later", seen: [0], at: 1_000, expected: true },
    { name: "a retry 60 minutes later (Slack's last retry)", seen: [0], at: 60 * 60 * 1000, expected: true },
    { name: "the same id after the TTL", seen: [0], at: 66 * 60 * 1000, expected: false },
  ])("$name → duplicate: $expected", ({ seen, at, expected }) => {
    const dedup = new EventDeduplicator();
    for (const time of seen) dedup.isDuplicate("Ev1", time);
    expect(dedup.isDuplicate("Ev1", at)).toBe(expected);
  });

  it("tells different event ids apart", () => {
    const dedup = new EventDeduplicator();
    expect(dedup.isDuplicate("Ev1", 0)).toBe(false);
    expect(dedup.isDuplicate("Ev2", 0)).toBe(false);
    expect(dedup.isDuplicate("Ev1", 1)).toBe(true);
  });

  it("stays bounded, forgetting the oldest ids first", () => {
    const dedup = new EventDeduplicator({ maxEntries: 3 });
    for (const id of ["a", "b", "c", "d"]) dedup.isDuplicate(id, 0);
    expect(dedup.isDuplicate("d", 1)).toBe(true);
    expect(dedup.isDuplicate("a", 1)).toBe(false);
  });
});

describe("ExpiringKeys", () => {
  it("expires keys after the TTL and prunes them on add", () => {
    const keys = new ExpiringKeys({ ttlMs: 100, maxEntries: 10 });
    keys.add("old", 0);
    keys.add("new", 50);
    expect(keys.has("old", 99)).toBe(true);
    expect(keys.has("old", 100)).toBe(false);
    keys.add("newer", 160);
    expect(keys.size).toBe(1);
    expect(keys.has("newer", 160)).toBe(true);
  });

  it("re-adding refreshes a key's age", () => {
    const keys = new ExpiringKeys({ ttlMs: 100, maxEntries: 10 });
    keys.add("k", 0);
    keys.add("k", 90);
    expect(keys.has("k", 150)).toBe(true);
  });
});
