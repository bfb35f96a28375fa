/**
 * The Slack adapter: Bolt moves messages between Slack and `BriefbotService`.
 *
 * - Socket Mode (`appToken` set): Bolt's SocketModeReceiver opens a WebSocket (apps.connections.open
 *   on the Web API, then the returned wss URL); no public URL needed.
 * - HTTP mode: `routes()` returns POST `eventsPath`, which `serve` mounts on its own server; events,
 *   slash commands and interactivity all arrive there, signed with the signing secret.
 */

import { setMaxListeners } from "node:events";
import { App, SocketModeReceiver } from "@slack/bolt";
import type { BriefbotService } from "../../src/briefbot-service.ts";
import { deliverWithRetry } from "../../src/delivery/deliver-with-retry.ts";
import {
  type DeliveryClock,
  type DeliveryPolicy,
  systemDeliveryClock,
} from "../../src/delivery/delivery-policy.ts";
import { SendGate } from "../../src/delivery/send-gate.ts";
import { ConfigError, describeError } from "../../src/errors.ts";
import type { FollowStore } from "../../src/follow/follow-store.ts";
import { Following } from "../../src/follow/following.ts";
import { MemoryFollowStore } from "../../src/follow/memory-follow-store.ts";
import type { Logger } from "../../src/logger.ts";
import { MemoryStateStore } from "../../src/state/memory-state.ts";
import type { StateStore } from "../../src/state/state-store.ts";
import type { Adapter, HttpRoute } from "../adapter.ts";
import { QuestionBacklog } from "../question-backlog.ts";
import { FixedWindowRateLimiter } from "../telegram/rate-limiter.ts";
import { KeyedSerialQueue } from "../telegram/serial-queue.ts";
import { boltLoggerFrom } from "./bolt-logger.ts";
import { EventDeduplicator } from "./event-dedup.ts";
import { ExpiringKeys } from "./expiring-keys.ts";
import { HttpRouteReceiver } from "./http-route-receiver.ts";
import { InFlightTasks } from "./in-flight-tasks.ts";
import { RecentAnswers } from "./recent-answers.ts";
import { classifySlackFailure, toBriefbotError } from "./slack-api-error.ts";
import { slackFollowDelivery } from "./slack-follow-delivery.ts";
import { registerSlackListeners } from "./slack-listeners.ts";
import type { SlackDelivery } from "./slack-messenger.ts";

/** Everything the adapter needs; `serve` fills it from `Config` (the adapter reads no environment). */
export interface SlackAdapterOptions {
  service: BriefbotService;
  /** Bot token, `xoxb-…`. */
  botToken: string;
  /** Verifies HTTP requests; required unless `appToken` is set. */
  signingSecret?: string | undefined;
  /** App-level token, `xapp-…`: Socket Mode when set. */
  appToken?: string | undefined;
  /** Web API base URL (GovSlack, a proxy, tests), e.g. `https://slack.com/api/`. A missing trailing "/" is added. */
  apiUrl?: string | undefined;
  /** Only these channel ids are answered; undefined answers everywhere the bot is invited. */
  allowedChannels?: string[] | undefined;
  /** Whether DMs are answered (default true). */
  allowDms?: boolean | undefined;
  logger: Logger;
  /** Path of the events route in HTTP mode (default `/slack/events`). */
  eventsPath?: string | undefined;
  /** Minimum time between edits while an answer streams without Slack's streaming methods (default 1500 ms). */
  streamUpdateIntervalMs?: number | undefined;
  /** Stream answers with chat.startStream/appendStream/stopStream where allowed (default true). */
  streaming?: boolean | undefined;
  /** Questions per user per minute; over it they wait their turn (default 5). */
  rateLimitPerMinute?: number | undefined;
  /** The rate limit's window (default one minute; tests shorten it). */
  rateLimitWindowMs?: number | undefined;
  /**
   * Delivery of posts and updates (see `deliverWithRetry`): deadline and backoff, and the clock.
   * Default: the core's policy. Tests shorten the backoff.
   */
  delivery?: { policy?: Partial<DeliveryPolicy> | undefined; clock?: DeliveryClock | undefined } | undefined;
  /**
   * Where event ids, answered threads and answers behind feedback buttons are kept. `serve` passes
   * the shared store, so replicas answer each event once; default: this process's memory.
   */
  state?: StateStore | undefined;
  /**
   * Followed topics (`/brief follow`). `serve` passes the store's, shared by replicas and kept
   * across restarts; default: this process's memory.
   */
  follows?: FollowStore | undefined;
  /** How long `stop()` waits for answers under way (default 4 s). */
  stopTimeoutMs?: number | undefined;
}

