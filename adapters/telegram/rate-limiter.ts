/**
 * Per-user rate limit counted in the shared state, so N replicas allow the limit once, not N
 * times: a counter per user and fixed window (`increment` is atomic in every state driver). A
 * fixed window lets a user reach twice the limit across a window boundary at most, which is
 * acceptable for a courtesy limit, and costs one state call per question.
 */

import type { StateStore } from "../../src/state/state-store.ts";

/** Whether an event may go ahead, and if not, how long until it could. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiterOptions {
  state: StateStore;
  /** Events allowed per window. */
  limit: number;
  /** Window length; default one minute. */
  windowMs?: number;
  now: () => number;
}

export class FixedWindowRateLimiter {
  private readonly state: StateStore;
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: RateLimiterOptions) {
    if (!Number.isInteger(options.limit) || options.limit <= 0) {
      throw new RangeError(`rate limit must be a positive whole number, got ${options.limit}`);
    }
    this.state = options.state;
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now;
  }

  /** Count an event for `key`; allowed while the window's count is within the limit. */
  async tryAcquire(key: string): Promise<RateDecision> {
    const now = this.now();
    const window = Math.floor(now / this.windowMs);
    const count = await this.state.increment("rate", `${key}:${window}`, { ttlMs: this.windowMs });
    if (count <= this.limit) return { allowed: true };
    return { allowed: false, retryAfterMs: Math.max(1, (window + 1) * this.windowMs - now) };
  }

  /**
   * Whether to tell `key` to slow down now: once per refusal period across replicas, so a
   * flood of questions gets one notice, not one per question or per replica.
   */
  async shouldTellSlowDown(key: string, retryAfterMs: number): Promise<boolean> {
    return this.state.setIfAbsent("rate-notices", key, "1", { ttlMs: retryAfterMs });
  }
}
