import { cjkShare } from "../../src/text/segment.ts";
import { en } from "./en.ts";
import type { FixedTexts } from "./fixed-texts.ts";
import { zh } from "./zh.ts";

/**
 * Which language's fixed texts to show: the question's own language when it has one, else the
 * platform's idea of the user's language (Telegram `language_code`, Slack `locale`), else English.
 */

/** Every language the adapters speak, by code. Add a language's file here. */
export const fixedTexts: Readonly<Record<string, FixedTexts>> = { en, zh };

/** The texts for a language code ("zh", "zh-hans", "en-US"); English when unknown. */
export function textsFor(code: string | undefined | null): FixedTexts {
  if (code === undefined || code === null) return en;
  const base = code.toLowerCase().split(/[-_]/)[0] ?? "";
  return fixedTexts[base] ?? en;
}

/**
 * Same threshold as the core's `questionLanguage` (40 % CJK among letters): a question that is
 * mostly Hanzi is Chinese; one with Latin letters and fewer Hanzi is English.
 */
const chineseShare = 0.4;

/** The language of a question, or undefined when it has no letters to tell by ("?", "/start"). */
export function languageOfText(text: string): string | undefined {
  if (!/\p{L}/u.test(text)) return undefined;
  return cjkShare(text) >= chineseShare ? "zh" : "en";
}

/** Texts for someone who wrote `question` (may be empty) and whose client says `userLanguage`. */
export function chooseTexts(
  question: string | undefined,
  userLanguage: string | undefined | null,
): FixedTexts {
  const fromQuestion = question === undefined ? undefined : languageOfText(question);
  return textsFor(fromQuestion ?? userLanguage);
}
