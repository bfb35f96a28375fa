import type { Answer, Citation, RelatedStory } from "./answer/answer-types.ts";
import type { DraftAnswer } from "./answer/answerer.ts";
import { bestSentence } from "./answer/best-sentence.ts";
import { citationOf } from "./answer/citation-of.ts";
import { renumberCitations } from "./answer/renumber-citations.ts";
import type { HybridResult } from "./retrieve/hybrid-search.ts";
import type { TermStatistics } from "./retrieve/term-statistics.ts";
import type { WeightedTerm } from "./store/store.ts";
import { ANSWER_CHARACTER_CAP, TITLE_CHARACTER_CAP, truncateAtBoundary } from "./text/text-limits.ts";

/**
 * The reply a person reads, from the answerer's draft: citations numbered in order of use with
 * publication, story, date, link and the quoted sentence; or "not covered" with the closest
 * stories. Every text is capped so no platform limit is ever met by a stored field.
 */

export const notCovered = {
  en: "The briefs I have do not cover this.",
  zh: "现有的简报没有涉及这个问题。",
};

export function citedAnswer(
  question: string,
  lang: "en" | "zh",
  draft: DraftAnswer,
  passages: HybridResult[],
  terms: WeightedTerm[],
  statistics: TermStatistics,
): Answer {
  const { text: renumbered, passageIndexes } = renumberCitations(
    truncateAtBoundary(draft.text, ANSWER_CHARACTER_CAP),
    passages.length,
  );
  if (passageIndexes.length === 0) return uncoveredAnswer(question, lang, draft.answerer, passages);
  const citations: Citation[] = passageIndexes.map((index, position) => {
    const passage = passages[index]!;
    return citationOf(
      position + 1,
      passage,
      draft.quotes?.[index] ?? bestSentence(passage, terms, statistics),
    );
  });
  const full = draft.coverage === "full";
  const related = full ? [] : uncoveredAnswer(question, lang, draft.answerer, passages).related;
  return {
    question,
    answered: full,
    coverage: full ? "full" : "partial",
    text: renumbered,
    lang,
    citations,
    related,
    answerer: draft.answerer,
  };
}

export function uncoveredAnswer(
  question: string,
  lang: "en" | "zh",
  answerer: string,
  passages: HybridResult[],
): Answer {
  const related: RelatedStory[] = [];
  const seen = new Set<string>();
  for (const passage of passages) {
    const key = `${passage.docId}#${passage.storyIndex}`;
    if (seen.has(key)) continue;
    seen.add(key);
    related.push({
      publication: truncateAtBoundary(passage.publication, TITLE_CHARACTER_CAP),
      title: truncateAtBoundary(passage.title, TITLE_CHARACTER_CAP),
      story: truncateAtBoundary(passage.story, TITLE_CHARACTER_CAP),
      date: passage.date,
      url: passage.url,
    });
    if (related.length === 3) break;
  }
  return {
    question,
    answered: false,
    coverage: "none",
    text: notCovered[lang],
    lang,
    citations: [],
    related,
    answerer,
  };
}
