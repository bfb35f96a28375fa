import { createHash } from "node:crypto";
import { clip } from "../quoted-sentence.ts";
import type { FixedTexts } from "../texts/fixed-texts.ts";
import { CALLBACK_DATA_LIMIT } from "./answer-keyboard.ts";
import type { InlineKeyboardMarkup } from "./telegram-messenger.ts";

/**
 * The keyboard `/unfollow` shows without a topic: one button per followed topic and "Unfollow
 * all". A topic can be longer than callback_data's 64 bytes, so a button carries a short hash of
 * it, matched against the chat's topics when pressed. Pure.
 */

/** Characters of a topic shown on its button; the client cuts longer labels anyway. */
const buttonLabelLimit = 40;

/** What a press asks: stop one topic (by its hash) or all of them. */
export type UnfollowPress = { kind: "one"; hash: string } | { kind: "all" };

export function topicHash(topic: string): string {
  return createHash("sha256").update(topic).digest("base64url").slice(0, 12);
}

export function encodeUnfollowData(press: UnfollowPress): string {
  const data = press.kind === "all" ? "f:all" : `f:one:${press.hash}`;
  if (Buffer.byteLength(data, "utf8") > CALLBACK_DATA_LIMIT) throw new RangeError("callback data too long");
  return data;
}

/** Null for data that is not an unfollow button's. */
export function decodeUnfollowData(data: string): UnfollowPress | null {
  if (data === "f:all") return { kind: "all" };
  const match = /^f:one:([A-Za-z0-9_-]{12})$/.exec(data);
  return match === null ? null : { kind: "one", hash: match[1] ?? "" };
}

export function unfollowKeyboard(topics: string[], texts: FixedTexts): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      ...topics.map((topic) => [
        {
          text: clip(topic, buttonLabelLimit),
          callback_data: encodeUnfollowData({ kind: "one", hash: topicHash(topic) }),
        },
      ]),
      [{ text: texts.follow.unfollowAllButton, callback_data: encodeUnfollowData({ kind: "all" }) }],
    ],
  };
}
