import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FollowStore } from "../../src/follow/follow-store.ts";
import { MemoryFollowStore } from "../../src/follow/memory-follow-store.ts";
import { StateFollowStore } from "../../src/follow/state-follow-store.ts";
import { LanceStateStore } from "../../src/state/lancedb-state.ts";
import { MemoryStateStore } from "../../src/state/memory-state.ts";
import { RedisStateStore } from "../../src/state/redis-state.ts";
import { type RunningRedis, startRedisServer } from "../state/redis-server.ts";

const ana = { platform: "telegram", address: "1001" };
const team = { platform: "slack", address: "C042" };

/** What every FollowStore driver must do (unstorage's testDriver pattern). */
function describeFollowStore(
  name: string,
  driver: {
    /** A handle on the driver's backing; called twice, the two share it (two replicas). */
    open: () => Promise<FollowStore>;
    cleanUp?: () => Promise<void>;
  },
) {
  describe(`FollowStore contract: ${name}`, () => {
    let store: FollowStore;
    beforeEach(async () => {
      store = await driver.open();
    });
    afterEach(async () => {
      await store.close();
      await driver.cleanUp?.();
    });

    it("follows a topic once however it is typed, lists, and unfollows one or all", async () => {
      expect(await store.follow(ana, "Sodium-ion  batteries", new Date("2026-03-01T00:00:00Z"))).toBe(true);
      expect(await store.follow(ana, " sodium-ion batteries", new Date("2026-03-02T00:00:00Z"))).toBe(false);
      expect(await store.follow(ana, "RISC-V", new Date("2026-03-03T00:00:00Z"))).toBe(true);
      expect(await store.follow(team, "risc-v", new Date("2026-03-04T00:00:00Z"))).toBe(true);
      expect(await store.topicsOf(ana)).toEqual(["sodium-ion batteries", "risc-v"]);
      expect((await store.all()).map((entry) => `${entry.follower.platform}:${entry.topic}`)).toEqual([
        "telegram:sodium-ion batteries",
        "telegram:risc-v",
        "slack:risc-v",
      ]);
      expect(await store.unfollow(ana, "RISC-V")).toBe(1);
      expect(await store.unfollow(ana, "nothing")).toBe(0);
      expect(await store.topicsOf(ana)).toEqual(["sodium-ion batteries"]);
      expect(await store.unfollow(team)).toBe(1);
      expect(await store.topicsOf(team)).toEqual([]);
    });

    it("lets one of two processes claiming the same keys at once win each key", async () => {
      const other = await driver.open();
      try {
        for (let round = 0; round < 3; round += 1) {
          const keys = Array.from({ length: 5 }, (_, index) => `round${round}#story${index}`);
          const [mine, theirs] = await Promise.all([
            store.claimDeliveries(keys),
            other.claimDeliveries([...keys].reverse()),
          ]);
          expect([...mine].filter((key) => theirs.has(key))).toEqual([]);
          expect(new Set([...mine, ...theirs])).toEqual(new Set(keys));
        }
      } finally {
        await other.close();
      }
    });

    it("claims each delivery key once, and a released key can be claimed again", async () => {
      expect([...(await store.claimDeliveries(["a", "b"]))].sort()).toEqual(["a", "b"]);
      expect([...(await store.claimDeliveries(["b", "c"]))]).toEqual(["c"]);
      await store.releaseDeliveries(["b"]);
      expect([...(await store.claimDeliveries(["a", "b"]))]).toEqual(["b"]);
    });
  });
}

// Memory drivers: every handle in one test is the same store, as in one process.
let memoryStore: MemoryFollowStore | null = null;
describeFollowStore("memory", {
  open: async () => {
    memoryStore ??= new MemoryFollowStore();
    return memoryStore;
  },
  cleanUp: async () => {
    memoryStore = null;
  },
});

let memoryState: MemoryStateStore | null = null;
describeFollowStore("state: memory", {
  open: async () => {
    memoryState ??= new MemoryStateStore();
    return new StateFollowStore(memoryState);
  },
  cleanUp: async () => {
    memoryState = null;
  },
});

let directory: string | null = null;
describeFollowStore("state: LanceDB", {
  open: async () => {
    directory ??= await mkdtemp(join(tmpdir(), "briefbot-follows-"));
    return new StateFollowStore(await LanceStateStore.open({ uri: join(directory, "db") }), {
      ownsState: true,
    });
  },
  cleanUp: async () => {
    if (directory !== null) await rm(directory, { recursive: true, force: true });
    directory = null;
  },
});

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});
describeFollowStore("state: Redis", {
  open: async () =>
    new StateFollowStore(await RedisStateStore.connect({ url: redis.url, keyPrefix: "follow-test:" }), {
      ownsState: true,
    }),
  cleanUp: async () => {
    const client = createClient({ url: redis.url });
    await client.connect();
    await client.flushAll();
    await client.close();
  },
});
