import { setMaxListeners } from "node:events";
import { Telegraf } from "telegraf";
import { message } from "telegraf/filters";
import type { Update } from "telegraf/types";
import { describeError } from "../../src/errors.ts";
import type { FollowDelivery } from "../../src/follow/follow-delivery.ts";
import { Following } from "../../src/follow/following.ts";
import { MemoryFollowStore } from "../../src/follow/memory-follow-store.ts";
import type { Logger } from "../../src/logger.ts";
import { MemoryStateStore } from "../../src/state/memory-state.ts";
import type { Adapter, HttpRoute } from "../adapter.ts";
import { QuestionBacklog } from "../question-backlog.ts";
import { RecentAnswers } from "../slack/recent-answers.ts";
import { AnswerEvidence } from "./answer-evidence.ts";
import { callWithRetry } from "./call-with-retry.ts";
import { handleCallbackQuery, type IncomingCallbackQuery } from "./callback-handler.ts";
import { ChatAllowlist } from "./chat-allowlist.ts";
import { commandMenus } from "./command-texts.ts";
import { ConversationTracker, conversationIdFor } from "./conversation-key.ts";
import { handleUnfollowPress } from "./follow-commands.ts";
import type { BotIdentity, IncomingTextMessage } from "./incoming-message.ts";
import { TelegramMessageHandler } from "./message-handler.ts";
import { FixedWindowRateLimiter } from "./rate-limiter.ts";
import { readIncomingMessage } from "./read-incoming-message.ts";
import { placementFor, textsForMessage, userKeyOf } from "./reply-context.ts";
import { KeyedSerialQueue } from "./serial-queue.ts";
import type { TelegramAdapterOptions } from "./telegram-adapter-options.ts";
import { telegramFollowDelivery } from "./telegram-follow-delivery.ts";
import { escapeHtml } from "./telegram-html.ts";
import { TelegramMessenger } from "./telegram-messenger.ts";
import { createWebhookRoute } from "./webhook-route.ts";

/**
 * The Telegram transport: long polling by default, a webhook route on `serve`'s HTTP server
 * when `webhook` is set. It classifies messages, keeps chats and users within their limits, and
 * hands questions to `TelegramMessageHandler`. Settings arrive as options; nothing here reads
 * the environment.
 */

/** The updates briefbot asks Telegram for: messages, and presses on its inline buttons. */
const allowedUpdates: Array<"message" | "callback_query"> = ["message", "callback_query"];
/** How long start-up calls (getMe, setMyCommands, webhook) are retried before start() fails. */
const startupDeadlineMs = 30_000;
/** See `stopGraceMs`. */
const defaultStopGraceMs = 4_000;

/** Where the webhook route is mounted unless configured. */
export const DEFAULT_WEBHOOK_PATH = "/telegram/webhook";

/** Create the Telegram adapter; nothing talks to Telegram until `start()`. */
export function createTelegramAdapter(options: TelegramAdapterOptions): Adapter {
  return new TelegramAdapter(options);
}

type AdapterState = "idle" | "starting" | "running" | "stopping";

class TelegramAdapter implements Adapter {
  readonly name = "telegram";
  private readonly bot: Telegraf;
  private readonly messenger: TelegramMessenger;
  private readonly logger: Logger;
  private readonly allowlist: ChatAllowlist;
  private readonly tracker = new ConversationTracker();
  private readonly queue = new KeyedSerialQueue();
  private readonly rateLimiter: FixedWindowRateLimiter;
  private readonly backlog = new QuestionBacklog();
  private readonly recentAnswers: RecentAnswers;
  private readonly evidence = new AnswerEvidence();
  private readonly following: Following;
  readonly followDelivery: FollowDelivery;
  private shutdown = new AbortController();
  private readonly webhookPath: string;
  private handler: TelegramMessageHandler | undefined;
  private identity: BotIdentity | undefined;
  private polling: Promise<void> | undefined;
  private state: AdapterState = "idle";

