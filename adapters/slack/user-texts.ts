import { describeError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import type { FixedTexts } from "../texts/fixed-texts.ts";
import { languageOfText, textsFor } from "../texts/languages.ts";
import type { SlackAiCalls } from "./slack-ai-calls.ts";

/** The question's language when it has one, else the user's Slack locale, else English. */
export async function textsForUser(
  ai: SlackAiCalls,
  user: string,
  question: string | undefined,
  logger: Logger,
): Promise<FixedTexts> {
  const fromQuestion = question === undefined ? undefined : languageOfText(question);
  if (fromQuestion !== undefined) return textsFor(fromQuestion);
  const locale = await ai.userLocale(user).catch((error: unknown) => {
    logger.debug({ user, err: describeError(error) }, "slack: could not read the user's locale");
    return undefined;
  });
  return textsFor(locale);
}
