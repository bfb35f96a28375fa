import { afterEach, describe, expect, it } from "vitest";
import type { MarkdownBlock, SlackBlock } from "../../../adapters/slack/slack-blocks.ts";
import { en } from "../../../adapters/texts/en.ts";
import { zh } from "../../../adapters/texts/zh.ts";
import type { Citation } from "../../../src/answer/answer-types.ts";
import {
  answerFixture,
  appMention,
  eventEnvelope,
  type HttpHarness,
  settle,
  startHttpHarness,
} from "./slack-test-harness.ts";

/**
 * The AI-app surface through Bolt against the fake Web API (which refuses invalid Block Kit;
 * `close()` fails a test whose messages broke a rule): the assistant panel, App Home, the
 * asker's language, long answers, and a burst over the rate limit.
 */

let harness: HttpHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function blocksOf(params: Record<string, unknown>): SlackBlock[] {
  return (params.blocks ?? []) as SlackBlock[];
}

function answersOf(current: HttpHarness) {
  return current.api.calls.filter(
    (call) =>
      (call.method === "chat.postMessage" || call.method === "chat.update") &&
      call.response?.body.ok === true &&
      blocksOf(call.params).some((block) => block.type === "context_actions"),
  );
}

const overview = {
  documents: 3,
  chunks: 40,
  publications: [{ name: "AI Weekly", documents: 3, latestDate: "2025-05-01" }],
  latestIssues: [
    { publication: "AI Weekly", title: "Issue 12", date: "2025-05-01", url: "https://e.com/12" },
  ],
  latestDate: "2025-05-01",
};

function longCitation(n: number): Citation {
  return {
    n,
    id: `c${n}`,
    docId: `d${n}`,
    publication: "中国科技简报",
    title: `第 ${n} 期`,
    story: `芯片 <${n}> & 模型`,
    date: "2025-06-01",
    url: `https://example.com/${n}?a=1&b=2`,
    path: `data/${n}.md`,
    quote: "国产芯片的产能继续扩大，成本降低。".repeat(60),
  };
}

describe("slack: the assistant panel and App Home", () => {
  it("greets a new assistant thread and sets suggested prompts in the user's locale", async () => {
    harness = await startHttpHarness();
    harness.api.userLocales.set("UHUMAN1", "zh-CN");
    await harness.postEvent(
      eventEnvelope({
        type: "assistant_thread_started",
        assistant_thread: {
          user_id: "UHUMAN1",
          context: {},
          channel_id: "DHUMAN1",
          thread_ts: "1721000100.000100",
        },
        event_ts: "1721000100.000200",
      }),
    );
    const prompts = await harness.api.waitFor(
      () => harness?.api.callsTo("assistant.threads.setSuggestedPrompts")[0],
    );
    expect(prompts.params).toMatchObject({
      channel_id: "DHUMAN1",
      thread_ts: "1721000100.000100",
      title: zh.suggestedPromptsTitle,
      prompts: zh.suggestedPrompts,
    });
    const greeting = harness.api.callsTo("chat.postMessage")[0];
    expect(greeting?.params).toMatchObject({
      channel: "DHUMAN1",
      thread_ts: "1721000100.000100",
      text: zh.assistantGreeting,
    });
  });

  it("publishes the App Home: publications, newest issues, how to ask", async () => {
    harness = await startHttpHarness();
    harness.service.overviewValue = overview;
    await harness.postEvent(
      eventEnvelope({ type: "app_home_opened", user: "UHUMAN1", channel: "DHUMAN1", tab: "home" }),
    );
    await harness.api.waitFor(() => harness?.api.homeViews.get("UHUMAN1"));
    const view = harness.api.homeViews.get("UHUMAN1") as { type: string; blocks: SlackBlock[] };
    expect(view.type).toBe("home");
    const text = JSON.stringify(view.blocks);
    expect(text).toContain("*AI Weekly* — 3 issues, latest 2025-05-01");
    expect(text).toContain("<https://e.com/12|2025-05-01 AI Weekly — Issue 12>");
    expect(text).toContain(en.slackHowToAsk[0]);
  });
});