  constructor(private readonly options: TelegramAdapterOptions) {
    this.logger = options.logger.child({ adapter: "telegram" });
    this.bot = new Telegraf(options.token, {
      telegram: options.apiRoot === undefined ? {} : { apiRoot: options.apiRoot },
    });
    this.messenger = new TelegramMessenger(
      this.bot.telegram,
      this.logger,
      options.retry,
      () => this.shutdown.signal,
    );
    const state = options.state ?? new MemoryStateStore();
    this.following = new Following(options.follows ?? new MemoryFollowStore());
    this.followDelivery = telegramFollowDelivery(this.messenger);
    this.allowlist = new ChatAllowlist(options.allowedChats, state);
    this.recentAnswers = new RecentAnswers(state);
    this.rateLimiter = new FixedWindowRateLimiter({
      state,
      limit: options.rateLimitPerMinute ?? 5,
      windowMs: options.rateLimitWindowMs ?? 60_000,
      now: options.now ?? Date.now,
    });
    this.webhookPath = options.webhook?.path ?? DEFAULT_WEBHOOK_PATH;
    // Handlers only queue work and return, so a slow answer never holds up polling or the webhook.
    this.bot.on(message("text"), (ctx) => {
      this.accept(ctx.message);
    });
    this.bot.on("callback_query", (ctx) => {
      this.acceptCallback(ctx.callbackQuery as IncomingCallbackQuery);
    });
    // Last line of defence: telegraf's default handler rethrows, which would end polling.
    this.bot.catch((error, ctx) => {
      this.logger.error(
        { updateId: ctx.update.update_id, error: describeError(error) },
        "telegram: update failed",
      );
    });
  }

  routes(): HttpRoute[] {
    const webhook = this.options.webhook;
    if (webhook === undefined) return [];
    return [
      createWebhookRoute({
        path: this.webhookPath,
        secret: webhook.secret,
        isReady: () => this.state === "running",
        onUpdate: (update) => {
          this.bot.handleUpdate(update as Update).catch((error: unknown) => {
            this.logger.error({ error: describeError(error) }, "telegram: webhook update failed");
          });
        },
        logger: this.logger,
      }),
    ];
  }

  async start(): Promise<void> {
    if (this.state !== "idle") return;
    this.state = "starting";
    this.shutdown = new AbortController();
    // Every chat waiting out a retry_after listens on this signal; hundreds at once are normal.
    setMaxListeners(0, this.shutdown.signal);
    try {
      // Set-up calls get a shorter deadline than answers: a dead API should fail start() soon.
      const retry = {
        ...this.options.retry,
        policy: { deadlineMs: startupDeadlineMs, ...this.options.retry?.policy },
        signal: this.shutdown.signal,
      };
      const me = await callWithRetry(() => this.bot.telegram.getMe(), retry);
      // Set here so telegraf does not call getMe again on launch or on the first webhook update.
      this.bot.botInfo = me;
      this.identity = { id: me.id, username: me.username };
      this.handler = new TelegramMessageHandler({
        service: this.options.service,
        messenger: this.messenger,
        tracker: this.tracker,
        rateLimiter: this.rateLimiter,
        backlog: this.backlog,
        recentAnswers: this.recentAnswers,
        evidence: this.evidence,
        following: this.following,
        logger: this.logger,
        now: this.options.now ?? Date.now,
        typingIntervalMs: this.options.typingIntervalMs ?? 4000,
        streamEditIntervalMs: this.options.streamEditIntervalMs ?? 1200,
        nativeDrafts: this.options.nativeDrafts ?? true,
        signal: this.shutdown.signal,
      });
      for (const menu of commandMenus()) {
        await callWithRetry(
          () =>
            this.bot.telegram.setMyCommands(
              menu.commands,
              menu.languageCode === undefined ? undefined : { language_code: menu.languageCode },
            ),
          retry,
        );
      }
      const webhook = this.options.webhook;
      if (webhook === undefined) {
        // launch() deletes the webhook too, but without retries; doing it here first means a
        // network hiccup at startup is retried, and a dead API fails start() instead of polling.
        await callWithRetry(() => this.bot.telegram.deleteWebhook(), retry);
        this.startPolling();
      } else {
        const url = webhookUrl(webhook.url, this.webhookPath);
        await callWithRetry(
          () =>
            this.bot.telegram.setWebhook(url, {
              secret_token: webhook.secret,
              allowed_updates: allowedUpdates,
            }),
          retry,
        );
        this.state = "running";
        this.logger.info({ bot: me.username, path: this.webhookPath }, "telegram: webhook set");
      }
    } catch (error) {
      this.state = "idle";
      throw error;
    }
  }

