import { isRetryableFailure, retryAfterSeconds } from "./telegram-errors.ts";

/**
 * Retrying one Bot API call: a 429 waits exactly as long as Telegram asked; network failures and
 * 5xx back off exponentially; everything else (400, 403, …) fails at once because repeating the
 * same request cannot help. Attempts are bounded so a dead API never hangs a handler forever.
 */

export interface RetryOptions {
  /** Total tries including the first. Default 4. */
  maxAttempts?: number;
  /** First backoff for network/5xx failures; doubles each time. Default 500 ms. */
  baseDelayMs?: number;
  /** Cap for one backoff. Default 8 s. */
  maxDelayMs?: number;
  /**
   * Longest `retry_after` we are willing to sleep through. Longer waits fail instead, so the
   * caller can log the undeliverable message rather than hold the update for minutes. Default 60 s.
   */
  maxRetryAfterMs?: number;
  sleep?: (milliseconds: number) => Promise<void>;
  /** Told before each wait, for logging. */
  onRetry?: (details: { attempt: number; delayMs: number; error: unknown }) => void;
}

/** Run `operation`, retrying transient Telegram failures as described above. */
export async function callWithRetry<T>(operation: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 8_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= maxAttempts || !isRetryableFailure(error)) throw error;
      const delayMs = retryDelayMs(error, attempt, baseDelayMs, maxDelayMs);
      if (delayMs > maxRetryAfterMs) throw error;
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}

/** How long to wait before the next attempt after `error` on try number `attempt` (1-based). */
export function retryDelayMs(
  error: unknown,
  attempt: number,
  baseDelayMs: number,
  maxDelayMs: number,
): number {
  const askedSeconds = retryAfterSeconds(error);
  if (askedSeconds !== null) return askedSeconds * 1000;
  return Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}

function defaultSleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
