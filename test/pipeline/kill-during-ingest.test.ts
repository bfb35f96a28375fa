import { spawn } from "node:child_process";
import { appendFile, copyFile, cp, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { ingestPaths } from "../../src/pipeline/ingest-paths.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";

/**
 * Crash consistency: a real ingest process is killed (SIGKILL) before each commit of its write
 * phase in turn — journal, chunks, documents, file records, journal clear, every index build and
 * compaction (13 points from an empty store, 8 in an update: 21). Right after the kill a reader sees either the state before the ingest or after it,
 * with documents and chunks agreeing; after a re-run the store equals a clean ingest.
 */

const root = new URL("../../", import.meta.url).pathname;
const child = join(root, "test/pipeline/fixtures/ingest-until-killed.ts");
const embedder = createHashingEmbedder({ dimensions: 32 });

function runChild(
  db: string,
  killAt: number,
  paths: string[],
): Promise<{ steps: string[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ["--import", "tsx", child, db, String(killAt), ...paths], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    process_.stdout.on("data", (data: Buffer) => {
      stdout += data.toString();
    });
    process_.stderr.on("data", (data: Buffer) => {
      stderr += data.toString();
    });
    process_.on("error", reject);
    process_.on("close", (code, signal) => {
      if (code !== 0 && signal !== "SIGKILL") reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ steps: stdout.split("\n").filter((line) => line !== ""), signal });
    });
  });
}

interface Snapshot {
  documents: string[];
  chunks: string[];
  files: string[];
  indexes: string[];
}

/** Everything that must agree, as a reader opening the store sees it. */
async function readerView(db: string): Promise<Snapshot & { agree: boolean }> {
  const store = await LanceChunkStore.open({ uri: db, embedder });
  try {
    const documents = await store.documents();
    const ids = await store.chunkIdsOf(documents.map((document) => document.docId));
    const total = await store.countChunks();
    const listed = documents.reduce((sum, document) => sum + document.chunks, 0);
    const agree =
      total === listed && documents.every((document) => ids.get(document.docId)?.size === document.chunks);
    return {
      documents: documents
        .map((document) => `${document.docId} ${document.docHash} ${document.chunks}`)
        .sort(),
      chunks: [...ids.values()].flatMap((set) => [...set]).sort(),
      files: (await store.sourceFiles())
        .map((file) => `${file.key} ${file.contentHash} ${file.docIds}`)
        .sort(),
      indexes: [],
      agree,
    };
  } finally {
    await store.close();
  }
}

/** The latest state of every table, read directly, with the indexes. */
async function tables(db: string): Promise<Snapshot> {
  const connection = await lancedb.connect(db);
  try {
    const rows = async (name: string, columns: string[]) =>
      (
        (await (await connection.openTable(name)).query().select(columns).toArray()) as Record<
          string,
          unknown
        >[]
      )
        .map((row) => columns.map((column) => String(row[column])).join(" "))
        .sort();
    const chunks = await connection.openTable("chunks");
    return {
      documents: await rows("documents", ["doc_id", "doc_hash", "chunks"]),
      chunks: await rows("chunks", ["id"]),
      files: await rows("files", ["key", "content_hash", "doc_ids"]),
      indexes: (await chunks.listIndices()).flatMap((index) => index.columns).sort(),
    };
  } finally {
    connection.close();
  }
}

async function cleanIngest(db: string, paths: string[]): Promise<Snapshot> {
  const store = await LanceChunkStore.open({ uri: db, embedder });
  await ingestPaths(paths, { store, embedder, commitChunks: 1 });
  await store.close();
  return tables(db);
}

async function rerun(db: string, paths: string[]): Promise<void> {
  const store = await LanceChunkStore.open({ uri: db, embedder });
  try {
    await ingestPaths(paths, { store, embedder });
  } finally {
    await store.close();
  }
}

/** The first occurrence of each step name, with its 1-based position. */
function firstOfEach(steps: string[]): Array<{ step: string; killAt: number }> {
  const seen = new Set<string>();
  const points: Array<{ step: string; killAt: number }> = [];
  for (const [index, step] of steps.entries()) {
    if (seen.has(step)) continue;
    seen.add(step);
    points.push({ step, killAt: index + 1 });
  }
  return points;
}

