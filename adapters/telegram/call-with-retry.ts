import { type DeliveryOptions, deliverWithRetry } from "../../src/delivery/deliver-with-retry.ts";
import type { DeliveryClock, DeliveryPolicy } from "../../src/delivery/delivery-policy.ts";
import type { SendGate } from "../../src/delivery/send-gate.ts";
import { classifyTelegramFailure } from "./telegram-errors.ts";

/**
 * Retrying one Bot API call with the core's delivery rules (`deliverWithRetry`): a 429 waits
 * exactly `retry_after` and is not counted as a failure; network failures and 5xx back off with
 * jitter; 400, 403 and the like fail at once. Bounded by a total deadline, not a number of tries.
 */

/** The retry settings the adapter takes; tests shorten the deadline or inject a clock. */
export interface RetryOptions {
  policy?: Partial<DeliveryPolicy> | undefined;
  clock?: DeliveryClock | undefined;
}

/** Run `operation`, retrying transient Telegram failures; with `gate`, inside chat `key`'s lane. */
export function callWithRetry<T>(
  operation: () => Promise<T>,
  options: RetryOptions & {
    gate?: SendGate | undefined;
    key?: string | undefined;
    signal?: AbortSignal | undefined;
    onRetry?: DeliveryOptions["onRetry"];
  } = {},
): Promise<T> {
  return deliverWithRetry(operation, { ...options, classify: classifyTelegramFailure });
}
