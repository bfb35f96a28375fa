import { describe, expect, it } from "vitest";
import { SlidingWindowRateLimiter } from "../../../adapters/telegram/rate-limiter.ts";

describe("SlidingWindowRateLimiter", () => {
  it("allows `limit` events per sliding window, per key", () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect(limiter.tryAcquire("a")).toEqual({ allowed: true });
    now = 10_000;
    expect(limiter.tryAcquire("a")).toEqual({ allowed: true });
    expect(limiter.tryAcquire("a")).toEqual({ allowed: false, retryAfterMs: 50_000 });
    expect(limiter.tryAcquire("b")).toEqual({ allowed: true });
    now = 60_001; // the first event has left the window, the second has not
    expect(limiter.tryAcquire("a")).toEqual({ allowed: true });
    expect(limiter.tryAcquire("a")).toEqual({ allowed: false, retryAfterMs: 9_999 });
  });

  it("does not count refused events", () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: 1000, now: () => now });
    limiter.tryAcquire("a");
    for (let index = 0; index < 5; index++) limiter.tryAcquire("a");
    now = 1000;
    expect(limiter.tryAcquire("a")).toEqual({ allowed: true });
  });

  it("rejects a nonsensical limit", () => {
    expect(() => new SlidingWindowRateLimiter({ limit: 0, now: () => 0 })).toThrow(RangeError);
  });
});
