/**
 * The visible life of one answer: the thread's status ("searching…", rotating loading messages)
 * from the moment the question arrives, the answer streaming in, then the final cited message
 * with feedback buttons — or an apology if anything failed midway. See `LiveAnswer`.
 */

import type { Answer } from "../../src/answer/answer-types.ts";
import type { BriefbotService } from "../../src/briefbot-service.ts";
import { describeError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import type { FixedTexts } from "../texts/fixed-texts.ts";
import { LiveAnswer } from "./live-answer.ts";
import type { RecentAnswers } from "./recent-answers.ts";
import { renderAnswer, renderNotice } from "./render-slack.ts";
import type { ReplyTarget } from "./reply-decision.ts";
import type { SlackAiCalls } from "./slack-ai-calls.ts";
import type { SlackMessenger } from "./slack-messenger.ts";

/** What `answerInThread` needs; the messenger and AI calls hide Bolt's client. */
export interface AnswerFlowDependencies {
  service: BriefbotService;
  messenger: SlackMessenger;
  ai: SlackAiCalls;
  recentAnswers: RecentAnswers;
  logger: Logger;
  streamUpdateIntervalMs: number;
  /** Use Slack's streaming methods where the workspace allows them. */
  streaming: boolean;
  /** The workspace, for streams outside DMs. */
  teamId: string | undefined;
}

/** Answer `target.question` in `target.channel` / `target.threadTs`, in `texts`' language. Never throws. */
export async function answerInThread(
  target: ReplyTarget,
  texts: FixedTexts,
  dependencies: AnswerFlowDependencies,
): Promise<void> {
  const { messenger, logger, ai } = dependencies;
  const where = { channel: target.channel, threadTs: target.threadTs };
  if (target.question === "") {
    await messenger
      .post(target.channel, target.threadTs, renderNotice(texts.emptyQuestionHint))
      .catch((error: unknown) => {
        logger.error({ ...where, err: describeError(error) }, "slack: could not post a hint");
      });
    return;
  }

  // In a thread, the status shows at once and clears when the reply is posted; elsewhere a placeholder does.
  let statusShown = false;
  if (target.threadTs !== undefined) {
    statusShown = await ai
      .setStatus(target.channel, target.threadTs, texts.searching, texts.loadingMessages)
      .then(
        () => true,
        (error: unknown) => {
          logger.debug({ ...where, err: describeError(error) }, "slack: no thread status here");
          return false;
        },
      );
  }
  let placeholderTs: string | undefined;
  if (!statusShown) {
    try {
      placeholderTs = await messenger.post(target.channel, target.threadTs, renderNotice(texts.searching));
    } catch (error) {
      logger.error({ ...where, err: describeError(error) }, "slack: could not post the placeholder");
      return;
    }
  }
  const live = new LiveAnswer({
    channel: target.channel,
    threadTs: target.threadTs,
    placeholderTs,
    recipient: { teamId: dependencies.teamId, userId: target.user },
    messenger,
    ai,
    streaming: dependencies.streaming,
    streamUpdateIntervalMs: dependencies.streamUpdateIntervalMs,
    logger,
  });

  let answer: Answer;
  try {
    answer = await dependencies.service.answer({
      question: target.question,
      conversationId: target.conversationId,
      onPartial: (textSoFar) => live.push(textSoFar),
    });
  } catch (error) {
    logger.error({ ...where, err: describeError(error) }, "slack: answering failed");
    await live.finish(renderNotice(texts.apology)).catch((postError: unknown) => {
      logger.error({ ...where, err: describeError(postError) }, "slack: could not post the apology");
    });
    return;
  }

  const chunkIds = answer.citations.map((citation) => citation.id);
  const ref = await dependencies.recentAnswers.remember({
    conversationId: target.conversationId,
    question: target.question,
    answer: answer.text,
    chunkIds,
  });
  try {
    await live.finish(renderAnswer(answer, texts, { feedback: { ref, chunkIds, language: texts.code } }));
  } catch (error) {
    logger.error({ ...where, err: describeError(error) }, "slack: could not post the answer");
    await live.finish(renderNotice(texts.apology)).catch(() => {
      // Already logged above; nothing more we can do.
    });
  }
}
