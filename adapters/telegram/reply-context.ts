import type { FixedTexts } from "../texts/fixed-texts.ts";
import { chooseTexts } from "../texts/languages.ts";
import { forumTopicId, type IncomingTextMessage, isPrivateChat } from "./incoming-message.ts";
import type { Placement } from "./telegram-messenger.ts";

/**
 * What a reply to a message depends on: whose rate limit it counts against, which language it
 * is written in, and where in the chat it goes. Pure.
 */

/** The key a user's rate limit and backlog are counted under. */
export function userKeyOf(message: IncomingTextMessage): string {
  return String(message.from?.id ?? message.chat.id);
}

/** The texts for a message: its question's language, else the sender's Telegram language. */
export function textsForMessage(message: IncomingTextMessage, question: string | undefined): FixedTexts {
  return chooseTexts(question, message.from?.language_code);
}

/** Where replies to `message` go: same chat and forum topic; in groups, a reply to the message itself. */
export function placementFor(message: IncomingTextMessage): Placement {
  return {
    chatId: message.chat.id,
    threadId: forumTopicId(message),
    replyToMessageId: isPrivateChat(message) ? undefined : message.message_id,
  };
}
