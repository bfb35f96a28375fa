/**
 * What a 👍/👎 button carries back to us. The value holds a short reference into the adapter's
 * memory of recent answers plus the cited chunk ids, so a click after a restart (memory gone)
 * still records which passages were rated.
 */

import { slackLimits } from "./slack-blocks.ts";

/** action_id of the feedback_buttons element under answers. */
export const feedbackActionId = "answer_feedback";
/** action_ids of the older plain 👍/👎 buttons, still honoured on messages posted before. */
export const feedbackUpActionId = "feedback_up";
export const feedbackDownActionId = "feedback_down";

/** Decoded button value. */
export interface FeedbackReference {
  /** Key into the recent-answers memory. */
  ref: string;
  chunkIds: string[];
  /** Which button: set in each of the two feedback_buttons values. */
  rating?: "up" | "down" | undefined;
  /** Code of the fixed texts the answer was shown in, for the thanks. */
  language?: string | undefined;
}

/** Compact JSON, dropping trailing chunk ids until it fits Slack's button value limit. */
export function encodeFeedbackReference(reference: FeedbackReference): string {
  const chunkIds = [...reference.chunkIds];
  for (;;) {
    const value = JSON.stringify({
      r: reference.ref,
      c: chunkIds,
      ...(reference.rating === undefined ? {} : { v: reference.rating }),
      ...(reference.language === undefined ? {} : { l: reference.language }),
    });
    if (value.length <= slackLimits.buttonValue || chunkIds.length === 0) return value;
    chunkIds.pop();
  }
}

/** Null for anything we did not produce (a stale or foreign button). */
export function decodeFeedbackReference(value: string | undefined): FeedbackReference | null {
  if (value === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== "object" || parsed === null) return null;
    const { r, c, v, l } = parsed as { r?: unknown; c?: unknown; v?: unknown; l?: unknown };
    if (typeof r !== "string") return null;
    const chunkIds = Array.isArray(c) ? c.filter((id): id is string => typeof id === "string") : [];
    return {
      ref: r,
      chunkIds,
      rating: v === "up" || v === "down" ? v : undefined,
      language: typeof l === "string" ? l : undefined,
    };
  } catch {
    return null;
  }
}
