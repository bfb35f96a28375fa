import * as z from "zod/mini";
import { ConfigError } from "./errors.ts";

/**
 * Every setting briefbot reads, parsed once at the edge. Nothing else reads `process.env`.
 * Each field documents its default and why.
 *
 * zod's tree-shakable `zod/mini` form: every command parses settings first, and the classic `zod`
 * build (one 0.75 MB bundle chunk) took ~50 ms of a one-shot command's start to load.
 */

type Check = z.core.ParsePayload<unknown>;

/** Record a problem with a setting's value; the transform then returns `z.NEVER`. */
function reject(context: Check, value: string, message: string): never {
  context.issues.push({ code: "custom", message, input: value });
  return z.NEVER;
}

/** A trimmed string, or undefined when unset or blank. */
function trimmed(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/** An optional string setting, trimmed, then `convert`ed (which may reject it). */
function setting<T>(convert: (value: string | undefined, context: Check) => T) {
  return z.pipe(
    z.optional(z.string()),
    z.transform((value: string | undefined, context) => convert(trimmed(value), context)),
  );
}

const optionalString = setting((value) => value);

const commaList = setting((value) =>
  value === undefined
    ? undefined
    : value
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
);

const booleanFlag = (defaultValue: boolean) =>
  setting((value, context) => {
    if (value === undefined) return defaultValue;
    if (/^(1|true|yes|on)$/i.test(value)) return true;
    if (/^(0|false|no|off)$/i.test(value)) return false;
    return reject(context, value, `expected true or false, got "${value}"`);
  });

const positiveInt = (defaultValue: number) =>
  setting((value, context) => {
    if (value === undefined) return defaultValue;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0)
      return reject(context, value, `expected a positive whole number, got "${value}"`);
    return parsed;
  });

const urlString = setting((value, context) =>
  value === undefined || URL.canParse(value)
    ? value
    : reject(context, value, "expected a URL such as https://example.com"),
);

/** One of `values`, or `fallback` when unset. */
function choice<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z.pipe(
    z.optional(z.enum(values, { error: `expected one of ${values.join(", ")}` })),
    z.transform((value: T[number] | undefined) => value ?? fallback),
  );
}

