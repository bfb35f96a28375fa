import type { BriefbotService } from "../../src/briefbot-service.ts";
import type { FollowStore } from "../../src/follow/follow-store.ts";
import type { Logger } from "../../src/logger.ts";
import type { StateStore } from "../../src/state/state-store.ts";
import type { RetryOptions } from "./call-with-retry.ts";

/** Everything the Telegram adapter takes; `serve` fills it from `Config` (the adapter reads no environment). */
export interface TelegramAdapterOptions {
  service: BriefbotService;
  /** Bot token from BotFather. Never logged. */
  token: string;
  /** Another Bot API server (self-hosted, or a fake in tests). Default: Telegram's. */
  apiRoot?: string | undefined;
  /**
   * Webhook mode. `url` is the public HTTPS address Telegram calls; when it has no path, `path`
   * is appended. `path` is where the route is mounted (default "/telegram/webhook").
   */
  webhook?: { url: string; secret: string; path?: string | undefined } | undefined;
  /** Chat ids (or @usernames) allowed to ask. Unset: every chat. */
  allowedChats?: readonly string[] | undefined;
  /** Questions per user per minute. Default 5. */
  rateLimitPerMinute?: number | undefined;
  /** The rate limit's window; default one minute (tests shorten it). */
  rateLimitWindowMs?: number | undefined;
  logger: Logger;
  now?: (() => number) | undefined;
  /**
   * Where rate-limit counts and refusal notices are kept. `serve` passes the shared store, so
   * the limit holds across replicas; default: this process's memory.
   */
  state?: StateStore | undefined;
  /**
   * Followed topics (`/follow`). `serve` passes the store's, shared by replicas and kept across
   * restarts; default: this process's memory.
   */
  follows?: FollowStore | undefined;
  /** How often "typing…" is repeated while answering. Default 4000 ms. */
  typingIntervalMs?: number | undefined;
  /** Minimum time between edits of a streaming preview. Default 1200 ms. */
  streamEditIntervalMs?: number | undefined;
  /**
   * Stream previews with Bot API `sendMessageDraft` when the server supports it (falls back to
   * editing a message on 400/404). Default true.
   */
  nativeDrafts?: boolean | undefined;
  /** Delivery policy for Bot API calls (deadline, backoff) and its clock; tests shorten them. */
  retry?: RetryOptions | undefined;
  /**
   * How long `stop()` waits for answers in flight before aborting them (and any retry waits).
   * Default 4 s, so `serve` exits within a few seconds of SIGTERM.
   */
  stopGraceMs?: number | undefined;
}
