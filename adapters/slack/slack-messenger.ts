/**
 * The two Web API calls the answer flow makes, behind a small interface so the flow does not
 * depend on Bolt's client types. Delivery follows the core's rules (`deliverWithRetry`): a
 * `ratelimited` answer waits its Retry-After without counting as a failure, 5xx and network
 * failures back off with jitter, up to the delivery deadline; every call to a channel goes
 * through that channel's lane in one `SendGate`, so nothing reaches it inside a Retry-After window.
 */

import type { webApi } from "@slack/bolt";
import { deliverWithRetry } from "../../src/delivery/deliver-with-retry.ts";
import type { DeliveryClock, DeliveryPolicy } from "../../src/delivery/delivery-policy.ts";
import type { SendGate } from "../../src/delivery/send-gate.ts";
import { describeError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import { classifySlackFailure } from "./slack-api-error.ts";
import type { SlackMessage } from "./slack-blocks.ts";

export interface SlackMessenger {
  /** Post to a channel or thread; resolves to the new message's ts. */
  post(channel: string, threadTs: string | undefined, message: SlackMessage): Promise<string>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  /** One try, skipped while the channel is busy or rate limited (streamed previews). */
  updateBestEffort(channel: string, ts: string, message: SlackMessage): Promise<void>;
}

/** The adapter's shared delivery state: one gate for all channels, the policy and its clock. */
export interface SlackDelivery {
  gate: SendGate;
  policy?: Partial<DeliveryPolicy> | undefined;
  clock?: DeliveryClock | undefined;
  /** Aborted on shutdown: waits for a retry end at once. */
  signal?: () => AbortSignal | undefined;
  logger: Logger;
}

/** A `SlackMessenger` on Bolt's Web API client (configured not to retry itself: retries are ours). */
export function messengerFor(client: webApi.WebClient, delivery: SlackDelivery): SlackMessenger {
  const deliver = <T>(method: string, channel: string, operation: () => Promise<T>): Promise<T> =>
    deliverWithRetry(operation, {
      classify: classifySlackFailure,
      gate: delivery.gate,
      key: channel,
      policy: delivery.policy,
      clock: delivery.clock,
      signal: delivery.signal?.(),
      onRetry: ({ attempt, delayMs, rateLimited, error }) =>
        delivery.logger.warn(
          { method, channel, attempt, delayMs, rateLimited, err: describeError(error) },
          rateLimited ? "slack asked to wait; retrying after Retry-After" : "slack call failed; retrying",
        ),
    });
  const update = (channel: string, ts: string, message: SlackMessage) =>
    client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
  return {
    async post(channel, threadTs, message) {
      const result = await deliver("chat.postMessage", channel, () =>
        client.chat.postMessage({
          channel,
          ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
          text: message.text,
          blocks: message.blocks,
          // Citation links would otherwise unfold into large previews under every answer.
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      if (typeof result.ts !== "string") throw new Error("chat.postMessage returned no ts");
      return result.ts;
    },
    async update(channel, ts, message) {
      await deliver("chat.update", channel, () => update(channel, ts, message));
    },
    async updateBestEffort(channel, ts, message) {
      await delivery.gate.tryRun(channel, () => update(channel, ts, message));
    },
  };
}
