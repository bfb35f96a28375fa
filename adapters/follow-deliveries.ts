import type { Config } from "../src/config.ts";
import type { FollowDelivery } from "../src/follow/follow-delivery.ts";
import type { Logger } from "../src/logger.ts";

/**
 * Follow deliveries for a process that does not run the bots (`briefbot ingest`, `poll`): one
 * per configured platform, each only a Web API client (no polling, no socket), so `serve`
 * keeps receiving the updates. Each platform's library is loaded only when it is configured.
 */
export async function configuredFollowDeliveries(config: Config, logger: Logger): Promise<FollowDelivery[]> {
  const deliveries: FollowDelivery[] = [];
  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramFollowDelivery } = await import("./telegram/telegram-follow-delivery.ts");
    deliveries.push(
      createTelegramFollowDelivery({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        logger: logger.child({ adapter: "telegram" }),
      }),
    );
  }
  if (config.SLACK_BOT_TOKEN) {
    const { createSlackFollowDelivery } = await import("./slack/slack-follow-delivery.ts");
    deliveries.push(
      createSlackFollowDelivery({
        botToken: config.SLACK_BOT_TOKEN,
        apiUrl: config.SLACK_API_URL,
        logger: logger.child({ adapter: "slack" }),
      }),
    );
  }
  return deliveries;
}
