import { describe, expect, it } from "vitest";
import { ConversationTracker, conversationIdFor } from "../../../adapters/telegram/conversation-key.ts";
import type { IncomingTextMessage } from "../../../adapters/telegram/incoming-message.ts";

const botId = 99;

function message(overrides: Partial<IncomingTextMessage>): IncomingTextMessage {
  return { message_id: 10, chat: { id: -100, type: "supergroup" }, text: "q", ...overrides };
}

describe("conversationIdFor", () => {
  it("uses the chat alone in private chats", () => {
    expect(
      conversationIdFor(message({ chat: { id: 5, type: "private" } }), botId, new ConversationTracker()),
    ).toBe("telegram:5");
  });

  it("uses the forum topic", () => {
    const topicMessage = message({ is_topic_message: true, message_thread_id: 42 });
    expect(conversationIdFor(topicMessage, botId, new ConversationTracker())).toBe("telegram:-100:42");
  });

  it("starts a new conversation at a fresh question, continues it through replies to the bot", () => {
    const tracker = new ConversationTracker();
    const first = conversationIdFor(message({ message_id: 10 }), botId, tracker);
    expect(first).toBe("telegram:-100:10");
    tracker.remember(-100, 500, first);
    const followUp = message({ message_id: 11, reply_to_message: { message_id: 500, from: { id: botId } } });
    expect(conversationIdFor(followUp, botId, tracker)).toBe(first);
  });

  it("roots at an unknown bot message (e.g. after a restart)", () => {
    const reply = message({ message_id: 11, reply_to_message: { message_id: 700, from: { id: botId } } });
    expect(conversationIdFor(reply, botId, new ConversationTracker())).toBe("telegram:-100:700");
  });

  it("does not follow replies to other people", () => {
    const reply = message({ message_id: 11, reply_to_message: { message_id: 700, from: { id: 1 } } });
    expect(conversationIdFor(reply, botId, new ConversationTracker())).toBe("telegram:-100:11");
  });
});

describe("ConversationTracker", () => {
  it("forgets the oldest entries beyond its capacity", () => {
    const tracker = new ConversationTracker(2);
    tracker.remember(1, 1, "a");
    tracker.remember(1, 2, "b");
    tracker.remember(1, 3, "c");
    expect([tracker.lookup(1, 1), tracker.lookup(1, 2), tracker.lookup(1, 3)]).toEqual([undefined, "b", "c"]);
  });
});
