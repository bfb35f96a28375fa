import {
  type BotIdentity,
  type IncomingTextMessage,
  isPrivateChat,
  repliesToBot,
} from "./incoming-message.ts";

/**
 * What a text message asks of the bot. Private chats: every message is a question. Groups: only
 * messages that mention the bot, reply to it, or use a command; the mention is removed from the
 * question. Pure, so the group etiquette is unit-tested.
 */
export type IncomingIntent =
  | { kind: "command"; command: string; argument: string }
  | { kind: "question"; question: string }
  | { kind: "ignore" };

/** Classify a text message sent to a chat the bot is in. */
export function readIncomingMessage(message: IncomingTextMessage, bot: BotIdentity): IncomingIntent {
  // Channels are not conversations; other bots' messages could start a bot-to-bot loop.
  if (message.chat.type === "channel" || message.from?.is_bot === true) return { kind: "ignore" };
  const command = readCommand(message, bot);
  if (command !== null) return command;
  const mentioned = mentionRanges(message, bot);
  if (!isPrivateChat(message) && mentioned.length === 0 && !repliesToBot(message, bot.id)) {
    return { kind: "ignore" };
  }
  const question = cleanQuestion(removeRanges(message.text, mentioned));
  // "@bot" alone: answer with how to ask rather than with an empty question.
  if (question === "") return { kind: "command", command: "help", argument: "" };
  return { kind: "question", question };
}

function readCommand(message: IncomingTextMessage, bot: BotIdentity): IncomingIntent | null {
  const first = message.entities?.[0];
  if (first === undefined || first.type !== "bot_command" || first.offset !== 0) return null;
  const [name = "", target] = message.text.slice(1, first.length).split("@");
  // "/ask@OtherBot" is for another bot in the group.
  if (target !== undefined && target.toLowerCase() !== bot.username.toLowerCase()) return { kind: "ignore" };
  const rest = message.text.slice(first.length);
  const restMentions = mentionRanges(message, bot)
    .filter((range) => range.start >= first.length)
    .map((range) => ({ start: range.start - first.length, end: range.end - first.length }));
  return {
    kind: "command",
    command: name.toLowerCase(),
    argument: cleanQuestion(removeRanges(rest, restMentions)),
  };
}

interface Range {
  start: number;
  end: number;
}

// Entity offsets are UTF-16 code units, like JavaScript string indices.
function mentionRanges(message: IncomingTextMessage, bot: BotIdentity): Range[] {
  const wanted = `@${bot.username}`.toLowerCase();
  return (message.entities ?? [])
    .filter((entity) => {
      if (entity.type === "text_mention") return entity.user?.id === bot.id;
      if (entity.type !== "mention") return false;
      return message.text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === wanted;
    })
    .map((entity) => ({ start: entity.offset, end: entity.offset + entity.length }));
}

function removeRanges(text: string, ranges: Range[]): string {
  let result = text;
  for (const range of [...ranges].sort((left, right) => right.start - left.start)) {
    let before = result.slice(0, range.start);
    const after = result.slice(range.end);
    // "Hey @bot, what…" → "Hey, what…": no space left dangling before punctuation.
    if (/^[,.;:!?]/.test(after)) before = before.trimEnd();
    result = before + after;
  }
  return result;
}

// "@bot, what about X?" → "what about X?"
function cleanQuestion(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, " ")
    .trim()
    .replace(/^[,:;.!\s]+/, "")
    .trim();
}
