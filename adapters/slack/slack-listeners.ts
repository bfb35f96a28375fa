/**
 * What briefbot does with each kind of Slack input: mentions, DMs and thread follow-ups,
 * `/brief`, and 👍/👎 clicks. All decisions live in pure modules; this file wires them to Bolt.
 */

import type { App } from "@slack/bolt";
import type { BriefbotService } from "../../src/briefbot-service.ts";
import { describeError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import { answerInThread } from "./answer-in-thread.ts";
import { answerSlashCommand, type EphemeralResponder } from "./answer-slash-command.ts";
import type { EventDeduplicator } from "./event-dedup.ts";
import type { ExpiringKeys } from "./expiring-keys.ts";
import { feedbackClickFromBody, feedbackEntryFor } from "./feedback-click.ts";
import { feedbackDownActionId, feedbackUpActionId } from "./feedback-reference.ts";
import type { InFlightTasks } from "./in-flight-tasks.ts";
import type { RecentAnswers } from "./recent-answers.ts";
import { feedbackThanksText, placeholderText } from "./render-slack.ts";
import { decideReply, type IncomingSlackMessage, incomingFromEvent } from "./reply-decision.ts";
import { messengerFor } from "./slack-messenger.ts";
import { questionFromSlackText } from "./slack-text.ts";

/** The one slash command briefbot registers (see slack-app-manifest.yaml). */
export const slashCommandName = "/brief";
/** Ephemeral reply to a bare `/brief`. */
export const slashUsageText = "Usage: `/brief <question>`, for example `/brief what changed in Node 22?`";

/** Shared state and settings for the listeners; owned by `createSlackAdapter`. */
export interface ListenerDependencies {
  service: BriefbotService;
  logger: Logger;
  allowedChannels: ReadonlySet<string> | undefined;
  allowDms: boolean;
  streamUpdateIntervalMs: number;
  /** Event ids claimed in the shared state: one answer per event across replicas. */
  deduplicator: EventDeduplicator;
  /** `<channel>:<thread_ts>` of threads the bot answered in (shared), so plain follow-ups are understood. */
  answeredThreads: ExpiringKeys;
  recentAnswers: RecentAnswers;
  tasks: InFlightTasks;
  now: () => number;
}

/** Register the deduplication middleware, the listeners and the error handler on `app`. */
export function registerSlackListeners(app: App, dependencies: ListenerDependencies): void {
  const { logger } = dependencies;

  // Retries (X-Slack-Retry-Num) and duplicate deliveries share the event_id: ack, do nothing.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && (await dependencies.deduplicator.isDuplicate(eventId))) {
      logger.info({ eventId }, "slack: ignored a repeated event");
      return;
    }
    await next();
  });

  const onMessage =
    (kind: IncomingSlackMessage["kind"]) =>
    async (args: { event: object; context: { botUserId?: string | undefined }; client: App["client"] }) => {
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
      await dependencies.tasks.track(
        answerInThread(target, {
          service: dependencies.service,
          messenger: messengerFor(args.client),
          recentAnswers: dependencies.recentAnswers,
          logger,
          streamUpdateIntervalMs: dependencies.streamUpdateIntervalMs,
        }),
      );
    };
  app.event("app_mention", onMessage("app_mention"));
  app.event("message", onMessage("message"));

  app.command(slashCommandName, async ({ command, ack, respond, context }) => {
    const channel = command.channel_id;
    const isDirectMessage = channel.startsWith("D") || command.channel_name === "directmessage";
    const allowed = isDirectMessage
      ? dependencies.allowDms
      : dependencies.allowedChannels === undefined || dependencies.allowedChannels.has(channel);
    if (!allowed) {
      // Slack needs the ack either way; an empty one shows nothing to the user.
      await ack();
      logger.debug({ channel }, "slack: /brief outside the allowed channels");
      return;
    }
    const question = questionFromSlackText(command.text, context.botUserId);
    if (question === "") {
      await ack({ response_type: "ephemeral", text: slashUsageText });
      return;
    }
    await ack({ response_type: "ephemeral", text: placeholderText });
    await dependencies.tasks.track(
      answerSlashCommand(
        {
          question,
          // Per person and channel: slash answers are private, so follow-ups are too.
          conversationId: `slack:${channel}:command:${command.user_id}`,
          channel,
          user: command.user_id,
        },
        respond as EphemeralResponder,
        dependencies,
      ),
    );
  });

  app.action(
    new RegExp(`^(${feedbackUpActionId}|${feedbackDownActionId})$`),
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
      await respond({ response_type: "ephemeral", replace_original: false, text: feedbackThanksText }).catch(
        (error: unknown) => logger.warn({ err: describeError(error) }, "slack: could not thank for feedback"),
      );
    },
  );

  app.error(async (error) => {
    logger.error({ err: describeError(error) }, "slack: a listener failed");
  });
}
