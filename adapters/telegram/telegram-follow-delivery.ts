import { Telegraf } from "telegraf";
import type { FollowDelivery } from "../../src/follow/follow-delivery.ts";
import type { Logger } from "../../src/logger.ts";
import type { RetryOptions } from "./call-with-retry.ts";
import { renderFollowDigest } from "./render-follow-digest.ts";
import { isChatGone } from "./telegram-errors.ts";
import { TelegramMessenger } from "./telegram-messenger.ts";

/**
 * Follow digests on Telegram: `sendMessage` in HTML to the chat that followed, through the
 * messenger's per-chat lane and retries (429 waits its `retry_after`, 5xx backs off). A chat that
 * blocked or removed the bot is reported gone, so its follows are dropped.
 */
export function telegramFollowDelivery(messenger: TelegramMessenger): FollowDelivery {
  return {
    platform: "telegram",
    async deliver(digest) {
      try {
        await messenger.sendParts({ chatId: Number(digest.follower.address) }, renderFollowDigest(digest));
        return "delivered";
      } catch (error) {
        if (isChatGone(error)) return "follower gone";
        throw error;
      }
    },
  };
}

/**
 * A delivery for a process that does not run the bot (`briefbot ingest`, `poll`): the Bot API
 * client only, no polling or webhook, so it never competes with `serve` for updates.
 */
export function createTelegramFollowDelivery(options: {
  token: string;
  apiRoot?: string | undefined;
  logger: Logger;
  retry?: RetryOptions | undefined;
}): FollowDelivery {
  const bot = new Telegraf(options.token, {
    telegram: options.apiRoot === undefined ? {} : { apiRoot: options.apiRoot },
  });
  return telegramFollowDelivery(new TelegramMessenger(bot.telegram, options.logger, options.retry));
}
