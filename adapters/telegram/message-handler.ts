import type { Answer } from "../../src/answer/answer-types.ts";
import type { BriefbotService } from "../../src/briefbot-service.ts";
import { describeError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import {
  APOLOGY,
  ASK_USAGE,
  FORGOT_CONVERSATION,
  helpParts,
  slowDownText,
  sourcesParts,
  startParts,
  UNKNOWN_COMMAND,
} from "./command-texts.ts";
import type { ConversationTracker } from "./conversation-key.ts";
import { forumTopicId, type IncomingTextMessage, isPrivateChat } from "./incoming-message.ts";
import type { FixedWindowRateLimiter } from "./rate-limiter.ts";
import type { IncomingIntent } from "./read-incoming-message.ts";
import { renderAnswer } from "./render-telegram.ts";
import { MESSAGE_PART_TARGET } from "./split-message.ts";
import { StreamingDraft } from "./streaming-draft.ts";
import { escapeHtml } from "./telegram-html.ts";
import type { Placement, TelegramMessenger } from "./telegram-messenger.ts";
import { startTypingIndicator } from "./typing-indicator.ts";

/**
 * Turns one classified message into replies: commands, and questions answered through
 * `BriefbotService` with typing, streaming preview, rendering and delivery. Every failure ends
 * in a log line and, where possible, a short apology; nothing here stops the bot.
 */

export interface MessageHandlerDependencies {
  service: BriefbotService;
  messenger: TelegramMessenger;
  tracker: ConversationTracker;
  rateLimiter: FixedWindowRateLimiter;
  logger: Logger;
  now: () => number;
  typingIntervalMs: number;
  streamEditIntervalMs: number;
  /** Try Bot API `sendMessageDraft` for streaming previews before falling back to message edits. */
  nativeDrafts: boolean;
  /** Aborted when the adapter stops for good; passed to the service so long answers end. */
  signal: AbortSignal;
}

export class TelegramMessageHandler {
  constructor(private readonly dependencies: MessageHandlerDependencies) {}

  /** Handle a message addressed to the bot. Never throws. */
  async handle(message: IncomingTextMessage, intent: IncomingIntent, conversationId: string): Promise<void> {
    const placement = placementFor(message);
    try {
      await this.dispatch(message, intent, conversationId, placement);
    } catch (error) {
      this.dependencies.logger.error(
        { chatId: message.chat.id, messageId: message.message_id, error: describeError(error) },
        "telegram: handling a message failed",
      );
      await this.sendQuietly(placement, APOLOGY);
    }
  }

  private async dispatch(
    message: IncomingTextMessage,
    intent: IncomingIntent,
    conversationId: string,
    placement: Placement,
  ): Promise<void> {
    const { service, messenger } = this.dependencies;
    if (intent.kind === "ignore") return;
    if (intent.kind === "question")
      return await this.answerQuestion(message, intent.question, conversationId, placement);
    switch (intent.command) {
      case "start":
        await messenger.sendParts(placement, startParts(await service.overview()));
        return;
      case "help":
        await messenger.sendParts(placement, helpParts());
        return;
      case "sources":
        await messenger.sendParts(placement, sourcesParts(await service.overview()));
        return;
      case "new":
        await service.forget(conversationId);
        await messenger.sendParts(placement, [escapeHtml(FORGOT_CONVERSATION)]);
        return;
      case "ask":
        if (intent.argument === "") await messenger.sendParts(placement, [escapeHtml(ASK_USAGE)]);
        else await this.answerQuestion(message, intent.argument, conversationId, placement);
        return;
      default:
        // In groups a bare unknown command is probably for another bot; stay quiet there.
        if (isPrivateChat(message)) await messenger.sendParts(placement, [escapeHtml(UNKNOWN_COMMAND)]);
    }
  }

  private async answerQuestion(
    message: IncomingTextMessage,
    question: string,
    conversationId: string,
    placement: Placement,
  ): Promise<void> {
    const { service, messenger, logger } = this.dependencies;
    if (!(await this.withinRateLimit(message, placement))) return;
    const chatId = message.chat.id;
    const stopTyping = startTypingIndicator(
      () => messenger.sendTyping(placement),
      this.dependencies.typingIntervalMs,
      (error) => logger.debug({ chatId, error: describeError(error) }, "telegram: typing action failed"),
    );
    // Streaming previews only in private chats: in groups, edits would notify everyone repeatedly.
    const draft = isPrivateChat(message) ? this.createDraft(placement) : undefined;
    try {
      let answer: Answer;
      try {
        answer = await service.answer({
          question,
          conversationId,
          onPartial: draft === undefined ? undefined : (textSoFar) => draft.update(textSoFar),
          signal: this.dependencies.signal,
        });
      } catch (error) {
        stopTyping();
        const draftId = await draft?.settle();
        logger.error({ chatId, conversationId, error: describeError(error) }, "telegram: answering failed");
        await this.replaceOrSend(placement, draftId, APOLOGY);
        return;
      }
      // Stop "typing…" before the answer goes out: a tick after it would show typing again for ~5 s.
      stopTyping();
      try {
        const parts = renderAnswer(answer, MESSAGE_PART_TARGET);
        const draftId = await draft?.settle();
        const sentIds = await this.deliver(placement, parts, draftId);
        for (const id of sentIds) this.dependencies.tracker.remember(chatId, id, conversationId);
      } catch (error) {
        // Retries are exhausted by now: say so in the log, never drop an answer silently.
        logger.error(
          { chatId, conversationId, error: describeError(error) },
          "telegram: could not deliver an answer",
        );
        await this.sendQuietly(placement, APOLOGY);
      }
    } finally {
      stopTyping();
      await draft?.settle();
    }
  }

  /** Send the parts; when a draft is showing, it becomes part 1. Returns the ids of the answer's messages. */
  private async deliver(
    placement: Placement,
    parts: string[],
    draftId: number | undefined,
  ): Promise<number[]> {
    const { messenger, logger } = this.dependencies;
    const [first, ...rest] = parts;
    if (first === undefined) return [];
    if (draftId === undefined) return await messenger.sendParts(placement, parts);
    let extraIds: number[];
    try {
      extraIds = await messenger.editHtml(placement, draftId, first);
    } catch (error) {
      // E.g. the user deleted the draft: send the answer as new messages instead of losing it.
      logger.warn(
        { chatId: placement.chatId, error: describeError(error) },
        "telegram: could not edit the draft",
      );
      return await messenger.sendParts(placement, parts);
    }
    const followUp = { ...placement, replyToMessageId: undefined };
    return [draftId, ...extraIds, ...(await messenger.sendParts(followUp, rest))];
  }

  /** Put a short plain notice where the draft is, or send it when there is no draft. */
  private async replaceOrSend(
    placement: Placement,
    draftId: number | undefined,
    text: string,
  ): Promise<void> {
    if (draftId === undefined) return await this.sendQuietly(placement, text);
    try {
      await this.dependencies.messenger.editHtml(placement, draftId, escapeHtml(text));
    } catch {
      await this.sendQuietly(placement, text);
    }
  }

  private async withinRateLimit(message: IncomingTextMessage, placement: Placement): Promise<boolean> {
    const userKey = String(message.from?.id ?? message.chat.id);
    const decision = await this.dependencies.rateLimiter.tryAcquire(userKey);
    if (decision.allowed) return true;
    if (!(await this.dependencies.rateLimiter.shouldTellSlowDown(userKey, decision.retryAfterMs)))
      return false;
    this.dependencies.logger.info({ chatId: message.chat.id, user: userKey }, "telegram: rate limit reached");
    await this.dependencies.messenger.sendParts(placement, [escapeHtml(slowDownText(decision.retryAfterMs))]);
    return false;
  }

  private createDraft(placement: Placement): StreamingDraft {
    const { messenger, logger } = this.dependencies;
    return new StreamingDraft(
      {
        send: (text) => messenger.sendDraft(placement, text),
        edit: (messageId, text) => messenger.editDraft(placement.chatId, messageId, text),
        sendNativeDraft: this.dependencies.nativeDrafts
          ? (draftId, text) => messenger.sendNativeDraft(placement, draftId, text)
          : undefined,
      },
      {
        intervalMs: this.dependencies.streamEditIntervalMs,
        now: this.dependencies.now,
        maxLength: MESSAGE_PART_TARGET,
        onGiveUp: (error) =>
          logger.debug(
            { chatId: placement.chatId, error: describeError(error) },
            "telegram: stopped streaming preview",
          ),
      },
    );
  }

  /** A short plain notice that must not throw: its failure is only logged. */
  private async sendQuietly(placement: Placement, text: string): Promise<void> {
    try {
      await this.dependencies.messenger.sendParts(placement, [escapeHtml(text)]);
    } catch (error) {
      this.dependencies.logger.error(
        { chatId: placement.chatId, error: describeError(error) },
        "telegram: could not send a notice",
      );
    }
  }
}

/** Where replies to `message` go: same chat and forum topic; in groups, a reply to the message itself. */
export function placementFor(message: IncomingTextMessage): Placement {
  return {
    chatId: message.chat.id,
    threadId: forumTopicId(message),
    replyToMessageId: isPrivateChat(message) ? undefined : message.message_id,
  };
}
