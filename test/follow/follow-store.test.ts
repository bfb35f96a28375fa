import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FollowStore } from "../../src/follow/follow-store.ts";
import { LanceFollowStore } from "../../src/follow/lancedb-follow-store.ts";
import { MemoryFollowStore } from "../../src/follow/memory-follow-store.ts";

const ana = { platform: "telegram", address: "1001" };
const team = { platform: "slack", address: "C042" };

/** What every FollowStore driver must do (unstorage's testDriver pattern). */
function describeFollowStore(
  name: string,
  driver: { open: () => Promise<FollowStore>; cleanUp?: () => Promise<void> },
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

    it("claims each delivery key once, and a released key can be claimed again", async () => {
      expect([...(await store.claimDeliveries(["a", "b"]))].sort()).toEqual(["a", "b"]);
      expect([...(await store.claimDeliveries(["b", "c"]))]).toEqual(["c"]);
      await store.releaseDeliveries(["b"]);
      expect([...(await store.claimDeliveries(["a", "b"]))]).toEqual(["b"]);
    });
  });
}

describeFollowStore("memory", { open: async () => new MemoryFollowStore() });

let directory: string | null = null;
describeFollowStore("LanceDB", {
  open: async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-follows-"));
    return LanceFollowStore.open(directory);
  },
  cleanUp: async () => {
    if (directory !== null) await rm(directory, { recursive: true, force: true });
    directory = null;
  },
});
