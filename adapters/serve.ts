import type { Briefbot } from "../src/briefbot.ts";
import type { Config } from "../src/config.ts";
import { ConfigError, describeError } from "../src/errors.ts";
import type { FollowDelivery } from "../src/follow/follow-delivery.ts";
import type { FollowStore } from "../src/follow/follow-store.ts";
import { createFollowNotifier, notifyFollowersOf } from "../src/follow/notify-followers.ts";
import { StateFollowStore } from "../src/follow/state-follow-store.ts";
import type { Logger } from "../src/logger.ts";
import { type PollLoop, startPollLoop } from "../src/sources/poll-loop.ts";
import type { SourcePoller } from "../src/sources/source-poller.ts";
import type { Adapter } from "./adapter.ts";
import { startHttpServer } from "./http-server.ts";
import { scheduleMaintenance } from "./maintenance-schedule.ts";

export interface ServeOptions {
  briefbot: Briefbot;
  config: Config;
  logger: Logger;
  /** Resolves to stop serving; default: SIGINT or SIGTERM. */
  stopSignal?: Promise<void>;
  /** Subscribed sources to poll on their schedule while serving (closed on stop); none: no polling. */
  sources?: SourcePoller | undefined;
  /**
   * Followed topics (closed on stop): the adapters' `/follow` commands keep them, and after each
   * poll that adds issues the followers are told. Default: in the core's shared state, so
   * replicas share them and a restart keeps them.
   */
  follows?: FollowStore | undefined;
}

/** The path of a webhook URL, or undefined when it names only a host (the adapter's default then). */
export function webhookPathOf(url: string): string | undefined {
  const path = new URL(url).pathname;
  return path === "/" || path === "" ? undefined : path;
}

/** The adapters whose settings are present; each platform's library is loaded only when it is configured. */
export async function configuredAdapters(
  briefbot: Briefbot,
  config: Config,
  logger: Logger,
  follows?: FollowStore,
): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramAdapter } = await import("./telegram/telegram-adapter.ts");
    adapters.push(
      createTelegramAdapter({
        service: briefbot,
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        webhook:
          config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
            ? {
                url: config.TELEGRAM_WEBHOOK_URL,
                secret: config.TELEGRAM_WEBHOOK_SECRET,
                // Serve the webhook on the path Telegram will call (default /telegram/webhook).
                path: webhookPathOf(config.TELEGRAM_WEBHOOK_URL),
              }
            : undefined,
        allowedChats: config.TELEGRAM_ALLOWED_CHATS,
        rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
        state: briefbot.state,
        follows,
        logger: logger.child({ adapter: "telegram" }),
      }),
    );
  }
  if (config.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import("./slack/slack-adapter.ts");
    adapters.push(
      createSlackAdapter({
        service: briefbot,
        botToken: config.SLACK_BOT_TOKEN,
        signingSecret: config.SLACK_SIGNING_SECRET,
        appToken: config.SLACK_APP_TOKEN,
        apiUrl: config.SLACK_API_URL,
        allowedChannels: config.SLACK_ALLOWED_CHANNELS,
        allowDms: config.SLACK_ALLOW_DMS,
        rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
        state: briefbot.state,
        follows,
        logger: logger.child({ adapter: "slack" }),
      }),
    );
  }
  return adapters;
}

export interface RunningServe {
  /** The HTTP server's port (useful when PORT is 0). */
  port: number;
  /** Graceful stop: adapters finish answers in flight, then the server and store close. */
  stop(): Promise<void>;
}

/**
 * Start one HTTP server (webhooks, Slack events, /healthz) and every configured adapter.
 * Throws when none is configured or one fails to start (after stopping what had started).
 */
