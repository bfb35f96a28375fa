import type { FollowDigest } from "./follow-notifier.ts";

/**
 * Sends follow digests on one chat platform. The core decides who gets which stories; each
 * adapter (Telegram, Slack) implements this with its own client, rendering and retries, so
 * nothing platform-specific reaches `src/`.
 */
export interface FollowDelivery {
  /** The `Follower.platform` this delivery reaches ("telegram", "slack"). */
  readonly platform: string;
  /**
   * Sends one digest to `digest.follower`: one message, or several only where the platform's
   * size limit forces a split. Retries transient failures itself; throws when it could not send.
   */
  deliver(digest: FollowDigest): Promise<void>;
}
