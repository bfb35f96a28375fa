import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LanceSourceRegistry } from "../../src/sources/lancedb-source-registry.ts";
import { MemorySourceRegistry } from "../../src/sources/memory-source-registry.ts";
import { describeSourceRegistry } from "./source-registry-contract.ts";

describeSourceRegistry("memory", { open: async () => new MemorySourceRegistry() });

let directory: string | null = null;
describeSourceRegistry("LanceDB", {
  open: async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-sources-"));
    return LanceSourceRegistry.open(directory);
  },
  openReplica: async () => LanceSourceRegistry.open(directory as string),
  cleanUp: async () => {
    if (directory !== null) await rm(directory, { recursive: true, force: true });
    directory = null;
  },
});
