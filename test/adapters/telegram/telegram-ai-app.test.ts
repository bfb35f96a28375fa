import { afterEach, describe, expect, it } from "vitest";
import { en } from "../../../adapters/texts/en.ts";
import { zh } from "../../../adapters/texts/zh.ts";
import type { Answer, Citation } from "../../../src/answer/answer-types.ts";
import { MESSAGE_TEXT_LIMIT, parseTelegramHtml } from "../../wire/telegram-rules.ts";
import { citedAnswer, privateText, sent, startHarness, stopHarnesses } from "./telegram-test-harness.ts";

/**
 * The AI-app experience on Telegram, through telegraf against the local Bot API (which refuses
 * what Telegram refuses; `stopHarnesses` fails a test whose replies broke a rule): evidence
 * under sources, the keyboard and its callbacks, the asker's language, long answers.
 */

afterEach(stopHarnesses);

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };

function keyboardOf(body: Record<string, unknown> | undefined): Keyboard {
  return body?.reply_markup as Keyboard;
}

function buttonData(keyboard: Keyboard, label: string): string {
  const button = keyboard.inline_keyboard.flat().find((candidate) => candidate.text.startsWith(label));
  if (button === undefined) throw new Error(`no button ${label}`);
  return button.callback_data;
}

function chineseCitation(n: number, quoteLength: number): Citation {
  return {
    n,
    id: `zh-${n}`,
    docId: `doc-${n}`,
    publication: "中国科技简报",
    title: `第 ${n} 期`,
    story: `芯片与模型 <${n}> & 价格`,
    date: "2025-06-01",
    url: `https://example.com/zh/${n}?a=1&b=2`,
    path: `data/zh-${n}.md`,
    quote: `阿里巴巴发布了新的开放权重模型，价格大幅下降。${"国产芯片的产能继续扩大，&<>成本降低。".repeat(quoteLength)}`,
  };
}

describe("telegram: votes and buttons", () => {
  it("records a 👍 with question, answer and chunk ids, answers the query and marks the vote; the last vote counts", async () => {
    const { api, service } = await startHarness();
    service.answerWith = async (request) => citedAnswer(request.question);
    api.queueUpdate(privateText("What did Alibaba ship?"));
    const [answer] = await api.waitForCalls("sendMessage");
    const messageId = 1000; // the fake numbers messages from 1000
    const keyboard = keyboardOf(answer?.body);

    api.queueCallbackQuery({ chatId: 4242, messageId, data: buttonData(keyboard, "👍") });
    await api.waitForCalls("editMessageReplyMarkup", 1);
    api.queueCallbackQuery({ chatId: 4242, messageId, data: buttonData(keyboard, "👎") });
    await api.waitForCalls("editMessageReplyMarkup", 2);

    expect(service.feedback.map((entry) => entry.rating)).toEqual(["up", "down"]);
    expect(service.feedback[0]).toMatchObject({
      platform: "telegram",
      user: "4242",
      conversationId: "telegram:4242",
      question: "What did Alibaba ship?",
      answer: citedAnswer("").text,
      chunkIds: ["c1", "c2"],
    });
    const toasts = api.calls("answerCallbackQuery").map((request) => request.body.text);
    expect(toasts).toEqual([en.feedbackRecorded("up"), en.feedbackRecorded("down")]);
    const shown = keyboardOf({ reply_markup: api.message(4242, messageId)?.replyMarkup });
    expect(shown.inline_keyboard[0]?.map((button) => button.text)).toEqual(["👍", "👎 ✓"]);
  });

  it("More sources replies under the answer with the cited passages in full", async () => {
    const { api, service } = await startHarness();
    service.answerWith = async (request) => citedAnswer(request.question);
    api.queueUpdate(privateText("What did Alibaba ship?"));
    const [answer] = await api.waitForCalls("sendMessage");
    api.queueCallbackQuery({
      chatId: 4242,
      messageId: 1000,
      data: buttonData(keyboardOf(answer?.body), "More"),
    });

    const [, more] = await api.waitForCalls("sendMessage", 2);
    expect(more?.body.text).toContain(`<b>${en.moreSourcesHeading}</b>`);
    expect(more?.body.text).toContain("<blockquote expandable>Qwen 3 ships…</blockquote>");
    expect(more?.body.reply_parameters).toMatchObject({ message_id: 1000 });
    expect(api.calls("answerCallbackQuery")).toHaveLength(1);
  });

  it("an uncovered answer offers Closest stories, which lists them", async () => {
    const { api, service } = await startHarness();
    const related = [
      {
        publication: "AI Weekly",
        title: "Issue 3",
        story: "Mars & chips",
        date: null,
        url: "https://e.com/m",
      },
    ];
    service.answerWith = async (request) =>
      citedAnswer(request.question, { answered: false, coverage: "none", text: "", citations: [], related });
    api.queueUpdate(privateText("What about Mars?"));
    const [answer] = await api.waitForCalls("sendMessage");
    const keyboard = keyboardOf(answer?.body);
    expect(keyboard.inline_keyboard.map((row) => row.map((button) => button.text))).toEqual([
      ["👍", "👎"],
      ["Closest stories"],
    ]);
    api.queueCallbackQuery({ chatId: 4242, messageId: 1000, data: buttonData(keyboard, "Closest") });
    const [, closest] = await api.waitForCalls("sendMessage", 2);
    expect(closest?.body.text).toBe(
      `<b>${en.closestStoriesHeading}</b>\n• AI Weekly — <a href="https://e.com/m">Mars &amp; chips</a>`,
    );
  });

  it("a button of a forgotten answer (after a restart) says so instead of failing silently", async () => {
    const { api } = await startHarness();
    api.queueCallbackQuery({ chatId: 4242, messageId: 1, data: "b:m:unknownref" });
    const [toast] = await api.waitForCalls("answerCallbackQuery");
    expect(toast?.body.text).toBe(en.answerForgotten);
  });
});

