import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";
import { testChunkStore } from "./chunk-store-contract.ts";

testChunkStore("lancedb (local directory)", async () => {
  const directory = await mkdtemp(join(tmpdir(), "briefbot-contract-"));
  return {
    open: (embedder) => LanceChunkStore.open({ uri: join(directory, "db"), embedder }),
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
});
