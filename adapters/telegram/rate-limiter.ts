/**
 * Per-key sliding-window limiter: at most `limit` events in any `windowMs`. Pure apart from the
 * injected clock, so tests step time by hand.
 */

/** Whether an event may go ahead, and if not, how long until it could. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface SlidingWindowRateLimiterOptions {
  /** Events allowed per window. */
  limit: number;
  /** Window length; default one minute. */
  windowMs?: number;
  now: () => number;
}

export class SlidingWindowRateLimiter {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly eventsByKey = new Map<string, number[]>();

  constructor(options: SlidingWindowRateLimiterOptions) {
    if (!Number.isInteger(options.limit) || options.limit <= 0) {
      throw new RangeError(`rate limit must be a positive whole number, got ${options.limit}`);
    }
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now;
  }

  /** Record an event for `key` if it is allowed; refused events are not recorded. */
  tryAcquire(key: string): RateDecision {
    const now = this.now();
    const recent = this.recentEvents(key, now);
    if (recent.length >= this.limit) {
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterMs: Math.max(1, oldest + this.windowMs - now) };
    }
    recent.push(now);
    this.eventsByKey.set(key, recent);
    this.forgetIdleKeys(now);
    return { allowed: true };
  }

  private recentEvents(key: string, now: number): number[] {
    const events = this.eventsByKey.get(key) ?? [];
    return events.filter((at) => at > now - this.windowMs);
  }

  // Keeps memory bounded by active users rather than everyone who ever wrote.
  private forgetIdleKeys(now: number): void {
    if (this.eventsByKey.size < 1000) return;
    for (const [key, events] of this.eventsByKey) {
      const last = events[events.length - 1];
      if (last === undefined || last <= now - this.windowMs) this.eventsByKey.delete(key);
    }
  }
}