/** Spawn at most `limit` children at once (the machine has few cores). */
async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item);
    }),
  );
}

describe("an ingest killed during its write phase", () => {
  let directory: string;
  let sources: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-kill-"));
    sources = join(directory, "briefs");
    await mkdir(sources);
    for (const name of await readdir(join(root, "data")))
      await copyFile(join(root, "data", name), join(sources, name));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("from an empty store: at every step a reader sees all or nothing, and a re-run equals a clean ingest", async () => {
    const clean = await cleanIngest(join(directory, "clean-first"), [sources]);
    const counting = await runChild(join(directory, "counting-first"), 0, [sources]);
    expect(counting.signal).toBeNull();
    // 3 documents × (journal, chunks, documents, files, journal-clear) + 5 index builds + 3 compactions.
    expect(counting.steps.length).toBeGreaterThanOrEqual(20);
    expect(firstOfEach(counting.steps).length).toBeGreaterThanOrEqual(13);
    expect(await tables(join(directory, "counting-first"))).toEqual(clean);
    // Each kind of step once (the first batch's, every index build and compaction): later batches
    // repeat the first one's steps, and the update test below kills inside a later batch.
    const points = firstOfEach(counting.steps);
    await inParallel(points, 2, async ({ step, killAt }) => {
      const db = join(directory, `first-${killAt}`);
      const run = await runChild(db, killAt, [sources]);
      expect(run.signal, `killed at ${step}`).toBe("SIGKILL");
      expect(run.steps.at(-1)).toBe(step);
      const seen = await readerView(db);
      expect(seen.agree, `documents and chunks agree after a kill at ${step}`).toBe(true);
      await rerun(db, [sources]);
      expect(await tables(db), `re-run after a kill at ${step}`).toEqual(clean);
      const again = await readerView(db);
      expect(again.agree).toBe(true);
      expect(again.documents).toEqual(clean.documents);
      for (const document of seen.documents) expect(clean.documents).toContain(document);
      await rm(db, { recursive: true, force: true });
    });
  }, 600_000);

  it("updating a store: a reader sees the old or the new state, and a re-run equals a clean ingest of the new files", async () => {
    const before = join(directory, "before");
    const old = await cleanIngest(before, [sources]);
    const oldView = await readerView(before);
    // One issue changes, two are added (one each from two extra files).
    await appendFile(
      join(sources, "briefbot-weekly-001.md"),
      "\n## Late item\n\nA late story about batteries and chips.\n",
    );
    for (const name of ["extra-1.md", "extra-2.md"]) {
      const sentences = Array.from({ length: 6 }, (_, n) => `${name} sentence ${n} is about solar panels.`);
      await appendFile(join(sources, name), `# ${name}\n\n${sentences.join(" ")}\n`);
    }
    const fresh = await cleanIngest(join(directory, "clean-new"), [sources]);
    const freshView = await readerView(join(directory, "clean-new"));
    const counting = join(directory, "counting-update");
    await cp(before, counting, { recursive: true });
    const steps = (await runChild(counting, 0, [sources])).steps;
    expect(await tables(counting)).toEqual(fresh);
    // The last batch's steps: earlier batches are committed, so documents are a mix of old and new.
    const points = firstOfEach([...steps].reverse()).map(({ step, killAt }) => ({
      step,
      killAt: steps.length + 1 - killAt,
    }));
    expect(points.length).toBeGreaterThanOrEqual(8);
    await inParallel(points, 2, async ({ step, killAt }) => {
      const db = join(directory, `update-${killAt}`);
      await cp(before, db, { recursive: true });
      const run = await runChild(db, killAt, [sources]);
      expect(run.signal, `killed at ${step}`).toBe("SIGKILL");
      const seen = await readerView(db);
      expect(seen.agree, `documents and chunks agree after a kill at ${step}`).toBe(true);
      // Whole issues only: every document listed is either as it was or as it is now.
      const known = new Set([...oldView.documents, ...freshView.documents]);
      for (const document of seen.documents)
        expect(known.has(document), `${document} after ${step}`).toBe(true);
      await rerun(db, [sources]);
      expect(await tables(db), `re-run after a kill at ${step}`).toEqual(fresh);
      await rm(db, { recursive: true, force: true });
    });
    expect(old.documents.length).toBe(3);
  }, 600_000);
});
