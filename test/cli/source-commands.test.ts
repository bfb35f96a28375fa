import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedServer, rssFeed } from "../sources/feed-server.ts";

const root = new URL("../../", import.meta.url).pathname;

function briefbot(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "bin/briefbot.mjs"), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data: Buffer) => {
      stdout += data.toString();
    });
    child.stderr.on("data", (data: Buffer) => {
      stderr += data.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

describe("briefbot subscribe, sources, poll, unsubscribe and ingest <url>", () => {
  const server = new FeedServer();
  let directory: string;
  let db: string;

  beforeAll(async () => {
    await server.start();
    server.routes.set("/feed.xml", {
      body: rssFeed("Chip Notes", [
        {
          guid: "chips-1",
          title: "Chip Notes 1: Arm licenses a core",
          date: "Tue, 03 Mar 2026 08:00:00 GMT",
          body: "Arm licensed its newest processor core to three phone makers this week.",
        },
      ]),
      contentType: "application/rss+xml",
      etag: true,
    });
    server.routes.set("/down.xml", { body: "", contentType: "", status: 503 });
    server.routes.set("/issue-7", {
      body: "<html><body><h1>Grid Letter 7</h1><p>March 9, 2026</p><p>Transformers are scarce.</p></body></html>",
      contentType: "text/html",
    });
    directory = await mkdtemp(join(tmpdir(), "briefbot-cli-sources-"));
    db = join(directory, "db");
  });

  afterAll(async () => {
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it("subscribes with a first poll, lists, polls conditionally, reports failures, unsubscribes", async () => {
    const subscribed = await briefbot([
      "subscribe",
      server.url("/feed.xml"),
      "--name",
      "Chip Notes",
      "--every",
      "2h",
      "--db",
      db,
      "--json",
    ]);
    expect(subscribed.code).toBe(0);
    const first = JSON.parse(subscribed.stdout);
    expect(first).toMatchObject({
      created: true,
      subscription: { name: "Chip Notes", everySeconds: 7200, poll: { kind: "feed" } },
      poll: { added: [{ title: "Chip Notes 1: Arm licenses a core", date: "2026-03-03" }] },
    });

    const failing = await briefbot(["subscribe", server.url("/down.xml"), "--db", db]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("First poll — 127.0.0.1");
    expect(failing.stdout).toMatch(/failed: .*HTTP 503/);

    const polled = await briefbot(["poll", "--all", "--db", db, "--json"]);
    expect(polled.code).toBe(1); // one source failed
    const report = JSON.parse(polled.stdout);
    expect(report.added).toEqual([]);
    expect(report.skipped).toEqual([
      { path: server.url("/feed.xml"), reason: "not modified", detail: "HTTP 304" },
    ]);
    expect(report.sources.map((source: { status: string }) => source.status)).toEqual([
      "not modified",
      "failed",
    ]);
    expect(server.requestsTo("/feed.xml").at(-1)?.headers["if-none-match"]).toBeDefined();

    const listed = await briefbot(["sources", "--db", db]);
    expect(listed.stdout).toContain("Chip Notes  [");
    expect(listed.stdout).toContain("every 2h");
    expect(listed.stdout).toMatch(/last error: .*HTTP 503.*\(2 failures in a row\)/);

    const fetched = await briefbot(["ingest", server.url("/issue-7"), "--db", db]);
    expect(fetched.code).toBe(0);
    expect(fetched.stdout).toContain("Added 1:");
    expect(fetched.stdout).toContain("2026-03-09  ");

    const removed = await briefbot(["unsubscribe", "Chip Notes", "--db", db]);
    expect(removed.stdout).toContain("Unsubscribed from Chip Notes");
    const docs = await briefbot(["docs", "--db", db]);
    expect(docs.stdout).toContain("Chip Notes 1: Arm licenses a core");
    expect(docs.stdout).toMatch(
      /Searched 2 issues of 2 publications, 2026-03-03 – 2026-03-09; newest ingested just now/,
    );
  }, 240_000);
});
