import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startServing } from "../../adapters/serve.ts";
import { loadConfig } from "../../src/config.ts";
import { createBriefbot } from "../../src/create-briefbot.ts";
import { silentLogger } from "../../src/logger.ts";
import { LanceSourceRegistry } from "../../src/sources/lancedb-source-registry.ts";
import { openSourcePoller } from "../../src/sources/open-source-poller.ts";
import { FakeBotApi } from "../wire/telegram-bot-api-server.ts";
import { FeedServer, rssFeed } from "./feed-server.ts";

describe("serve polls subscribed sources", () => {
  const feeds = new FeedServer();
  let directory: string;
  let telegram: FakeBotApi;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-serve-poll-"));
    telegram = await FakeBotApi.start();
    await feeds.start();
    feeds.routes.set("/feed.xml", {
      body: rssFeed("Chip Notes", [
        {
          guid: "chips-9",
          title: "Chip Notes 9: a quiet week",
          date: "Tue, 03 Mar 2026 08:00:00 GMT",
          body: "Memory prices held steady while fabs waited for orders.",
        },
      ]),
      contentType: "application/rss+xml",
      etag: true,
    });
  });

  afterAll(async () => {
    await feeds.stop();
    await telegram.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("ingests a due source while the bots run, and closes the registry on stop", async () => {
    const config = loadConfig({
      PORT: "0",
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      BRIEFBOT_FEEDBACK_FILE: join(directory, "feedback.jsonl"),
    });
    const databaseUri = join(directory, "db");
    const briefbot = await createBriefbot({ config, logger: silentLogger(), databaseUri });
    const sources = await openSourcePoller(briefbot, config, databaseUri);
    await sources.subscribe(feeds.url("/feed.xml"), { name: "Chip Notes" });
    const running = await startServing({ briefbot, config, logger: silentLogger(), sources });
    try {
      await vi.waitFor(
        async () =>
          expect((await briefbot.documents()).map((document) => document.title)).toEqual([
            "Chip Notes 9: a quiet week",
          ]),
        { timeout: 30_000, interval: 100 },
      );
    } finally {
      await running.stop();
      await briefbot.close();
    }
    const registry = await LanceSourceRegistry.open(databaseUri);
    const listed = await registry.list();
    await registry.close();
    expect(listed[0]?.poll).toMatchObject({ lastError: null, failures: 0 });
    expect(listed[0]?.poll.lastNewIssueAt).not.toBeNull();
  });
});
