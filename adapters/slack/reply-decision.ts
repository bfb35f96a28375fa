/**
 * Whether and where briefbot answers an incoming Slack message. Pure, so every rule (bots,
 * allowed channels, DMs, thread follow-ups, mention/message double delivery) is unit-tested
 * without Slack.
 */

import { mentionsUser, questionFromSlackText } from "./slack-text.ts";

/** The fields of an `app_mention` or `message` event that matter here. */
export interface IncomingSlackMessage {
  kind: "app_mention" | "message";
  channel: string;
  /** "im", "channel", "group", "mpim"; absent on app_mention events. */
  channelType: string | undefined;
  user: string | undefined;
  botId: string | undefined;
  subtype: string | undefined;
  text: string;
  ts: string;
  threadTs: string | undefined;
}

/** The adapter's settings and memory that a decision depends on. */
export interface ReplyPolicy {
  /** The bot's own user id (auth.test `user_id`). */
  botUserId: string | undefined;
  /** Only these channels; undefined means every channel the bot is in. DMs are governed by `allowDms`. */
  allowedChannels: ReadonlySet<string> | undefined;
  allowDms: boolean;
  isAnsweredThread(channel: string, threadTs: string): boolean;
}

/** Where to answer, in which conversation, and what was asked. */
export interface ReplyTarget {
  channel: string;
  /** Thread to answer in; undefined answers at the top level of a DM. */
  threadTs: string | undefined;
  conversationId: string;
  /** Plain text with the bot mention removed; may be empty (the user only said "@briefbot"). */
  question: string;
  user: string;
}

/** Why a message gets no answer; logged at debug level. */
export type IgnoreReason =
  | "bot-message"
  | "own-message"
  | "edited-or-system-message"
  | "no-user"
  | "dm-mention"
  | "dms-disabled"
  | "channel-not-allowed"
  | "mention-arrives-as-app-mention"
  | "not-addressed-to-bot";

/** Answer `target`, or ignore for `reason`. */
export type ReplyDecision =
  | { action: "answer"; target: ReplyTarget }
  | { action: "ignore"; reason: IgnoreReason };

/** Message subtypes that are still a person typing something. Everything else (edits, joins, deletes) is ignored. */
const answerableSubtypes = new Set(["thread_broadcast", "file_share"]);

/** Decide whether and where to answer one incoming message. */
export function decideReply(message: IncomingSlackMessage, policy: ReplyPolicy): ReplyDecision {
  if (message.botId !== undefined || message.subtype === "bot_message") return ignore("bot-message");
  if (message.user !== undefined && message.user === policy.botUserId) return ignore("own-message");
  if (message.subtype !== undefined && !answerableSubtypes.has(message.subtype)) {
    return ignore("edited-or-system-message");
  }
  if (message.user === undefined) return ignore("no-user");

  const isDirectMessage =
    message.channelType === "im" || (message.channelType === undefined && message.channel.startsWith("D"));
  if (isDirectMessage) {
    // A DM arrives as `message.im`; should Slack also send an app_mention for it, answering
    // both would reply twice, so the message event is the one we answer.
    if (message.kind === "app_mention") return ignore("dm-mention");
    if (!policy.allowDms) return ignore("dms-disabled");
    return answer(message, message.threadTs, policy);
  }

  if (policy.allowedChannels !== undefined && !policy.allowedChannels.has(message.channel)) {
    return ignore("channel-not-allowed");
  }
  if (message.kind === "app_mention") return answer(message, message.threadTs ?? message.ts, policy);
  // A channel message that mentions the bot also arrives as app_mention; answer that one only.
  if (mentionsUser(message.text, policy.botUserId)) return ignore("mention-arrives-as-app-mention");
  if (message.threadTs !== undefined && policy.isAnsweredThread(message.channel, message.threadTs)) {
    return answer(message, message.threadTs, policy);
  }
  return ignore("not-addressed-to-bot");
}

/** `slack:<channel>:<thread_ts>`, or `slack:<channel>` for a DM outside threads. */
export function conversationIdFor(channel: string, threadTs: string | undefined): string {
  return threadTs === undefined ? `slack:${channel}` : `slack:${channel}:${threadTs}`;
}

/** Read an event payload defensively: Slack adds fields freely and bots omit some. */
export function incomingFromEvent(
  kind: IncomingSlackMessage["kind"],
  event: Readonly<Record<string, unknown>>,
): IncomingSlackMessage | null {
  const channel = stringField(event, "channel");
  const ts = stringField(event, "ts");
  if (channel === undefined || ts === undefined) return null;
  return {
    kind,
    channel,
    channelType: stringField(event, "channel_type"),
    user: stringField(event, "user"),
    botId: stringField(event, "bot_id"),
    subtype: stringField(event, "subtype"),
    text: stringField(event, "text") ?? "",
    ts,
    threadTs: stringField(event, "thread_ts"),
  };
}

function answer(
  message: IncomingSlackMessage,
  threadTs: string | undefined,
  policy: ReplyPolicy,
): ReplyDecision {
  return {
    action: "answer",
    target: {
      channel: message.channel,
      threadTs,
      conversationId: conversationIdFor(message.channel, threadTs),
      question: questionFromSlackText(message.text, policy.botUserId),
      user: message.user ?? "",
    },
  };
}

function ignore(reason: IgnoreReason): ReplyDecision {
  return { action: "ignore", reason };
}

function stringField(record: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = record[key];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
