/**
 * How long and how hard a chat message is tried before the asker is told it failed. Shared by
 * every chat platform (Telegram, Slack): the platform only says what a failure means
 * (`FailureKind`), the core decides when to try again.
 */

/** What a failed call means for the next try. */
export type FailureKind =
  /** The platform asked us to wait (HTTP 429 `retry_after` / `Retry-After`); not a failure of the message. */
  | { kind: "rate-limited"; retryAfterMs: number }
  /** A 5xx or no answer at all: the same request may well work later. */
  | { kind: "transient" }
  /** 400, 403, a programming error: repeating the same request cannot help. */
  | { kind: "permanent" };

export interface DeliveryPolicy {
  /** Total time one message is tried for, rate-limit waits included. */
  deadlineMs: number;
  /** First backoff after a 5xx or network failure; doubles with each consecutive one. */
  baseBackoffMs: number;
  /** Cap for one backoff. */
  maxBackoffMs: number;
}

/**
 * Three minutes: long enough to ride out a burst of 429s (Telegram's are usually 1–30 s) or a
 * short outage, short enough that an asker who got nothing hears why while the question is fresh.
 */
export const DELIVERY_DEADLINE_MS = 3 * 60_000;
/** Half a second: a 5xx is usually gone by then, and a few quick tries cost nothing. */
export const DELIVERY_BASE_BACKOFF_MS = 500;
/** Thirty seconds between tries at most, so a recovered API is used within half a minute. */
export const DELIVERY_MAX_BACKOFF_MS = 30_000;

export const defaultDeliveryPolicy: DeliveryPolicy = {
  deadlineMs: DELIVERY_DEADLINE_MS,
  baseBackoffMs: DELIVERY_BASE_BACKOFF_MS,
  maxBackoffMs: DELIVERY_MAX_BACKOFF_MS,
};

/** Time and chance, injected so tests are exact and fast. */
export interface DeliveryClock {
  now(): number;
  /** Resolves after `milliseconds`, or rejects with the signal's reason when it aborts first. */
  sleep(milliseconds: number, signal?: AbortSignal): Promise<void>;
  /** In [0, 1), for jitter. */
  random(): number;
}

export const systemDeliveryClock: DeliveryClock = {
  now: Date.now,
  sleep: (milliseconds, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, milliseconds);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
  random: Math.random,
};

/**
 * Backoff before try `failures + 1` after `failures` consecutive 5xx/network failures: "equal
 * jitter" (half fixed, half random), so many chats that failed together do not retry together,
 * and no wait is ever near zero.
 */
export function backoffMs(failures: number, policy: DeliveryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** Math.max(0, failures - 1));
  return ceiling / 2 + (ceiling / 2) * random();
}
