import { describeError } from "../../src/errors.ts";
import type { Follower } from "../../src/follow/follow-store.ts";
import type { Following } from "../../src/follow/following.ts";
import type { Logger } from "../../src/logger.ts";
import { type FixedTexts, followOutcomeText } from "../texts/fixed-texts.ts";
import { chooseTexts } from "../texts/languages.ts";
import type { IncomingCallbackQuery } from "./callback-handler.ts";
import { decodeUnfollowData, topicHash, unfollowKeyboard } from "./follow-keyboard.ts";
import { headingLine, plainLine } from "./render-telegram.ts";
import { packMessageParts } from "./split-message.ts";
import { escapeHtml } from "./telegram-html.ts";
import type { InlineKeyboardMarkup, TelegramMessenger } from "./telegram-messenger.ts";

/**
 * `/follow <topic>`, `/unfollow [topic]` and `/following`. The chat follows: in a private chat
 * that is the person, in a group the group, and new stories arrive in that chat. The rules
 * (topic length, how many) are the core's `Following`; this file only words the replies.
 */

export const followCommands = ["follow", "unfollow", "following"] as const;
export type FollowCommand = (typeof followCommands)[number];

export function isFollowCommand(command: string): command is FollowCommand {
  return (followCommands as readonly string[]).includes(command);
}

/** A Telegram chat as a follower; its id is where digests go. */
export function chatFollower(chatId: number): Follower {
  return { platform: "telegram", address: String(chatId) };
}

export interface FollowReply {
  parts: string[];
  replyMarkup?: InlineKeyboardMarkup | undefined;
}

/** The reply to one follow command. */
export async function followCommandReply(
  command: FollowCommand,
  argument: string,
  chatId: number,
  texts: FixedTexts,
  following: Following,
): Promise<FollowReply> {
  const follower = chatFollower(chatId);
  const say = (text: string): FollowReply => ({ parts: [escapeHtml(text)] });
  if (command === "follow") {
    if (argument === "") return say(texts.follow.usage("/follow"));
    return say(followOutcomeText(texts.follow, await following.follow(follower, argument), "/follow"));
  }
  if (command === "unfollow" && argument !== "") {
    const removed = await following.unfollow(follower, argument);
    return say(
      removed === null ? texts.follow.notFollowing(argument.trim()) : texts.follow.unfollowed(removed),
    );
  }
  const topics = await following.topicsOf(follower);
  if (topics.length === 0) return say(texts.follow.none("/follow"));
  if (command === "unfollow") {
    return { parts: [escapeHtml(texts.follow.pickToUnfollow)], replyMarkup: unfollowKeyboard(topics, texts) };
  }
  return {
    parts: packMessageParts([
      [headingLine(texts.follow.listHeading), ...topics.map((topic) => plainLine(`• ${topic}`))],
      [plainLine(texts.follow.listFooter("/unfollow"))],
    ]),
  };
}

/**
 * A press on the `/unfollow` keyboard: stops the topic (or all), says so in a toast, and turns
 * the picker into the confirmation (the keyboard goes away). True when the press was ours.
 */
export async function handleUnfollowPress(
  query: IncomingCallbackQuery,
  dependencies: { following: Following; messenger: TelegramMessenger; logger: Logger },
): Promise<boolean> {
  const press = query.data === undefined ? null : decodeUnfollowData(query.data);
  if (press === null) return false;
  const { following, messenger, logger } = dependencies;
  const message = query.message;
  const texts = chooseTexts(undefined, query.from.language_code);
  const answer = (text?: string) =>
    messenger.answerCallback(query.id, text).catch((error: unknown) => {
      logger.debug({ error: describeError(error) }, "telegram: could not answer a callback query");
    });
  if (message === undefined) {
    await answer();
    return true;
  }
  try {
    const follower = chatFollower(message.chat.id);
    let confirmation: string;
    if (press.kind === "all") {
      confirmation = texts.follow.unfollowedAll(await following.unfollowAll(follower));
    } else {
      const topic = (await following.topicsOf(follower)).find(
        (candidate) => topicHash(candidate) === press.hash,
      );
      // Unfollowed already (a second press, another member of the group): say so rather than fail.
      const removed = topic === undefined ? null : await following.unfollow(follower, topic);
      confirmation = removed === null ? texts.follow.alreadyUnfollowed : texts.follow.unfollowed(removed);
    }
    await answer(confirmation);
    await messenger.editHtml({ chatId: message.chat.id }, message.message_id, escapeHtml(confirmation));
  } catch (error) {
    logger.error({ chatId: message.chat.id, error: describeError(error) }, "telegram: unfollow press failed");
    await answer(texts.apology);
  }
  return true;
}
