import {
  type FollowedTopic,
  type Follower,
  type FollowStore,
  followerKey,
  normaliseTopic,
} from "./follow-store.ts";

/** Follows in memory: for tests and single-process use. */
export class MemoryFollowStore implements FollowStore {
  private readonly follows = new Map<string, FollowedTopic>();
  private readonly delivered = new Set<string>();

  async follow(follower: Follower, topic: string, at: Date): Promise<boolean> {
    const key = `${followerKey(follower)}\u0000${normaliseTopic(topic)}`;
    if (this.follows.has(key)) return false;
    this.follows.set(key, {
      follower: { ...follower },
      topic: normaliseTopic(topic),
      since: at.toISOString(),
    });
    return true;
  }

  async unfollow(follower: Follower, topic?: string): Promise<number> {
    let removed = 0;
    for (const [key, entry] of this.follows) {
      if (followerKey(entry.follower) !== followerKey(follower)) continue;
      if (topic !== undefined && entry.topic !== normaliseTopic(topic)) continue;
      this.follows.delete(key);
      removed += 1;
    }
    return removed;
  }

  async topicsOf(follower: Follower): Promise<string[]> {
    return (await this.all())
      .filter((entry) => followerKey(entry.follower) === followerKey(follower))
      .map((entry) => entry.topic);
  }

  async all(): Promise<FollowedTopic[]> {
    return [...this.follows.values()]
      .map((entry) => structuredClone(entry))
      .sort((left, right) => left.since.localeCompare(right.since) || left.topic.localeCompare(right.topic));
  }

  async claimDeliveries(keys: string[]): Promise<Set<string>> {
    const claimed = new Set<string>();
    for (const key of keys) {
      if (this.delivered.has(key)) continue;
      this.delivered.add(key);
      claimed.add(key);
    }
    return claimed;
  }

  async releaseDeliveries(keys: string[]): Promise<void> {
    for (const key of keys) this.delivered.delete(key);
  }

  async close(): Promise<void> {}
}
