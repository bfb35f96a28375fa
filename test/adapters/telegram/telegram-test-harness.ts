import { expect } from "vitest";
import type { Adapter } from "../../../adapters/adapter.ts";
import { createTelegramAdapter } from "../../../adapters/telegram/telegram-adapter.ts";
import type { TelegramAdapterOptions } from "../../../adapters/telegram/telegram-adapter-options.ts";
import type { Answer, AnswerRequest } from "../../../src/answer/answer-types.ts";
import type { BriefbotService, FeedbackEntry, StoreOverview } from "../../../src/briefbot-service.ts";
import { silentLogger } from "../../../src/logger.ts";
import {
  FakeBotApi,
  type FakeBotApiOptions,
  type RecordedRequest,
} from "../../wire/telegram-bot-api-server.ts";

/**
 * Wiring for the Telegram wire tests: a hand-written service fake, update builders, and the
 * adapter started against the local Bot API (telegraf's own client over real HTTP).
 */

/** Records calls; anything a test did not set up throws, so unexpected calls fail loudly. */
export class FakeBriefbotService implements BriefbotService {
  readonly answerRequests: AnswerRequest[] = [];
  readonly forgotten: string[] = [];
  overviewCalls = 0;
  answerWith: ((request: AnswerRequest) => Promise<Answer>) | undefined;
  overviewValue: StoreOverview | undefined;
  allowForget = false;

  async answer(request: AnswerRequest): Promise<Answer> {
    this.answerRequests.push(request);
    if (this.answerWith === undefined) throw new Error("not implemented: answer");
    return await this.answerWith(request);
  }

  forget(conversationId: string): void {
    if (!this.allowForget) throw new Error("not implemented: forget");
    this.forgotten.push(conversationId);
  }

  async overview(): Promise<StoreOverview> {
    this.overviewCalls++;
    if (this.overviewValue === undefined) throw new Error("not implemented: overview");
    return this.overviewValue;
  }

  async checkHealth(): Promise<void> {
    throw new Error("not implemented: checkHealth");
  }

  readonly feedback: FeedbackEntry[] = [];

  async recordFeedback(entry: FeedbackEntry): Promise<void> {
    this.feedback.push(entry);
  }
}

export function citedAnswer(question: string, overrides: Partial<Answer> = {}): Answer {
  return {
    question,
    answered: true,
    coverage: "full",
    text: "Alibaba released Qwen 3 <open weights> & a new API [1]. Pricing dropped [2].",
    lang: "en",
    citations: [
      {
        n: 1,
        id: "c1",
        docId: "d1",
        publication: "AI Weekly",
        title: "Issue 12",
        story: "Qwen 3 & friends",
        date: "2025-05-01",
        url: "https://example.com/a?x=1&y=2",
        path: "data/ai-weekly-12.eml",
        quote: "Qwen 3 ships…",
      },
      {
        n: 2,
        id: "c2",
        docId: "d2",
        publication: "China Tech Brief",
        title: "Issue 7",
        story: "Cheaper tokens",
        date: null,
        url: null,
        path: "data/ctb-7.md",
        quote: "Prices fell…",
      },
    ],
    related: [],
    answerer: "extractive",
    ...overrides,
  };
}

export const overview: StoreOverview = {
  documents: 3,
  chunks: 40,
  publications: [
    { name: "AI Weekly", documents: 2, latestDate: "2025-05-01" },
    { name: "China Tech Brief", documents: 1, latestDate: "2025-04-20" },
  ],
  latestIssues: [
    { publication: "AI Weekly", title: "Issue 12", date: "2025-05-01", url: "https://example.com/12" },
  ],
  latestDate: "2025-05-01",
  coverage: {
    issues: 3,
    publications: 2,
    undated: 0,
    firstDate: "2025-04-20",
    lastDate: "2025-05-01",
    newestIngestedAt: "2025-05-01T10:00:00.000Z",
    line: "Searched 3 issues of 2 publications, 2025-04-20 – 2025-05-01; newest ingested 2 hours ago",
  },
};

let nextMessageId = 1;

export function privateText(
  text: string,
  options: { chatId?: number; userId?: number } = {},
): Record<string, unknown> {
  const chatId = options.chatId ?? 4242;
  return {
    message: {
      message_id: nextMessageId++,
      date: 1_700_000_000,
      chat: { id: chatId, type: "private", first_name: "Ada" },
      from: { id: options.userId ?? chatId, is_bot: false, first_name: "Ada" },
      text,
      ...(text.startsWith("/")
        ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]?.length }] }
        : {}),
    },
  };
}

export function groupText(
  text: string,
  options: {
    chatId?: number;
    userId?: number;
    messageId?: number;
    topicId?: number;
    entities?: Array<Record<string, unknown>>;
    replyTo?: { message_id: number; from: { id: number; is_bot: boolean; first_name: string } };
  } = {},
): Record<string, unknown> {
  return {
    message: {
      message_id: options.messageId ?? nextMessageId++,
      date: 1_700_000_000,
      chat: {
        id: options.chatId ?? -1001234,
        type: "supergroup",
        title: "Readers",
        is_forum: options.topicId !== undefined,
      },
      from: { id: options.userId ?? 501, is_bot: false, first_name: "Grace" },
      text,
      ...(options.entities === undefined ? {} : { entities: options.entities }),
      ...(options.topicId === undefined
        ? {}
        : { message_thread_id: options.topicId, is_topic_message: true }),
      ...(options.replyTo === undefined
        ? {}
        : { reply_to_message: { ...options.replyTo, date: 1, chat: {} } }),
    },
  };
}

export function mention(text: string, username: string): Record<string, unknown> {
  return { type: "mention", offset: text.indexOf(`@${username}`), length: username.length + 1 };
}

export interface Harness {
  api: FakeBotApi;
  service: FakeBriefbotService;
  adapter: Adapter;
}

const running: Harness[] = [];

export async function startHarness(
  options: Partial<TelegramAdapterOptions> = {},
  start = true,
  apiOptions: FakeBotApiOptions = {},
): Promise<Harness> {
  const api = await FakeBotApi.start(apiOptions);
  const service = new FakeBriefbotService();
  const adapter = createTelegramAdapter({
    service,
    token: api.token,
    apiRoot: api.apiRoot,
    logger: silentLogger(),
    rateLimitPerMinute: 5,
    typingIntervalMs: 40,
    streamEditIntervalMs: 60,
    retry: { policy: { baseBackoffMs: 20 } },
    ...options,
  });
  const harness = { api, service, adapter };
  running.push(harness);
  if (start) await adapter.start();
  return harness;
}

/** Stop every adapter and fake started by `startHarness`; fails the test if the fake refused a call for breaking Telegram's rules. */
export async function stopHarnesses(): Promise<void> {
  for (const harness of running.splice(0)) {
    await harness.adapter.stop();
    await harness.api.close();
    expect(
      harness.api.refusals().map((request) => `${request.method}: ${JSON.stringify(request.body)}`),
    ).toEqual([]);
  }
}

export function sent(api: FakeBotApi): RecordedRequest[] {
  return api.calls("sendMessage").filter((request) => request.status === 200);
}
