import { DeliveryTimeoutError } from "../errors.ts";
import {
  backoffMs,
  type DeliveryClock,
  type DeliveryPolicy,
  defaultDeliveryPolicy,
  type FailureKind,
  systemDeliveryClock,
} from "./delivery-policy.ts";
import type { SendGate } from "./send-gate.ts";

/**
 * Deliver one chat message, never giving up early: a rate limit waits exactly as long as the
 * platform asked and does not count as a failure; 5xx and network failures back off with jitter;
 * anything else fails at once. Bounded by a total deadline, not by a number of tries: past it,
 * `DeliveryTimeoutError` (with the last failure as its cause) tells the caller to apologise.
 */

export interface DeliveryOptions {
  classify: (error: unknown) => FailureKind;
  /** The destination's lane; without one (bot set-up calls) waits happen here. */
  gate?: SendGate | undefined;
  /** The destination (chat or channel id) in `gate`. */
  key?: string | undefined;
  policy?: Partial<DeliveryPolicy> | undefined;
  clock?: DeliveryClock | undefined;
  /** Aborts waiting (shutdown); the abort reason is thrown. */
  signal?: AbortSignal | undefined;
  /** Told before each wait, for logging. */
  onRetry?: (details: { attempt: number; delayMs: number; rateLimited: boolean; error: unknown }) => void;
}

export async function deliverWithRetry<T>(operation: () => Promise<T>, options: DeliveryOptions): Promise<T> {
  const policy = { ...defaultDeliveryPolicy, ...options.policy };
  const clock = options.clock ?? systemDeliveryClock;
  const { gate, signal } = options;
  const key = options.key ?? "";
  const deadline = clock.now() + policy.deadlineMs;
  let failures = 0;
  let ownWindowEnd = Number.NEGATIVE_INFINITY;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return gate === undefined ? await operation() : await gate.run(key, operation, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      const failure = options.classify(error);
      if (failure.kind === "permanent") throw error;
      const now = clock.now();
      let delayMs: number;
      if (failure.kind === "rate-limited") {
        // With a gate the lane holds the window; without one, wait here.
        ownWindowEnd = now + failure.retryAfterMs;
        delayMs = failure.retryAfterMs;
      } else {
        failures += 1;
        delayMs = backoffMs(failures, policy, clock.random);
      }
      const nextTryAt = Math.max(now + delayMs, gate?.openAt(key) ?? ownWindowEnd);
      if (nextTryAt > deadline) throw new DeliveryTimeoutError(attempt, policy.deadlineMs, error);
      options.onRetry?.({ attempt, delayMs, rateLimited: failure.kind === "rate-limited", error });
      const waitHere = failure.kind === "rate-limited" && gate !== undefined ? 0 : nextTryAt - now;
      if (waitHere > 0) await clock.sleep(waitHere, signal);
    }
  }
}
