import { describe, expect, it } from "vitest";
import {
  decideReply,
  type IncomingSlackMessage,
  incomingFromEvent,
  type ReplyPolicy,
} from "../../../adapters/slack/reply-decision.ts";
import { mentionsUser, questionFromSlackText } from "../../../adapters/slack/slack-text.ts";

const bot = "UBOT";

function message(overrides: Partial<IncomingSlackMessage> = {}): IncomingSlackMessage {
  return {
    kind: "message",
    channel: "C1",
    channelType: "channel",
    user: "UHUMAN",
    botId: undefined,
    subtype: undefined,
    text: "hello",
    ts: "100.1",
    threadTs: undefined,
    ...overrides,
  };
}

function mention(overrides: Partial<IncomingSlackMessage> = {}): IncomingSlackMessage {
  return message({
    kind: "app_mention",
    channelType: undefined,
    text: `<@${bot}> what is new?`,
    ...overrides,
  });
}

function policy(overrides: Partial<ReplyPolicy> = {}): ReplyPolicy {
  return {
    botUserId: bot,
    allowedChannels: undefined,
    allowDms: true,
    isAnsweredThread: (channel, threadTs) => channel === "C1" && threadTs === "50.5",
    ...overrides,
  };
}

describe("decideReply", () => {
  it.each([
    {
      name: "mention at top level → thread under it",
      input: mention(),
      expected: {
        channel: "C1",
        threadTs: "100.1",
        conversationId: "slack:C1:100.1",
        question: "what is new?",
      },
    },
    {
      name: "mention inside a thread → that thread",
      input: mention({ threadTs: "90.9" }),
      expected: {
        channel: "C1",
        threadTs: "90.9",
        conversationId: "slack:C1:90.9",
        question: "what is new?",
      },
    },
    {
      name: "DM at top level → DM, no thread",
      input: message({ channel: "D1", channelType: "im", text: "what is new?" }),
      expected: { channel: "D1", threadTs: undefined, conversationId: "slack:D1", question: "what is new?" },
    },
    {
      name: "DM in a thread → that thread",
      input: message({ channel: "D1", channelType: "im", text: "more?", threadTs: "70.7" }),
      expected: { channel: "D1", threadTs: "70.7", conversationId: "slack:D1:70.7", question: "more?" },
    },
    {
      name: "plain follow-up in an answered thread",
      input: message({ text: "and Safari?", threadTs: "50.5", ts: "51.0" }),
      expected: { channel: "C1", threadTs: "50.5", conversationId: "slack:C1:50.5", question: "and Safari?" },
    },
    {
      name: "thread_broadcast follow-up still counts",
      input: message({ text: "also?", threadTs: "50.5", subtype: "thread_broadcast" }),
      expected: { channel: "C1", threadTs: "50.5", conversationId: "slack:C1:50.5", question: "also?" },
    },
    {
      name: "bare mention → empty question (the flow posts a hint)",
      input: mention({ text: `<@${bot}>` }),
      expected: { channel: "C1", threadTs: "100.1", conversationId: "slack:C1:100.1", question: "" },
    },
  ])("answers: $name", ({ input, expected }) => {
    expect(decideReply(input, policy())).toEqual({
      action: "answer",
      target: { ...expected, user: "UHUMAN" },
    });
  });

  it.each([
    { name: "another bot's message", input: message({ botId: "BOTHER" }), reason: "bot-message" },
    {
      name: "bot_message subtype",
      input: message({ subtype: "bot_message", user: undefined }),
      reason: "bot-message",
    },
    {
      name: "its own message",
      input: message({ user: bot, channelType: "im", channel: "D1" }),
      reason: "own-message",
    },
    {
      name: "an edit",
      input: message({ subtype: "message_changed", user: undefined }),
      reason: "edited-or-system-message",
    },
    { name: "a join", input: message({ subtype: "channel_join" }), reason: "edited-or-system-message" },
    { name: "no user", input: message({ user: undefined }), reason: "no-user" },
    {
      name: "mention in a DM (answered as the DM message)",
      input: mention({ channel: "D1" }),
      reason: "dm-mention",
    },
    {
      name: "channel message with the mention (answered as app_mention)",
      input: message({ text: `<@${bot}> what is new?` }),
      reason: "mention-arrives-as-app-mention",
    },
    {
      name: "labelled mention form too",
      input: message({ text: `hey <@${bot}|briefbot> x`, threadTs: "50.5" }),
      reason: "mention-arrives-as-app-mention",
    },
    { name: "top-level channel chatter", input: message(), reason: "not-addressed-to-bot" },
    {
      name: "a thread the bot never answered",
      input: message({ threadTs: "60.6" }),
      reason: "not-addressed-to-bot",
    },
    {
      name: "same thread ts in another channel",
      input: message({ channel: "C2", threadTs: "50.5" }),
      reason: "not-addressed-to-bot",
    },
  ])("ignores $name", ({ input, reason }) => {
    expect(decideReply(input, policy())).toEqual({ action: "ignore", reason });
  });

  it.each([
    { name: "mention in an allowed channel", input: mention({ channel: "CALLOWED" }), action: "answer" },
    { name: "mention elsewhere", input: mention({ channel: "COTHER" }), action: "ignore" },
    { name: "follow-up elsewhere", input: message({ channel: "C1", threadTs: "50.5" }), action: "ignore" },
    { name: "DM (allowDms true)", input: message({ channel: "D1", channelType: "im" }), action: "answer" },
  ])("allowedChannels: $name → $action", ({ input, action }) => {
    expect(decideReply(input, policy({ allowedChannels: new Set(["CALLOWED"]) })).action).toBe(action);
  });

  it("allowDms false ignores DMs", () => {
    expect(decideReply(message({ channel: "D1", channelType: "im" }), policy({ allowDms: false }))).toEqual({
      action: "ignore",
      reason: "dms-disabled",
    });
  });
});

