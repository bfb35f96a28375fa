import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Adapter } from "../../../adapters/adapter.ts";
import { createSlackAdapter } from "../../../adapters/slack/slack-adapter.ts";
import { signSlackRequest } from "../../../adapters/slack/slack-signature.ts";
import { createTelegramAdapter } from "../../../adapters/telegram/telegram-adapter.ts";
import { Briefbot } from "../../../src/briefbot.ts";
import { createHashingEmbedder } from "../../../src/embed/hashing-embedder.ts";
import type { FollowDelivery } from "../../../src/follow/follow-delivery.ts";
import { createFollowNotifier } from "../../../src/follow/notify-followers.ts";
import { StateFollowStore } from "../../../src/follow/state-follow-store.ts";
import { silentLogger } from "../../../src/logger.ts";
import { LanceStateStore } from "../../../src/state/lancedb-state.ts";
import { LanceChunkStore } from "../../../src/store/lancedb-store.ts";
import { FakeSlackWebApi } from "../../wire/slack-web-api-server.ts";
import { FakeBotApi, type RecordedRequest } from "../../wire/telegram-bot-api-server.ts";
import { eventEnvelope, mountRoutes } from "../slack/slack-test-harness.ts";
import { FakeBriefbotService, overview, privateText } from "../telegram/telegram-test-harness.ts";

/**
 * Following a topic end to end at the wire: people follow through the real commands (telegraf
 * against the local Bot API, signed `/brief` requests into Bolt), issues are ingested into a
 * real LanceDB store, and the notifier's digests are read off the fake Telegram and Slack
 * servers. The middle of the run is a restart: every process object is rebuilt over the same
 * store directory, as a new `serve` would.
 */

const signingSecret = "follow-test-signing-secret-42";
const botToken = "xoxb-follow-test-token";
const topic = "sodium-ion batteries";

/** Issues written for this test: all but B are about the topic. */
const issues = {
  "cell-letter-a.md":
    "---\npublication: Cell Letter\ndate: 2026-04-02\n---\n# Cell Letter 14\n\n## Sodium-ion packs reach delivery vans\n\nA courier fleet in Lyon fitted its delivery vans with sodium-ion battery packs that tolerate frost.\n",
  "garden-notes-b.md":
    "# Garden Robots Weekly 3\n\n## Mowers learn the edges\n\nRobotic lawn mowers now map flower beds with a cheap camera instead of a buried wire.\n",
  "cell-letter-c.md":
    "---\npublication: Cell Letter\ndate: 2026-04-09\n---\n# Cell Letter 15\n\n## A sodium-ion line starts in Hefei\n\nA battery maker started a sodium-ion cell line in Hefei sized for grid storage cabinets.\n",
  "cell-letter-d.md":
    "---\npublication: Cell Letter\ndate: 2026-04-16\n---\n# Cell Letter 16\n\n## Sodium-ion prices slide\n\nQuotes for sodium-ion battery cells slid again as two new factories came online.\n",
  "cell-letter-e.md":
    "---\npublication: Cell Letter\ndate: 2026-04-23\n---\n# Cell Letter 17\n\n## Scooters switch chemistry\n\nTwo scooter brands moved their entry models to sodium-ion batteries for winter range.\n",
  "cell-letter-f.md":
    "---\npublication: Cell Letter\ndate: 2026-04-30\n---\n# Cell Letter 18\n\n## Ferries try sodium-ion\n\nA harbour ferry operator ordered sodium-ion battery banks for two short crossings.\n",
};

interface Process {
  briefbot: Briefbot;
  follows: StateFollowStore;
  telegram: Adapter;
  slack: Adapter;
  slackServer: Server;
  deliveries: FollowDelivery[];
}

