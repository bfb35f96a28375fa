import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { Adapter } from "../../../adapters/adapter.ts";
import { createTelegramAdapter } from "../../../adapters/telegram/telegram-adapter.ts";
import { silentLogger } from "../../../src/logger.ts";
import { FakeBotApi } from "../../wire/telegram-bot-api-server.ts";
import {
  citedAnswer,
  FakeBriefbotService,
  groupText,
  mention,
  overview,
  privateText,
  sent,
  startHarness,
  stopHarnesses,
} from "./telegram-test-harness.ts";

/**
 * The adapter against a local Bot API over real HTTP (telegraf's own client, no module mocks)
 * and a hand-written service fake. Each test asserts what actually went over the wire.
 */

afterEach(stopHarnesses);

describe("telegram adapter: start", () => {
  it("registers the commands, deletes any webhook and long-polls", async () => {
    const { api, adapter } = await startHarness();
    await api.waitForCalls("getUpdates");
    expect(adapter.isRunning()).toBe(true);
    expect(adapter.routes()).toEqual([]);
    const commands = api.calls("setMyCommands")[0]?.body.commands as Array<{ command: string }>;
    expect(commands.map((entry) => entry.command)).toEqual([
      "start",
      "help",
      "ask",
      "sources",
      "new",
      "follow",
      "unfollow",
      "following",
    ]);
    // Ours (with retries), then telegraf's launch() repeats it.
    expect(api.calls("deleteWebhook").length).toBeGreaterThanOrEqual(1);
    const firstPoll = api.calls("getUpdates")[0]?.receivedAt ?? 0;
    expect(api.calls("deleteWebhook")[0]?.receivedAt).toBeLessThanOrEqual(firstPoll);
    expect(api.calls("setWebhook")).toHaveLength(0);
  });

  it("stops polling on stop()", async () => {
    const { api, adapter } = await startHarness();
    await api.waitForCalls("getUpdates");
    await adapter.stop();
    expect(adapter.isRunning()).toBe(false);
    const pollsAfterStop = api.calls("getUpdates").length;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(api.calls("getUpdates").length).toBe(pollsAfterStop);
  });
});

describe("telegram adapter: faults at start and in logs", () => {
  it("fails start() when Telegram rejects the token, without retrying a 401", async () => {
    const api = await FakeBotApi.start();
    const adapter = createTelegramAdapter({
      service: new FakeBriefbotService(),
      token: "987654321:WRONG-token_wrong-token_wrong-token_x",
      apiRoot: api.apiRoot,
      logger: silentLogger(),
    });
    try {
      await expect(adapter.start()).rejects.toThrow(/401/);
      expect(adapter.isRunning()).toBe(false);
      expect(api.calls("getMe")).toHaveLength(1);
    } finally {
      await api.close();
    }
  });

  it("logs delivery failures with the error, never the token", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "debug" }, { write: (line: string) => void lines.push(line) });
    const { api, service } = await startHarness({ logger });
    service.answerWith = async () => {
      throw new Error(`upstream said no for ${api.apiRoot}/bot${api.token}/getMe`);
    };
    api.failNext({
      method: "sendMessage",
      status: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    api.queueUpdate(privateText("hello"));

    await api.waitForCalls("sendMessage");
    await api.waitFor(() => lines.some((line) => line.includes("could not send a notice")));
    const log = lines.join("\n");
    expect(log).toContain("answering failed");
    expect(log).toContain("Forbidden: bot was blocked by the user");
    expect(log).not.toContain(api.token);
  });
});

