import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServe, startServing } from "../../adapters/serve.ts";
import { signSlackRequest } from "../../adapters/slack/slack-signature.ts";
import type { Briefbot } from "../../src/briefbot.ts";
import { type Config, loadConfig } from "../../src/config.ts";
import { createBriefbot } from "../../src/create-briefbot.ts";
import { silentLogger } from "../../src/logger.ts";
import { ingestSampleOnce } from "../../src/pipeline/ingest-sample-once.ts";
import { type RunningRedis, startRedisServer } from "../state/redis-server.ts";
import { FakeSlackWebApi } from "../wire/slack-web-api-server.ts";
import { appMention, channelMessage, eventEnvelope } from "./slack/slack-test-harness.ts";

const sampleFile = new URL("../../data/china-tech-notes-2025-03-21.txt", import.meta.url).pathname;
const sampleDirectory = new URL("../../data/", import.meta.url).pathname;
const signingSecret = "replica-test-signing-secret";

/** One replica of `briefbot serve`: its own store handle, its own state client, its own port. */
interface Replica {
  briefbot: Briefbot;
  serving: RunningServe;
  base: string;
}

async function startReplica(config: Config, databaseUri: string): Promise<Replica> {
  const briefbot = await createBriefbot({ config, logger: silentLogger(), databaseUri });
  const serving = await startServing({ briefbot, config, logger: silentLogger() });
  return { briefbot, serving, base: `http://127.0.0.1:${serving.port}` };
}

async function stopReplica(replica: Replica): Promise<void> {
  await replica.serving.stop();
  await replica.briefbot.close();
}

/** POST one Slack event, signed as Slack signs it. */
async function postSigned(replica: Replica, body: string): Promise<number> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(`${replica.base}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-slack-request-timestamp": timestamp,
      "x-slack-signature": signSlackRequest(signingSecret, timestamp, body),
    },
    body,
  });
  await response.text();
  return response.status;
}

const drivers: Array<{ name: string; settings: () => Record<string, string> }> = [
  { name: "lancedb", settings: () => ({}) },
  { name: "redis", settings: () => ({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: `replicas-${Date.now()}:` }) },
];

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});

describe.each(drivers)("two replicas on one store, state in $name", ({ name, settings }) => {
  let directory: string;
  let slack: FakeSlackWebApi;
  let config: Config;
  let databaseUri: string;
  const replicas: Replica[] = [];

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-replicas-"));
    databaseUri = join(directory, "db");
    slack = await FakeSlackWebApi.start();
    config = loadConfig({
      PORT: "0",
      SLACK_BOT_TOKEN: "xoxb-replica-test-token",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      BRIEFBOT_READ_CONSISTENCY_SECONDS: "0.2",
      ...settings(),
    });
    const loader = await createBriefbot({ config, logger: silentLogger(), databaseUri, state: "memory" });
    await loader.ingest([sampleFile]);
    await loader.close();
    replicas.push(await startReplica(config, databaseUri), await startReplica(config, databaseUri));
  }, 60_000);

  afterAll(async () => {
    for (const replica of replicas.splice(0)) await stopReplica(replica).catch(() => {});
    await slack.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("reports the store version and the state driver on /readyz", async () => {
    const response = await fetch(`${replicas[0]!.base}/readyz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "ok", store: "ok", state: "ok", stateDriver: name });
    expect(body.storeVersion).toEqual(await replicas[1]!.briefbot.store.version());
  });

  it("answers an event delivered to both once, continues the thread on the other, and after a restart", async () => {
    const threadTs = `17210${Date.now() % 100000}.000100`;
    const conversationId = `slack:CGENERAL:${threadTs}`;
    const threadPosts = () =>
      slack.callsTo("chat.postMessage").filter((call) => call.params.thread_ts === threadTs);
    const [first, second] = replicas as [Replica, Replica];

    // The same signed event (one event_id) reaches both replicas at once.
    const mention = JSON.stringify(
      eventEnvelope(appMention({ text: "<@UBOTBRIEF> Where did Meituan launch Keeta?", ts: threadTs })),
    );
    expect(await Promise.all([postSigned(first, mention), postSigned(second, mention)])).toEqual([200, 200]);
    // The answer is one message in the thread (after an assistant status), not a placeholder edited.
    await slack.waitFor(() => threadPosts().length >= 1, 20_000);

    // A follow-up without a mention reaches the other replica: it knows the thread and its history.
    const followUp = JSON.stringify(
      eventEnvelope(
        channelMessage({ text: "and where does it go next?", thread_ts: threadTs, ts: `${threadTs}1` }),
      ),
    );
    expect(await postSigned(second, followUp)).toBe(200);
    await slack.waitFor(() => threadPosts().length >= 2, 20_000);
    await slack.waitFor(
      async () => (await second.briefbot.state.list("conversation", conversationId)).length === 2,
    );

    // The first replica restarts mid-conversation; the next follow-up continues the same conversation.
    await stopReplica(first);
    replicas[0] = await startReplica(config, databaseUri);
    const restarted = replicas[0];
    const again = JSON.stringify(
      eventEnvelope(
        channelMessage({ text: "how much will it invest there?", thread_ts: threadTs, ts: `${threadTs}2` }),
      ),
    );
    expect(await postSigned(restarted, again)).toBe(200);
    await slack.waitFor(() => threadPosts().length >= 3, 20_000);

    // Stopping drains answers under way, so the counts below are final.
    for (const replica of replicas) await replica.serving.stop();
    const turns = (await restarted.briefbot.state.list("conversation", conversationId)).map(
      (turn) => (JSON.parse(turn) as { question: string }).question,
    );
    expect(turns).toEqual([
      "Where did Meituan launch Keeta?",
      "and where does it go next?",
      "how much will it invest there?",
    ]);
    expect(threadPosts()).toHaveLength(3);
    // One status per question: the event both replicas received was answered once.
    const statuses = slack
      .callsTo("assistant.threads.setStatus")
      .filter((call) => call.params.thread_ts === threadTs);
    expect(statuses).toHaveLength(3);
    const answers = JSON.stringify(threadPosts().map((call) => call.params));
    expect(answers).toContain("Riyadh");
  }, 90_000);
});

describe("replicas starting together on an empty store", () => {
  it("ingest the sample briefs once", async () => {
    const directory = await mkdtemp(join(tmpdir(), "briefbot-start-"));
    const config = loadConfig({ BRIEFBOT_READ_CONSISTENCY_SECONDS: "0.2" });
    const databaseUri = join(directory, "db");
    const briefbots = await Promise.all(
      [0, 1, 2].map(() => createBriefbot({ config, logger: silentLogger(), databaseUri })),
    );
    try {
      const ran = await Promise.all(
        briefbots.map((briefbot) => ingestSampleOnce(briefbot, sampleDirectory, silentLogger())),
      );
      expect(ran.filter(Boolean)).toHaveLength(1);
      // Read through the replica that ingested: the others see its write within their read
      // consistency interval, not at once.
      const documents = await briefbots[ran.indexOf(true)]!.store.documents();
      expect(new Set(documents.map((document) => document.docId)).size).toBe(documents.length);
      expect(documents.length).toBeGreaterThan(0);
      const versions = await briefbots[1]!.store.version();
      expect(versions).toMatch(/@/);
    } finally {
      for (const briefbot of briefbots) await briefbot.close();
      await rm(directory, { recursive: true, force: true });
    }
  }, 120_000);
});
