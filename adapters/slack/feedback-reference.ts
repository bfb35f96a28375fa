/**
 * What a 👍/👎 button carries back to us. The value holds a short reference into the adapter's
 * memory of recent answers plus the cited chunk ids, so a click after a restart (memory gone)
 * still records which passages were rated.
 */

import { slackLimits } from "./slack-blocks.ts";

/** action_id of the 👍 button. */
export const feedbackUpActionId = "feedback_up";
/** action_id of the 👎 button. */
export const feedbackDownActionId = "feedback_down";

/** Decoded button value. */
export interface FeedbackReference {
  /** Key into the recent-answers memory. */
  ref: string;
  chunkIds: string[];
}

/** Compact JSON, dropping trailing chunk ids until it fits Slack's button value limit. */
export function encodeFeedbackReference(reference: FeedbackReference): string {
  const chunkIds = [...reference.chunkIds];
  for (;;) {
    const value = JSON.stringify({ r: reference.ref, c: chunkIds });
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
    const { r, c } = parsed as { r?: unknown; c?: unknown };
    if (typeof r !== "string") return null;
    const chunkIds = Array.isArray(c) ? c.filter((id): id is string => typeof id === "string") : [];
    return { ref: r, chunkIds };
  } catch {
    return null;
  }
}
