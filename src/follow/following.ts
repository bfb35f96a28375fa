import { type Follower, type FollowStore, normaliseTopic } from "./follow-store.ts";

/**
 * What `/follow`, `/unfollow` and `/following` do on every platform: the rules (a topic's length,
 * how many a follower may have) live here once, so Telegram and Slack agree.
 */

/**
 * Longest topic, in characters. A topic is searched like a question; 100 characters holds any
 * name or phrase ("sodium-ion batteries", "出口管制") with room to spare, while a pasted paragraph
 * is refused instead of matching nearly every story.
 */
export const MAX_TOPIC_CHARACTERS = 100;

/**
 * Most topics per follower. Each followed topic costs one search per ingest that adds issues;
 * 20 keeps a burst's matching bounded (20 × followers searches at most per distinct topic).
 */
export const MAX_TOPICS_PER_FOLLOWER = 20;

export type FollowOutcome =
  | { kind: "followed"; topic: string }
  | { kind: "already following"; topic: string }
  | { kind: "empty" }
  | { kind: "too long"; limit: number }
  | { kind: "too many"; limit: number };

export class Following {
  constructor(
    private readonly store: FollowStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async follow(follower: Follower, topic: string): Promise<FollowOutcome> {
    const normalised = normaliseTopic(topic);
    if (!/[\p{L}\p{N}]/u.test(normalised)) return { kind: "empty" };
    if ([...normalised].length > MAX_TOPIC_CHARACTERS)
      return { kind: "too long", limit: MAX_TOPIC_CHARACTERS };
    const topics = await this.store.topicsOf(follower);
    if (topics.includes(normalised)) return { kind: "already following", topic: normalised };
    if (topics.length >= MAX_TOPICS_PER_FOLLOWER) return { kind: "too many", limit: MAX_TOPICS_PER_FOLLOWER };
    const added = await this.store.follow(follower, normalised, this.now());
    return { kind: added ? "followed" : "already following", topic: normalised };
  }

  /** Stops one topic (however it is typed); returns the normalised topic, or null when it was not followed. */
  async unfollow(follower: Follower, topic: string): Promise<string | null> {
    const normalised = normaliseTopic(topic);
    return (await this.store.unfollow(follower, normalised)) > 0 ? normalised : null;
  }

  /** Stops every topic of the follower; returns how many there were. */
  async unfollowAll(follower: Follower): Promise<number> {
    return this.store.unfollow(follower);
  }

  /** The follower's topics, oldest first. */
  topicsOf(follower: Follower): Promise<string[]> {
    return this.store.topicsOf(follower);
  }
}
