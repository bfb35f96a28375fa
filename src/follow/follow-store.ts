/** Who follows: a Telegram chat, a Slack user or channel — an address on a platform. */
export interface Follower {
  platform: string;
  address: string;
}

export interface FollowedTopic {
  follower: Follower;
  topic: string;
  /** ISO timestamp. */
  since: string;
}

/**
 * Followed topics and the deliveries already made. Narrow on purpose, so the shared state module
 * (issue 10) can back it later; every driver passes test/follow/follow-store-contract.ts.
 */
export interface FollowStore {
  /** Returns false when the follower follows the topic already. */
  follow(follower: Follower, topic: string, at: Date): Promise<boolean>;
  /** One topic, or every topic of the follower when `topic` is undefined; returns how many. */
  unfollow(follower: Follower, topic?: string): Promise<number>;
  topicsOf(follower: Follower): Promise<string[]>;
  all(): Promise<FollowedTopic[]>;
  /**
   * Records deliveries by key and returns the keys that were not recorded before. Across
   * processes sharing the store, each key is claimed by one caller only: the one that sends.
   */
  claimDeliveries(keys: string[]): Promise<Set<string>>;
  /** Forgets claimed keys whose message could not be sent, so a later run tries again. */
  releaseDeliveries(keys: string[]): Promise<void>;
  close(): Promise<void>;
}

/** The same topic however it was typed: trimmed, spaces collapsed, case folded. */
export function normaliseTopic(topic: string): string {
  return topic.trim().replace(/\s+/g, " ").toLowerCase();
}

export function followerKey(follower: Follower): string {
  return `${follower.platform}:${follower.address}`;
}