describe("telegram adapter: private chats", () => {
  it("answers a question with escaped HTML and a numbered source list", async () => {
    const { api, service } = await startHarness();
    service.answerWith = async (request) => citedAnswer(request.question);
    api.queueUpdate(privateText("What did Alibaba ship?"));

    const [message] = await api.waitForCalls("sendMessage");
    expect(message?.body).toMatchObject({ chat_id: 4242, parse_mode: "HTML" });
    expect(message?.body.reply_parameters).toBeUndefined();
    expect(message?.body.text).toBe(
      [
        "Alibaba released Qwen 3 &lt;open weights&gt; &amp; a new API [1]. Pricing dropped [2].",
        "",
        "<b>Sources</b>",
        '[1] AI Weekly — <a href="https://example.com/a?x=1&amp;y=2">Qwen 3 &amp; friends</a>, 2025-05-01',
        "<blockquote expandable>Qwen 3 ships…</blockquote>",
        "[2] China Tech Brief — Cheaper tokens",
        "<blockquote expandable>Prices fell…</blockquote>",
      ].join("\n"),
    );
    const keyboard = message?.body.reply_markup as { inline_keyboard: Array<Array<{ text: string }>> };
    expect(keyboard.inline_keyboard.map((row) => row.map((button) => button.text))).toEqual([
      ["👍", "👎"],
      ["More sources"],
    ]);
    expect(service.answerRequests[0]).toMatchObject({
      question: "What did Alibaba ship?",
      conversationId: "telegram:4242",
    });
    const typing = api.calls("sendChatAction");
    expect(typing[0]?.body).toMatchObject({ chat_id: 4242, action: "typing" });
  });

  it("keeps sending typing while the answer is slow, and stops afterwards", async () => {
    const { api, service } = await startHarness({ typingIntervalMs: 30 });
    service.answerWith = async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return citedAnswer(request.question);
    };
    api.queueUpdate(privateText("slow one"));
    await api.waitForCalls("sendMessage");
    // A tick already on the wire may still land; after that, silence.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const typingCount = api.calls("sendChatAction").length;
    const lastTyping = api.calls("sendChatAction").at(-1)?.receivedAt ?? 0;
    expect(lastTyping).toBeLessThanOrEqual((api.calls("sendMessage")[0]?.receivedAt ?? 0) + 20);
    expect(typingCount).toBeGreaterThanOrEqual(3);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(api.calls("sendChatAction").length).toBe(typingCount);
  });

  it("splits a long answer into parts under 4096 characters, sources last", async () => {
    const { api, service } = await startHarness();
    const paragraphs = Array.from(
      { length: 40 },
      (_, index) => `Paragraph ${index}: ${"the briefs discuss chips & models at length ".repeat(5)}[1]`,
    );
    service.answerWith = async (request) => citedAnswer(request.question, { text: paragraphs.join("\n\n") });
    api.queueUpdate(privateText("Tell me everything"));

    await api.waitFor((requests) =>
      requests.some((request) => String(request.body.text).includes("<b>Sources</b>")),
    );
    const parts = sent(api).map((request) => String(request.body.text));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThan(4096);
    expect(parts.at(-1)).toContain("<b>Sources</b>");
    // Nothing lost or reordered, and every part is whole paragraphs.
    const bodyText = parts.join("\n\n").split("\n\n<b>Sources</b>")[0];
    expect(bodyText).toBe(paragraphs.map((paragraph) => paragraph.replace(/&/g, "&amp;")).join("\n\n"));
  });

  it("resends a part as plain text when Telegram cannot parse its entities", async () => {
    const { api, service } = await startHarness();
    service.answerWith = async (request) => citedAnswer(request.question);
    api.failNext({
      method: "sendMessage",
      when: (body) => body.parse_mode === "HTML",
      status: 400,
      description: 'Bad Request: can\'t parse entities: Unsupported start tag "open" at byte offset 24',
    });
    api.queueUpdate(privateText("What did Alibaba ship?"));

    await api.waitFor(() => sent(api).length === 1);
    const [refused, resent] = api.calls("sendMessage");
    expect(refused?.status).toBe(400);
    expect(resent?.status).toBe(200);
    expect(resent?.body.parse_mode).toBeUndefined();
    expect(resent?.body.text).toContain("Alibaba released Qwen 3 <open weights> & a new API [1].");
    expect(resent?.body.text).toContain(
      "[1] AI Weekly — Qwen 3 & friends (https://example.com/a?x=1&y=2), 2025-05-01",
    );
    expect(resent?.body.text).not.toMatch(/<\/?(a|b)\b|&amp;/);
  });

  it("waits retry_after seconds on 429 and then delivers", async () => {
    const { api, service } = await startHarness();
    service.answerWith = async (request) => citedAnswer(request.question);
    api.failNext({
      method: "sendMessage",
      status: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    api.queueUpdate(privateText("What did Alibaba ship?"));

    await api.waitFor(() => sent(api).length === 1, 5000);
    const [limited, delivered] = api.calls("sendMessage");
    expect(limited?.status).toBe(429);
    expect(delivered?.status).toBe(200);
    expect(delivered?.body.text).toBe(limited?.body.text);
    expect((delivered?.receivedAt ?? 0) - (limited?.receivedAt ?? 0)).toBeGreaterThanOrEqual(1000);
  }, 10_000);

  it("retries a 5xx with backoff", async () => {
    const { api, service } = await startHarness();
    service.answerWith = async (request) => citedAnswer(request.question);
    api.failNext({ method: "sendMessage", status: 502, description: "Bad Gateway" });
    api.failNext({ method: "sendMessage", status: 503, description: "Service Unavailable" });
    api.queueUpdate(privateText("What did Alibaba ship?"));

    await api.waitFor(() => sent(api).length === 1);
    expect(api.calls("sendMessage").map((request) => request.status)).toEqual([502, 503, 200]);
  });

  it("apologises when answering fails, and keeps answering later messages", async () => {
    const { api, service } = await startHarness();
    let calls = 0;
    service.answerWith = async (request) => {
      calls++;
      if (calls === 1) throw new Error("store unreachable");
      return citedAnswer(request.question);
    };
    api.queueUpdate(privateText("first"));
    await api.waitForCalls("sendMessage", 1);
    expect(api.calls("sendMessage")[0]?.body.text).toContain("Sorry, something went wrong");

    api.queueUpdate(privateText("second"));
    await api.waitForCalls("sendMessage", 2);
    expect(api.calls("sendMessage")[1]?.body.text).toContain("<b>Sources</b>");
  });

  it("streams partial text as a draft, edits it at most once per interval, then edits in the final answer", async () => {
    // Typing only once: a typing call shares the chat's lane and would shift one edit's arrival.
    const { api, service } = await startHarness({ streamEditIntervalMs: 80, typingIntervalMs: 10_000 });
    const partials = [
      "Alibaba",
      "Alibaba released",
      "Alibaba released Qwen 3",
      "Alibaba released Qwen 3 [1].",
    ];
    service.answerWith = async (request) => {
      for (const partial of partials) {
        request.onPartial?.(partial);
        // Two updates inside one interval: the second must be coalesced, not sent separately.
        request.onPartial?.(partial);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return citedAnswer(request.question);
    };
    api.queueUpdate(privateText("What did Alibaba ship?"));

    await api.waitFor((requests) =>
      requests.some(
        (request) => request.method === "editMessageText" && request.body.reply_markup !== undefined,
      ),
    );
    // The server has no sendMessageDraft (404): the preview falls back to a real message.
    expect(api.calls("sendMessageDraft").map((request) => request.status)).toEqual([404]);
    const [draft, ...otherSends] = api.calls("sendMessage");
    expect(otherSends).toEqual([]);
    expect(draft?.body).toMatchObject({ text: "Alibaba", parse_mode: "HTML" });

    const edits = api.calls("editMessageText");
    // Drafts are HTML too; the final edit is the one that brings the keyboard.
    const draftEdits = edits.filter((edit) => edit.body.reply_markup === undefined);
    // Each partial was offered twice within an interval; each is shown at most once, in order
    // (how many get through depends on timing, which belongs in the benchmark).
    const shown = draftEdits.map((edit) => String(edit.body.text));
    const positions = shown.map((text) => partials.indexOf(text));
    expect(
      positions.every((position, index) => position >= 1 && position > (positions[index - 1] ?? 0)),
    ).toBe(true);
    expect(draftEdits.length).toBeLessThan(partials.length);
    for (const edit of edits) expect(edit.body.message_id).toBe(1000);
    const final = edits.at(-1);
    expect(final?.body.parse_mode).toBe("HTML");
    expect(final?.body.reply_markup).toBeDefined();
    expect(final?.body.text).toContain("<b>Sources</b>");
  });

  it("streams with sendMessageDraft when the server has it, then sends the final answer", async () => {
    const { api, service } = await startHarness({ streamEditIntervalMs: 40 }, true, {
      supportsMessageDrafts: true,
    });
    service.answerWith = async (request) => {
      for (const partial of ["Alibaba", "Alibaba released", "Alibaba released Qwen 3"]) {
        request.onPartial?.(partial);
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
      return citedAnswer(request.question);
    };
    api.queueUpdate(privateText("What did Alibaba ship?"));

    const [final] = await api.waitForCalls("sendMessage");
    const drafts = api.calls("sendMessageDraft");
    // First an empty draft (Telegram shows "Thinking…"), then the text as it grows; an update
    // that arrives while a draft call is in flight is coalesced into the next one.
    const partials = ["Alibaba", "Alibaba released", "Alibaba released Qwen 3"];
    const texts = drafts.map((request) => String(request.body.text));
    expect(texts[0]).toBe("");
    expect(texts.at(-1)).toBe("Alibaba released Qwen 3");
    const positions = texts.slice(1).map((text) => partials.indexOf(text));
    expect(
      positions.every((position, index) => position >= 0 && position > (positions[index - 1] ?? -1)),
    ).toBe(true);
    expect(new Set(drafts.map((request) => request.body.draft_id)).size).toBe(1);
    expect(drafts[0]?.body).toMatchObject({ chat_id: 4242 });
    expect(final?.body.parse_mode).toBe("HTML");
    expect(final?.body.text).toContain("<b>Sources</b>");
    expect(api.calls("editMessageText")).toEqual([]);
  });

  it("/start describes the store from overview()", async () => {
    const { api, service } = await startHarness();
    service.overviewValue = overview;
    api.queueUpdate(privateText("/start"));

    const [message] = await api.waitForCalls("sendMessage");
    expect(service.overviewCalls).toBe(1);
    expect(message?.body.text).toContain(
      "I know 3 issues from 2 publications (AI Weekly, China Tech Brief), the latest from 2025-05-01.",
    );
    expect(message?.body.text).toContain(
      "Searched 3 issues of 2 publications, 2025-04-20 – 2025-05-01; newest ingested 2 hours ago.",
    );
  });

  it("/sources lists publications and linked latest issues", async () => {
    const { api, service } = await startHarness();
    service.overviewValue = overview;
    api.queueUpdate(privateText("/sources"));

    const [message] = await api.waitForCalls("sendMessage");
    expect(message?.body.text).toContain("Searched 3 issues of 2 publications, 2025-04-20 – 2025-05-01;");
    expect(message?.body.text).toContain("• AI Weekly — 2 issues, latest 2025-05-01");
    expect(message?.body.text).toContain(
      '• 2025-05-01 AI Weekly — <a href="https://example.com/12">Issue 12</a>',
    );
  });

  it("/ask without a question gets a usage hint, /new forgets the conversation", async () => {
    const { api, service } = await startHarness();
    service.allowForget = true;
    api.queueUpdate(privateText("/ask"));
    api.queueUpdate(privateText("/new"));

    const messages = await api.waitForCalls("sendMessage", 2);
    const texts = messages.map((message) => String(message.body.text));
    expect(texts.some((text) => text.startsWith("Usage: /ask &lt;question&gt;"))).toBe(true);
    expect(texts.some((text) => text.startsWith("Okay, starting a new conversation"))).toBe(true);
    expect(service.forgotten).toEqual(["telegram:4242"]);
    expect(service.answerRequests).toEqual([]);
  });
});

describe("telegram adapter: groups", () => {
  it("ignores group messages that do not address the bot", async () => {
    const { api, service } = await startHarness();
    service.answerWith = async (request) => citedAnswer(request.question);
    api.queueUpdate(groupText("just chatting about Qwen"));
    api.queueUpdate(
      groupText("/ask@some_other_bot what is up", {
        entities: [{ type: "bot_command", offset: 0, length: 19 }],
      }),
    );
    // The sync point: an addressed message queued after the others.
    const text = `@${api.bot.username} what did Alibaba ship?`;
    api.queueUpdate(groupText(text, { entities: [mention(text, api.bot.username)] }));

    await api.waitForCalls("sendMessage");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(service.answerRequests.map((request) => request.question)).toEqual(["what did Alibaba ship?"]);
    expect(sent(api)).toHaveLength(1);
  });

  it("answers a mention as a reply in the same forum topic, mention stripped", async () => {
    const { api, service } = await startHarness();
    service.answerWith = async (request) => citedAnswer(request.question);
    const text = `Hey @${api.bot.username}, what did Alibaba ship?`;
    api.queueUpdate(
      groupText(text, { messageId: 77, topicId: 42, entities: [mention(text, api.bot.username)] }),
    );

    const [message] = await api.waitForCalls("sendMessage");
    expect(message?.body).toMatchObject({
      chat_id: -1001234,
      message_thread_id: 42,
      parse_mode: "HTML",
      reply_parameters: { message_id: 77 },
    });
    expect(service.answerRequests[0]).toMatchObject({
      question: "Hey, what did Alibaba ship?",
      conversationId: "telegram:-1001234:42",
    });
    expect(api.calls("sendChatAction")[0]?.body).toMatchObject({ message_thread_id: 42, action: "typing" });
    // No streaming edits in groups.
    expect(api.calls("editMessageText")).toEqual([]);
  });

  it("understands a reply to its answer as a follow-up in the same conversation", async () => {
    const { api, service } = await startHarness();
    service.answerWith = async (request) => citedAnswer(request.question);
    const text = `@${api.bot.username} what did Alibaba ship?`;
    api.queueUpdate(groupText(text, { messageId: 90, entities: [mention(text, api.bot.username)] }));
    const [answer] = await api.waitForCalls("sendMessage");
    expect(answer?.body.message_thread_id).toBeUndefined();

    const answerMessageId = 1000; // the fake numbers the bot's messages from 1000
    api.queueUpdate(
      groupText("and Tencent?", {
        messageId: 91,
        replyTo: {
          message_id: answerMessageId,
          from: { id: api.bot.id, is_bot: true, first_name: "Briefbot" },
        },
      }),
    );
    const messages = await api.waitForCalls("sendMessage", 2);
    expect(messages[1]?.body.reply_parameters).toMatchObject({ message_id: 91 });
    expect(service.answerRequests.map((request) => [request.question, request.conversationId])).toEqual([
      ["what did Alibaba ship?", "telegram:-1001234:90"],
      ["and Tencent?", "telegram:-1001234:90"],
    ]);
  });

  it("answers /ask <question> in a group", async () => {
    const { api, service } = await startHarness();
    service.answerWith = async (request) => citedAnswer(request.question);
    const text = `/ask@${api.bot.username} chips?`;
    api.queueUpdate(
      groupText(text, {
        messageId: 5,
        entities: [{ type: "bot_command", offset: 0, length: text.indexOf(" ") }],
      }),
    );
    const [message] = await api.waitForCalls("sendMessage");
    expect(message?.body.reply_parameters).toMatchObject({ message_id: 5 });
    expect(service.answerRequests[0]?.question).toBe("chips?");
  });
});

describe("telegram adapter: limits", () => {
  it("refuses an unlisted chat once and answers listed ones", async () => {
    const { api, service } = await startHarness({ allowedChats: ["4242"] });
    service.answerWith = async (request) => citedAnswer(request.question);
    api.queueUpdate(privateText("hello?", { chatId: 999 }));
    api.queueUpdate(privateText("anyone?", { chatId: 999 }));
    api.queueUpdate(privateText("What did Alibaba ship?", { chatId: 4242 }));

    await api.waitFor(() => sent(api).some((request) => request.body.chat_id === 4242));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const toUnlisted = sent(api).filter((request) => request.body.chat_id === 999);
    expect(toUnlisted).toHaveLength(1);
    expect(toUnlisted[0]?.body.text).toContain("not enabled for this chat");
    expect(service.answerRequests.map((request) => request.conversationId)).toEqual(["telegram:4242"]);
  });

  it("answers a burst over the rate limit in order, with one notice, dropping none", async () => {
    // A window long enough that answering the first two surely ends inside it, even on a busy machine.
    const { api, service } = await startHarness({ rateLimitPerMinute: 2, rateLimitWindowMs: 2000 });
    service.answerWith = async (request) => citedAnswer(request.question);
    const questions = ["one", "two", "three", "four", "five"];
    for (const question of questions) api.queueUpdate(privateText(question));

    await api.waitFor(() => service.answerRequests.length === 5 && sent(api).length === 6, 15_000);
    expect(service.answerRequests.map((request) => request.question)).toEqual(questions);
    const texts = sent(api).map((request) => String(request.body.text));
    const notices = texts.filter((text) => text.includes("asking faster than I can keep up"));
    expect(notices).toHaveLength(1);
    // The notice comes after the two answers the limit let through at once, before the rest.
    expect(texts.indexOf(notices[0] ?? "")).toBeGreaterThanOrEqual(2);
    expect(texts.indexOf(notices[0] ?? "")).toBeLessThan(5);
  });

  it("refuses, and says so, a question beyond a full waiting line", async () => {
    const { api, service } = await startHarness({
      rateLimitPerMinute: 1,
      rateLimitWindowMs: 60_000,
      stopGraceMs: 50,
    });
    service.answerWith = async (request) => citedAnswer(request.question);
    for (let index = 0; index < 11; index++) api.queueUpdate(privateText(`question ${index}`));
    // Ten may wait (one answered, nine in line); the eleventh is refused with a reason.
    await api.waitFor(() => sent(api).length === 3);
    const texts = sent(api).map((request) => String(request.body.text));
    expect(texts.filter((text) => text.includes("Too many of your questions"))).toHaveLength(1);
    expect(texts.filter((text) => text.includes("asking faster than I can keep up"))).toHaveLength(1);
    expect(service.answerRequests.map((request) => request.question)).toEqual(["question 0"]);
  });
});

describe("telegram adapter: webhook mode", () => {
  let httpServer: Server | undefined;

  afterEach(async () => {
    httpServer?.closeAllConnections();
    await new Promise<void>((resolve) =>
      httpServer === undefined ? resolve() : httpServer.close(() => resolve()),
    );
    httpServer = undefined;
  });

  async function mount(adapter: Adapter): Promise<string> {
    const routes = adapter.routes();
    httpServer = createServer((request, response) => {
      const route = routes.find(
        (candidate) => candidate.method === request.method && candidate.path === request.url,
      );
      if (route === undefined) return void response.writeHead(404).end();
      void route.handle(request, response);
    });
    await new Promise<void>((resolve) => httpServer?.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  }

  function post(url: string, body: unknown, secret?: string): Promise<Response> {
    return fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }),
      },
      body: JSON.stringify(body),
    });
  }

  it("sets the webhook with its secret and processes only correctly signed updates", async () => {
    const { api, service, adapter } = await startHarness(
      { webhook: { url: "https://bot.example.com", secret: "s3cret-Token_1" } },
      false,
    );
    service.answerWith = async (request) => citedAnswer(request.question);
    const base = await mount(adapter);
    expect(adapter.routes().map((route) => [route.method, route.path])).toEqual([
      ["POST", "/telegram/webhook"],
    ]);

    // Before start Telegram is told to come back later rather than losing the update.
    const early = await post(
      `${base}/telegram/webhook`,
      { update_id: 1, ...privateText("early") },
      "s3cret-Token_1",
    );
    expect(early.status).toBe(503);

    await adapter.start();
    expect(api.calls("setWebhook")[0]?.body).toMatchObject({
      url: "https://bot.example.com/telegram/webhook",
      secret_token: "s3cret-Token_1",
    });
    expect(api.calls("getUpdates")).toEqual([]);
    expect(api.calls("deleteWebhook")).toEqual([]);

    const wrong = await post(`${base}/telegram/webhook`, { update_id: 2, ...privateText("wrong") }, "nope");
    expect(wrong.status).toBe(403);
    const missing = await post(`${base}/telegram/webhook`, { update_id: 3, ...privateText("missing") });
    expect(missing.status).toBe(403);

    const right = await post(
      `${base}/telegram/webhook`,
      { update_id: 4, ...privateText("right") },
      "s3cret-Token_1",
    );
    expect(right.status).toBe(200);
    const [message] = await api.waitForCalls("sendMessage");
    expect(message?.body.text).toContain("<b>Sources</b>");
    expect(service.answerRequests.map((request) => request.question)).toEqual(["right"]);
  });

  it("answers 200 before a slow answer is ready", async () => {
    const { api, service, adapter } = await startHarness({
      webhook: { url: "https://bot.example.com/hook", secret: "s3cret", path: "/hook" },
    });
    let release: () => void = () => {};
    service.answerWith = async (request) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return citedAnswer(request.question);
    };
    const base = await mount(adapter);
    expect(api.calls("setWebhook")[0]?.body.url).toBe("https://bot.example.com/hook");

    const response = await post(`${base}/hook`, { update_id: 9, ...privateText("slow") }, "s3cret");
    expect(response.status).toBe(200);
    expect(api.calls("sendMessage")).toEqual([]);
    await api.waitFor(() => service.answerRequests.length === 1);
    release();
    await api.waitForCalls("sendMessage");
  });
});
