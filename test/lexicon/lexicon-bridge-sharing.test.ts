import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { createLexiconBridge } from "../../src/lexicon/lexicon-bridge.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";

/** Invented names, so the pair can only come from what the other process learned. */
const text = "我们看好泽诺维克科技（Zenovik Labs）的扩张";

describe("learned pairs shared through the store", () => {
  let directory: string;
  const stores: LanceChunkStore[] = [];

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-bridge-"));
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("a process takes in pairs another process learned when it refreshes, and keeps them on persist", async () => {
    const embedder = createHashingEmbedder();
    const open = async () => {
      const store = await LanceChunkStore.open({ uri: join(directory, "db"), embedder });
      stores.push(store);
      return createLexiconBridge(store);
    };
    const [writer, reader] = [await open(), await open()];
    const expands = async (bridge: Awaited<ReturnType<typeof open>>) =>
      bridge.expandQuery("泽诺维克科技").some((term) => term.term.toLowerCase().includes("zenovik"));
    expect(await expands(reader)).toBe(false);

    writer.learnFromText?.(text);
    await writer.persist?.();
    await reader.refresh?.();
    expect(await expands(reader)).toBe(true);

    // The reader learns something else and saves: the writer's pair is kept, not overwritten.
    reader.learnFromText?.("我们看好奥丁瑞斯（Odinris）的扩张");
    await reader.persist?.();
    const late = await open();
    expect(await expands(late)).toBe(true);
  });
});
