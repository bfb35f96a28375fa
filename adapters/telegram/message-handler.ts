import type { Answer } from "../../src/answer/answer-types.ts";
import type { BriefbotService } from "../../src/briefbot-service.ts";
import { describeError } from "../../src/errors.ts";
import type { Following } from "../../src/follow/following.ts";
import type { Logger } from "../../src/logger.ts";
import { type QuestionBacklog, waitForTurn } from "../question-backlog.ts";
import type { RecentAnswers } from "../slack/recent-answers.ts";
import type { FixedTexts } from "../texts/fixed-texts.ts";
import type { AnswerEvidence } from "./answer-evidence.ts";
import { answerKeyboard } from "./answer-keyboard.ts";
import { helpParts, secondsFrom, sourcesParts, startParts } from "./command-texts.ts";
import type { ConversationTracker } from "./conversation-key.ts";
import { followCommandReply, isFollowCommand } from "./follow-commands.ts";
import { type IncomingTextMessage, isPrivateChat } from "./incoming-message.ts";
import type { FixedWindowRateLimiter } from "./rate-limiter.ts";
import type { IncomingIntent } from "./read-incoming-message.ts";
import { renderAnswer, renderDraft } from "./render-telegram.ts";
import { placementFor, textsForMessage, userKeyOf } from "./reply-context.ts";
import { MESSAGE_PART_TARGET } from "./split-message.ts";
import { StreamingDraft } from "./streaming-draft.ts";
import { escapeHtml } from "./telegram-html.ts";
import type { Placement, TelegramMessenger } from "./telegram-messenger.ts";
import { startTypingIndicator } from "./typing-indicator.ts";

/**
 * Turns one classified message into replies: commands, and questions answered through
 * `BriefbotService` with typing, a "Thinking…" draft, streaming preview, rendering, an inline
 * keyboard and delivery, all in the asker's language. Every failure ends in a log line and,
 * where possible, a short apology; nothing here stops the bot.
 */

