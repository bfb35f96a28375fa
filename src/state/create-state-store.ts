import type { Config } from "../config.ts";
import type { StateStore } from "./state-store.ts";

/**
 * The state driver the settings ask for: Redis when `REDIS_URL` is set, else a table in the
 * LanceDB store (shared by every process on the same store, kept across restarts). `memory` only
 * when asked for (`BRIEFBOT_STATE=memory`): a one-off process that shares nothing.
 */
export async function createStateStore(config: Config, storeUri: string): Promise<StateStore> {
  const driver = config.BRIEFBOT_STATE ?? (config.REDIS_URL === undefined ? "lancedb" : "redis");
  if (driver === "redis") {
    const { RedisStateStore } = await import("./redis-state.ts");
    // Config validation guarantees REDIS_URL with BRIEFBOT_STATE=redis.
    return RedisStateStore.connect({ url: config.REDIS_URL ?? "", keyPrefix: config.REDIS_KEY_PREFIX });
  }
  if (driver === "memory") {
    const { MemoryStateStore } = await import("./memory-state.ts");
    return new MemoryStateStore();
  }
  const { LanceStateStore } = await import("./lancedb-state.ts");
  return LanceStateStore.open({ uri: storeUri });
}
