import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startServing } from "../../../adapters/serve.ts";
import { loadConfig } from "../../../src/config.ts";
import { createBriefbot } from "../../../src/create-briefbot.ts";
import { StateFollowStore } from "../../../src/follow/state-follow-store.ts";
import { silentLogger } from "../../../src/logger.ts";
import { openSourcePoller } from "../../../src/sources/open-source-poller.ts";
import { FeedServer, rssFeed } from "../../sources/feed-server.ts";
import { FakeSlackWebApi } from "../../wire/slack-web-api-server.ts";
import { FakeBotApi } from "../../wire/telegram-bot-api-server.ts";

/**
 * `serve` as deployed: both bots configured, a subscribed feed, and followers in the store. The
 * poll loop ingests three new items (two on the followed topic) and each follower gets one
 * message with the two stories, read off the local Telegram and Slack servers.
 */
describe("serve tells followers after a poll that added issues", () => {
  const feeds = new FeedServer();
  let directory: string;
  let telegram: FakeBotApi;
  let slack: FakeSlackWebApi;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-serve-follow-"));
    telegram = await FakeBotApi.start();
    slack = await FakeSlackWebApi.start();
    await feeds.start();
    feeds.routes.set("/feed.xml", {
      body: rssFeed("Tidal Power Digest", [
        {
          guid: "tidal-31",
          title: "Tidal Power Digest 31",
          date: "Mon, 04 May 2026 08:00:00 GMT",
          body: "A tidal turbine array off Orkney exported power through a full spring tide cycle.",
        },
        {
          guid: "tidal-32",
          title: "Tidal Power Digest 32",
          date: "Mon, 11 May 2026 08:00:00 GMT",
          body: "Kite makers tested new fabrics on a windy beach in Brittany.",
        },
        {
          guid: "tidal-33",
          title: "Tidal Power Digest 33",
          date: "Mon, 18 May 2026 08:00:00 GMT",
          body: "A second tidal turbine array won a grid contract in the Bay of Fundy.",
        },
      ]),
      contentType: "application/rss+xml",
      etag: true,
    });
  });

  afterAll(async () => {
    await feeds.stop();
    await telegram.close();
    await slack.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("sends one grouped message per follower, on each platform", async () => {
    const config = loadConfig({
      PORT: "0",
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      SLACK_BOT_TOKEN: "xoxb-serve-follow-token",
      SLACK_SIGNING_SECRET: "serve-follow-signing-secret",
      SLACK_API_URL: slack.apiUrl,
      BRIEFBOT_FEEDBACK_FILE: join(directory, "feedback.jsonl"),
    });
    const databaseUri = join(directory, "db");
    const briefbot = await createBriefbot({ config, logger: silentLogger(), databaseUri });
    const sources = await openSourcePoller(briefbot, config, databaseUri);
    await sources.subscribe(feeds.url("/feed.xml"), { name: "Tidal Power Digest" });
    // Followed earlier, through the same shared state `serve` reads them from.
    const follows = new StateFollowStore(briefbot.state);
    const since = new Date("2026-05-01T00:00:00Z");
    await follows.follow({ platform: "telegram", address: "5151" }, "tidal turbines", since);
    await follows.follow({ platform: "slack", address: "UREADER" }, "tidal turbines", since);
    const running = await startServing({ briefbot, config, logger: silentLogger(), sources });
    try {
      await vi.waitFor(
        () => {
          expect(telegram.calls("sendMessage").filter((call) => call.body.chat_id === 5151)).toHaveLength(1);
          expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
        },
        { timeout: 30_000, interval: 100 },
      );
    } finally {
      await running.stop();
      await briefbot.close();
    }
    const telegramText = String(telegram.calls("sendMessage")[0]?.body.text);
    const slackPost = slack.callsTo("chat.postMessage")[0];
    expect(slackPost?.params.channel).toBe("DUREADER");
    const slackText = JSON.stringify(slackPost?.params.blocks);
    for (const text of [telegramText, slackText]) {
      expect(text).toContain("tidal turbine array off Orkney");
      expect(text).toContain("won a grid contract in the Bay of Fundy");
      expect(text).not.toContain("Kite makers");
    }
    expect(telegram.refusals()).toEqual([]);
    expect(slack.refusals()).toEqual([]);
  });
});