export interface MessageHandlerDependencies {
  service: BriefbotService;
  messenger: TelegramMessenger;
  tracker: ConversationTracker;
  rateLimiter: FixedWindowRateLimiter;
  backlog: QuestionBacklog;
  recentAnswers: RecentAnswers;
  evidence: AnswerEvidence;
  /** Topics chats follow (`/follow`, `/unfollow`, `/following`). */
  following: Following;
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
    const question =
      intent.kind === "question" ? intent.question : intent.kind === "command" ? intent.argument : "";
    const texts = textsForMessage(message, question);
    try {
      await this.dispatch(message, intent, conversationId, placement, texts);
    } catch (error) {
      this.dependencies.logger.error(
        { chatId: message.chat.id, messageId: message.message_id, error: describeError(error) },
        "telegram: handling a message failed",
      );
      await this.sendQuietly(placement, texts.apology);
    }
  }

  private async dispatch(
    message: IncomingTextMessage,
    intent: IncomingIntent,
    conversationId: string,
    placement: Placement,
    texts: FixedTexts,
  ): Promise<void> {
    const { service, messenger } = this.dependencies;
    if (intent.kind === "ignore") return;
    if (intent.kind === "question")
      return await this.answerQuestion(message, intent.question, conversationId, placement, texts);
    switch (intent.command) {
      case "start":
        await messenger.sendParts(placement, startParts(await service.overview(), texts));
        return;
      case "help":
        await messenger.sendParts(placement, helpParts(texts));
        return;
      case "sources":
        await messenger.sendParts(placement, sourcesParts(await service.overview(), texts));
        return;
      case "new":
        await service.forget(conversationId);
        await messenger.sendParts(placement, [escapeHtml(texts.forgotConversation)]);
        return;
      case "ask":
        if (intent.argument === "") await messenger.sendParts(placement, [escapeHtml(texts.askUsage)]);
        else await this.answerQuestion(message, intent.argument, conversationId, placement, texts);
        return;
      default:
        if (isFollowCommand(intent.command)) {
          const reply = await followCommandReply(
            intent.command,
            intent.argument,
            message.chat.id,
            texts,
            this.dependencies.following,
          );
          await messenger.sendParts({ ...placement, replyMarkup: reply.replyMarkup }, reply.parts);
          return;
        }
        // In groups a bare unknown command is probably for another bot; stay quiet there.
        if (isPrivateChat(message)) await messenger.sendParts(placement, [escapeHtml(texts.unknownCommand)]);
    }
  }

  private async answerQuestion(
    message: IncomingTextMessage,
    question: string,
    conversationId: string,
    placement: Placement,
    texts: FixedTexts,
  ): Promise<void> {
    const { service, messenger, logger } = this.dependencies;
    if (!(await this.waitForTurn(message, placement, texts))) return;
    const chatId = message.chat.id;
    const stopTyping = startTypingIndicator(
      () => messenger.sendTyping(placement),
      this.dependencies.typingIntervalMs,
      (error) => logger.debug({ chatId, error: describeError(error) }, "telegram: typing action failed"),
    );
    // Streaming previews only in private chats: in groups, edits would notify everyone repeatedly.
    const draft = isPrivateChat(message) ? this.createDraft(placement) : undefined;
    draft?.thinking();
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
        await this.replaceOrSend(placement, draftId, texts.apology);
        return;
      }
      // Stop "typing…" before the answer goes out: a tick after it would show typing again for ~5 s.
      stopTyping();
      try {
        const parts = renderAnswer(answer, texts, MESSAGE_PART_TARGET);
        const replyMarkup = await this.keyboardFor(answer, question, conversationId, texts);
        const draftId = await draft?.settle();
        const sentIds = await this.deliver({ ...placement, replyMarkup }, parts, draftId);
        for (const id of sentIds) this.dependencies.tracker.remember(chatId, id, conversationId);
      } catch (error) {
        // Retries are exhausted by now: say so in the log, never drop an answer silently.
        logger.error(
          { chatId, conversationId, error: describeError(error) },
          "telegram: could not deliver an answer",
        );
        await this.sendQuietly(placement, texts.apology);
      }
    } finally {
      stopTyping();
      await draft?.settle();
    }
  }

  /** Remember the answer for its buttons and build the keyboard under it. */
  private async keyboardFor(answer: Answer, question: string, conversationId: string, texts: FixedTexts) {
    const chunkIds = answer.citations.map((citation) => citation.id);
    // In the shared state: a button pressed on another replica (or after a restart) still
    // records the right question and answer.
    const ref = await this.dependencies.recentAnswers.remember({
      conversationId,
      question,
      answer: answer.text,
      chunkIds,
    });
    const coverage = answer.coverage;
    this.dependencies.evidence.remember(ref, {
      language: texts.code,
      coverage,
      citations: answer.citations,
      related: answer.related,
    });
    return answerKeyboard(texts, {
      ref,
      coverage,
      hasCitations: answer.citations.length > 0,
      hasRelated: answer.related.length > 0,
    });
  }

  /**
   * Send the parts, the keyboard under the last; when a draft message is showing, it becomes
   * part 1. Returns the ids of the answer's messages.
   */
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
      const firstPlacement = rest.length === 0 ? placement : { ...placement, replyMarkup: undefined };
      extraIds = await messenger.editHtml(firstPlacement, draftId, first);
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

  /**
   * Wait until the user's rate limit (counted in the shared state, so all replicas together allow
   * it once) lets this question through. The first question of a burst that has to wait sends one
   * notice (and only one across replicas per refusal period); questions behind it wait their turn
   * in the conversation's queue. False only when the adapter is stopping.
   */
  private async waitForTurn(
    message: IncomingTextMessage,
    placement: Placement,
    texts: FixedTexts,
  ): Promise<boolean> {
    const { rateLimiter, backlog, logger, signal } = this.dependencies;
    const user = userKeyOf(message);
    const admitted = await waitForTurn({
      user,
      limiter: rateLimiter,
      backlog,
      signal,
      notify: async (retryAfterMs) => {
        logger.info({ chatId: message.chat.id, user }, "telegram: rate limit reached; questions wait");
        if (!(await rateLimiter.shouldTellSlowDown(user, retryAfterMs))) return;
        await this.sendQuietly(placement, texts.queuedNotice(secondsFrom(retryAfterMs)));
      },
    });
    if (!admitted)
      logger.warn(
        { chatId: message.chat.id, user },
        "telegram: stopping; a waiting question was not answered",
      );
    return admitted;
  }

  private createDraft(placement: Placement): StreamingDraft {
    const { messenger, logger } = this.dependencies;
    return new StreamingDraft(
      {
        send: (text) => messenger.sendDraft(placement, renderDraft(text)),
        edit: (messageId, text) => messenger.editDraft(placement.chatId, messageId, renderDraft(text)),
        sendNativeDraft: this.dependencies.nativeDrafts
          ? (draftId, text) => messenger.sendNativeDraft(placement, draftId, renderDraft(text))
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
  async sendQuietly(placement: Placement, text: string): Promise<void> {
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
