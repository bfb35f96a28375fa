/**
 * `/brief <question>`: the answer goes only to the person who asked (ephemeral, via the
 * command's response_url). The ack already says "Searching the briefs…"; the answer then
 * replaces that message (`replace_original`), so one message remains.
 */

import type { BriefbotService } from "../../src/briefbot-service.ts";
import { describeError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import type { FixedTexts } from "../texts/fixed-texts.ts";
import type { RecentAnswers } from "./recent-answers.ts";
import { renderAnswer, renderNotice } from "./render-slack.ts";
import type { SlackBlock } from "./slack-blocks.ts";

/** An ephemeral reply through the response_url, replacing the "searching" one. */
export type EphemeralResponder = (message: {
  response_type: "ephemeral";
  replace_original: boolean;
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
  texts: FixedTexts,
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
    const message = renderAnswer(answer, texts, { feedback: { ref, chunkIds, language: texts.code } });
    await respond({ response_type: "ephemeral", replace_original: true, ...message });
  } catch (error) {
    dependencies.logger.error({ ...where, err: describeError(error) }, "slack: /brief failed");
    await respond({
      response_type: "ephemeral",
      replace_original: true,
      ...renderNotice(texts.apology),
    }).catch((respondError: unknown) => {
      dependencies.logger.error(
        { ...where, err: describeError(respondError) },
        "slack: could not send the apology",
      );
    });
  }
}
