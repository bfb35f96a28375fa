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
   * Resolves "follower gone" when the platform says the follower can never be reached again (the
   * bot was blocked or removed, the account is gone): the notifier then drops their follows.
   */
  deliver(digest: FollowDigest): Promise<DeliveryOutcome>;
}

export type DeliveryOutcome = "delivered" | "follower gone";
