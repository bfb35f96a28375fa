/**
 * The visible life of one answer: a placeholder at once, throttled edits while a generated
 * answer streams, then the final cited message — or an apology if anything failed midway.
 */

import type { Answer } from "../../src/answer/answer-types.ts";
import type { BriefbotService } from "../../src/briefbot-service.ts";
import { describeError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import { encodeFeedbackReference } from "./feedback-reference.ts";
import type { RecentAnswers } from "./recent-answers.ts";
import { apologyText, placeholderText, renderAnswer, renderNotice, renderPartial } from "./render-slack.ts";
import type { ReplyTarget } from "./reply-decision.ts";
import type { SlackMessage } from "./slack-blocks.ts";
import type { SlackMessenger } from "./slack-messenger.ts";
import { ThrottledUpdater } from "./throttled-updater.ts";

/** Posted when someone mentions the bot without a question. */
export const emptyQuestionHint =
  "Ask me something about the briefs, for example: “What did the newsletters say about WebGPU?”";

/** What `answerInThread` needs; the messenger hides Bolt's client. */
export interface AnswerFlowDependencies {
  service: BriefbotService;
  messenger: SlackMessenger;
  recentAnswers: RecentAnswers;
  logger: Logger;
  streamUpdateIntervalMs: number;
}

/** Answer `target.question` in `target.channel` / `target.threadTs`. Never throws. */
export async function answerInThread(
  target: ReplyTarget,
  dependencies: AnswerFlowDependencies,
): Promise<void> {
  const { messenger, logger } = dependencies;
  const where = { channel: target.channel, threadTs: target.threadTs };
  if (target.question === "") {
    await messenger
      .post(target.channel, target.threadTs, renderNotice(emptyQuestionHint))
      .catch((error: unknown) => {
        logger.error({ ...where, err: describeError(error) }, "slack: could not post a hint");
      });
    return;
  }

  let placeholderTs: string;
  try {
    placeholderTs = await messenger.post(target.channel, target.threadTs, renderNotice(placeholderText));
  } catch (error) {
    logger.error({ ...where, err: describeError(error) }, "slack: could not post the placeholder");
    return;
  }

  const edit = (message: SlackMessage) => messenger.update(target.channel, placeholderTs, message);
  const streaming = new ThrottledUpdater({
    intervalMs: dependencies.streamUpdateIntervalMs,
    send: (textSoFar) => edit(renderPartial(textSoFar)),
    // A lost intermediate edit is harmless; the final update replaces it.
    onError: (error) =>
      logger.warn({ ...where, err: describeError(error) }, "slack: a streaming update failed"),
  });

  let answer: Answer;
  try {
    answer = await dependencies.service.answer({
      question: target.question,
      conversationId: target.conversationId,
      onPartial: (textSoFar) => streaming.push(textSoFar),
    });
  } catch (error) {
    await streaming.close();
    logger.error({ ...where, err: describeError(error) }, "slack: answering failed");
    await edit(renderNotice(apologyText)).catch((updateError: unknown) => {
      logger.error({ ...where, err: describeError(updateError) }, "slack: could not post the apology");
    });
    return;
  }
  await streaming.close();

  const feedbackValue = encodeFeedbackReference({
    ref: await dependencies.recentAnswers.remember({
      conversationId: target.conversationId,
      question: target.question,
      answer: answer.text,
      chunkIds: answer.citations.map((citation) => citation.id),
    }),
    chunkIds: answer.citations.map((citation) => citation.id),
  });
  try {
    await edit(renderAnswer(answer, { feedbackValue }));
  } catch (error) {
    logger.error({ ...where, err: describeError(error) }, "slack: could not post the answer");
    await edit(renderNotice(apologyText)).catch(() => {
      // Already logged above; the placeholder stays, nothing more we can do.
    });
  }
}
