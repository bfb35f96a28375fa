/**
 * What briefbot does with each kind of Slack input: the assistant panel (thread started,
 * messages), mentions, DMs and thread follow-ups, `/brief`, feedback clicks and the App Home
 * tab. All decisions live in pure modules; this file wires them to Bolt.
 */

import { type App, Assistant } from "@slack/bolt";
import type { BriefbotService } from "../../src/briefbot-service.ts";
import { describeError } from "../../src/errors.ts";
import type { Following } from "../../src/follow/following.ts";
import type { Logger } from "../../src/logger.ts";
import { type QuestionBacklog, type TurnLimiter, waitForTurn } from "../question-backlog.ts";
import { clip } from "../quoted-sentence.ts";
import type { KeyedSerialQueue } from "../telegram/serial-queue.ts";
import type { FixedTexts } from "../texts/fixed-texts.ts";
import { textsFor } from "../texts/languages.ts";
import { answerInThread } from "./answer-in-thread.ts";
import { renderHome } from "./app-home.ts";
import { registerBriefCommand } from "./brief-command.ts";
import type { EventDeduplicator } from "./event-dedup.ts";
import type { ExpiringKeys } from "./expiring-keys.ts";
import { feedbackClickFromBody, feedbackEntryFor } from "./feedback-click.ts";
import {
  decodeFeedbackReference,
  feedbackActionId,
  feedbackDownActionId,
  feedbackUpActionId,
} from "./feedback-reference.ts";
import { slackFollower } from "./follow-commands.ts";
import type { InFlightTasks } from "./in-flight-tasks.ts";
import type { RecentAnswers } from "./recent-answers.ts";
import { renderNotice } from "./render-slack.ts";
import type { ReplyTarget } from "./reply-decision.ts";
import {
  conversationIdFor,
  decideReply,
  type IncomingSlackMessage,
  incomingFromEvent,
} from "./reply-decision.ts";
import { aiCallsFor } from "./slack-ai-calls.ts";
import { messengerFor, type SlackDelivery } from "./slack-messenger.ts";
import { questionFromSlackText } from "./slack-text.ts";
import { textsForUser } from "./user-texts.ts";

/** Longest assistant thread title; Slack shows about this much in the history list. */
const threadTitleLength = 60;

/** Shared state and settings for the listeners; owned by `createSlackAdapter`. */
export interface ListenerDependencies {
  service: BriefbotService;
  logger: Logger;
  allowedChannels: ReadonlySet<string> | undefined;
  allowDms: boolean;
  streamUpdateIntervalMs: number;
  /** Use chat.startStream/appendStream/stopStream where the workspace allows them. */
  streaming: boolean;
  /** Event ids claimed in the shared state: one answer per event across replicas. */
  deduplicator: EventDeduplicator;
  /** `<channel>:<thread_ts>` of threads the bot answered in (shared), so plain follow-ups are understood. */
  answeredThreads: ExpiringKeys;
  recentAnswers: RecentAnswers;
  /** Topics people follow (`/brief follow`), listed on the App Home too. */
  following: Following;
  tasks: InFlightTasks;
  /** Slack locales by user, filled from users.info. */
  locales: Map<string, string | undefined>;
  /** Questions per user per window; over it, questions wait in `backlog` and are answered in order. */
  rateLimiter: TurnLimiter;
  backlog: QuestionBacklog;
  /** One answer at a time per user, in the order asked. */
  userQueue: KeyedSerialQueue;
  /** Aborted when the adapter stops: questions still waiting for their turn give up (logged). */
  signal: AbortSignal;
  /** The rate limit's window, for the "ask again in N s" of a full line. */
  rateLimitWindowMs: number;
  now: () => number;
  /** Retry policy and per-channel gate for posts and updates. */
  delivery: SlackDelivery;
}