export async function startServing(options: Omit<ServeOptions, "stopSignal">): Promise<RunningServe> {
  const { briefbot, config, logger } = options;
  const follows = options.follows ?? new StateFollowStore(briefbot.state);
  const adapters = await configuredAdapters(briefbot, config, logger, follows);
  if (adapters.length === 0) {
    throw new ConfigError(
      "No chat platform is configured: set TELEGRAM_BOT_TOKEN and/or SLACK_BOT_TOKEN (see README).",
    );
  }
  const http = await startHttpServer({
    port: config.PORT,
    adapters,
    checkStore: () => briefbot.checkHealth(),
    readiness: () => briefbot.readiness(),
  });
  logger.info({ port: http.port }, "HTTP server listening (GET /healthz, /readyz)");
  const started: Adapter[] = [];
  try {
    for (const adapter of adapters) {
      await adapter.start();
      started.push(adapter);
      logger.info({ adapter: adapter.name }, "adapter started");
    }
  } catch (error) {
    for (const adapter of started) await adapter.stop().catch(() => {});
    await http.close();
    throw error;
  }
  const deliveries = adapters.flatMap((adapter) =>
    adapter.followDelivery === undefined ? [] : [adapter.followDelivery],
  );
  const polling = options.sources
    ? startSourcePolling(options.sources, logger, followersTeller(briefbot, follows, deliveries, logger))
    : null;
  const maintenance = scheduleMaintenance({
    briefbot,
    periodMs: config.BRIEFBOT_MAINTENANCE_INTERVAL_MINUTES * 60_000,
    graceMs: config.BRIEFBOT_MAINTENANCE_GRACE_SECONDS * 1000,
    logger,
  });
  return {
    port: http.port,
    async stop() {
      await maintenance.stop();
      await polling?.stop();
      await options.sources?.registry.close();
      // In parallel: each adapter's grace period runs at once, not one after the other.
      await Promise.all(
        started.map((adapter) =>
          adapter
            .stop()
            .catch((error: unknown) =>
              logger.warn({ adapter: adapter.name, error: describeError(error) }, "stop failed"),
            ),
        ),
      );
      await http.close();
      await follows.close();
    },
  };
}

/** Tells followers about the issues a poll added. */
function followersTeller(
  briefbot: Briefbot,
  follows: FollowStore,
  deliveries: FollowDelivery[],
  logger: Logger,
): (added: Array<{ doc_id: string }>) => Promise<void> {
  const notifier = createFollowNotifier(briefbot, follows, deliveries);
  const log = logger.child({ component: "follow" });
  return async (added) => {
    await notifyFollowersOf(notifier, added, log);
  };
}

function startSourcePolling(
  poller: SourcePoller,
  logger: Logger,
  tellFollowers: (added: Array<{ doc_id: string }>) => Promise<void>,
): PollLoop {
  const log = logger.child({ component: "sources" });
  return startPollLoop({
    // Followers hear of new issues before the next poll starts, so bursts stay in one message.
    poll: async () => {
      const report = await poller.pollDue();
      await tellFollowers(report.added);
      return report;
    },
    onReport: (report) => {
      for (const source of report.sources) {
        if (source.status === "failed")
          log.warn({ source: source.url, error: source.error, next: source.nextRunAt }, "source failed");
        else
          log.info(
            { source: source.url, status: source.status, added: source.added, next: source.nextRunAt },
            "source polled",
          );
      }
    },
    onError: (error) => log.error({ error }, "polling sources failed"),
  });
}

/**
 * After SIGTERM/SIGINT, the process exits by this time even if a peer hangs (a Bot API that
 * accepts connections and never answers, a store that does not close). Adapters finish answers
 * in flight for 4 s first; orchestrators (Docker, systemd, Kubernetes) send SIGKILL at 10 s.
 */
export const SHUTDOWN_DEADLINE_MS = 7_000;

/** `briefbot serve`: serve until SIGINT/SIGTERM, then stop gracefully. Returns the exit status. */
export async function serve(options: ServeOptions): Promise<number> {
  const { briefbot, logger } = options;
  let running: RunningServe;
  try {
    running = await startServing(options);
  } catch (error) {
    logger.error({ error: describeError(error) }, "could not start serving");
    await options.sources?.registry.close();
    await options.follows?.close();
    await briefbot.close();
    return error instanceof ConfigError ? 2 : 1;
  }
  const stopSignal =
    options.stopSignal ??
    new Promise<void>((resolve) => {
      const onSignal = () => {
        // A graceful stop that hangs on a peer must not keep the process: exit anyway at the
        // deadline (unref'd, so a clean stop exits sooner on its own). A second signal exits now.
        setTimeout(() => {
          logger.warn({ deadlineMs: SHUTDOWN_DEADLINE_MS }, "stop did not finish in time; exiting");
          process.exit(1);
        }, SHUTDOWN_DEADLINE_MS).unref();
        process.once("SIGINT", () => process.exit(130));
        process.once("SIGTERM", () => process.exit(143));
        resolve();
      };
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
    });
  await stopSignal;
  logger.info("stopping");
  await running.stop();
  await briefbot.close();
  return 0;
}
