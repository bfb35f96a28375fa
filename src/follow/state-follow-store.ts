import type { StateStore } from "../state/state-store.ts";
import {
  type FollowedTopic,
  type Follower,
  type FollowStore,
  followerKey,
  normaliseTopic,
} from "./follow-store.ts";

/**
 * Follows and deliveries in the shared state (issue 10): the LanceDB `state` table by default,
 * Redis with `REDIS_URL`, memory for tests. A delivery is claimed with the state's
 * `setIfAbsent`, which is atomic across processes on every driver, so two replicas (or `serve`
 * and a CLI `ingest`) notifying at once send each story to each follower once. (Plain LanceDB
 * has no conditional write: an insert-if-absent from two processes at once lets both in.)
 */

const followsNamespace = "follows";
const deliveriesNamespace = "follow-deliveries";

/**
 * How long a delivery is remembered. An issue is only "new" once (an unchanged file or feed item
 * is skipped unread), so a year covers any replay or re-run while keeping the table from growing
 * without end.
 */
export const DELIVERY_MEMORY_MS = 365 * 24 * 60 * 60 * 1000;

interface StoredFollow {
  platform: string;
  address: string;
  topic: string;
  since: string;
}

export class StateFollowStore implements FollowStore {
  /**
   * `ownsState`: close the state with this store (a CLI command that opened it for following);
   * `serve` shares the core's state, which the core closes.
   */
  constructor(
    private readonly state: StateStore,
    private readonly options: { ownsState?: boolean } = {},
  ) {}

  async follow(follower: Follower, topic: string, at: Date): Promise<boolean> {
    const normalised = normaliseTopic(topic);
    const value: StoredFollow = { ...follower, topic: normalised, since: at.toISOString() };
    return this.state.setIfAbsent(followsNamespace, keyOf(follower, normalised), JSON.stringify(value));
  }

  async unfollow(follower: Follower, topic?: string): Promise<number> {
    const topics =
      topic === undefined
        ? await this.topicsOf(follower)
        : (await this.topicsOf(follower)).filter((entry) => entry === normaliseTopic(topic));
    for (const entry of topics) await this.state.delete(followsNamespace, keyOf(follower, entry));
    return topics.length;
  }

  async topicsOf(follower: Follower): Promise<string[]> {
    return sorted(await this.read(`${followerKey(follower)}|`)).map((entry) => entry.topic);
  }

  async all(): Promise<FollowedTopic[]> {
    return sorted(await this.read("")).map((entry) => ({
      follower: { platform: entry.platform, address: entry.address },
      topic: entry.topic,
      since: entry.since,
    }));
  }

  async claimDeliveries(keys: string[]): Promise<Set<string>> {
    const claimed = new Set<string>();
    const at = new Date().toISOString();
    for (const key of new Set(keys)) {
      if (await this.state.setIfAbsent(deliveriesNamespace, key, at, { ttlMs: DELIVERY_MEMORY_MS }))
        claimed.add(key);
    }
    return claimed;
  }

  async releaseDeliveries(keys: string[]): Promise<void> {
    for (const key of new Set(keys)) await this.state.delete(deliveriesNamespace, key);
  }

  async close(): Promise<void> {
    if (this.options.ownsState === true) await this.state.close();
  }

  private async read(prefix: string): Promise<StoredFollow[]> {
    const entries = await this.state.entries(followsNamespace, prefix);
    return entries.map((entry) => JSON.parse(entry.value) as StoredFollow);
  }
}

/** `platform:address|topic`: a follower's topics share the prefix `platform:address|`. */
function keyOf(follower: Follower, topic: string): string {
  return `${followerKey(follower)}|${topic}`;
}

function sorted(entries: StoredFollow[]): StoredFollow[] {
  return entries.sort(
    (left, right) => left.since.localeCompare(right.since) || left.topic.localeCompare(right.topic),
  );
}
