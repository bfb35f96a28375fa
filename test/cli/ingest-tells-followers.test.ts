import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StateFollowStore } from "../../src/follow/state-follow-store.ts";
import { LanceStateStore } from "../../src/state/lancedb-state.ts";
import { FakeSlackWebApi } from "../wire/slack-web-api-server.ts";
import { FakeBotApi } from "../wire/telegram-bot-api-server.ts";

const root = new URL("../../", import.meta.url).pathname;

function briefbot(args: string[], environment: Record<string, string>): Promise<{ code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "bin/briefbot.mjs"), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn", ...environment },
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code }));
    child.stdin.end();
  });
}

/**
 * `briefbot ingest` by hand, with the bots configured as for `serve`: followers hear of the new
 * issue from the CLI process itself (Bot API and Web API clients only, no polling), through the
 * same retries as answers — here a 429 on each platform's first send.
 */
describe("briefbot ingest tells followers", () => {
  let directory: string;
  let telegram: FakeBotApi;
  let slack: FakeSlackWebApi;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-cli-follow-"));
    telegram = await FakeBotApi.start();
    slack = await FakeSlackWebApi.start();
    await writeFile(
      join(directory, "orbit-notes-8.md"),
      "---\npublication: Orbit Notes\ndate: 2026-06-01\n---\n# Orbit Notes 8\n\n## Reusable boosters land twice in a week\n\nA launch company landed reusable boosters twice in one week from the same pad.\n\n## Ground stations\n\nA ground station network added antennas in Chile.\n",
    );
    // As `serve` keeps them: in the store's state table.
    const follows = new StateFollowStore(await LanceStateStore.open({ uri: join(directory, "db") }), {
      ownsState: true,
    });
    await follows.follow({ platform: "telegram", address: "6262" }, "reusable boosters", new Date());
    await follows.follow({ platform: "slack", address: "UORBIT" }, "reusable boosters", new Date());
    await follows.close();
  });

  afterAll(async () => {
    await telegram.close();
    await slack.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("sends each follower the new story once, waiting out a 429 on both platforms", async () => {
    telegram.failNext({
      method: "sendMessage",
      status: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    slack.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    const environment = {
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      SLACK_BOT_TOKEN: "xoxb-cli-follow-token",
      SLACK_SIGNING_SECRET: "cli-follow-signing-secret",
      SLACK_API_URL: slack.apiUrl,
    };
    const file = join(directory, "orbit-notes-8.md");
    const db = join(directory, "db");
    expect((await briefbot(["ingest", file, "--db", db], environment)).code).toBe(0);
    // Again: the file is unchanged, nothing is added, nobody is told twice.
    expect((await briefbot(["ingest", file, "--db", db], environment)).code).toBe(0);

    const telegramSends = telegram.calls("sendMessage");
    expect(telegramSends.map((call) => call.status)).toEqual([429, 200]);
    expect(String(telegramSends[1]?.body.text)).toContain("landed reusable boosters twice in one week");
    expect(telegramSends[1]?.body.chat_id).toBe(6262);
    const slackPosts = slack.callsTo("chat.postMessage");
    expect(slackPosts.map((call) => call.response?.status)).toEqual([429, 200]);
    expect(slackPosts[1]?.params.channel).toBe("DUORBIT");
    expect(JSON.stringify(slackPosts[1]?.params.blocks)).toContain("Reusable boosters land twice in a week");
    expect(telegram.windowViolations).toEqual([]);
    expect(slack.windowViolations).toEqual([]);
    // The CLI never polls for updates: `serve` keeps them.
    expect(telegram.calls("getUpdates")).toEqual([]);
  });
});
