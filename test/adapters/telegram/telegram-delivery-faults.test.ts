import { afterEach, describe, expect, it } from "vitest";
import type { Adapter } from "../../../adapters/adapter.ts";
import { en } from "../../../adapters/texts/en.ts";

const APOLOGY = en.apology;

import { createTelegramAdapter } from "../../../adapters/telegram/telegram-adapter.ts";
import type { Answer, AnswerRequest } from "../../../src/answer/answer-types.ts";
import type { BriefbotService, FeedbackEntry, StoreOverview } from "../../../src/briefbot-service.ts";
import { silentLogger } from "../../../src/logger.ts";
import { seededRandom } from "../../wire/seeded-random.ts";
import { FakeBotApi } from "../../wire/telegram-bot-api-server.ts";

/**
 * Delivery under a loaded Bot API, at the wire: the local Bot API answers 30% of sendMessage
 * calls 429 (retry_after 1 s, Telegram's shortest) and 10% 500, and records any call that
 * reaches a chat inside a window it set. 200 askers in 200 chats ask at once.
 */

class AnsweringService implements BriefbotService {
  async answer(request: AnswerRequest): Promise<Answer> {
    return {
      question: request.question,
      answered: true,
      coverage: "full",
      text: `Answer for ${request.question} [1].`,
      lang: "en",
      citations: [
        {
          n: 1,
          id: "c1",
          docId: "d1",
          publication: "AI Weekly",
          title: "Issue 12",
          story: "Qwen 3",
          date: "2025-05-01",
          url: "https://example.com/a",
          path: "a.md",
          quote: "Qwen 3 ships.",
        },
      ],
      related: [],
      answerer: "extractive",
    };
  }
  forget(): void {
    throw new Error("not implemented: forget");
  }
  async overview(): Promise<StoreOverview> {
    throw new Error("not implemented: overview");
  }
  async checkHealth(): Promise<void> {
    throw new Error("not implemented: checkHealth");
  }
  async recordFeedback(_entry: FeedbackEntry): Promise<void> {
    throw new Error("not implemented: recordFeedback");
  }
}

const questions = 200;
const firstChatId = 90_000;

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

function question(index: number): Record<string, unknown> {
  const chatId = firstChatId + index;
  return {
    message: {
      message_id: 1,
      date: 1_700_000_000,
      chat: { id: chatId, type: "private", first_name: "Ada" },
      from: { id: chatId, is_bot: false, first_name: "Ada" },
      text: `question ${index}`,
    },
  };
}

describe("Telegram delivery under 30% 429 and 10% 500", () => {
  it("delivers all 200 answers exactly once and never sends inside a retry_after window", async () => {
    const api = await FakeBotApi.start();
    const adapter: Adapter = createTelegramAdapter({
      service: new AnsweringService(),
      token: api.token,
      apiRoot: api.apiRoot,
      logger: silentLogger(),
      nativeDrafts: false,
      retry: { policy: { baseBackoffMs: 20, maxBackoffMs: 200 } },
    });
    cleanup.push(
      () => api.close(),
      () => adapter.stop(),
    );
    await adapter.start();
    api.faults = {
      methods: ["sendMessage", "editMessageText"],
      rateLimitedShare: 0.3,
      serverErrorShare: 0.1,
      retryAfterSeconds: 1,
      random: seededRandom(14),
    };
    for (let index = 0; index < questions; index++) api.queueUpdate(question(index));

    const delivered = (requests: typeof api.requests) =>
      requests.filter((request) => request.method === "sendMessage" && request.status === 200);
    await api.waitFor((requests) => delivered(requests).length >= questions, 60_000);

    const answersByChat = new Map<number, string[]>();
    for (const request of delivered(api.requests)) {
      const texts = answersByChat.get(Number(request.body.chat_id)) ?? [];
      texts.push(String(request.body.text));
      answersByChat.set(Number(request.body.chat_id), texts);
    }
    expect(answersByChat.size).toBe(questions);
    for (let index = 0; index < questions; index++) {
      const texts = answersByChat.get(firstChatId + index) ?? [];
      expect(texts, `chat ${index}`).toHaveLength(1);
      expect(texts[0]).toContain(`Answer for question ${index} `);
      expect(texts[0]).not.toContain(APOLOGY);
    }
    const sends = api.calls("sendMessage");
    const rateLimited = sends.filter((request) => request.status === 429).length;
    const serverErrors = sends.filter((request) => request.status === 500).length;
    // The faults really were injected at about the asked shares.
    expect(rateLimited / sends.length).toBeGreaterThan(0.2);
    expect(serverErrors / sends.length).toBeGreaterThan(0.05);
    expect(api.windowViolations).toEqual([]);
  }, 90_000);
});
