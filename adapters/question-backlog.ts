/**
 * Questions each user has waiting or under way, so that a burst over the rate limit waits in a
 * short line instead of being dropped: the first question that has to wait tells the user once,
 * the rest are answered in order as the limit allows, and only a line that is already full
 * refuses a question (saying so). The line is per process; the rate limit under it is counted in
 * the shared state, so replicas together allow the limit once.
 */

/**
 * Questions one user may have waiting or under way. Twice the default per-minute limit: a
 * pasted list of questions is answered, a runaway client is told to stop.
 */
export const MAX_QUESTIONS_PER_USER = 10;

export class QuestionBacklog {
  private readonly pending = new Map<string, number>();
  private readonly told = new Set<string>();

  constructor(private readonly limit = MAX_QUESTIONS_PER_USER) {}

  /** Count a new question for `user`; false when their line is full (the caller says so). */
  enter(user: string): boolean {
    const count = this.pending.get(user) ?? 0;
    if (count >= this.limit) return false;
    this.pending.set(user, count + 1);
    return true;
  }

  /** A question of `user` is done (answered, failed or given up). */
  leave(user: string): void {
    const count = (this.pending.get(user) ?? 1) - 1;
    if (count > 0) {
      this.pending.set(user, count);
      return;
    }
    this.pending.delete(user);
    this.told.delete(user); // the burst is over; a later one gets its own notice
  }

  /** True the first time a question of this burst has to wait: send the one notice then. */
  claimNotice(user: string): boolean {
    if (this.told.has(user)) return false;
    this.told.add(user);
    return true;
  }
}

/** Resolve after `milliseconds`, or at once (false) when `signal` aborts. */
export function waitUnlessAborted(milliseconds: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, milliseconds);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * A rate limiter as the waiting line sees it (`FixedWindowRateLimiter`, counted in the shared
 * state, fits; so does any in-process limiter).
 */
export interface TurnLimiter {
  tryAcquire(
    key: string,
  ):
    | { allowed: true }
    | { allowed: false; retryAfterMs: number }
    | Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }>;
}

/**
 * Wait until `user`'s rate limit lets one more question through. The first question of a burst
 * that has to wait calls `notify` once (with the wait); later ones wait quietly behind it.
 * False only when `signal` aborts (the adapter is stopping).
 */
export async function waitForTurn(options: {
  user: string;
  limiter: TurnLimiter;
  backlog: QuestionBacklog;
  signal: AbortSignal;
  notify: (retryAfterMs: number) => Promise<void>;
}): Promise<boolean> {
  for (;;) {
    const decision = await options.limiter.tryAcquire(options.user);
    if (decision.allowed) return true;
    if (options.backlog.claimNotice(options.user)) await options.notify(decision.retryAfterMs);
    if (!(await waitUnlessAborted(decision.retryAfterMs, options.signal))) return false;
  }
}
