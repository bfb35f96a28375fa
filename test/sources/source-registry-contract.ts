import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PollState, SourceRegistry, Subscription } from "../../src/sources/subscription.ts";

function subscription(id: string, url: string, createdAt: string): Subscription {
  return {
    id,
    url,
    name: `Source ${id}`,
    everySeconds: 3600,
    createdAt,
    poll: {
      kind: null,
      etag: null,
      lastModified: null,
      lastFetchAt: null,
      lastNewIssueAt: null,
      nextRunAt: createdAt,
      lastError: null,
      failures: 0,
      seenLinks: [],
    },
  };
}

const at = (iso: string) => new Date(iso);

/**
 * What every SourceRegistry driver must do (unstorage's testDriver pattern). `open` gives a fresh
 * registry; `openReplica`, when the driver can be shared, a second handle on the same data, as
 * another replica would open it.
 */
export function describeSourceRegistry(
  name: string,
  driver: {
    open: () => Promise<SourceRegistry>;
    openReplica?: () => Promise<SourceRegistry>;
    cleanUp?: () => Promise<void>;
  },
): void {
  describe(`SourceRegistry contract: ${name}`, () => {
    let registry: SourceRegistry;

    beforeEach(async () => {
      registry = await driver.open();
    });

    afterEach(async () => {
      await registry.close();
      await driver.cleanUp?.();
    });

    it("adds, lists in subscription order, finds by id or URL, refuses a duplicate URL, removes", async () => {
      expect(
        await registry.add(subscription("b", "https://b.example/feed", "2026-03-02T00:00:00.000Z")),
      ).toBe(true);
      expect(
        await registry.add(subscription("a", "https://a.example/feed", "2026-03-01T00:00:00.000Z")),
      ).toBe(true);
      expect(
        await registry.add(subscription("c", "https://a.example/feed", "2026-03-03T00:00:00.000Z")),
      ).toBe(false);
      expect((await registry.list()).map((entry) => entry.id)).toEqual(["a", "b"]);
      expect((await registry.find("https://b.example/feed"))?.id).toBe("b");
      expect((await registry.find("a"))?.url).toBe("https://a.example/feed");
      expect(await registry.find("https://nowhere.example/")).toBeNull();
      expect(await registry.remove("a")).toBe(true);
      expect(await registry.remove("a")).toBe(false);
      expect((await registry.list()).map((entry) => entry.id)).toEqual(["b"]);
    });

    it("keeps the poll state it is given, whole", async () => {
      await registry.add(subscription("a", "https://a.example/feed", "2026-03-01T00:00:00.000Z"));
      const state: PollState = {
        kind: "archive",
        etag: '"abc"',
        lastModified: "Tue, 03 Mar 2026 08:00:00 GMT",
        lastFetchAt: "2026-03-03T08:00:00.000Z",
        lastNewIssueAt: "2026-03-03T08:00:00.000Z",
        nextRunAt: "2026-03-03T09:00:00.000Z",
        lastError: "https://a.example/p/1: HTTP 500",
        failures: 2,
        seenLinks: ["https://a.example/p/1", "https://a.example/p/2"],
      };
      await registry.recordPoll("a", state);
      expect((await registry.find("a"))?.poll).toEqual(state);
      await registry.recordPoll("missing", state); // removed meanwhile: no error, nothing added
      expect(await registry.list()).toHaveLength(1);
    });

    it("gives a lease to one holder until it expires or is released", async () => {
      await registry.add(subscription("a", "https://a.example/feed", "2026-03-01T00:00:00.000Z"));
      const now = at("2026-03-03T08:00:00.000Z");
      const until = at("2026-03-03T08:15:00.000Z");
      expect(await registry.tryLease("a", "one", now, until)).toBe(true);
      expect(await registry.tryLease("a", "two", at("2026-03-03T08:10:00.000Z"), until)).toBe(false);
      expect(await registry.tryLease("a", "one", at("2026-03-03T08:10:00.000Z"), until)).toBe(true);
      // Expired: a crashed holder does not keep the source forever.
      expect(
        await registry.tryLease("a", "two", at("2026-03-03T08:16:00.000Z"), at("2026-03-03T08:31:00.000Z")),
      ).toBe(true);
      await registry.releaseLease("a", "one"); // not the holder: no effect
      expect(await registry.tryLease("a", "one", at("2026-03-03T08:20:00.000Z"), until)).toBe(false);
      await registry.releaseLease("a", "two");
      expect(await registry.tryLease("a", "one", at("2026-03-03T08:20:00.000Z"), until)).toBe(true);
      expect(await registry.tryLease("missing", "one", now, until)).toBe(false);
    });

    if (driver.openReplica !== undefined) {
      const openReplica = driver.openReplica;
      it("shares subscriptions and leases with another replica on the same store", async () => {
        const replica = await openReplica();
        try {
          await registry.add(subscription("a", "https://a.example/feed", "2026-03-01T00:00:00.000Z"));
          expect((await replica.list()).map((entry) => entry.id)).toEqual(["a"]);
          const now = at("2026-03-03T08:00:00.000Z");
          const until = at("2026-03-03T08:15:00.000Z");
          const results = await Promise.all([
            registry.tryLease("a", "one", now, until),
            replica.tryLease("a", "two", now, until),
          ]);
          expect(results.filter(Boolean)).toHaveLength(1);
        } finally {
          await replica.close();
        }
      });
    }
  });
}
