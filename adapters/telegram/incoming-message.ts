/**
 * The fields of a Telegram text message the adapter reads. Structural, so the pure helpers and
 * their tests need no telegraf types; telegraf's `Message.TextMessage` fits it.
 */
export interface IncomingTextMessage {
  message_id: number;
  chat: { id: number; type: string; username?: string | undefined };
  from?:
    | { id: number; is_bot: boolean; username?: string | undefined; language_code?: string | undefined }
    | undefined;
  text: string;
  entities?:
    | Array<{ type: string; offset: number; length: number; user?: { id: number } | undefined }>
    | undefined;
  /** Set for forum topics (and, in plain groups, for reply threads — see `forumTopicId`). */
  message_thread_id?: number | undefined;
  is_topic_message?: boolean | undefined;
  reply_to_message?: { message_id: number; from?: { id: number } | undefined } | undefined;
}

/** Who the bot is, from getMe. */
export interface BotIdentity {
  id: number;
  username: string;
}

/** The forum topic the message belongs to, if any. Plain groups also set message_thread_id on replies; those are not topics. */
export function forumTopicId(message: IncomingTextMessage): number | undefined {
  return message.is_topic_message === true ? message.message_thread_id : undefined;
}

/** Whether the message explicitly replies to one of the bot's messages. */
export function repliesToBot(message: IncomingTextMessage, botId: number): boolean {
  const replied = message.reply_to_message;
  if (replied === undefined || replied.from?.id !== botId) return false;
  // In forum topics every message "replies" to the topic's first message; that is not a reply to us.
  return !(message.is_topic_message === true && replied.message_id === message.message_thread_id);
}

/** Private chats are one-to-one; everything else is shared. */
export function isPrivateChat(message: IncomingTextMessage): boolean {
  return message.chat.type === "private";
}