const defaultEventsPath = "/slack/events";
const defaultStreamUpdateIntervalMs = 1_500;
/** Short enough that `serve` exits within a few seconds of SIGTERM. */
const defaultStopTimeoutMs = 4_000;
/** How long auth.test is retried before start() fails. */
const startupDeadlineMs = 30_000;
const webApiTimeoutMs = 20_000;
/** A thread conversation is continued without a mention for a week after the bot answered in it. */
const answeredThreadTtlMs = 7 * 24 * 60 * 60 * 1000;

/** Build the adapter; nothing connects until `start()`. Throws `ConfigError` for unusable options. */
export function createSlackAdapter(options: SlackAdapterOptions): Adapter {
  if (options.botToken.trim() === "") throw new ConfigError("SLACK_BOT_TOKEN is empty.");
  const socketMode = options.appToken !== undefined && options.appToken !== "";
  if (!socketMode && (options.signingSecret === undefined || options.signingSecret === "")) {
    throw new ConfigError(
      "SLACK_SIGNING_SECRET is required for Slack HTTP mode (or set SLACK_APP_TOKEN for Socket Mode).",
    );
  }
  const logger = options.logger;
  const state = options.state ?? new MemoryStateStore();
  const boltLogger = boltLoggerFrom(logger);
  const tasks = new InFlightTasks();
  const clock = options.delivery?.clock ?? systemDeliveryClock;
  let shutdown = new AbortController();
  // The rate-limit waiting line gives up at stop(); deliveries under way wait for `shutdown` (after the grace).
  const backlogShutdown = new AbortController();
  // Every channel waiting out a Retry-After listens on this signal; hundreds at once are normal.
  setMaxListeners(0, shutdown.signal);
  const delivery: SlackDelivery = {
    gate: new SendGate(classifySlackFailure, clock),
    policy: options.delivery?.policy,
    clock,
    signal: () => shutdown.signal,
    logger,
  };
  // A fresh object per client: Bolt and the Socket Mode client both write into the options they get.
  const webClientOptions = () => ({
    ...(options.apiUrl === undefined ? {} : { slackApiUrl: withTrailingSlash(options.apiUrl) }),
    // The client neither retries nor waits: its 429 wait pauses every call of the workspace and
    // counts as a try. Retries are the messenger's, per channel, up to the delivery deadline.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: webApiTimeoutMs,
  });

  const socketReceiver = socketMode
    ? new SocketModeReceiver({
        appToken: options.appToken ?? "",
        logger: boltLogger,
        // Only the URL and timeout: this client just calls apps.connections.open, and without a
        // retryConfig the Socket Mode client keeps its own long policy for reconnecting.
        installerOptions: {
          clientOptions: {
            ...(options.apiUrl === undefined ? {} : { slackApiUrl: withTrailingSlash(options.apiUrl) }),
            timeout: webApiTimeoutMs,
          },
        },
      })
    : undefined;
  const httpReceiver = socketMode
    ? undefined
    : new HttpRouteReceiver({
        signingSecret: options.signingSecret ?? "",
        logger,
        track: (processing) => tasks.track(processing),
      });

  const app = new App({
    token: options.botToken,
    receiver: socketReceiver ?? httpReceiver,
    logger: boltLogger,
    clientOptions: webClientOptions(),
    // auth.test runs in start(), where a bad token can fail start instead of an unhandled rejection.
    deferInitialization: true,
    convoStore: false,
    ignoreSelf: true,
  });
  const rateLimitWindowMs = options.rateLimitWindowMs ?? 60_000;
  registerSlackListeners(app, {
    service: options.service,
    logger,
    allowedChannels: options.allowedChannels === undefined ? undefined : new Set(options.allowedChannels),
    allowDms: options.allowDms ?? true,
    streamUpdateIntervalMs: options.streamUpdateIntervalMs ?? defaultStreamUpdateIntervalMs,
    streaming: options.streaming ?? true,
    locales: new Map(),
    // Counted in the shared state: replicas together allow the limit once per user.
    rateLimiter: new FixedWindowRateLimiter({
      state,
      limit: options.rateLimitPerMinute ?? 5,
      windowMs: rateLimitWindowMs,
      now: Date.now,
    }),
    backlog: new QuestionBacklog(),
    userQueue: new KeyedSerialQueue(),
    signal: backlogShutdown.signal,
    rateLimitWindowMs,
    deduplicator: new EventDeduplicator(state),
    answeredThreads: new ExpiringKeys(state, "slack-threads", answeredThreadTtlMs),
    recentAnswers: new RecentAnswers(state),
    following: new Following(options.follows ?? new MemoryFollowStore()),
    tasks,
    now: Date.now,
    delivery,
  });

  let running = false;
  const eventsPath = options.eventsPath ?? defaultEventsPath;
  const routes: HttpRoute[] =
    httpReceiver === undefined
      ? []
      : [
          {
            method: "POST",
            path: eventsPath,
            handle: (request, response) => httpReceiver.handle(request, response),
          },
        ];

  return {
    name: "slack",
    followDelivery: slackFollowDelivery(app.client, delivery),
    routes: () => routes,
    async start() {
      if (running) return;
      if (shutdown.signal.aborted) {
        shutdown = new AbortController();
        setMaxListeners(0, shutdown.signal);
      }
      try {
        // auth.test: learns the bot's user id so it never answers itself. Retried like a post,
        // with a shorter deadline: a dead API should fail start() soon.
        await deliverWithRetry(() => app.init(), {
          classify: classifySlackFailure,
          policy: { deadlineMs: startupDeadlineMs, ...options.delivery?.policy },
          clock,
        });
      } catch (error) {
        throw toBriefbotError(error, "auth.test");
      }
      if (socketReceiver !== undefined) {
        try {
          await app.start();
        } catch (error) {
          throw toBriefbotError(error, "apps.connections.open");
        }
      } else {
        await httpReceiver?.start();
      }
      running = true;
      logger.info(
        { mode: socketMode ? "socket" : "http", ...(socketMode ? {} : { eventsPath }) },
        "slack: started",
      );
    },
    async stop() {
      if (!running) return;
      running = false;
      // Questions still waiting for their rate-limit turn give up (each is logged); answers under way finish.
      backlogShutdown.abort();
      if (socketReceiver !== undefined) {
        // Bolt's receiver.stop() does not wait for the socket to close; the client's disconnect() does.
        await withTimeout(socketReceiver.client.disconnect(), 5_000).catch((error: unknown) =>
          logger.warn({ err: describeError(error) }, "slack: socket did not close cleanly"),
        );
      } else {
        await httpReceiver?.stop();
      }
      const settled = await tasks.drain(options.stopTimeoutMs ?? defaultStopTimeoutMs);
      // Answers still waiting out a Retry-After stop waiting now.
      shutdown.abort(new Error("briefbot is stopping"));
      if (!settled) logger.warn({ pending: tasks.size }, "slack: stopped with answers still under way");
      logger.info("slack: stopped");
    },
    isRunning: () => running,
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
