import { describe, expect, it } from "vitest";
import { FixedWindowRateLimiter } from "../../../adapters/telegram/rate-limiter.ts";
import { MemoryStateStore } from "../../../src/state/memory-state.ts";

describe("FixedWindowRateLimiter", () => {
  it("allows `limit` events per window, per key, and says when the window ends", async () => {
    let now = 0;
    const state = new MemoryStateStore({ now: () => now });
    const limiter = new FixedWindowRateLimiter({ state, limit: 2, windowMs: 60_000, now: () => now });
    expect(await limiter.tryAcquire("a")).toEqual({ allowed: true });
    now = 10_000;
    expect(await limiter.tryAcquire("a")).toEqual({ allowed: true });
    expect(await limiter.tryAcquire("a")).toEqual({ allowed: false, retryAfterMs: 50_000 });
    expect(await limiter.tryAcquire("b")).toEqual({ allowed: true });
    now = 60_000; // a new window
    expect(await limiter.tryAcquire("a")).toEqual({ allowed: true });
  });

  it("counts across replicas sharing the state: the limit holds once, not per replica", async () => {
    const state = new MemoryStateStore();
    const replicas = [0, 1].map(() => new FixedWindowRateLimiter({ state, limit: 3, now: () => 5 }));
    const decisions = await Promise.all(
      Array.from({ length: 6 }, (_, index) => replicas[index % 2]!.tryAcquire("user")),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
  });

  it("tells a user to slow down once per refusal period, on any replica", async () => {
    let now = 0;
    const state = new MemoryStateStore({ now: () => now });
    const [left, right] = [0, 1].map(() => new FixedWindowRateLimiter({ state, limit: 1, now: () => now }));
    expect(await left!.shouldTellSlowDown("user", 1_000)).toBe(true);
    expect(await right!.shouldTellSlowDown("user", 1_000)).toBe(false);
    now = 1_000;
    expect(await right!.shouldTellSlowDown("user", 1_000)).toBe(true);
  });

  it("rejects a nonsensical limit", () => {
    expect(
      () => new FixedWindowRateLimiter({ state: new MemoryStateStore(), limit: 0, now: () => 0 }),
    ).toThrow(RangeError);
  });
});