describe("slack: the asker's language", () => {
  it("answers a Chinese question with Chinese status, headings and button labels", async () => {
    harness = await startHttpHarness();
    harness.service.answerWith = async (request) =>
      answerFixture({ question: request.question, lang: "zh", text: "火狐发布了 WebGPU [1]。" });
    await harness.postEvent(eventEnvelope(appMention({ text: "<@UBOTBRIEF> 火狐的 WebGPU 怎么样？" })));
    const current = harness;
    const answer = await current.api.waitFor(() => answersOf(current)[0], 15_000);
    expect(current.api.callsTo("assistant.threads.setStatus")[0]?.params).toMatchObject({
      status: zh.searching,
      loading_messages: zh.loadingMessages,
    });
    expect(String(answer.params.text)).toContain(`${zh.sourcesHeading}:`);
    expect(JSON.stringify(answer.params.blocks)).toContain(zh.feedbackLabels.helpful);
    expect(current.api.callsTo("users.info")).toHaveLength(0);
  });

  it("uses the user's locale when the question has no language of its own (/brief usage)", async () => {
    harness = await startHttpHarness();
    harness.api.userLocales.set("UHUMAN1", "zh-CN");
    const ack = await harness.postForm({
      command: "/brief",
      text: "",
      channel_id: "CGENERAL",
      channel_name: "general",
      user_id: "UHUMAN1",
      team_id: "T0000TEAM",
      response_url: harness.api.responseUrl("cmd-zh"),
      trigger_id: "trigger-zh",
    });
    expect(JSON.parse(ack.text)).toMatchObject({ text: zh.slackAskUsage });
  });
});

describe("slack: limits", () => {
  it.each(["en", "zh"] as const)(
    "%s: the longest answer with ten long sources passes Slack's block rules",
    async (lang) => {
      harness = await startHttpHarness();
      const unit =
        lang === "zh"
          ? "国产芯片的产能继续扩大*成本&降低 [1]。"
          : "Chip output kept growing & *costs* fell [1]. ";
      harness.service.answerWith = async (request) =>
        answerFixture({
          question: request.question,
          lang,
          text: Array.from({ length: 60 }, () => unit.repeat(30)).join("\n\n"),
          citations: Array.from({ length: 10 }, (_, index) => longCitation(index + 1)),
        });
      await harness.postEvent(
        eventEnvelope(
          appMention({ text: lang === "zh" ? "<@UBOTBRIEF> 芯片怎么样？" : "<@UBOTBRIEF> chips?" }),
        ),
      );
      const current = harness;
      const answer = await current.api.waitFor(() => answersOf(current)[0], 15_000);
      const blocks = blocksOf(answer.params);
      expect(blocks.length).toBeLessThanOrEqual(50);
      const markdown = blocks.filter((block): block is MarkdownBlock => block.type === "markdown");
      expect(markdown.reduce((total, block) => total + block.text.length, 0)).toBeLessThanOrEqual(12_000);
      expect(blocks.filter((block) => block.type === "context")).toHaveLength(10);
      expect(blocks.at(-1)?.type).toBe("context_actions");
    },
  );

  it("answers a burst over the rate limit in order, with one notice, dropping none", async () => {
    // A window long enough that the five events surely arrive inside it, even on a busy machine.
    harness = await startHttpHarness({ rateLimitPerMinute: 2, rateLimitWindowMs: 2000 });
    harness.service.answerWith = async (request) => answerFixture({ question: request.question });
    const questions = ["one", "two", "three", "four", "five"];
    for (const [index, question] of questions.entries()) {
      await harness.postEvent(
        eventEnvelope(appMention({ text: `<@UBOTBRIEF> ${question}`, ts: `1721000200.00010${index}` })),
      );
    }
    const current = harness;
    await current.api.waitFor(() => answersOf(current).length === 5, 15_000);
    await settle(50);
    expect(current.service.answerRequests.map((request) => request.question)).toEqual(questions);
    const notices = current.api
      .callsTo("chat.postMessage")
      .filter((call) => String(call.params.text).includes("asking faster than I can keep up"));
    expect(notices).toHaveLength(1);
  });
});
