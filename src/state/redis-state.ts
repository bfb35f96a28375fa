import { createClient } from "redis";
import { BriefbotError } from "../errors.ts";
import { checkNamespace, type ExpiryOptions, type StateStore } from "./state-store.ts";

/**
 * State in Redis (`REDIS_URL`), for busy deployments with several replicas: set-if-absent
 * (`SET NX PX`), expiry and counters are Redis's own atomic commands. Values live under
 * `<prefix>v:<namespace>:<key>`, lists under `<prefix>l:<namespace>:<key>`.
 */

/** INCR, and set the expiry only when this call created the counter. */
const incrementScript = `local count = redis.call('INCR', KEYS[1])
if count == 1 and tonumber(ARGV[1]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

/** Keys per SCAN step of `entries`. */
const scanBatch = 500;

type Client = ReturnType<typeof createClient>;

export class RedisStateStore implements StateStore {
  readonly driver = "redis";

  private constructor(
    private readonly client: Client,
    private readonly prefix: string,
  ) {}

  /** Connect to `url` (redis:// or rediss://); rejects with a clear error when it cannot. */
  static async connect(options: { url: string; keyPrefix?: string }): Promise<RedisStateStore> {
    const client: Client = createClient({
      url: options.url,
      // Fail the first connection quickly; once connected, reconnect with back-off.
      socket: {
        connectTimeout: 5_000,
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5_000),
      },
    });
    let connected = false;
    client.on("error", () => {
      // Reconnects are automatic; commands meanwhile reject and their callers report it.
    });
    try {
      await Promise.race([
        client.connect().then(() => {
          connected = true;
        }),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error("no answer within 5 s")), 5_000).unref(),
        ),
      ]);
    } catch (error) {
      if (!connected) await client.destroy();
      throw new BriefbotError(
        "STATE_FAILED",
        `Cannot connect to Redis at ${redact(options.url)}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    return new RedisStateStore(client, options.keyPrefix ?? "briefbot:");
  }

  #value(namespace: string, key: string): string {
    checkNamespace(namespace);
    return `${this.prefix}v:${namespace}:${key}`;
  }

  #list(namespace: string, key: string): string {
    checkNamespace(namespace);
    return `${this.prefix}l:${namespace}:${key}`;
  }

  async get(namespace: string, key: string): Promise<string | null> {
    return (await this.client.get(this.#value(namespace, key))) ?? null;
  }

  async set(namespace: string, key: string, value: string, options?: ExpiryOptions): Promise<void> {
    await this.client.set(
      this.#value(namespace, key),
      value,
      options?.ttlMs === undefined ? {} : { expiration: { type: "PX", value: ttl(options.ttlMs) } },
    );
  }

  async setIfAbsent(
    namespace: string,
    key: string,
    value: string,
    options?: ExpiryOptions,
  ): Promise<boolean> {
    const reply = await this.client.set(this.#value(namespace, key), value, {
      condition: "NX",
      ...(options?.ttlMs === undefined ? {} : { expiration: { type: "PX", value: ttl(options.ttlMs) } }),
    });
    return reply === "OK";
  }

  async delete(namespace: string, key: string): Promise<void> {
    await this.client.del([this.#value(namespace, key), this.#list(namespace, key)]);
  }

  async increment(namespace: string, key: string, options?: ExpiryOptions): Promise<number> {
    const reply = await this.client.eval(incrementScript, {
      keys: [this.#value(namespace, key)],
      arguments: [String(options?.ttlMs === undefined ? 0 : ttl(options.ttlMs))],
    });
    return Number(reply);
  }

  async append(
    namespace: string,
    key: string,
    value: string,
    options: { maxItems: number; ttlMs?: number | undefined },
  ): Promise<void> {
    const id = this.#list(namespace, key);
    const transaction = this.client.multi().rPush(id, value).lTrim(id, -options.maxItems, -1);
    if (options.ttlMs !== undefined) transaction.pExpire(id, ttl(options.ttlMs));
    await transaction.exec();
  }

  async list(namespace: string, key: string): Promise<string[]> {
    return this.client.lRange(this.#list(namespace, key), 0, -1);
  }

  async entries(namespace: string, prefix = ""): Promise<Array<{ key: string; value: string }>> {
    const start = this.#value(namespace, "");
    const found: Array<{ key: string; value: string }> = [];
    for await (const keys of this.client.scanIterator({
      MATCH: `${escapeGlob(start + prefix)}*`,
      COUNT: scanBatch,
    })) {
      if (keys.length === 0) continue;
      const values = await this.client.mGet(keys);
      keys.forEach((id, index) => {
        const value = values[index];
        if (value !== null && value !== undefined) found.push({ key: id.slice(start.length), value });
      });
    }
    return found;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

/** Redis refuses a zero or negative expiry; the shortest is 1 ms. */
function ttl(ms: number): number {
  return Math.max(1, Math.ceil(ms));
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}

/** A URL fit for logs: the password replaced. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable REDIS_URL)";
  }
}
