/**
 * Slack redelivers an event when we are slow to ack (header `X-Slack-Retry-Num`) and can
 * deliver the same event twice anyway, to any replica; its `event_id` is the stable identity.
 * Claiming the id in the shared state means a retry is acked but never answered a second time,
 * whichever replica it reaches.
 */

import type { StateStore } from "../../src/state/state-store.ts";
import { ExpiringKeys } from "./expiring-keys.ts";

/** Slack gives up retrying after about an hour; an hour and a bit covers all retries. */
const defaultTtlMs = 65 * 60 * 1000;

/** Claims event ids for about an hour, so each Slack event is handled once across replicas. */
export class EventDeduplicator {
  readonly #seen: ExpiringKeys;

  constructor(state: StateStore, options: { ttlMs?: number } = {}) {
    this.#seen = new ExpiringKeys(state, "slack-events", options.ttlMs ?? defaultTtlMs);
  }

  /** True when `eventId` was already claimed within the TTL (here or on another replica); otherwise claims it. */
  async isDuplicate(eventId: string): Promise<boolean> {
    return !(await this.#seen.addIfAbsent(eventId));
  }
}