describe("telegram: the asker's language", () => {
  it("answers a Chinese question with Chinese headings, buttons and notices", async () => {
    const { api, service } = await startHarness({ rateLimitPerMinute: 1, rateLimitWindowMs: 2000 });
    service.answerWith = async (request) =>
      citedAnswer(request.question, {
        lang: "zh",
        text: "阿里巴巴发布了新的开放权重模型 [1]。",
        citations: [chineseCitation(1, 1)],
      });
    api.queueUpdate(privateText("阿里巴巴发布了什么？"));
    api.queueUpdate(privateText("价格怎么样？"));

    await api.waitFor(() => sent(api).length === 3, 15_000);
    const [first, notice, second] = sent(api);
    expect(first?.body.text).toContain(`<b>${zh.sourcesHeading}</b>`);
    expect(first?.body.text).toContain(
      "<blockquote expandable>阿里巴巴发布了新的开放权重模型，价格大幅下降。</blockquote>",
    );
    expect(keyboardOf(first?.body).inline_keyboard[1]?.[0]?.text).toBe(zh.buttons.moreSources);
    expect(notice?.body.text).toMatch(/^你提问的速度比我回答得快/);
    expect(second?.body.text).toContain(zh.sourcesHeading);
  });

  it("follows the user's Telegram language for commands, and the question's language over it", async () => {
    const { api, service } = await startHarness();
    service.answerWith = async (request) => citedAnswer(request.question);
    const help = privateText("/help");
    (help.message as { from: Record<string, unknown> }).from.language_code = "zh-hans";
    api.queueUpdate(help);
    const [helpReply] = await api.waitForCalls("sendMessage");
    expect(helpReply?.body.text).toContain(zh.telegramHowToAsk[0]);

    const english = privateText("What did Alibaba ship?");
    (english.message as { from: Record<string, unknown> }).from.language_code = "zh";
    api.queueUpdate(english);
    const [, answer] = await api.waitForCalls("sendMessage", 2);
    expect(answer?.body.text).toContain("<b>Sources</b>");
  });

  it("registers the command menu in every language", async () => {
    const { api } = await startHarness();
    await api.waitForCalls("getUpdates");
    const menus = api.calls("setMyCommands");
    expect(menus.map((request) => request.body.language_code)).toEqual([undefined, "zh"]);
    expect(JSON.stringify(menus[1]?.body.commands)).toContain(zh.commandDescriptions.help);
  });
});

describe("telegram: long answers stay within the limits", () => {
  const longest = (lang: "en" | "zh"): Answer => {
    const sentence =
      lang === "zh"
        ? "国产芯片的产能继续扩大，&<>成本降低 [1]。"
        : "Chip output kept growing & <costs> fell [1]. ";
    const paragraph = sentence.repeat(lang === "zh" ? 60 : 30);
    return citedAnswer("q", {
      lang,
      text: Array.from({ length: 12 }, () => paragraph).join("\n\n"),
      citations: Array.from({ length: 10 }, (_, index) => chineseCitation(index + 1, 40)),
    });
  };

  it.each(["en", "zh"] as const)(
    "%s: every part parses and fits after entity parsing; the keyboard is under the last",
    async (lang) => {
      const { api, service } = await startHarness();
      const answer = longest(lang);
      service.answerWith = async () => answer;
      api.queueUpdate(privateText(lang === "zh" ? "芯片怎么样？" : "How are chips?"));
      await api.waitFor(() => sent(api).some((request) => request.body.reply_markup !== undefined), 15_000);
      const parts = sent(api);
      expect(parts.length).toBeGreaterThan(2);
      for (const part of parts) {
        const parsed = parseTelegramHtml(String(part.body.text));
        if ("error" in parsed) throw new Error(parsed.error);
        expect(parsed.text.length).toBeLessThanOrEqual(MESSAGE_TEXT_LIMIT);
      }
      expect(parts.slice(0, -1).every((part) => part.body.reply_markup === undefined)).toBe(true);
      const all = parts.map((part) => String(part.body.text)).join("\n");
      for (let n = 1; n <= 10; n++) expect(all).toContain(`[${n}] 中国科技简报`);

      // "More sources" with ten long passages is split within the limits too.
      api.queueCallbackQuery({
        chatId: 4242,
        messageId: 1000 + parts.length - 1,
        data: buttonData(keyboardOf(parts.at(-1)?.body), lang === "zh" ? zh.buttons.moreSources : "More"),
      });
      await api.waitFor(() => sent(api).length > parts.length + 1, 15_000);
      expect(api.refusals()).toEqual([]);
    },
  );
});