describe("incomingFromEvent", () => {
  it("reads the fields it needs and treats empty strings as absent", () => {
    expect(
      incomingFromEvent("message", {
        type: "message",
        channel: "C1",
        channel_type: "channel",
        user: "U1",
        text: "hi",
        ts: "1.1",
        thread_ts: "",
        extra: { nested: true },
      }),
    ).toEqual({
      kind: "message",
      channel: "C1",
      channelType: "channel",
      user: "U1",
      botId: undefined,
      subtype: undefined,
      text: "hi",
      ts: "1.1",
      threadTs: undefined,
    });
  });

  it.each([{}, { channel: "C1" }, { ts: "1.1" }, { channel: 5, ts: "1.1" }])(
    "returns null for %j",
    (event) => {
      expect(incomingFromEvent("message", event)).toBeNull();
    },
  );
});

describe("questionFromSlackText", () => {
  it.each([
    [`<@${bot}> what is new?`, "what is new?"],
    [`what is new <@${bot}>?`, "what is new ?"],
    [`<@${bot}|briefbot>   spaced   out`, "spaced out"],
    ["ask <@UOTHER> about it", "ask @UOTHER about it"],
    ["ask <@UOTHER|ana> about it", "ask @ana about it"],
    ["in <#C123|general>", "in #general"],
    [
      "see <https://a.example/x?a=1&amp;b=2> and <https://b.example|B>",
      "see https://a.example/x?a=1&b=2 and B",
    ],
    ["a &lt; b &amp;&amp; c &gt; d", "a < b && c > d"],
    ["<!here> anyone?", "@here anyone?"],
    ["line one\n  line two ", "line one\nline two"],
    [`<@${bot}>`, ""],
  ])("%j → %j", (input, expected) => {
    expect(questionFromSlackText(input, bot)).toBe(expected);
  });

  it.each([
    [`hi <@${bot}>`, true],
    [`hi <@${bot}|name>`, true],
    [`hi <@${bot}X>`, false],
    ["hi", false],
  ])("mentionsUser(%j) → %s", (text, expected) => {
    expect(mentionsUser(text, bot)).toBe(expected);
  });
});