  async stop(): Promise<void> {
    if (this.state === "idle" || this.state === "stopping") return;
    this.state = "stopping";
    if (this.polling !== undefined) {
      try {
        this.bot.stop("briefbot stop");
      } catch {
        // Telegraf throws "Bot is not running!" when polling already ended; nothing to stop then.
      }
      await this.polling;
      this.polling = undefined;
    }
    // Let answers in flight reach their askers, up to a limit; then cut them short.
    const grace = setTimeout(() => this.shutdown.abort(), this.options.stopGraceMs ?? defaultStopGraceMs);
    try {
      await this.queue.drain();
    } finally {
      clearTimeout(grace);
      this.state = "idle";
    }
    this.logger.info("telegram: stopped");
  }

  isRunning(): boolean {
    return this.state === "running";
  }

  // telegraf's launch() deletes the webhook, then long-polls until bot.stop(); it resolves only then.
  private startPolling(): void {
    this.state = "running";
    this.polling = this.bot.launch({ allowedUpdates }).then(
      () => {
        this.logger.info("telegram: polling ended");
      },
      (error: unknown) => {
        // 401 (revoked token) or 409 (another instance polls): polling cannot continue.
        if (this.state === "running") this.state = "idle";
        this.logger.error({ error: describeError(error) }, "telegram: polling stopped with an error");
      },
    );
    this.logger.info({ bot: this.identity?.username }, "telegram: long polling");
  }

  /** Classify a text message and queue the work; synchronous so telegraf moves on at once. */
  private accept(incoming: IncomingTextMessage): void {
    const identity = this.identity;
    const handler = this.handler;
    // While stopping, the last polled batch is still handled: its updates are already confirmed.
    if (identity === undefined || handler === undefined) return;
    if (this.state !== "running" && this.state !== "stopping") return;
    const intent = readIncomingMessage(incoming, identity);
    if (intent.kind === "ignore") return;
    if (!this.allowlist.allows(incoming.chat)) {
      this.track(`refuse:${incoming.chat.id}`, async () => {
        if (!(await this.allowlist.shouldTellRefusal(incoming.chat.id))) return;
        this.logger.info({ chatId: incoming.chat.id }, "telegram: chat not allowed; refusing once");
        await this.messenger.sendParts(placementFor(incoming), [
          escapeHtml(textsForMessage(incoming, undefined).chatNotAllowed),
        ]);
      });
      return;
    }
    const conversationId = conversationIdFor(incoming, identity.id, this.tracker);
    const asks = intent.kind === "question" || (intent.kind === "command" && intent.command === "ask");
    if (!asks) {
      this.track(conversationId, () => handler.handle(incoming, intent, conversationId));
      return;
    }
    // Over the rate limit a question waits its turn (see waitForTurn); only a full line refuses, and says so.
    const user = userKeyOf(incoming);
    if (!this.backlog.enter(user)) {
      this.logger.info(
        { chatId: incoming.chat.id, user },
        "telegram: too many questions waiting; refusing one",
      );
      const question = intent.kind === "question" ? intent.question : intent.argument;
      const seconds = Math.ceil((this.options.rateLimitWindowMs ?? 60_000) / 1000);
      this.track(`refuse:${incoming.chat.id}`, () =>
        handler.sendQuietly(placementFor(incoming), textsForMessage(incoming, question).queueFull(seconds)),
      );
      return;
    }
    this.track(conversationId, () =>
      handler.handle(incoming, intent, conversationId).finally(() => this.backlog.leave(user)),
    );
  }

  /** A button under an answer; answered on its own key so it never waits behind a slow answer. */
  private acceptCallback(query: IncomingCallbackQuery): void {
    if (this.state !== "running" && this.state !== "stopping") return;
    this.track(`callback:${query.from.id}`, async () => {
      const dependencies = { following: this.following, messenger: this.messenger, logger: this.logger };
      if (await handleUnfollowPress(query, dependencies)) return;
      await handleCallbackQuery(query, {
        service: this.options.service,
        messenger: this.messenger,
        recentAnswers: this.recentAnswers,
        evidence: this.evidence,
        logger: this.logger,
        now: this.options.now ?? Date.now,
      });
    });
  }

  private track(key: string, task: () => Promise<void>): void {
    this.queue.run(key, task).catch((error: unknown) => {
      this.logger.error({ error: describeError(error) }, "telegram: task failed");
    });
  }
}

/** The URL given to setWebhook: the configured one, with the route path when it names only a host. */
export function webhookUrl(url: string, path: string): string {
  const parsed = new URL(url);
  if (parsed.pathname === "/" || parsed.pathname === "") parsed.pathname = path;
  return parsed.toString();
}
