import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StateStore } from "../../src/state/state-store.ts";

/**
 * The contract every `StateStore` driver passes (unstorage's `testDriver` pattern). `open()`
 * returns a handle on the same state each time: a new client/connection where the driver has
 * them, so "two replicas" are two handles.
 */
export interface DriverUnderTest {
  open(): Promise<StateStore>;
  /** Remove what the driver wrote (temporary directory, Redis keys). */
  cleanup(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Expiry in the tests: short, and waited out with a wide margin. Checks made before it expires
 * run within a few calls of the write: a second is far more than those take on a loaded machine.
 */
const shortTtlMs = 1_000;
const waitPastTtl = () => sleep(shortTtlMs * 2.5);

export function testStateDriver(name: string, setup: () => Promise<DriverUnderTest>): void {
  describe(`StateStore contract: ${name}`, () => {
    let driver: DriverUnderTest;
    let state: StateStore;
    const handles: StateStore[] = [];
    const open = async () => {
      const handle = await driver.open();
      handles.push(handle);
      return handle;
    };

    beforeEach(async () => {
      driver = await setup();
      state = await open();
    });
    afterEach(async () => {
      for (const handle of handles.splice(0)) await handle.close();
      await driver.cleanup();
    });

    it("names its driver", () => {
      expect(state.driver).toBe(name);
    });

    it("gets what was set, null for what was not, and the latest of two sets", async () => {
      expect(await state.get("things", "a")).toBeNull();
      await state.set("things", "a", "one");
      await state.set("things", "a", "two");
      await state.set("other", "a", "elsewhere");
      expect(await state.get("things", "a")).toBe("two");
      expect(await state.get("other", "a")).toBe("elsewhere");
    });

    it("keeps keys with separators, quotes, globs and Chinese apart", async () => {
      const keys = ["a:b", "a", "it's", "x*", "x?y", "[z]", "新闻:一", "a\\b"];
      for (const [index, key] of keys.entries()) await state.set("things", key, String(index));
      for (const [index, key] of keys.entries()) expect(await state.get("things", key)).toBe(String(index));
    });

    it("forgets a value after its time to live, and keeps one without", async () => {
      await state.set("things", "brief", "soon gone", { ttlMs: shortTtlMs });
      await state.set("things", "long", "later", { ttlMs: 60_000 });
      await state.set("things", "lasting", "stays");
      await waitPastTtl();
      expect(await state.get("things", "brief")).toBeNull();
      expect(await state.get("things", "long")).toBe("later");
      expect(await state.get("things", "lasting")).toBe("stays");
    });

    it("sets if absent only once, again after a delete or an expiry", async () => {
      expect(await state.setIfAbsent("seen", "event-1", "first")).toBe(true);
      expect(await state.setIfAbsent("seen", "event-1", "second")).toBe(false);
      expect(await state.get("seen", "event-1")).toBe("first");
      await state.delete("seen", "event-1");
      expect(await state.setIfAbsent("seen", "event-1", "third")).toBe(true);
      expect(await state.setIfAbsent("seen", "event-2", "x", { ttlMs: shortTtlMs })).toBe(true);
      await waitPastTtl();
      expect(await state.setIfAbsent("seen", "event-2", "z")).toBe(true);
      expect(await state.get("seen", "event-2")).toBe("z");
    });

    it("gives exactly one of two handles racing for each key the win", async () => {
      const other = await open();
      const keys = Array.from({ length: 8 }, (_, index) => `race-${index}`);
      const results = await Promise.all(
        keys.map((key) =>
          Promise.all([
            state.setIfAbsent("seen", key, "left", { ttlMs: 60_000 }),
            other.setIfAbsent("seen", key, "right", { ttlMs: 60_000 }),
          ]),
        ),
      );
      for (const [index, [left, right]] of results.entries()) {
        expect(left !== right, `key race-${index}: ${left} ${right}`).toBe(true);
        const winner = left ? "left" : "right";
        expect(await state.get("seen", keys[index]!)).toBe(winner);
        expect(await other.get("seen", keys[index]!)).toBe(winner);
      }
    });

    it("counts up from one, across handles without losing or repeating a count", async () => {
      const other = await open();
      expect(await state.increment("counts", "user-1")).toBe(1);
      expect(await state.increment("counts", "user-1")).toBe(2);
      const counts = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          (index % 2 === 0 ? state : other).increment("counts", "user-1"),
        ),
      );
      expect([...counts].sort((left, right) => left - right)).toEqual([3, 4, 5, 6, 7, 8]);
      expect(await other.get("counts", "user-1")).toBe("8");
    });

    it("starts a counter over once its window expires; later increments do not extend it", async () => {
      expect(await state.increment("counts", "window", { ttlMs: shortTtlMs })).toBe(1);
      expect(await state.increment("counts", "window", { ttlMs: shortTtlMs * 100 })).toBe(2);
      await waitPastTtl();
      expect(await state.get("counts", "window")).toBeNull();
      expect(await state.increment("counts", "window", { ttlMs: shortTtlMs })).toBe(1);
    });

    it("keeps the newest items of a list, oldest first, apart from the value under the same key", async () => {
      expect(await state.list("turns", "chat")).toEqual([]);
      for (const item of ["1", "2", "3", "4"]) await state.append("turns", "chat", item, { maxItems: 3 });
      await state.set("turns", "chat", "a value");
      expect(await state.list("turns", "chat")).toEqual(["2", "3", "4"]);
      expect(await state.get("turns", "chat")).toBe("a value");
      await state.delete("turns", "chat");
      expect(await state.list("turns", "chat")).toEqual([]);
      expect(await state.get("turns", "chat")).toBeNull();
    });

    it("forgets a list idle past its time to live, counted from the latest append", async () => {
      await state.append("turns", "idle", "a", { maxItems: 5, ttlMs: shortTtlMs });
      await state.append("turns", "busy", "a", { maxItems: 5, ttlMs: shortTtlMs * 100 });
      await state.append("turns", "idle", "b", { maxItems: 5, ttlMs: shortTtlMs });
      expect(await state.list("turns", "idle")).toEqual(["a", "b"]);
      await waitPastTtl();
      expect(await state.list("turns", "idle")).toEqual([]);
      expect(await state.list("turns", "busy")).toEqual(["a"]);
    });

    it("lists live values by key prefix, without lists or expired values", async () => {
      await state.set("follows", "chat-1:openai", "{}");
      await state.set("follows", "chat-1:byd", "{}");
      await state.set("follows", "chat-12:tesla", "{}");
      await state.set("follows", "chat-1:gone", "{}", { ttlMs: shortTtlMs });
      await state.append("follows", "chat-1:list", "x", { maxItems: 2 });
      await state.set("other", "chat-1:elsewhere", "{}");
      await waitPastTtl();
      const keys = (await state.entries("follows", "chat-1:")).map((entry) => entry.key).sort();
      expect(keys).toEqual(["chat-1:byd", "chat-1:openai"]);
      expect((await state.entries("follows")).length).toBe(3);
      expect(await state.entries("follows", "x*")).toEqual([]);
    });

    it("is shared by every handle on the same state", async () => {
      await state.set("things", "shared", "yes");
      await state.append("turns", "shared", "turn", { maxItems: 2 });
      const other = await open();
      expect(await other.get("things", "shared")).toBe("yes");
      expect(await other.list("turns", "shared")).toEqual(["turn"]);
    });

    it("refuses a namespace that is not a short lowercase word", async () => {
      await expect(state.get("Bad Space", "k")).rejects.toThrow(/namespace/);
      await expect(state.set("a:b", "k", "v")).rejects.toThrow(/namespace/);
    });
  });
}
