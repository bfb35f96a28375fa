import type { Coverage } from "../../src/answer/answer-types.ts";
import type { FixedTexts } from "../texts/fixed-texts.ts";
import type { InlineKeyboardMarkup } from "./telegram-messenger.ts";

/**
 * The inline keyboard under an answer and the callback data its buttons send back. Pure.
 * `callback_data` is limited to 64 bytes; ours is a one-letter action and the answer's short
 * reference (8 characters), so it always fits.
 */

/** What a button asks for. */
export type KeyboardAction = "up" | "down" | "more" | "closest";

const actionCodes: Record<KeyboardAction, string> = { up: "u", down: "d", more: "m", closest: "c" };

/** Telegram's limit on callback_data, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

/** `b:<action>:<ref>`; throws if a reference would not fit (a programming error, not input). */
export function encodeCallbackData(action: KeyboardAction, ref: string): string {
  const data = `b:${actionCodes[action]}:${ref}`;
  if (Buffer.byteLength(data, "utf8") > CALLBACK_DATA_LIMIT) throw new RangeError("callback data too long");
  return data;
}

/** Null for data we did not produce (an old or foreign button). */
export function decodeCallbackData(data: string): { action: KeyboardAction; ref: string } | null {
  const match = /^b:([udmc]):([A-Za-z0-9_-]{1,40})$/.exec(data);
  if (match === null) return null;
  const action = (Object.keys(actionCodes) as KeyboardAction[]).find((key) => actionCodes[key] === match[1]);
  return action === undefined ? null : { action, ref: match[2] ?? "" };
}

export interface KeyboardOptions {
  ref: string;
  coverage: Coverage;
  hasCitations: boolean;
  hasRelated: boolean;
  /** The vote already given, marked on its button. */
  voted?: "up" | "down" | undefined;
}

/** 👍 👎 on the first row; "More sources" and, for partial or uncovered answers, "Closest stories" below. */
export function answerKeyboard(texts: FixedTexts, options: KeyboardOptions): InlineKeyboardMarkup {
  const mark = (label: string, rating: "up" | "down") => (options.voted === rating ? `${label} ✓` : label);
  const rows: InlineKeyboardMarkup["inline_keyboard"] = [
    [
      { text: mark(texts.buttons.helpful, "up"), callback_data: encodeCallbackData("up", options.ref) },
      {
        text: mark(texts.buttons.notHelpful, "down"),
        callback_data: encodeCallbackData("down", options.ref),
      },
    ],
  ];
  const second: InlineKeyboardMarkup["inline_keyboard"][number] = [];
  if (options.hasCitations) {
    second.push({ text: texts.buttons.moreSources, callback_data: encodeCallbackData("more", options.ref) });
  }
  if (options.coverage !== "full" && options.hasRelated) {
    second.push({
      text: texts.buttons.closestStories,
      callback_data: encodeCallbackData("closest", options.ref),
    });
  }
  if (second.length > 0) rows.push(second);
  return { inline_keyboard: rows };
}
