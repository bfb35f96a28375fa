import type { Briefbot } from "../src/briefbot.ts";
import type { Config } from "../src/config.ts";
import { describeError } from "../src/errors.ts";
import type { Logger } from "../src/logger.ts";
import type { Adapter } from "./adapter.ts";
import { startHttpServer } from "./http-server.ts";
import { createSlackAdapter } from "./slack/slack-adapter.ts";
import { createTelegramAdapter } from "./telegram/telegram-adapter.ts";

export interface ServeOptions {
  briefbot: Briefbot;
  config: Config;
  logger: Logger;
  /** Resolves to stop serving; default: SIGINT or SIGTERM. */
  stopSignal?: Promise<void>;
}

/** The adapters whose settings are present. */
export function configuredAdapters(briefbot: Briefbot, config: Config, logger: Logger): Adapter[] {
  const adapters: Adapter[] = [];
  if (config.TELEGRAM_BOT_TOKEN) {
    adapters.push(
      createTelegramAdapter({
        service: briefbot,
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        webhook:
          config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
            ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET }
            : undefined,
        allowedChats: config.TELEGRAM_ALLOWED_CHATS,
        rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
        logger: logger.child({ adapter: "telegram" }),
      }),
    );
  }
  if (config.SLACK_BOT_TOKEN) {
    adapters.push(
      createSlackAdapter({
        service: briefbot,
        botToken: config.SLACK_BOT_TOKEN,
        signingSecret: config.SLACK_SIGNING_SECRET,
        appToken: config.SLACK_APP_TOKEN,
        apiUrl: config.SLACK_API_URL,
        allowedChannels: config.SLACK_ALLOWED_CHANNELS,
        allowDms: config.SLACK_ALLOW_DMS,
        logger: logger.child({ adapter: "slack" }),
      }),
    );
  }
  return adapters;
}

/**
 * `briefbot serve`: one HTTP server (webhooks, Slack events, /healthz) and every configured
 * adapter, until SIGINT/SIGTERM, then a graceful stop (answers in flight finish first).
 */
export async function serve(options: ServeOptions): Promise<number> {
  const { briefbot, config, logger } = options;
  const adapters = configuredAdapters(briefbot, config, logger);
  if (adapters.length === 0) {
    logger.error(
      "no chat platform is configured: set TELEGRAM_BOT_TOKEN and/or SLACK_BOT_TOKEN (see README)",
    );
    await briefbot.close();
    return 2;
  }
  const http = await startHttpServer({
    port: config.PORT,
    adapters,
    checkStore: () => briefbot.checkHealth(),
  });
  logger.info({ port: http.port }, "HTTP server listening (GET /healthz)");
  const started: Adapter[] = [];
  try {
    for (const adapter of adapters) {
      await adapter.start();
      started.push(adapter);
      logger.info({ adapter: adapter.name }, "adapter started");
    }
  } catch (error) {
    logger.error({ error: describeError(error) }, "an adapter failed to start");
    for (const adapter of started) await adapter.stop().catch(() => {});
    await http.close();
    await briefbot.close();
    return 1;
  }
  const stopSignal =
    options.stopSignal ??
    new Promise<void>((resolve) => {
      process.once("SIGINT", () => resolve());
      process.once("SIGTERM", () => resolve());
    });
  await stopSignal;
  logger.info("stopping");
  for (const adapter of started) {
    await adapter
      .stop()
      .catch((error: unknown) =>
        logger.warn({ adapter: adapter.name, error: describeError(error) }, "stop failed"),
      );
  }
  await http.close();
  await briefbot.close();
  return 0;
}
