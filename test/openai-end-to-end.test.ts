import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Briefbot } from "../src/briefbot.ts";
import { loadConfig } from "../src/config.ts";
import { createBriefbot } from "../src/create-briefbot.ts";
import { silentLogger } from "../src/logger.ts";
import { type FakeOpenAIServer, startOpenAIServer } from "./wire/openai-server.ts";

const sampleData = new URL("../data/", import.meta.url).pathname;

/**
 * The whole OpenAI path through the real core: the real `openai` SDK against a local server that
 * speaks the API, a real LanceDB store, the sample briefs.
 */
describe("briefbot with OpenAI embeddings and generated answers", () => {
  let server: FakeOpenAIServer;
  let directory: string;
  let briefbot: Briefbot;

  beforeAll(async () => {
    server = await startOpenAIServer({ dimensions: 16 });
    directory = await mkdtemp(join(tmpdir(), "briefbot-openai-"));
    const config = loadConfig({
      BRIEFBOT_EMBEDDER: "openai",
      BRIEFBOT_ANSWERER: "openai",
      OPENAI_API_KEY: "sk-test-not-a-real-key-000000",
      OPENAI_BASE_URL: server.baseURL,
      OPENAI_EMBEDDING_MODEL: "test-embedder",
      OPENAI_EMBEDDING_DIMENSIONS: "16",
      OPENAI_CHAT_MODEL: "test-chat",
      BRIEFBOT_FEEDBACK_FILE: join(directory, "feedback.jsonl"),
    });
    briefbot = await createBriefbot({ config, logger: silentLogger(), databaseUri: join(directory, "db") });
    const report = await briefbot.ingest([sampleData]);
    expect(report.errors).toEqual([]);
  });

  afterAll(async () => {
    await briefbot.close();
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("embeds chunks in float batches with the configured model and dimensions", () => {
    const embeddingRequests = server.requestsTo("embeddings");
    expect(embeddingRequests.length).toBeGreaterThan(0);
    for (const request of embeddingRequests) {
      expect(request.body).toMatchObject({
        model: "test-embedder",
        encoding_format: "float",
        dimensions: 16,
      });
    }
    const embedded = embeddingRequests.flatMap((request) => request.body.input as string[]);
    expect(embedded.some((text) => text.includes("BYD reported annual revenue"))).toBe(true);
  });

  it("streams a generated answer, keeps only valid citations and sends the passages as fenced data", async () => {
    server.setChat((body) => {
      const text = JSON.stringify(body.messages);
      if (text.includes('"query"') || /standalone|search query/i.test(text)) {
        return JSON.stringify({ query: "BYD vehicles sold in 2024", translation: "比亚迪 2024 年销量" });
      }
      return "BYD sold about 4.27 million vehicles in 2024 [1]. Tesla delivered about 1.79 million [1][9].";
    });
    const partials: string[] = [];
    const answer = await briefbot.answer({
      question: "How many cars did BYD sell in 2024?",
      conversationId: "e2e",
      onPartial: (text) => partials.push(text),
    });
    expect(answer.answerer).toBe("openai");
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain("4.27 million vehicles in 2024 [1]");
    expect(answer.text).not.toContain("[9]");
    expect(answer.citations).toHaveLength(1);
    expect(partials.length).toBeGreaterThan(1);
    const chat = server.requestsTo("chat");
    const answerRequest = chat.find((request) => request.body.stream === true);
    expect(answerRequest?.body.model).toBe("test-chat");
    const prompt = JSON.stringify(answerRequest?.body.messages);
    expect(prompt).toContain("<passages>");
    expect(prompt).toContain("BYD");
  });

  it("falls back to the extractive answer when the model fails", async () => {
    server.script("chat", { status: 500 });
    server.script("chat", { status: 500 });
    server.script("chat", { status: 500 });
    server.script("chat", { status: 500 });
    const answer = await briefbot.answer({
      question: "What did Alibaba say it will spend on AI infrastructure?",
      conversationId: "e2e-2",
    });
    expect(answer.answered).toBe(true);
    expect(answer.answerer).toBe("extractive-fallback");
    expect(answer.text).toContain("380 billion");
  });

  it("refuses to open the store with another embedder and names the fix", async () => {
    await expect(
      createBriefbot({ config: loadConfig({}), logger: silentLogger(), databaseUri: join(directory, "db") }),
    ).rejects.toMatchObject({ code: "STORE_MISMATCH", message: expect.stringContaining("--reembed") });
  });
});
