/**
 * A 👍/👎 click → `FeedbackEntry`. The recent answers (shared state) supply question, answer
 * and chunk ids; when they have expired the button value and the clicked message fill in what
 * they can.
 */

import type { FeedbackEntry } from "../../src/briefbot-service.ts";
import { decodeFeedbackReference, feedbackUpActionId } from "./feedback-reference.ts";
import type { RecentAnswers } from "./recent-answers.ts";
import { conversationIdFor } from "./reply-decision.ts";

/** The parts of a block_actions payload a feedback click needs. */
export interface FeedbackClick {
  actionId: string;
  value: string | undefined;
  user: string;
  /** Absent for clicks on ephemeral messages. */
  channel: string | undefined;
  messageTs: string | undefined;
  threadTs: string | undefined;
  messageText: string | undefined;
}

/** Build the entry `BriefbotService.recordFeedback` stores for one click. */
export async function feedbackEntryFor(
  click: FeedbackClick,
  recentAnswers: RecentAnswers,
  now: Date,
): Promise<FeedbackEntry> {
  const reference = decodeFeedbackReference(click.value);
  const remembered = reference === null ? undefined : await recentAnswers.recall(reference.ref);
  const fallbackConversation =
    click.channel === undefined
      ? "slack:unknown"
      : conversationIdFor(click.channel, click.threadTs ?? click.messageTs);
  return {
    at: now.toISOString(),
    platform: "slack",
    user: click.user,
    conversationId: remembered?.conversationId ?? fallbackConversation,
    rating: reference?.rating ?? (click.actionId === feedbackUpActionId ? "up" : "down"),
    question: remembered?.question ?? "",
    answer: remembered?.answer ?? click.messageText ?? "",
    chunkIds: remembered?.chunkIds ?? reference?.chunkIds ?? [],
  };
}

/** Read a block_actions body defensively (Bolt's types model many payload kinds). */
export function feedbackClickFromBody(body: Readonly<Record<string, unknown>>): FeedbackClick | null {
  const actions = body.actions;
  const action = Array.isArray(actions) ? (actions[0] as Record<string, unknown> | undefined) : undefined;
  const user = record(body.user)?.id;
  if (action === undefined || typeof action.action_id !== "string" || typeof user !== "string") return null;
  const message = record(body.message);
  const channel = record(body.channel)?.id;
  return {
    actionId: action.action_id,
    value: typeof action.value === "string" ? action.value : undefined,
    user,
    channel: typeof channel === "string" ? channel : undefined,
    messageTs: typeof message?.ts === "string" ? message.ts : undefined,
    threadTs: typeof message?.thread_ts === "string" ? message.thread_ts : undefined,
    messageText: typeof message?.text === "string" ? message.text : undefined,
  };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
}