const environmentSchema = z.object({
  /** LanceDB URI: a directory or object-store URI. Default `.briefbot/db`, beside the project. */
  BRIEFBOT_DB: setting((value) => value ?? ".briefbot/db"),
  /** Minimum log level on stderr. Default `info`. */
  LOG_LEVEL: choice(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "info"),
  /** `local` (hashing, offline, default) or `openai`. */
  BRIEFBOT_EMBEDDER: choice(["local", "openai"], "local"),
  /** `extractive` (offline, default) or `openai`. */
  BRIEFBOT_ANSWERER: choice(["extractive", "openai"], "extractive"),
  /** Key for OpenAI or a compatible server. Required only when a provider above is `openai`. */
  OPENAI_API_KEY: optionalString,
  /** Another OpenAI-compatible server (vLLM, llama.cpp, Ollama). Default: OpenAI's. */
  OPENAI_BASE_URL: urlString,
  /** Embedding model. Default `text-embedding-3-small`: cheap, multilingual. */
  OPENAI_EMBEDDING_MODEL: setting((value) => value ?? "text-embedding-3-small"),
  /** Optional shortened embedding size (models that support `dimensions`). */
  OPENAI_EMBEDDING_DIMENSIONS: setting((value, context) => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0)
      return reject(context, value, `expected a positive whole number, got "${value}"`);
    return parsed;
  }),
  /** Chat model for generated answers. Default `gpt-4o-mini`: fast and inexpensive. */
  OPENAI_CHAT_MODEL: setting((value) => value ?? "gpt-4o-mini"),
  /** Port of the HTTP server of `serve` (webhooks, Slack events, /healthz). Default 3000. */
  PORT: setting((value, context) => {
    if (value === undefined) return 3000;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535)
      return reject(context, value, `expected a port number 0-65535, got "${value}"`);
    return parsed;
  }),
  /** Telegram bot token from BotFather. Telegram starts only when set. */
  TELEGRAM_BOT_TOKEN: optionalString,
  /** Public HTTPS URL for webhook mode. Unset: long polling. */
  TELEGRAM_WEBHOOK_URL: urlString,
  /** Secret Telegram echoes in `X-Telegram-Bot-Api-Secret-Token`; required in webhook mode. */
  TELEGRAM_WEBHOOK_SECRET: optionalString,
  /** Another Bot API server (self-hosted). Default: the public Bot API. */
  TELEGRAM_API_ROOT: urlString,
  /** Chat ids allowed to ask. Unset: everyone. */
  TELEGRAM_ALLOWED_CHATS: commaList,
  /** Questions per user per minute before a friendly "slow down". Default 5. */
  RATE_LIMIT_PER_MINUTE: positiveInt(5),
  /** Slack bot token (`xoxb-`). Slack starts only when set. */
  SLACK_BOT_TOKEN: optionalString,
  /** App-level token (`xapp-`): Socket Mode when set, HTTP events otherwise. */
  SLACK_APP_TOKEN: optionalString,
  /** Verifies HTTP events; required in HTTP mode. */
  SLACK_SIGNING_SECRET: optionalString,
  /** Web API base URL (GovSlack, a proxy, tests). Default Slack's. */
  SLACK_API_URL: urlString,
  /** Channel ids where the bot answers. Unset: every channel it is in. */
  SLACK_ALLOWED_CHANNELS: commaList,
  /** Whether direct messages are answered. Default true. */
  SLACK_ALLOW_DMS: booleanFlag(true),
  /**
   * Offline cross-language search (CC-CEDICT + glossary expansion and enrichment). Default true;
   * false is for measuring what it adds. Changing it needs a re-ingest to change the index.
   */
  BRIEFBOT_CROSSLINGUAL: booleanFlag(true),
  /**
   * Offline paraphrase expansion (WordNet synonyms and word families, Chinese near-synonyms through
   * CC-CEDICT, traditional/simplified folding, the briefs' own aliases, pseudo-relevance feedback).
   * Default true; false is for measuring what it adds. Query-time only: no re-ingest needed.
   */
  BRIEFBOT_PARAPHRASE: booleanFlag(true),
  /**
   * Pseudo-relevance feedback within paraphrase expansion, only when the first pass is weak.
   * Default true; false is for measuring what it adds (see README, Paraphrase search).
   */
  BRIEFBOT_PARAPHRASE_FEEDBACK: booleanFlag(true),
  /** An extra bilingual glossary (`中文<TAB>English|alias`), whose entries win over the bundled one. */
  BRIEFBOT_GLOSSARY: optionalString,
  /** Whether `serve` polls subscribed sources. Default true; false when a cron job runs `briefbot poll`. */
  BRIEFBOT_POLL: booleanFlag(true),
  /** Seconds one fetch may take, headers and body. Default 30: a feed is small; a stuck server is not waited on. */
  BRIEFBOT_FETCH_TIMEOUT: positiveInt(30),
  /** Largest fetched body in MB (after decompression). Default 10: a feed is kilobytes; this stops mistakes and bombs. */
  BRIEFBOT_FETCH_MAX_MB: positiveInt(10),
  /**
   * Longest lag, in seconds, before a process sees another process's writes to the store (and
   * rebuilds its caches). Default 2; 0 checks on every read (slower on object storage).
   */
  BRIEFBOT_READ_CONSISTENCY_SECONDS: setting((value, context) => {
    if (value === undefined) return 2;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0)
      return reject(context, value, `expected seconds (0 or more), got "${value}"`);
    return parsed;
  }),
  /**
   * Store clean-up keeps files of versions replaced less than this many seconds ago, so a reader
   * still on one never loses a file. Must exceed the longest query plus the consistency interval.
   * Default 600 (10 minutes).
   */
  BRIEFBOT_MAINTENANCE_GRACE_SECONDS: positiveInt(600),
  /** How often `serve` runs clean-up, in minutes, on the one replica holding the lease. Default 60. */
  BRIEFBOT_MAINTENANCE_INTERVAL_MINUTES: positiveInt(60),
  /**
   * Where state that outlives a request lives (conversations, de-duplication, rate limits, answer
   * records, feedback): `lancedb` (a table in the store; default), `redis` (default when REDIS_URL
   * is set) or `memory` (this process only; for one-off runs).
   */
  BRIEFBOT_STATE: z.optional(
    z.enum(["lancedb", "redis", "memory"], { error: "expected one of lancedb, redis, memory" }),
  ),
  /** Redis for shared state, e.g. `redis://redis:6379`. */
  REDIS_URL: setting((value, context) =>
    value === undefined || /^rediss?:\/\//.test(value)
      ? value
      : reject(context, value, "expected a redis:// or rediss:// URL"),
  ),
  /** Prefix of every Redis key briefbot writes, so deployments can share one Redis. Default `briefbot:`. */
  REDIS_KEY_PREFIX: setting((value) => value ?? "briefbot:"),
  /**
   * 👍/👎 votes are kept in the state store (`briefbot feedback` exports them); set this to also
   * append each vote to a JSON Lines file on this machine. Default: unset.
   */
  BRIEFBOT_FEEDBACK_FILE: optionalString,
});

