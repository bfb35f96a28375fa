import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll } from "vitest";
import { LanceStateStore } from "../../src/state/lancedb-state.ts";
import { MemoryStateStore } from "../../src/state/memory-state.ts";
import { RedisStateStore } from "../../src/state/redis-state.ts";
import { type RunningRedis, startRedisServer } from "./redis-server.ts";
import { testStateDriver } from "./state-contract.ts";

testStateDriver("memory", async () => {
  const state = new MemoryStateStore();
  return {
    // One process's memory: every "handle" is the same store (its close keeps the data).
    open: async () => state,
    cleanup: async () => {},
  };
});

testStateDriver("lancedb", async () => {
  const directory = await mkdtemp(join(tmpdir(), "briefbot-state-"));
  return {
    open: () => LanceStateStore.open({ uri: join(directory, "db") }),
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
});

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});

let run = 0;
testStateDriver("redis", async () => {
  run += 1;
  const keyPrefix = `test-${run}:`;
  return {
    open: () => RedisStateStore.connect({ url: redis.url, keyPrefix }),
    cleanup: async () => {
      const client = createClient({ url: redis.url });
      await client.connect();
      await client.flushAll();
      await client.close();
    },
  };
});
