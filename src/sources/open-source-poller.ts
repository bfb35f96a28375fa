import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Briefbot } from "../briefbot.ts";
import type { Config } from "../config.ts";
import { LanceSourceRegistry } from "./lancedb-source-registry.ts";
import { SourcePoller } from "./source-poller.ts";

/**
 * The subscriptions of the store `briefbot` uses, with a poller that ingests through it. The
 * caller closes the registry (`poller.registry.close()`).
 */
export async function openSourcePoller(
  briefbot: Briefbot,
  config: Config,
  databaseUri: string | undefined,
): Promise<SourcePoller> {
  const registry = await LanceSourceRegistry.open(databaseUri ?? config.BRIEFBOT_DB);
  return new SourcePoller({
    registry,
    ingest: (inputs) => briefbot.ingestFetched(inputs),
    limits: {
      timeoutMs: config.BRIEFBOT_FETCH_TIMEOUT * 1000,
      maxBytes: config.BRIEFBOT_FETCH_MAX_MB * 1024 * 1024,
    },
    // Unique per process, readable in the store: which replica holds a source.
    holder: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  });
}
