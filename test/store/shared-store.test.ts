import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Briefbot } from "../../src/briefbot.ts";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";
import { codeNameOf, sampleIssue } from "./fixtures/sample-issue.ts";

/** Short for tests; the default is 2 s. */
const consistencySeconds = 0.2;
const embedder = createHashingEmbedder();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openBriefbot(uri: string): Promise<Briefbot> {
  const store = await LanceChunkStore.open({ uri, embedder, readConsistencySeconds: consistencySeconds });
  return new Briefbot({ store, embedder, cacheCheckMs: consistencySeconds * 1000 });
}

/** Run the second process (a real `node`), resolving with its last stdout line. */
function runWriter(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "fixtures/write-issues.ts"), ...args],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(stdout.trim().split("\n").at(-1) ?? "") : reject(new Error(`writer: ${stderr}`)),
    );
  });
}

describe("one store, several processes", () => {
  let directory: string;
  const open: Briefbot[] = [];

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-shared-"));
  });
  afterEach(async () => {
    for (const briefbot of open.splice(0)) await briefbot.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("answers from an issue another handle ingested, after opening the store empty", async () => {
    const uri = join(directory, "db");
    const reader = await openBriefbot(uri);
    const writer = await openBriefbot(uri);
    open.push(reader, writer);
    const question = `How many cores does the ${codeNameOf(3)} have?`;
    expect((await reader.answer({ question, conversationId: "r" })).answered).toBe(false);

    const path = join(directory, "issue.md");
    await writeFile(path, sampleIssue(3));
    await writer.ingest([path]);
    await sleep(consistencySeconds * 1000 * 2);

    const answer = await reader.answer({ question, conversationId: "r" });
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.title).toBe("Replica Weekly #3");
    expect(answer.text).toContain("24 cores");
  });

  it("follows a re-embed in another handle to the new table, and reads the old one meanwhile", async () => {
    const uri = join(directory, "db");
    const writer = await openBriefbot(uri);
    open.push(writer);
    const path = join(directory, "issue.md");
    await writeFile(path, sampleIssue(4));
    await writer.ingest([path]);
    const reader = await openBriefbot(uri);
    open.push(reader);
    const before = await reader.store.version();
    await writer.reembed();
    // The retired table is still readable, so a reader that has not looked yet loses nothing.
    expect(await reader.store.countChunks()).toBeGreaterThan(0);
    await sleep(consistencySeconds * 1000 * 2);
    expect(await reader.store.version()).not.toBe(before);
    expect(await reader.store.version()).toBe(await writer.store.version());
    const question = `How many cores does the ${codeNameOf(4)} have?`;
    expect((await reader.answer({ question, conversationId: "r" })).answered).toBe(true);
    // After the grace period, clean-up drops the retired table; the reader is on the new one.
    await sleep(50);
    const report = await writer.store.maintain({ graceMs: 10 });
    expect(report.tablesDropped).toHaveLength(1);
    expect((await reader.answer({ question, conversationId: "r" })).answered).toBe(true);
  });

  it("never fails a read while another process ingests 20 issues with clean-up after each", async () => {
    const uri = join(directory, "db");
    const reader = await openBriefbot(uri);
    open.push(reader);
    const writing = runWriter([uri, join(directory, "issues"), "20", "1000"]);
    let done = false;
    let reads = 0;
    const failures: string[] = [];
    const answered = new Set<number>();
    void writing.finally(() => {
      done = true;
    });
    for (let index = 1; !done; index = (index % 20) + 1) {
      try {
        const answer = await reader.answer({
          question: `What shipped with the ${codeNameOf(index)}?`,
          conversationId: `q${index}`,
        });
        await reader.store.documents();
        if (answer.answered) answered.add(index);
        reads += 1;
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
    const { versionsRemoved } = JSON.parse(await writing) as { versionsRemoved: number };
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(20);
    // The clean-up did delete old versions while the reader was reading.
    expect(versionsRemoved).toBeGreaterThan(0);
    // And the reader kept up: it saw issues as they arrived, and sees the last one now.
    expect(answered.size).toBeGreaterThan(1);
    await sleep(consistencySeconds * 1000 * 2);
    const last = await reader.answer({
      question: `What shipped with the ${codeNameOf(20)}?`,
      conversationId: "z",
    });
    expect(last.answered).toBe(true);
  }, 120_000);
});
