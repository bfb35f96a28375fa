import { describe, expect, it } from "vitest";
import type { IncomingTextMessage } from "../../../adapters/telegram/incoming-message.ts";
import { readIncomingMessage } from "../../../adapters/telegram/read-incoming-message.ts";

const bot = { id: 99, username: "brief_bot" };

function message(text: string, overrides: Partial<IncomingTextMessage> = {}): IncomingTextMessage {
  return {
    message_id: 10,
    chat: { id: -100, type: "supergroup" },
    from: { id: 5, is_bot: false },
    text,
    ...overrides,
  };
}

const command = (length: number) => ({ entities: [{ type: "bot_command", offset: 0, length }] });
const mentionAt = (offset: number, length = 10) => ({ entities: [{ type: "mention", offset, length }] });

describe("readIncomingMessage", () => {
  it.each([
    {
      name: "private text is a question",
      input: message("What about chips?", { chat: { id: 5, type: "private" } }),
      expected: { kind: "question", question: "What about chips?" },
    },
    {
      name: "group text without mention is ignored",
      input: message("What about chips?"),
      expected: { kind: "ignore" },
    },
    {
      name: "group mention is a question without the mention",
      input: message("@brief_bot what about chips?", mentionAt(0)),
      expected: { kind: "question", question: "what about chips?" },
    },
    {
      name: "mention in the middle, case-insensitive, punctuation kept tidy",
      input: message("Hey @Brief_Bot, chips?", mentionAt(4)),
      expected: { kind: "question", question: "Hey, chips?" },
    },
    {
      name: "mention of someone else is ignored",
      input: message("@other_bot chips?", mentionAt(0, 10)),
      expected: { kind: "ignore" },
    },
    {
      name: "text_mention of the bot counts",
      input: message("Briefbot chips?", {
        entities: [{ type: "text_mention", offset: 0, length: 8, user: { id: 99 } }],
      }),
      expected: { kind: "question", question: "chips?" },
    },
    {
      name: "reply to the bot is a question",
      input: message("and Tencent?", { reply_to_message: { message_id: 3, from: { id: 99 } } }),
      expected: { kind: "question", question: "and Tencent?" },
    },
    {
      name: "in a forum topic, the implicit reply to the topic root is not a reply to the bot",
      input: message("and Tencent?", {
        is_topic_message: true,
        message_thread_id: 3,
        reply_to_message: { message_id: 3, from: { id: 99 } },
      }),
      expected: { kind: "ignore" },
    },
    {
      name: "/ask with a question",
      input: message("/ask chips?", command(4)),
      expected: { kind: "command", command: "ask", argument: "chips?" },
    },
    {
      name: "/ask@bot addressed to us",
      input: message("/ask@brief_bot chips?", command(14)),
      expected: { kind: "command", command: "ask", argument: "chips?" },
    },
    {
      name: "/ask@other addressed to another bot",
      input: message("/ask@other_bot chips?", command(14)),
      expected: { kind: "ignore" },
    },
    {
      name: "/start in a group",
      input: message("/start", command(6)),
      expected: { kind: "command", command: "start", argument: "" },
    },
    {
      name: "a bare mention asks for help",
      input: message("@brief_bot", mentionAt(0)),
      expected: { kind: "command", command: "help", argument: "" },
    },
    {
      name: "other bots are ignored, even when they mention us",
      input: message("@brief_bot chips?", { ...mentionAt(0), from: { id: 6, is_bot: true } }),
      expected: { kind: "ignore" },
    },
    {
      name: "channel posts are ignored",
      input: message("hello", { chat: { id: -5, type: "channel" } }),
      expected: { kind: "ignore" },
    },
  ])("$name", ({ input, expected }) => {
    expect(readIncomingMessage(input, bot)).toEqual(expected);
  });
});
