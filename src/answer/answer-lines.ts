import type { QuestionAnalysis } from "../question/analyze-question.ts";
import { tokenize } from "../text/segment.ts";
import type { AnswerSentence } from "./answer-sentences.ts";
import type { EvidenceWindow } from "./evidence-gate.ts";
import { keyFact } from "./key-fact.ts";

/** Lines after a quote in the other language: the key fact and names in the asker's language. */

/** Names the key entities of a passage in the asker's language, when the passage is in the other one. */
export type GlossEntities = (
  text: string,
  targetLang: "en" | "zh",
) => Array<{ source: string; gloss: string }>;

/**
 * When the sentence giving the asked figure or date is in the other language, a line restating
 * that fact in the asker's language ("要点：4183.8 公里"); the quote stays as written.
 */
export function keyFactLine(lead: EvidenceWindow, analysis: QuestionAnalysis, lang: "en" | "zh"): string {
  const sentence = lead.valueSentence;
  if (sentence === undefined || sentence.lang === lang) return "";
  const fact = keyFact(sentence.text, analysis, sentence.lang, lang);
  if (fact === null) return "";
  const date = !analysis.askedTypes.some((type) => type !== "date");
  if (lang === "zh") return `\n\n要点：${fact}`;
  return `\n\n${date ? "Key date" : "Key figure"}: ${fact}`;
}

/**
 * When the quoted sentences are in the other language, a line naming the entities the question
 * is about in the asker's language ("关键名称：Gotion（国轩高科）"); the quotes stay original.
 */
export function glossLine(
  foreign: AnswerSentence[],
  lang: "en" | "zh",
  asked: ReadonlySet<string>,
  glossEntities: GlossEntities | undefined,
): string {
  if (glossEntities === undefined || foreign.length === 0) return "";
  const seen = new Set<string>();
  const names: string[] = [];
  for (const entity of glossEntities(foreign.map((sentence) => sentence.text).join(" "), lang)) {
    if (seen.has(entity.source) || names.length >= 4) continue;
    // Only names the question is about: they tell the asker how the passage refers to them.
    const related = [...tokenize(entity.source), ...tokenize(entity.gloss)].some((token) => asked.has(token));
    if (!related) continue;
    seen.add(entity.source);
    names.push(lang === "zh" ? `${entity.source}（${entity.gloss}）` : `${entity.source} (${entity.gloss})`);
  }
  if (names.length === 0) return "";
  return lang === "zh" ? `\n\n关键名称：${names.join("，")}` : `\n\nKey names: ${names.join(", ")}`;
}
