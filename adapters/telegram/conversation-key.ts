import { forumTopicId, type IncomingTextMessage, isPrivateChat, repliesToBot } from "./incoming-message.ts";

/**
 * Conversation ids, so follow-ups ("and Tencent?") are understood in context:
 * - private chat: `telegram:<chatId>`;
 * - forum topic: `telegram:<chatId>:<topicId>`;
 * - other groups: `telegram:<chatId>:<root>` where the root is the message that started the
 *   exchange. Replying to one of the bot's answers continues that answer's conversation, which
 *   the tracker remembers by the bot's message ids.
 */

/** Remembers which conversation each bot message belongs to. Bounded: old entries fall out first. */
export class ConversationTracker {
  private readonly conversationByMessage = new Map<string, string>();

  constructor(private readonly capacity = 10_000) {}

  /** Note that the bot's message `messageId` in `chatId` answered within `conversationId`. */
  remember(chatId: number, messageId: number, conversationId: string): void {
    const key = `${chatId}:${messageId}`;
    this.conversationByMessage.delete(key);
    this.conversationByMessage.set(key, conversationId);
    if (this.conversationByMessage.size > this.capacity) {
      const oldest = this.conversationByMessage.keys().next().value;
      if (oldest !== undefined) this.conversationByMessage.delete(oldest);
    }
  }

  /** The conversation a bot message belongs to, if remembered. */
  lookup(chatId: number, messageId: number): string | undefined {
    return this.conversationByMessage.get(`${chatId}:${messageId}`);
  }
}

/** The conversation id for a message addressed to the bot. */
export function conversationIdFor(
  message: IncomingTextMessage,
  botId: number,
  tracker: ConversationTracker,
): string {
  const chatId = message.chat.id;
  if (isPrivateChat(message)) return `telegram:${chatId}`;
  const topic = forumTopicId(message);
  if (topic !== undefined) return `telegram:${chatId}:${topic}`;
  const replied = message.reply_to_message;
  if (replied !== undefined && repliesToBot(message, botId)) {
    // Unknown bot message (e.g. after a restart): root the conversation at it, history is gone anyway.
    return tracker.lookup(chatId, replied.message_id) ?? `telegram:${chatId}:${replied.message_id}`;
  }
  return `telegram:${chatId}:${message.message_id}`;
}
