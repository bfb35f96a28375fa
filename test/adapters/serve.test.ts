import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServe, startServing, webhookPathOf } from "../../adapters/serve.ts";
import { signSlackRequest } from "../../adapters/slack/slack-signature.ts";
import type { Briefbot } from "../../src/briefbot.ts";
import { loadConfig } from "../../src/config.ts";
import { createBriefbot } from "../../src/create-briefbot.ts";
import { silentLogger } from "../../src/logger.ts";
import { FakeSlackWebApi } from "../wire/slack-web-api-server.ts";
import { FakeBotApi } from "../wire/telegram-bot-api-server.ts";
import { appMention, eventEnvelope } from "./slack/slack-test-harness.ts";

const sampleData = new URL("../../data/", import.meta.url).pathname;
const signingSecret = "serve-test-signing-secret";
const webhookSecret = "serve-test-webhook-secret";

/**
 * `briefbot serve` as deployed: the real core on the sample briefs, Telegram in webhook mode and
 * Slack in HTTP mode on one HTTP server, both pointed at local fakes of their APIs.
 */
describe("serve: both bots and /healthz on one server", () => {
  let directory: string;
  let briefbot: Briefbot;
  let telegram: FakeBotApi;
  let slack: FakeSlackWebApi;
  let running: RunningServe;
  let base: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-serve-"));
    telegram = await FakeBotApi.start();
    slack = await FakeSlackWebApi.start();
    const config = loadConfig({
      PORT: "0",
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.com/hooks/telegram",
      TELEGRAM_WEBHOOK_SECRET: webhookSecret,
      SLACK_BOT_TOKEN: "xoxb-serve-test-token",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      BRIEFBOT_FEEDBACK_FILE: join(directory, "feedback.jsonl"),
    });
    briefbot = await createBriefbot({ config, logger: silentLogger(), databaseUri: join(directory, "db") });
    await briefbot.ingest([sampleData]);
    running = await startServing({ briefbot, config, logger: silentLogger() });
    base = `http://127.0.0.1:${running.port}`;
  }, 60_000);

  afterAll(async () => {
    await running.stop();
    await briefbot.close();
    await telegram.close();
    await slack.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("reports health of the store and both adapters", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      store: "ok",
      adapters: { telegram: "running", slack: "running" },
    });
  });

  it("registers the Telegram webhook at the configured URL and answers a private question from the briefs", async () => {
    const registered = telegram.calls("setWebhook")[0]?.body;
    expect(registered).toMatchObject({
      url: "https://bot.example.com/hooks/telegram",
      secret_token: webhookSecret,
    });
    const update = {
      update_id: 1001,
      message: {
        message_id: 7,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 4242, type: "private" },
        from: { id: 4242, is_bot: false, first_name: "Ann" },
        text: "How many vehicles did BYD sell in 2024?",
      },
    };
    const refused = await fetch(`${base}/hooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "wrong" },
      body: JSON.stringify(update),
    });
    expect(refused.status).toBe(403);
    const accepted = await fetch(`${base}/hooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": webhookSecret },
      body: JSON.stringify(update),
    });
    expect(accepted.status).toBe(200);
    await telegram.waitForCalls("sendMessage", 1, 10_000);
    const sent = telegram.calls("sendMessage")[0]!.body as {
      chat_id: number;
      text: string;
      parse_mode: string;
    };
    expect(sent.chat_id).toBe(4242);
    expect(sent.parse_mode).toBe("HTML");
    expect(sent.text).toContain("4.27 million");
    expect(sent.text).toContain("Briefbot Weekly");
  });

  it("answers a Slack mention in a thread with a cited answer", async () => {
    const body = JSON.stringify(
      eventEnvelope(
        appMention({ text: "<@UBOTBRIEF> What did Meituan launch in Riyadh?", ts: "1721000100.000200" }),
      ),
    );
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${base}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": signSlackRequest(signingSecret, timestamp, body),
      },
      body,
    });
    expect(response.status).toBe(200);
    // Status in the thread at once, then the answer posted there (it clears the status).
    const answer = await slack.waitFor(() => slack.callsTo("chat.postMessage")[0], 10_000);
    expect(slack.callsTo("assistant.threads.setStatus")[0]?.params).toMatchObject({
      thread_ts: "1721000100.000200",
    });
    expect(answer.params).toMatchObject({ thread_ts: "1721000100.000200" });
    expect(JSON.stringify(answer.params)).toContain("Keeta");
    expect(JSON.stringify(answer.params)).toContain("China Tech Notes");
  });
});

describe("webhookPathOf", () => {
  it.each([
    ["https://bot.example.com", undefined],
    ["https://bot.example.com/", undefined],
    ["https://bot.example.com/hooks/tg", "/hooks/tg"],
  ])("%s → %s", (url, path) => {
    expect(webhookPathOf(url)).toBe(path);
  });
});
