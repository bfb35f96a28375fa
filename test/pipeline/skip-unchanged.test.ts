import { copyFile, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { type IngestReport, ingestPaths } from "../../src/pipeline/ingest-paths.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";

const sampleData = new URL("../../data/", import.meta.url).pathname;
const embedder = createHashingEmbedder({ dimensions: 32 });

/** Every table's version: a write of any kind makes a new one. */
async function versions(db: string): Promise<Record<string, number>> {
  const connection = await lancedb.connect(db);
  try {
    const result: Record<string, number> = {};
    for (const name of await connection.tableNames()) {
      const table = await connection.openTable(name);
      result[name] = await table.version();
      table.close();
    }
    return result;
  } finally {
    connection.close();
  }
}

async function chunkIdsByPath(db: string): Promise<Map<string, string[]>> {
  const connection = await lancedb.connect(db);
  try {
    const rows = (await (
      await connection.openTable("chunks")
    )
      .query()
      .select(["id", "path"])
      .toArray()) as Array<{
      id: string;
      path: string;
    }>;
    const result = new Map<string, string[]>();
    for (const row of rows) result.set(row.path, [...(result.get(row.path) ?? []), row.id].sort());
    return result;
  } finally {
    connection.close();
  }
}

describe("re-ingesting", () => {
  let directory: string;
  let db: string;
  let parses: number;

  const ingest = async (paths: string[], uri = db): Promise<IngestReport> => {
    const store = await LanceChunkStore.open({ uri, embedder });
    try {
      return await ingestPaths(paths, {
        store,
        embedder,
        beforeFirstParse: () => {
          parses += 1;
        },
      });
    } finally {
      await store.close();
    }
  };

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-reingest-"));
    db = join(directory, "db");
    parses = 0;
    for (const name of ["briefbot-weekly-001.md", "china-tech-notes-2025-03-21.txt", "kuaixun-2025-03.html"])
      await copyFile(join(sampleData, name), join(directory, name));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("writes nothing and parses nothing when no file changed", async () => {
    const first = await ingest([directory]);
    expect(first.errors).toEqual([]);
    expect(parses).toBe(1);
    const before = await versions(db);
    const again = await ingest([directory]);
    expect(parses).toBe(1);
    expect(await versions(db)).toEqual(before);
    expect(again).toEqual({ ...first, chunks_added: 0, chunks_unchanged: first.chunks_added });
  });

  it("only records the new time of a file touched but not changed", async () => {
    const first = await ingest([directory]);
    const before = await versions(db);
    const later = new Date(Date.now() + 60_000);
    await utimes(join(directory, "briefbot-weekly-001.md"), later, later);
    const touched = await ingest([directory]);
    expect(parses).toBe(1);
    expect(touched.chunks_unchanged).toBe(first.chunks_added);
    const after = await versions(db);
    expect({ ...after, files: 0 }).toEqual({ ...before, files: 0 });
    expect(after.files).toBeGreaterThan(before.files!);
    // …and the run after that skips it unread again.
    await ingest([directory]);
    expect(await versions(db)).toEqual(after);
  });

  it("replaces exactly the chunks of a changed file, as a clean ingest of the new file would have them", async () => {
    await ingest([directory]);
    const before = await chunkIdsByPath(db);
    const path = join(directory, "briefbot-weekly-001.md");
    const text = await readFile(path, "utf8");
    const firstStory = text.split("\n").find((line) => line.startsWith("## "));
    expect(firstStory).toBeDefined();
    await writeFile(
      path,
      text.replace(firstStory!, `${firstStory}\n\nA new opening sentence about solar panels.`),
    );
    const changed = await ingest([directory]);
    expect(changed.chunks_added).toBeGreaterThan(0);
    expect(changed.chunks_added).toBe(changed.chunks_removed);
    const after = await chunkIdsByPath(db);
    for (const [other, ids] of before) if (other !== path) expect(after.get(other)).toEqual(ids);
    const clean = join(directory, "clean-db");
    await ingest([directory], clean);
    expect(after).toEqual(await chunkIdsByPath(clean));
    // Chunks of the stories that did not change keep their ids.
    const kept = after.get(path)!.filter((id) => before.get(path)!.includes(id));
    expect(kept.length).toBe(before.get(path)!.length - changed.chunks_removed);
  });

  it("reads a file again when its issue was removed, or when it is given by another path", async () => {
    await ingest([directory]);
    const store = await LanceChunkStore.open({ uri: db, embedder });
    const documents = await store.documents();
    const notes = documents.find((document) => document.path.endsWith(".txt"))!;
    await store.removeDocuments([notes.docId]);
    await store.close();
    const again = await ingest([directory]);
    expect(parses).toBe(2);
    expect(again.chunks_added).toBe(notes.chunks);
    const moved = await ingest([relative(process.cwd(), join(directory, "kuaixun-2025-03.html"))]);
    expect(parses).toBe(3);
    expect(moved.documents).toBe(1);
  });
});
