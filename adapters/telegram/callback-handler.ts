import type { BriefbotService } from "../../src/briefbot-service.ts";
import { describeError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import type { RecentAnswers } from "../slack/recent-answers.ts";
import { chooseTexts, textsFor } from "../texts/languages.ts";
import type { AnswerEvidence } from "./answer-evidence.ts";
import { answerKeyboard, decodeCallbackData } from "./answer-keyboard.ts";
import { renderClosestStories, renderFullPassages } from "./render-telegram.ts";
import { isMessageNotModified } from "./telegram-errors.ts";
import type { TelegramMessenger } from "./telegram-messenger.ts";

/**
 * A press on one of the buttons under an answer: 👍/👎 are recorded through the core's
 * feedback (question, answer, cited chunk ids; the last press counts) and marked on the
 * keyboard; "More sources" and "Closest stories" reply under the answer. Every query is
 * answered, so the client's spinner stops. Never throws.
 */

/** The fields of a Telegram callback query the handler reads (telegraf's `CallbackQuery` fits). */
export interface IncomingCallbackQuery {
  id: string;
  from: { id: number; language_code?: string | undefined };
  data?: string | undefined;
  message?:
    | {
        message_id: number;
        chat: { id: number };
        text?: string | undefined;
        message_thread_id?: number | undefined;
        is_topic_message?: boolean | undefined;
      }
    | undefined;
}

export interface CallbackHandlerDependencies {
  service: BriefbotService;
  messenger: TelegramMessenger;
  recentAnswers: RecentAnswers;
  evidence: AnswerEvidence;
  logger: Logger;
  now: () => number;
}

export async function handleCallbackQuery(
  query: IncomingCallbackQuery,
  dependencies: CallbackHandlerDependencies,
): Promise<void> {
  const { messenger, logger } = dependencies;
  const decoded = query.data === undefined ? null : decodeCallbackData(query.data);
  const remembered = decoded === null ? undefined : await dependencies.recentAnswers.recall(decoded.ref);
  const evidence = decoded === null ? undefined : dependencies.evidence.recall(decoded.ref);
  const texts =
    evidence === undefined
      ? chooseTexts(remembered?.question, query.from.language_code)
      : textsFor(evidence.language);
  const message = query.message;
  const answerQuery = (text?: string) =>
    messenger.answerCallback(query.id, text).catch((error: unknown) => {
      logger.debug({ error: describeError(error) }, "telegram: could not answer a callback query");
    });
  if (decoded === null || message === undefined) return await answerQuery();
  const placement = {
    chatId: message.chat.id,
    threadId: message.is_topic_message === true ? message.message_thread_id : undefined,
    replyToMessageId: message.message_id,
  };
  try {
    if (decoded.action === "up" || decoded.action === "down") {
      await dependencies.service.recordFeedback({
        at: new Date(dependencies.now()).toISOString(),
        platform: "telegram",
        user: String(query.from.id),
        conversationId: remembered?.conversationId ?? `telegram:${message.chat.id}`,
        rating: decoded.action,
        question: remembered?.question ?? "",
        answer: remembered?.answer ?? message.text ?? "",
        chunkIds: remembered?.chunkIds ?? [],
      });
      await answerQuery(texts.feedbackRecorded(decoded.action));
      if (evidence === undefined) return;
      const keyboard = answerKeyboard(texts, {
        ref: decoded.ref,
        coverage: evidence.coverage,
        hasCitations: evidence.citations.length > 0,
        hasRelated: evidence.related.length > 0,
        voted: decoded.action,
      });
      await messenger.editKeyboard(message.chat.id, message.message_id, keyboard).catch((error: unknown) => {
        // Pressing the same vote twice changes nothing; Telegram says so, and that is fine.
        if (!isMessageNotModified(error)) throw error;
      });
      return;
    }
    if (evidence === undefined) return await answerQuery(texts.answerForgotten);
    await answerQuery();
    const parts =
      decoded.action === "more"
        ? renderFullPassages(evidence.citations, texts)
        : renderClosestStories(evidence.related, texts);
    await messenger.sendParts(placement, parts);
  } catch (error) {
    logger.error({ chatId: message.chat.id, error: describeError(error) }, "telegram: a button press failed");
    await answerQuery(texts.apology);
  }
}