describe("following a topic, at the wire", () => {
  let directory: string;
  let telegramApi: FakeBotApi;
  let slackApi: FakeSlackWebApi;
  let current: Process | null = null;

  /** One `serve` process: core, follow tables and both adapters over the shared store. */
  async function startProcess(): Promise<Process> {
    const embedder = createHashingEmbedder();
    const briefbot = new Briefbot({
      store: await LanceChunkStore.open({ uri: join(directory, "db"), embedder }),
      embedder,
    });
    // The state `serve` shares with its replicas: the LanceDB `state` table of the store.
    const follows = new StateFollowStore(await LanceStateStore.open({ uri: join(directory, "db") }), {
      ownsState: true,
    });
    const telegram = createTelegramAdapter({
      service: new FakeBriefbotService(),
      token: telegramApi.token,
      apiRoot: telegramApi.apiRoot,
      logger: silentLogger(),
      follows,
      retry: { policy: { baseBackoffMs: 10, maxBackoffMs: 20 } },
    });
    const slackService = new FakeBriefbotService();
    slackService.overviewValue = overview;
    const slack = createSlackAdapter({
      service: slackService,
      botToken,
      signingSecret,
      apiUrl: slackApi.apiUrl,
      logger: silentLogger(),
      follows,
      delivery: { policy: { baseBackoffMs: 10, maxBackoffMs: 20 } },
    });
    const slackServer = await mountRoutes(slack);
    await telegram.start();
    await slack.start();
    const deliveries = [telegram.followDelivery, slack.followDelivery].filter(
      (delivery): delivery is FollowDelivery => delivery !== undefined,
    );
    return { briefbot, follows, telegram, slack, slackServer, deliveries };
  }

  async function stopProcess(process: Process): Promise<void> {
    await process.telegram.stop();
    await process.slack.stop();
    process.slackServer.closeAllConnections();
    await new Promise<void>((resolve) => process.slackServer.close(() => resolve()));
    await process.follows.close();
    await process.briefbot.close();
  }

  async function postToSlack(process: Process, body: string, contentType: string): Promise<string> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const { port } = process.slackServer.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": signSlackRequest(signingSecret, timestamp, body),
      },
      body,
    });
    expect(response.status).toBe(200);
    return await response.text();
  }

  async function slashCommand(process: Process, user: string, text: string): Promise<string> {
    const body = new URLSearchParams({
      command: "/brief",
      text,
      channel_id: "CGENERAL",
      channel_name: "general",
      user_id: user,
      team_id: "T0000TEAM",
      response_url: slackApi.responseUrl(`follow-${user}`),
      trigger_id: "trigger-follow",
    }).toString();
    const reply = await postToSlack(process, body, "application/x-www-form-urlencoded");
    return String((JSON.parse(reply) as { text?: unknown }).text);
  }

  /** Send a Telegram command and return the bot's reply to it (the next sendMessage to that chat). */
  async function telegramCommand(chatId: number, text: string): Promise<RecordedRequest> {
    const before = telegramApi.calls("sendMessage").length;
    telegramApi.queueUpdate(privateText(text, { chatId }));
    await telegramApi.waitFor(
      (requests) =>
        requests.filter((request) => request.method === "sendMessage").length > before &&
        telegramApi
          .calls("sendMessage")
          .slice(before)
          .some((call) => call.body.chat_id === chatId),
    );
    const reply = telegramApi
      .calls("sendMessage")
      .slice(before)
      .find((call) => call.body.chat_id === chatId);
    if (reply === undefined) throw new Error("no reply");
    return reply;
  }

  async function ingestAndNotify(process: Process, names: Array<keyof typeof issues>) {
    const report = await process.briefbot.ingest(names.map((name) => join(directory, name)));
    expect(report.errors).toEqual([]);
    const notifier = createFollowNotifier(process.briefbot, process.follows, process.deliveries);
    return {
      docIds: report.added.map((issue) => issue.doc_id),
      notified: await notifier.notifyNewIssues(report.added.map((issue) => issue.doc_id)),
    };
  }

  /** Digests on Telegram: messages to `chatId` that start with the digest's bell. */
  const telegramDigests = (chatId: number) =>
    telegramApi
      .calls("sendMessage")
      .filter((call) => call.status === 200 && call.body.chat_id === chatId)
      .map((call) => String(call.body.text))
      .filter((text) => text.startsWith("<b>🔔"));
  /** Digests on Slack: posts to the user's direct message. */
  const slackDigests = (user: string) =>
    slackApi
      .callsTo("chat.postMessage")
      .filter((call) => call.response?.status === 200 && call.params.channel === `D${user}`)
      .map((call) => JSON.stringify(call.params.blocks));

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-follow-wire-"));
    for (const [name, text] of Object.entries(issues)) await writeFile(join(directory, name), text);
    telegramApi = await FakeBotApi.start();
    slackApi = await FakeSlackWebApi.start();
  });

  afterAll(async () => {
    if (current !== null) await stopProcess(current);
    await telegramApi.close();
    await slackApi.close();
    expect(telegramApi.refusals()).toEqual([]);
    expect(slackApi.refusals()).toEqual([]);
    await rm(directory, { recursive: true, force: true });
  });

  it("answers the follow commands on both platforms", async () => {
    current = await startProcess();
    // Telegram: usage without a topic, then two chats follow; /following lists.
    expect((await telegramCommand(4242, "/follow")).body.text).toContain("Usage: /follow &lt;topic&gt;");
    expect((await telegramCommand(4242, `/follow ${topic}`)).body.text).toBe(
      `Following “${topic}”. When a new issue has a story on it, I'll send you the story with its source.`,
    );
    expect((await telegramCommand(4242, "/follow Sodium-ion  Batteries")).body.text).toBe(
      `You already follow “${topic}”.`,
    );
    await telegramCommand(4343, `/follow ${topic}`);
    await telegramCommand(4343, "/follow robot lawn mowers");
    const listed = await telegramCommand(4343, "/following");
    expect(listed.body.text).toBe(
      `<b>Topics you follow</b>\n• ${topic}\n• robot lawn mowers\n\nStop one with /unfollow &lt;topic&gt;.`,
    );
    // /unfollow without a topic offers a button per topic and "Unfollow all"; pressing one stops it.
    const picker = await telegramCommand(4343, "/unfollow");
    const keyboard = (
      picker.body.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
    ).inline_keyboard;
    expect(keyboard.map((row) => row.map((button) => button.text))).toEqual([
      [topic],
      ["robot lawn mowers"],
      ["Unfollow all"],
    ]);
    const sentIds = telegramApi.calls("sendMessage").length;
    telegramApi.queueCallbackQuery({
      chatId: 4343,
      messageId: messageIdOf(telegramApi, picker),
      data: keyboard[1]?.[0]?.callback_data ?? "",
    });
    const edit = await telegramApi.waitFor((requests) =>
      requests.some((request) => request.method === "editMessageText" && request.body.chat_id === 4343),
    );
    expect(edit.find((request) => request.method === "editMessageText")?.body.text).toBe(
      "Stopped following “robot lawn mowers”.",
    );
    expect(telegramApi.calls("sendMessage").length).toBe(sentIds);
    expect((await telegramCommand(4343, "/unfollow mining")).body.text).toBe("You don't follow “mining”.");
    expect((await telegramCommand(4343, "/following")).body.text).toContain(`• ${topic}\n\n`);

    // Slack: `/brief follow` without a topic gets usage; two people follow; `following` lists.
    expect(await slashCommand(current, "UHUMAN1", "follow")).toContain("Usage: /brief follow &lt;topic&gt;");
    expect(await slashCommand(current, "UHUMAN1", `follow ${topic}`)).toContain(`Following “${topic}”.`);
    expect(await slashCommand(current, "UHUMAN2", "follow Sodium-Ion batteries")).toContain(
      `Following “${topic}”.`,
    );
    expect(await slashCommand(current, "UHUMAN2", "follow heat pumps")).toContain("Following “heat pumps”.");
    expect(await slashCommand(current, "UHUMAN2", "following")).toBe(
      `*Topics you follow*\n• ${topic}\n• heat pumps\nStop one with /brief unfollow &lt;topic&gt;.`,
    );
    expect(await slashCommand(current, "UHUMAN2", "unfollow Heat pumps")).toBe(
      "Stopped following “heat pumps”.",
    );
    expect(await slashCommand(current, "UHUMAN3", "following")).toBe(
      "You don't follow any topics. Start with /brief follow &lt;topic&gt;.",
    );
    // The App Home lists what the viewer follows.
    await postToSlack(
      current,
      JSON.stringify(
        eventEnvelope({ type: "app_home_opened", user: "UHUMAN2", channel: "DHOME", tab: "home" }),
      ),
      "application/json",
    );
    const home = await slackApi.waitFor(() => slackApi.homeViews.get("UHUMAN2"));
    const sections = (home.blocks as Array<{ text?: { text?: string } }>).map((block) => block.text?.text);
    expect(sections.slice(sections.indexOf("*Following*"), sections.indexOf("*Following*") + 2)).toEqual([
      "*Following*",
      `• ${topic}\nStop one with /brief unfollow &lt;topic&gt;.`,
    ]);
  });

  it("sends each follower the two matching stories of three new issues, once, across a restart", async () => {
    if (current === null) throw new Error("the command test runs first");
    const first = await ingestAndNotify(current, ["cell-letter-a.md"]);
    expect(first.notified).toMatchObject({ messages: 4, stories: 4, failures: [], unreachable: 0 });

    // Restart: a new process over the same store, as after a deploy.
    await stopProcess(current);
    current = await startProcess();
    const second = await ingestAndNotify(current, ["garden-notes-b.md", "cell-letter-c.md"]);
    expect(second.notified).toMatchObject({ messages: 4, stories: 4, failures: [] });
    // A replay over every new issue (a retried job, another replica) sends nothing again.
    const replay = await createFollowNotifier(
      current.briefbot,
      current.follows,
      current.deliveries,
    ).notifyNewIssues([...first.docIds, ...second.docIds]);
    expect(replay).toEqual({ messages: 0, stories: 0, failures: [], unreachable: 0, removed: [] });

    for (const digests of [
      telegramDigests(4242),
      telegramDigests(4343),
      slackDigests("UHUMAN1"),
      slackDigests("UHUMAN2"),
    ]) {
      expect(digests).toHaveLength(2);
      expect(digests[0]).toContain("sodium-ion battery packs that tolerate frost");
      expect(digests[1]).toContain("sodium-ion cell line in Hefei");
      expect(digests.join("\n")).not.toContain("lawn mowers");
    }
    // The citation: publication — story (linked when the issue has a link), date.
    expect(telegramDigests(4242)[0]).toContain(`On “${topic}”`);
    expect(telegramDigests(4242)[0]).toMatch(
      /— Cell Letter — Sodium-ion packs reach delivery vans, 2026-04-02/,
    );
    expect(slackDigests("UHUMAN1")[1]).toContain(
      "— Cell Letter — A sodium-ion line starts in Hefei, 2026-04-09",
    );
    // Slack digests go to the person's direct message, opened once per process.
    expect(slackApi.callsTo("conversations.open").map((call) => call.params.users)).toEqual([
      "UHUMAN1",
      "UHUMAN2",
      "UHUMAN1",
      "UHUMAN2",
    ]);
  });

  it("groups a burst of two new matching issues into one message per follower", async () => {
    if (current === null) throw new Error("the command test runs first");
    const before = [telegramDigests(4242), slackDigests("UHUMAN1")].map((digests) => digests.length);
    const burst = await ingestAndNotify(current, ["cell-letter-d.md", "cell-letter-e.md"]);
    expect(burst.notified).toMatchObject({ messages: 4, stories: 8, failures: [] });
    const telegram = telegramDigests(4242).slice(before[0]);
    const slack = slackDigests("UHUMAN1").slice(before[1]);
    for (const digests of [telegram, slack]) {
      expect(digests).toHaveLength(1);
      expect(digests[0]).toContain("sodium-ion battery cells slid again");
      expect(digests[0]).toContain("entry models to sodium-ion batteries");
    }
  });

  it("drops the follows of a chat that blocked the bot and of a deactivated Slack user", async () => {
    if (current === null) throw new Error("the command test runs first");
    telegramApi.failNext({
      method: "sendMessage",
      when: (body) => body.chat_id === 4343,
      status: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    slackApi.deactivatedUsers.add("UHUMAN2");
    const before = [telegramDigests(4242), slackDigests("UHUMAN1")].map((digests) => digests.length);
    // A new process: the Slack direct message is opened afresh.
    await stopProcess(current);
    current = await startProcess();
    const { notified } = await ingestAndNotify(current, ["cell-letter-f.md"]);
    expect(notified).toMatchObject({
      messages: 2,
      failures: [],
      removed: ["telegram:4343", "slack:UHUMAN2"],
    });
    expect(telegramDigests(4242).slice(before[0])).toHaveLength(1);
    expect(slackDigests("UHUMAN1").slice(before[1])).toHaveLength(1);
    expect(await current.follows.topicsOf({ platform: "telegram", address: "4343" })).toEqual([]);
    expect(await current.follows.topicsOf({ platform: "slack", address: "UHUMAN2" })).toEqual([]);
    expect(await current.follows.topicsOf({ platform: "telegram", address: "4242" })).toEqual([topic]);
  });
});

/** The id the fake gave a sent message: it numbers successful sendMessage calls from 1000. */
function messageIdOf(api: FakeBotApi, request: RecordedRequest): number {
  const index = api
    .calls("sendMessage")
    .filter((call) => call.status === 200)
    .indexOf(request);
  if (index < 0) throw new Error("not a sent message");
  return 1000 + index;
}
