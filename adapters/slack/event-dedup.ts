/**
 * Slack redelivers an event when we are slow to ack (header `X-Slack-Retry-Num`) and can
 * deliver the same event twice anyway; its `event_id` is the stable identity. Remembering ids
 * for a while means a retry is acked but never answered a second time.
 */

import { ExpiringKeys } from "./expiring-keys.ts";

/** Slack gives up retrying after about an hour; an hour and a bit covers all retries. */
const defaultTtlMs = 65 * 60 * 1000;
const defaultMaxEntries = 20_000;

/** Remembers event ids for about an hour (bounded), so each Slack event is handled once. */
export class EventDeduplicator {
  readonly #seen: ExpiringKeys;

  constructor(options: { ttlMs?: number; maxEntries?: number } = {}) {
    this.#seen = new ExpiringKeys({
      ttlMs: options.ttlMs ?? defaultTtlMs,
      maxEntries: options.maxEntries ?? defaultMaxEntries,
    });
  }

  /** True when `eventId` was already seen within the TTL; otherwise records it and returns false. */
  isDuplicate(eventId: string, nowMs: number = Date.now()): boolean {
    if (this.#seen.has(eventId, nowMs)) return true;
    this.#seen.add(eventId, nowMs);
    return false;
  }
}
