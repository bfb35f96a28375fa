import { describeError } from "../errors.ts";
import type { FollowDelivery } from "./follow-delivery.ts";
import { type Follower, type FollowStore, followerKey } from "./follow-store.ts";

/** A story of a new issue that matches a followed topic. */
export interface MatchedStory {
  docId: string;
  storyIndex: number;
  publication: string;
  /** The issue's title. */
  title: string;
  story: string;
  date: string | null;
  url: string | null;
  /** One line from the story: the sentence the answer gate picked, shortened. */
  extract: string;
}

/** One message to one follower: every new matching story of this run, each once. */
export interface FollowDigest {
  follower: Follower;
  stories: Array<MatchedStory & { topics: string[] }>;
}

export interface FollowNotifierOptions {
  store: FollowStore;
  /**
   * Stories of these issues that match the topic (Briefbot.storiesAbout: the answer search and
   * gate). Asked one issue at a time: an answer over a burst of issues cites only the best of
   * them, while each new issue that matches deserves its own story in the digest.
   */
  match: (topic: string, docIds: string[]) => Promise<MatchedStory[]>;
  /**
   * One per platform this process can send on. Followers on a platform without one are left
   * alone (nothing is claimed for them), for a process that has it.
   */
  deliveries: readonly FollowDelivery[];
}

export interface NotifyReport {
  /** Messages sent, and stories in them. */
  messages: number;
  stories: number;
  failures: Array<{ follower: string; error: string }>;
  /** Followers with new stories on a platform this process has no delivery for. */
  unreachable: number;
  /** Followers the platform said are gone (bot blocked or removed): their follows were dropped. */
  removed: string[];
}

/**
 * Tells followers about new issues: every followed topic is matched against the issues an
 * ingest added; each follower gets one message with all of its new stories. A story is sent to
 * a follower at most once, ever: its delivery is claimed in the store before sending (and
 * released if sending fails, so a later run retries).
 */
export class FollowNotifier {
  constructor(private readonly options: FollowNotifierOptions) {}

  async notifyNewIssues(docIds: string[]): Promise<NotifyReport> {
    const report: NotifyReport = { messages: 0, stories: 0, failures: [], unreachable: 0, removed: [] };
    if (docIds.length === 0) return report;
    const follows = await this.options.store.all();
    const matchesByTopic = new Map<string, MatchedStory[]>();
    for (const topic of new Set(follows.map((entry) => entry.topic))) {
      try {
        const matches: MatchedStory[] = [];
        for (const docId of new Set(docIds)) matches.push(...(await this.options.match(topic, [docId])));
        matchesByTopic.set(topic, matches);
      } catch (error) {
        // One topic whose search fails must not keep the others' followers uninformed.
        report.failures.push({ follower: `topic:${topic}`, error: describeError(error) });
      }
    }
    const digests = new Map<string, FollowDigest>();
    for (const { follower, topic } of follows) {
      const digest = digests.get(followerKey(follower)) ?? { follower, stories: [] };
      for (const story of matchesByTopic.get(topic) ?? []) {
        const existing = digest.stories.find(
          (entry) => entry.docId === story.docId && entry.storyIndex === story.storyIndex,
        );
        if (existing) existing.topics.push(topic);
        else digest.stories.push({ ...story, topics: [topic] });
      }
      digests.set(followerKey(follower), digest);
    }
    for (const digest of digests.values()) {
      if (digest.stories.length === 0) continue;
      const delivery = this.options.deliveries.find(
        (candidate) => candidate.platform === digest.follower.platform,
      );
      if (delivery === undefined) {
        report.unreachable += 1;
        continue;
      }
      const keyOf = (story: MatchedStory) =>
        `${followerKey(digest.follower)}#${story.docId}#${story.storyIndex}`;
      const claimed = await this.options.store.claimDeliveries(digest.stories.map(keyOf));
      const stories = digest.stories.filter((story) => claimed.has(keyOf(story)));
      if (stories.length === 0) continue;
      try {
        const outcome = await delivery.deliver({ follower: digest.follower, stories });
        if (outcome === "follower gone") {
          // Nobody will read these stories; the follows go, so later bursts do not try again.
          await this.options.store.unfollow(digest.follower);
          await this.options.store.releaseDeliveries(stories.map(keyOf));
          report.removed.push(followerKey(digest.follower));
          continue;
        }
        report.messages += 1;
        report.stories += stories.length;
      } catch (error) {
        await this.options.store.releaseDeliveries(stories.map(keyOf));
        report.failures.push({ follower: followerKey(digest.follower), error: describeError(error) });
      }
    }
    return report;
  }
}
