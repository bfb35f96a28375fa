/**
 * The Web API calls of Slack's AI-app surface, behind a narrow interface so the answer flow does
 * not depend on Bolt's client types: thread status with rotating loading messages, streamed
 * messages (`chat.startStream` / `appendStream` / `stopStream` through the client's
 * `chatStream` helper), the user's locale, and the App Home view.
 */

import type { webApi } from "@slack/bolt";
import type { SlackBlock } from "./slack-blocks.ts";

/** A message being streamed; `stop` finalizes it and returns its ts. */
export interface AnswerStreamHandle {
  append(markdownText: string): Promise<void>;
  /** Whether chat.startStream succeeded (there is a message to stop). */
  started(): boolean;
  stop(): Promise<string>;
}

export interface SlackAiCalls {
  /** Thread status ("is searching…") with loading messages Slack rotates; "" clears it. */
  setStatus(channel: string, threadTs: string, status: string, loadingMessages?: string[]): Promise<void>;
  setTitle(channel: string, threadTs: string, title: string): Promise<void>;
  /** Start a streamed reply in a thread; the first `append` calls chat.startStream. */
  startStream(
    channel: string,
    threadTs: string,
    recipient: { teamId?: string | undefined; userId: string },
  ): AnswerStreamHandle;
  /** The user's Slack locale ("zh-CN", "en-US"), or undefined when Slack does not say. */
  userLocale(user: string): Promise<string | undefined>;
  publishHome(user: string, blocks: SlackBlock[]): Promise<void>;
}

/**
 * Characters buffered before the streamer calls the API: a sentence or two per call keeps
 * well under appendStream's rate limit while the text still visibly grows.
 */
const streamBufferSize = 200;
/** Locales remembered; one entry per person who asked. */
const maxCachedLocales = 10_000;

/** `SlackAiCalls` on Bolt's Web API client (its retries and Retry-After handling apply). */
export function aiCallsFor(
  client: webApi.WebClient,
  locales = new Map<string, string | undefined>(),
): SlackAiCalls {
  return {
    async setStatus(channel, threadTs, status, loadingMessages) {
      await client.assistant.threads.setStatus({
        channel_id: channel,
        thread_ts: threadTs,
        status,
        ...(loadingMessages === undefined ? {} : { loading_messages: loadingMessages }),
      });
    },
    async setTitle(channel, threadTs, title) {
      await client.assistant.threads.setTitle({ channel_id: channel, thread_ts: threadTs, title });
    },
    startStream(channel, threadTs, recipient) {
      const streamer = client.chatStream({
        channel,
        thread_ts: threadTs,
        recipient_user_id: recipient.userId,
        ...(recipient.teamId === undefined ? {} : { recipient_team_id: recipient.teamId }),
        buffer_size: streamBufferSize,
      });
      return {
        async append(markdownText) {
          await streamer.append({ markdown_text: markdownText });
        },
        started: () => streamer.ts !== undefined,
        async stop() {
          await streamer.stop();
          const ts = streamer.ts;
          if (ts === undefined) throw new Error("chat.startStream returned no ts");
          return ts;
        },
      };
    },
    async userLocale(user) {
      if (locales.has(user)) return locales.get(user);
      const result = await client.users.info({ user, include_locale: true });
      const locale = typeof result.user?.locale === "string" ? result.user.locale : undefined;
      if (locales.size >= maxCachedLocales) locales.clear();
      locales.set(user, locale);
      return locale;
    },
    async publishHome(user, blocks) {
      await client.views.publish({ user_id: user, view: { type: "home", blocks } as never });
    },
  };
}
