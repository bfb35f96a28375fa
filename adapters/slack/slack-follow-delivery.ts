import { webApi } from "@slack/bolt";
import { deliverWithRetry } from "../../src/delivery/deliver-with-retry.ts";
import {
  type DeliveryClock,
  type DeliveryPolicy,
  systemDeliveryClock,
} from "../../src/delivery/delivery-policy.ts";
import { SendGate } from "../../src/delivery/send-gate.ts";
import { describeError } from "../../src/errors.ts";
import type { FollowDelivery } from "../../src/follow/follow-delivery.ts";
import type { Logger } from "../../src/logger.ts";
import { renderFollowDigest } from "./render-follow-digest.ts";
import { classifySlackFailure } from "./slack-api-error.ts";
import { messengerFor, type SlackDelivery } from "./slack-messenger.ts";

/** Web API errors that mean the person can never get a direct message from the bot again. */
const goneErrors = new Set(["user_not_found", "user_disabled", "user_not_visible", "cannot_dm_bot"]);

/**
 * Follow digests on Slack: a Slack follower is a person, so the digest goes to their direct
 * message with the bot (`conversations.open`, remembered per user), by `chat.postMessage`
 * through the adapter's per-channel lane and retries (`ratelimited` waits its Retry-After, 5xx
 * backs off).
 */
export function slackFollowDelivery(client: webApi.WebClient, delivery: SlackDelivery): FollowDelivery {
  const messenger = messengerFor(client, delivery);
  const directMessages = new Map<string, string>();
  const openDirectMessage = async (user: string): Promise<string> => {
    const known = directMessages.get(user);
    if (known !== undefined) return known;
    const result = await deliverWithRetry(() => client.conversations.open({ users: user }), {
      classify: classifySlackFailure,
      policy: delivery.policy,
      clock: delivery.clock,
      signal: delivery.signal?.(),
      onRetry: ({ attempt, delayMs, error }) =>
        delivery.logger.warn(
          { method: "conversations.open", user, attempt, delayMs, err: describeError(error) },
          "slack call failed; retrying",
        ),
    });
    const channel = result.channel?.id;
    if (typeof channel !== "string") throw new Error("conversations.open returned no channel");
    directMessages.set(user, channel);
    return channel;
  };
  return {
    platform: "slack",
    async deliver(digest) {
      try {
        const channel = await openDirectMessage(digest.follower.address);
        for (const message of renderFollowDigest(digest)) await messenger.post(channel, undefined, message);
        return "delivered";
      } catch (error) {
        if (error instanceof webApi.WebAPIPlatformError && goneErrors.has(error.data.error))
          return "follower gone";
        throw error;
      }
    },
  };
}

/**
 * A delivery for a process that does not run the app (`briefbot ingest`, `poll`): a Web API
 * client only, configured like the adapter's (no retries of its own: the delivery module's).
 */
export function createSlackFollowDelivery(options: {
  botToken: string;
  apiUrl?: string | undefined;
  logger: Logger;
  delivery?: { policy?: Partial<DeliveryPolicy> | undefined; clock?: DeliveryClock | undefined } | undefined;
}): FollowDelivery {
  const clock = options.delivery?.clock ?? systemDeliveryClock;
  const client = new webApi.WebClient(options.botToken, {
    ...(options.apiUrl === undefined
      ? {}
      : { slackApiUrl: options.apiUrl.endsWith("/") ? options.apiUrl : `${options.apiUrl}/` }),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 20_000,
  });
  return slackFollowDelivery(client, {
    gate: new SendGate(classifySlackFailure, clock),
    policy: options.delivery?.policy,
    clock,
    logger: options.logger,
  });
}
