/**
 * `/brief <question>`: the answer goes only to the person who asked (ephemeral, via the
 * command's response_url). Slack shows nothing while we work, so the ack already says we are
 * searching; the answer follows as a second ephemeral message.
 */

import type { BriefbotService } from "../../src/briefbot-service.ts";
import { describeError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import { encodeFeedbackReference } from "./feedback-reference.ts";
import type { RecentAnswers } from "./recent-answers.ts";
import { apologyText, renderAnswer, renderNotice } from "./render-slack.ts";
import type { SlackBlock } from "./slack-blocks.ts";

/** An ephemeral reply through the response_url. */
export type EphemeralResponder = (message: {
  response_type: "ephemeral";
  replace_original: false;
  text: string;
  blocks: SlackBlock[];
}) => Promise<unknown>;

/** A `/brief` invocation, already checked against the allowed channels. */
export interface SlashCommandRequest {
  question: string;
  conversationId: string;
  channel: string;
  user: string;
}

/** Answers and responds; never throws. */
export async function answerSlashCommand(
  request: SlashCommandRequest,
  respond: EphemeralResponder,
  dependencies: { service: BriefbotService; recentAnswers: RecentAnswers; logger: Logger },
): Promise<void> {
  const where = { channel: request.channel, user: request.user };
  try {
    const answer = await dependencies.service.answer({
      question: request.question,
      conversationId: request.conversationId,
    });
    const chunkIds = answer.citations.map((citation) => citation.id);
    const ref = await dependencies.recentAnswers.remember({
      conversationId: request.conversationId,
      question: request.question,
      answer: answer.text,
      chunkIds,
    });
    const message = renderAnswer(answer, { feedbackValue: encodeFeedbackReference({ ref, chunkIds }) });
    await respond({ response_type: "ephemeral", replace_original: false, ...message });
  } catch (error) {
    dependencies.logger.error({ ...where, err: describeError(error) }, "slack: /brief failed");
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      ...renderNotice(apologyText),
    }).catch((respondError: unknown) => {
      dependencies.logger.error(
        { ...where, err: describeError(respondError) },
        "slack: could not send the apology",
      );
    });
  }
}
