/**
 * Wiring for the Slack wire tests: a fake BriefbotService, the fake Web API, the adapter in HTTP
 * mode mounted on a real node:http server, and helpers to POST correctly signed Slack requests.
 */

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import type { Adapter } from "../../../adapters/adapter.ts";
import { createSlackAdapter, type SlackAdapterOptions } from "../../../adapters/slack/slack-adapter.ts";
import { signSlackRequest } from "../../../adapters/slack/slack-signature.ts";
import type { Answer, AnswerRequest } from "../../../src/answer/answer-types.ts";
import type { BriefbotService, FeedbackEntry, StoreOverview } from "../../../src/briefbot-service.ts";
import { silentLogger } from "../../../src/logger.ts";
import { FakeSlackWebApi } from "../../wire/slack-web-api-server.ts";

export const signingSecret = "test-signing-secret-0123456789";
export const botToken = "xoxb-test-bot-token-0000";

/** Hand-written fake: records calls; throws for anything a test did not set. */
export class FakeBriefbotService implements BriefbotService {
  readonly answerRequests: AnswerRequest[] = [];
  readonly feedback: FeedbackEntry[] = [];
  answerWith: ((request: AnswerRequest) => Promise<Answer>) | undefined;
  overviewValue: StoreOverview | undefined;

  async answer(request: AnswerRequest): Promise<Answer> {
    this.answerRequests.push(request);
    if (this.answerWith === undefined) throw new Error("answer: not implemented in this test");
    return this.answerWith(request);
  }
  forget(_conversationId: string): void {
    throw new Error("forget: not implemented in this test");
  }
  async overview(): Promise<StoreOverview> {
    if (this.overviewValue === undefined) throw new Error("overview: not implemented in this test");
    return this.overviewValue;
  }
  async checkHealth(): Promise<void> {
    throw new Error("checkHealth: not implemented in this test");
  }
  async recordFeedback(entry: FeedbackEntry): Promise<void> {
    this.feedback.push(entry);
  }
}

export function answerFixture(overrides: Partial<Answer> = {}): Answer {
  return {
    question: "What happened with WebGPU?",
    answered: true,
    coverage: "full",
    text: "WebGPU shipped in Firefox 141 [1].",
    lang: "en",
    citations: [
      {
        n: 1,
        id: "chunk-webgpu-1",
        docId: "doc-1",
        publication: "Frontend Focus",
        title: "Issue 700",
        story: "Firefox ships WebGPU",
        date: "2025-07-22",
        url: "https://example.com/webgpu?a=1&b=2",
        path: "data/frontend-focus/700.eml",
        quote: "Firefox 141 ships WebGPU on Windows.",
      },
    ],
    related: [],
    answerer: "extractive",
    ...overrides,
  };
}

export interface HttpHarness {
  api: FakeSlackWebApi;
  service: FakeBriefbotService;
  adapter: Adapter;
  baseUrl: string;
  /** POST a signed Events API envelope as JSON. */
  postEvent(envelope: Record<string, unknown>, options?: PostOptions): Promise<PostResult>;
  /** POST a signed form (slash commands; interactivity uses a `payload` field). */
  postForm(fields: Record<string, string>, options?: PostOptions): Promise<PostResult>;
  /** POST any raw body with explicit signing parameters. */
  postRaw(rawBody: string, contentType: string, options?: PostOptions): Promise<PostResult>;
  close(): Promise<void>;
}

export interface PostOptions {
  timestampSeconds?: number;
  secret?: string;
  signature?: string;
  headers?: Record<string, string>;
}

export interface PostResult {
  status: number;
  text: string;
}

export async function startHttpHarness(overrides: Partial<SlackAdapterOptions> = {}): Promise<HttpHarness> {
  const api = await FakeSlackWebApi.start();
  const service = new FakeBriefbotService();
  const adapter = createSlackAdapter({
    service,
    botToken,
    signingSecret,
    apiUrl: api.apiUrl,
    logger: silentLogger(),
    streamUpdateIntervalMs: 200,
    delivery: { policy: { baseBackoffMs: 10, maxBackoffMs: 20 } },
    stopTimeoutMs: 2_000,
    ...overrides,
  });
  const server = await mountRoutes(adapter);
  await adapter.start();
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const postRaw = async (
    rawBody: string,
    contentType: string,
    options: PostOptions = {},
  ): Promise<PostResult> => {
    const timestamp = String(options.timestampSeconds ?? Math.floor(Date.now() / 1000));
    const signature =
      options.signature ?? signSlackRequest(options.secret ?? signingSecret, timestamp, rawBody);
    const response = await fetch(`${baseUrl}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": signature,
        ...options.headers,
      },
      body: rawBody,
    });
    return { status: response.status, text: await response.text() };
  };

  return {
    api,
    service,
    adapter,
    baseUrl,
    postRaw,
    postEvent: (envelope, options) => postRaw(JSON.stringify(envelope), "application/json", options),
    postForm: (fields, options) =>
      postRaw(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", options),
    async close() {
      await adapter.stop();
      // Everything the adapter sent must have passed Slack's rules.
      expect(api.refusals()).toEqual([]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
    },
  };
}

/** What `serve` does: an HTTP server that dispatches to the adapter's routes, 404 otherwise. */
export async function mountRoutes(adapter: Adapter): Promise<Server> {
  const routes = adapter.routes();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const route = routes.find((candidate) => candidate.method === request.method && candidate.path === path);
    if (route === undefined) {
      response.writeHead(404).end();
      return;
    }
    void route.handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

let eventCounter = 0;

/** An Events API envelope around `event`, with a fresh event_id unless given. */
export function eventEnvelope(event: Record<string, unknown>, eventId?: string): Record<string, unknown> {
  eventCounter += 1;
  return {
    token: "legacy-verification-token",
    team_id: "T0000TEAM",
    api_app_id: "A0000APP",
    type: "event_callback",
    event_id: eventId ?? `Ev${String(eventCounter).padStart(8, "0")}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { team_id: "T0000TEAM", user_id: "UBOTBRIEF", is_bot: true, is_enterprise_install: false },
    ],
    event,
  };
}

export function appMention(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "app_mention",
    user: "UHUMAN1",
    text: "<@UBOTBRIEF> what happened with WebGPU?",
    ts: "1721000000.000100",
    channel: "CGENERAL",
    event_ts: "1721000000.000100",
    ...overrides,
  };
}

export function channelMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "message",
    channel_type: "channel",
    user: "UHUMAN1",
    text: "and what about Safari?",
    ts: "1721000001.000200",
    channel: "CGENERAL",
    event_ts: "1721000001.000200",
    ...overrides,
  };
}

export function directMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return channelMessage({
    channel_type: "im",
    channel: "DHUMAN1",
    text: "what happened with WebGPU?",
    ...overrides,
  });
}

/** Resolve after `ms`; only for asserting that nothing (more) happens. */
export function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