export type Config = z.output<typeof environmentSchema>;

/** Parse settings; throws one `ConfigError` naming every bad variable and how to fix it. */
export function loadConfig(environment: Record<string, string | undefined>): Config {
  const parsed = z.safeParse(environmentSchema, environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid settings (check your .env or environment):\n  ${lines.join("\n  ")}`);
  }
  const config = parsed.data;
  const missing: string[] = [];
  const usesOpenAI = config.BRIEFBOT_EMBEDDER === "openai" || config.BRIEFBOT_ANSWERER === "openai";
  // A self-hosted compatible server often needs no key; OpenAI's own API always does.
  if (usesOpenAI && config.OPENAI_API_KEY === undefined && config.OPENAI_BASE_URL === undefined) {
    missing.push(
      "OPENAI_API_KEY is required when BRIEFBOT_EMBEDDER or BRIEFBOT_ANSWERER is openai (or set OPENAI_BASE_URL to a server that needs none)",
    );
  }
  if (config.TELEGRAM_WEBHOOK_URL !== undefined && config.TELEGRAM_WEBHOOK_SECRET === undefined) {
    missing.push(
      "TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL (any random string of A-Z a-z 0-9 _ -)",
    );
  }
  if (
    config.SLACK_BOT_TOKEN !== undefined &&
    config.SLACK_APP_TOKEN === undefined &&
    config.SLACK_SIGNING_SECRET === undefined
  ) {
    missing.push(
      "SLACK_SIGNING_SECRET is required for Slack HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }
  if (config.BRIEFBOT_STATE === "redis" && config.REDIS_URL === undefined) {
    missing.push("REDIS_URL is required with BRIEFBOT_STATE=redis (e.g. redis://localhost:6379)");
  }
  if (missing.length > 0) throw new ConfigError(`Missing settings:\n  ${missing.join("\n  ")}`);
  return config;
}

/** Settings whose whole value is a secret. */
const secretSettings = [
  "TELEGRAM_BOT_TOKEN",
  "TELEGRAM_WEBHOOK_SECRET",
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_SIGNING_SECRET",
  "OPENAI_API_KEY",
] as const;

/**
 * Every secret value in `config`: the token and key settings, and the password (and user name)
 * of any URL setting (`REDIS_URL=redis://:pw@host`, a proxy in `OPENAI_BASE_URL`). Given to
 * `maskSecretValues` at start so none of them is ever printed.
 */
export function secretValuesOf(config: Config): string[] {
  const values: string[] = [];
  for (const name of secretSettings) {
    const value = config[name];
    if (value !== undefined) values.push(value);
  }
  for (const [name, value] of Object.entries(config)) {
    if (!name.endsWith("_URL") || typeof value !== "string" || !URL.canParse(value)) continue;
    const { password } = new URL(value);
    if (password !== "") values.push(password, decodeURIComponent(password));
  }
  return values;
}
