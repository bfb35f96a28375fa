import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareCodePoints, readCache, SortedLines, writeCache } from "../../src/lexicon/sorted-lines.ts";

describe("SortedLines over a cache file", () => {
  let directory: string;
  const keys = Array.from({ length: 3000 }, (_, index) => `词${index.toString(36)}\u4e00${index % 7}`).sort(
    compareCodePoints,
  );

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-sorted-"));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("finds every key and misses the others, as the file is read piece by piece and then whole", () => {
    const path = join(directory, "cache.tsv");
    writeCache(path, "stamp 1", keys.map((key, index) => `${key}\tvalue ${index}`).join("\n"));
    const layout = readCache(path, "stamp 1");
    if (layout === undefined) throw new Error("the cache was not written");
    const [section] = layout.sections;
    const lines = new SortedLines(layout.source, section!.begin, section!.end);
    // Past the lookups after which the file is read whole (and far fewer than a map's): the
    // answers must not change when it is.
    for (let round = 0; round < 400; round += 1) {
      const index = (round * 7919) % keys.length;
      expect(lines.find(keys[index]!)).toBe(`value ${index}`);
      expect(lines.find(`${keys[index]!}missing`)).toBeUndefined();
    }
    expect(lines.inMemory).toBe(false);
    expect(readCache(path, "stamp 2")).toBeUndefined();
  });
});
