import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ingestArguments,
  type SourceCommandContext,
  sourceCommands,
} from "../../adapters/cli/source-commands.ts";
import { Briefbot } from "../../src/briefbot.ts";
import { loadConfig } from "../../src/config.ts";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { silentLogger } from "../../src/logger.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";
import { FeedServer, rssFeed } from "../sources/feed-server.ts";

const root = new URL("../../", import.meta.url).pathname;

/** The real CLI as a process: only to show the commands are registered (each spawn costs seconds). */
function briefbot(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "bin/briefbot.mjs"), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn" },
    });
    let stdout = "";
    child.stdout.on("data", (data: Buffer) => {
      stdout += data.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
    child.stdin.end();
  });
}

/** Runs a source command in this process and returns its exit status and what it printed. */
async function run(
  name: string,
  args: string[],
  values: SourceCommandContext["values"],
): Promise<{ code: number; stdout: string }> {
  const written: string[] = [];
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    const command = sourceCommands[name];
    if (command === undefined) throw new Error(`no command ${name}`);
    const code = await command({ args, values, config: loadConfig({}), logger: silentLogger() });
    return { code, stdout: written.join("") };
  } finally {
    write.mockRestore();
  }
}

describe("briefbot subscribe, sources, poll and unsubscribe", () => {
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
    directory = await mkdtemp(join(tmpdir(), "briefbot-cli-sources-"));
    db = join(directory, "db");
  });

  afterAll(async () => {
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it("subscribes with a first poll, polls conditionally, lists state and failures, unsubscribes", async () => {
    const subscribed = await run("subscribe", [server.url("/feed.xml")], {
      db,
      json: true,
      name: "Chip Notes",
      every: "2h",
    });
    expect(subscribed.code).toBe(0);
    expect(JSON.parse(subscribed.stdout)).toMatchObject({
      created: true,
      subscription: { name: "Chip Notes", everySeconds: 7200, poll: { kind: "feed" } },
      poll: { added: [{ title: "Chip Notes 1: Arm licenses a core", date: "2026-03-03" }] },
    });

    const again = await run("subscribe", [server.url("/feed.xml")], { db });
    expect(again.stdout).toMatch(/^Already subscribed: Chip Notes/);

    const failing = await run("subscribe", [server.url("/down.xml")], { db });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/First poll — 127\.0\.0\.1:\d+\/down\.xml: failed: .*HTTP 503/);

    const polled = await run("poll", [], { db, json: true, all: true });
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

    const due = await run("poll", [], { db });
    expect(due.stdout).toContain("No source is due.");

    const listed = await run("sources", [], { db });
    expect(listed.stdout).toContain("Chip Notes  [");
    expect(listed.stdout).toContain("feed  every 2h");
    expect(listed.stdout).toMatch(/last error: .*HTTP 503.*\(2 failures in a row\)/);

    const removed = await run("unsubscribe", ["Chip Notes"], { db });
    expect(removed.stdout).toContain("Unsubscribed from Chip Notes");
    expect((await run("unsubscribe", ["Chip Notes"], { db })).code).toBe(1);
  }, 120_000);

  it("ingest takes URLs (fetched once) beside paths, in one report", async () => {
    server.routes.set("/issue-7", {
      body: "<html><body><h1>Grid Letter 7</h1><p>March 9, 2026</p><p>Transformers are scarce this year.</p></body></html>",
      contentType: "text/html",
    });
    const file = join(directory, "note.md");
    await writeFile(file, "# Battery Note\n\nSodium-ion prices fell in March orders.\n");
    const embedder = createHashingEmbedder({ dimensions: 32 });
    const core = new Briefbot({
      store: await LanceChunkStore.open({ uri: join(directory, "db-ingest"), embedder }),
      embedder,
    });
    try {
      const report = await ingestArguments(
        core,
        { args: [file, server.url("/issue-7"), server.url("/down.xml")], config: loadConfig({}), values: {} },
        () => {},
      );
      expect(report.added.map((issue) => [issue.title, issue.path])).toEqual([
        ["Battery Note", file],
        ["Grid Letter 7", server.url("/issue-7")],
      ]);
      expect(report.errors).toEqual([
        { path: server.url("/down.xml"), error: expect.stringMatching(/HTTP 503/) },
      ]);
      expect(report.files).toBe(2);
    } finally {
      await core.close();
    }
  });

  it("registers the commands in the CLI", async () => {
    const listed = await briefbot(["sources", "--db", db]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("/down.xml");
  }, 120_000);
});