/** Register the deduplication middleware, the listeners and the error handler on `app`. */
export function registerSlackListeners(app: App, dependencies: ListenerDependencies): void {
  const { logger } = dependencies;
  const aiCalls = (client: App["client"]) => aiCallsFor(client, dependencies.locales);

  // Retries (X-Slack-Retry-Num) and duplicate deliveries share the event_id: ack, do nothing.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && (await dependencies.deduplicator.isDuplicate(eventId))) {
      logger.info({ eventId }, "slack: ignored a repeated event");
      return;
    }
    await next();
  });

  const flowDependencies = (client: App["client"], teamId: string | undefined) => ({
    service: dependencies.service,
    messenger: messengerFor(client, dependencies.delivery),
    ai: aiCalls(client),
    recentAnswers: dependencies.recentAnswers,
    logger,
    streamUpdateIntervalMs: dependencies.streamUpdateIntervalMs,
    streaming: dependencies.streaming,
    teamId,
  });

  // The assistant panel: greeting and suggested prompts when a thread opens; questions in it.
  app.assistant(
    new Assistant({
      // briefbot does not use which channel the user is looking at; no context to keep.
      threadContextStore: { get: async () => ({}), save: async () => {} },
      threadContextChanged: async () => {},
      threadStarted: async ({ event, setSuggestedPrompts, client }) => {
        const thread = event.assistant_thread;
        const texts = await textsForUser(aiCalls(client), thread.user_id, undefined, logger);
        try {
          await messengerFor(client, dependencies.delivery).post(
            thread.channel_id,
            thread.thread_ts,
            renderNotice(texts.assistantGreeting),
          );
          await setSuggestedPrompts({ title: texts.suggestedPromptsTitle, prompts: texts.suggestedPrompts });
        } catch (error) {
          logger.warn({ err: describeError(error) }, "slack: could not greet an assistant thread");
        }
      },
      userMessage: async ({ message, client, context, setTitle }) => {
        const incoming = incomingFromEvent("message", message as unknown as Record<string, unknown>);
        if (incoming === null || incoming.user === undefined || incoming.threadTs === undefined) return;
        if (!dependencies.allowDms || incoming.botId !== undefined || incoming.subtype !== undefined) return;
        const question = questionFromSlackText(incoming.text, context.botUserId);
        const texts = await textsForUser(aiCalls(client), incoming.user, question, logger);
        if (question !== "") {
          await setTitle(clip(question, threadTitleLength)).catch((error: unknown) =>
            logger.debug({ err: describeError(error) }, "slack: could not set the thread title"),
          );
        }
        const target = {
          channel: incoming.channel,
          threadTs: incoming.threadTs,
          conversationId: conversationIdFor(incoming.channel, incoming.threadTs),
          question,
          user: incoming.user,
        };
        await dependencies.tasks.track(
          answerInThread(target, texts, flowDependencies(client, context.teamId)),
        );
      },
    }),
  );

  const onMessage =
    (kind: IncomingSlackMessage["kind"]) =>
    async (args: {
      event: object;
      context: { botUserId?: string | undefined; teamId?: string | undefined };
      client: App["client"];
    }) => {
      const incoming = incomingFromEvent(kind, args.event as Record<string, unknown>);
      if (incoming === null) return;
      // Asked of the shared state before deciding, so a follow-up reaching any replica is understood.
      const answeredThread =
        incoming.threadTs !== undefined &&
        (await dependencies.answeredThreads.has(`${incoming.channel}:${incoming.threadTs}`));
      const decision = decideReply(incoming, {
        botUserId: args.context.botUserId,
        allowedChannels: dependencies.allowedChannels,
        allowDms: dependencies.allowDms,
        isAnsweredThread: (channel, threadTs) =>
          answeredThread && channel === incoming.channel && threadTs === incoming.threadTs,
      });
      if (decision.action === "ignore") {
        logger.debug({ kind, channel: incoming.channel, reason: decision.reason }, "slack: not answering");
        return;
      }
      const { target } = decision;
      if (target.threadTs !== undefined) {
        await dependencies.answeredThreads.add(`${target.channel}:${target.threadTs}`);
      }
      const texts = await textsForUser(aiCalls(args.client), target.user, target.question, logger);
      await dependencies.tasks.track(
        answerInTurn(target, texts, flowDependencies(args.client, args.context.teamId)),
      );
    };
  /**
   * Answer when the user's rate limit allows: over it, the first waiting question posts one
   * notice and the rest are answered in order; only a full line refuses, and says so.
   */
  const answerInTurn = async (
    target: ReplyTarget,
    texts: FixedTexts,
    flow: ReturnType<typeof flowDependencies>,
  ): Promise<void> => {
    const notice = (text: string) =>
      flow.messenger.post(target.channel, target.threadTs, renderNotice(text)).then(
        () => undefined,
        (error: unknown) => logger.warn({ err: describeError(error) }, "slack: could not post a notice"),
      );
    if (target.question === "") return await answerInThread(target, texts, flow);
    if (!dependencies.backlog.enter(target.user)) {
      logger.info({ user: target.user }, "slack: too many questions waiting; refusing one");
      return await notice(texts.queueFull(Math.ceil(dependencies.rateLimitWindowMs / 1000)));
    }
    await dependencies.userQueue.run(target.user, async () => {
      try {
        const admitted = await waitForTurn({
          user: target.user,
          limiter: dependencies.rateLimiter,
          backlog: dependencies.backlog,
          signal: dependencies.signal,
          notify: async (retryAfterMs) => {
            logger.info({ user: target.user }, "slack: rate limit reached; questions wait");
            await notice(texts.queuedNotice(Math.max(1, Math.ceil(retryAfterMs / 1000))));
          },
        });
        if (!admitted) {
          logger.warn(
            { user: target.user, channel: target.channel },
            "slack: stopping; a waiting question was not answered",
          );
          return;
        }
        await answerInThread(target, texts, flow);
      } finally {
        dependencies.backlog.leave(target.user);
      }
    });
  };

  app.event("app_mention", onMessage("app_mention"));
  app.event("message", onMessage("message"));

  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const ai = aiCalls(client);
    try {
      const texts = await textsForUser(ai, event.user, undefined, logger);
      const topics = await dependencies.following.topicsOf(slackFollower(event.user));
      await ai.publishHome(event.user, renderHome(await dependencies.service.overview(), texts, topics));
    } catch (error) {
      logger.error({ err: describeError(error) }, "slack: could not publish the App Home");
    }
  });

  registerBriefCommand(app, dependencies);

  app.action(
    new RegExp(`^(${feedbackActionId}|${feedbackUpActionId}|${feedbackDownActionId})$`),
    async ({ ack, body, respond }) => {
      await ack();
      const click = feedbackClickFromBody(body as unknown as Record<string, unknown>);
      if (click === null) return;
      const entry = await feedbackEntryFor(click, dependencies.recentAnswers, new Date(dependencies.now()));
      try {
        await dependencies.service.recordFeedback(entry);
      } catch (error) {
        logger.error({ err: describeError(error) }, "slack: recording feedback failed");
        return;
      }
      // Slack keeps the picked button highlighted; the thanks says which vote counts now (the last).
      const texts = textsFor(decodeFeedbackReference(click.value)?.language);
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: texts.feedbackRecorded(entry.rating),
      }).catch((error: unknown) =>
        logger.warn({ err: describeError(error) }, "slack: could not thank for feedback"),
      );
    },
  );

  app.error(async (error) => {
    logger.error({ err: describeError(error) }, "slack: a listener failed");
  });
}
