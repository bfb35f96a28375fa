/**
 * The two Web API calls the answer flow makes, behind a small interface so the flow does not
 * depend on Bolt's client types.
 */

import type { webApi } from "@slack/bolt";
import type { SlackMessage } from "./slack-blocks.ts";

export interface SlackMessenger {
  /** Post to a channel or thread; resolves to the new message's ts. */
  post(channel: string, threadTs: string | undefined, message: SlackMessage): Promise<string>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
}

/** A `SlackMessenger` on Bolt's Web API client (retries and Retry-After are the client's). */
export function messengerFor(client: webApi.WebClient): SlackMessenger {
  return {
    async post(channel, threadTs, message) {
      const result = await client.chat.postMessage({
        channel,
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
        text: message.text,
        blocks: message.blocks,
        // Citation links would otherwise unfold into large previews under every answer.
        unfurl_links: false,
        unfurl_media: false,
      });
      if (typeof result.ts !== "string") throw new Error("chat.postMessage returned no ts");
      return result.ts;
    },
    async update(channel, ts, message) {
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    },
  };
}
