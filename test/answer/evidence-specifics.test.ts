import { describe, expect, it } from "vitest";
import { checkSpecifics, type PassageContext } from "../../src/answer/evidence-specifics.ts";
import { analyzeQuestion } from "../../src/question/analyze-question.ts";
import { tokenize } from "../../src/text/segment.ts";

function context(lang: PassageContext["lang"]): PassageContext {
  return { title: new Set(), storyTitle: "", wider: new Set(), source: new Set(), lang };
}

function holds(
  question: string,
  windowText: string,
  translations: Record<string, string[]>,
  lang: "en" | "zh",
) {
  const { specifics } = analyzeQuestion(question);
  return checkSpecifics(
    specifics,
    new Set(tokenize(windowText)),
    windowText,
    context(lang),
    new Map(Object.entries(translations)),
  ).hold;
}

describe("checkSpecifics across languages", () => {
  const question = "Which school's graduates, from Lin Haoran to Qiao Mingyu, lead the battery trade?";
  const sentence = "从林浩然到乔明宇，江大校友撑起电池产业半壁江山。";

  it("finds a romanised name that the lexicon translates, by any part, to the whole name written in the window", () => {
    const translations = { haoran: ["林浩然"], qiao: ["乔明宇"] };
    expect(holds(question, sentence, translations, "zh")).toBe(true);
  });

  it("does not look in Chinese for a name whose only 'translation' is a Latin spelling variant", () => {
    expect(holds(question, sentence, { haoran: ["林浩然"], mingyu: ["mingyue"] }, "zh")).toBe(true);
    // A Chinese translation the window lacks is a missing name.
    expect(holds(question, sentence, { haoran: ["林浩然"], mingyu: ["明宇宙"] }, "zh")).toBe(false);
  });
});
