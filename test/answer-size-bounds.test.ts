import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderAnswer as renderSlack } from "../adapters/slack/render-slack.ts";
import { slackLimits } from "../adapters/slack/slack-blocks.ts";
import { renderAnswer as renderTelegram } from "../adapters/telegram/render-telegram.ts";
import { TELEGRAM_MESSAGE_LIMIT } from "../adapters/telegram/split-message.ts";
import { en } from "../adapters/texts/en.ts";
import type { Answer } from "../src/answer/answer-types.ts";
import { Briefbot } from "../src/briefbot.ts";
import { createHashingEmbedder } from "../src/embed/hashing-embedder.ts";
import { LanceChunkStore } from "../src/store/lancedb-store.ts";
import { ANSWER_CHARACTER_CAP, QUOTE_CHARACTER_CAP } from "../src/text/text-limits.ts";

/**
 * A brief whose story holds a sentence with a 400 KB token, ingested and asked about for real:
 * the answer stays a few messages on Telegram and within Slack's limits (the failing run
 * sent 101 Telegram messages and a 143 KB Slack update).
 */
describe("an answer from a passage holding a 400 KB token", () => {
  let directory: string;
  let briefbot: Briefbot;
  let answer: Answer;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-bounds-"));
    const embedder = createHashingEmbedder();
    const store = await LanceChunkStore.open({ uri: join(directory, "db"), embedder });
    briefbot = new Briefbot({ store, embedder });
    const token = "Q".repeat(400_000);
    const brief = [
      "# Widget Weekly #9",
      "",
      "## Zorblax ships the Quantum Widget",
      "",
      `Zorblax Corporation announced the Quantum Widget with firmware key ${token} printed on the box.`,
      "The widget sells for 40 dollars.",
    ].join("\n");
    await writeFile(join(directory, "widget-weekly-9.md"), brief);
    const report = await briefbot.ingest([join(directory, "widget-weekly-9.md")]);
    expect(report.errors).toEqual([]);
    answer = await briefbot.answer({
      question: "What did Zorblax Corporation announce about the Quantum Widget firmware key?",
      conversationId: "bounds",
    });
  }, 120_000);

  afterAll(async () => {
    await briefbot.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("is answered, with text and quotes under the core caps", () => {
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain("Zorblax");
    expect(answer.text.length).toBeLessThanOrEqual(ANSWER_CHARACTER_CAP);
    for (const citation of answer.citations) {
      expect(citation.quote.length).toBeLessThanOrEqual(QUOTE_CHARACTER_CAP);
      expect(citation.quote.endsWith("…") || citation.quote.length < QUOTE_CHARACTER_CAP).toBe(true);
    }
  });

  it("is at most 3 Telegram messages", () => {
    const parts = renderTelegram(answer, en);
    expect(parts.length).toBeLessThanOrEqual(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
  });

  it("is one Slack message within Block Kit's limits", () => {
    const message = renderSlack(answer, en, {
      feedback: { ref: "ref", chunkIds: answer.citations.map((citation) => citation.id) },
    });
    expect(message.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
    for (const block of message.blocks)
      if (block.type === "section") expect(block.text.text.length).toBeLessThan(slackLimits.sectionText);
    expect(JSON.stringify(message).length).toBeLessThan(16_000);
  });
});
