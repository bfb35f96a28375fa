import type { DraftAnswer } from "../../src/answer/answerer.ts";
import { createExtractiveAnswerer, type ExtractiveOptions } from "../../src/answer/extractive-answerer.ts";
import type { Lexicon } from "../../src/lexicon/lexicon.ts";
import { planQuery } from "../../src/retrieve/query-plan.ts";
import { TermStatistics } from "../../src/retrieve/term-statistics.ts";
import type { RetrievedPassage } from "../../src/store/chunk-record.ts";
import { tokenize } from "../../src/text/segment.ts";

/** A retrieved passage of "Test Weekly" issue 1, in English, its own story of its own issue. */
export function passage(
  id: string,
  story: string,
  text: string,
  overrides: Partial<RetrievedPassage> = {},
): RetrievedPassage {
  return {
    id,
    docId: `doc-${id}`,
    publication: "Test Weekly",
    title: "Issue 1",
    issueNumber: null,
    story,
    storyIndex: 0,
    chunkIndex: 0,
    date: "2025-01-02",
    url: null,
    path: "issue.md",
    lang: "en",
    text,
    score: 1,
    lexicalRank: 1,
    vectorRank: 1,
    ...overrides,
  };
}

/** Term statistics over passages as the index holds them (story title and text). */
export function statisticsOf(items: RetrievedPassage[]): TermStatistics {
  return TermStatistics.fromSearchTexts(
    items.map((item) => tokenize(`${item.story} ${item.text}`).join(" ")),
  );
}

export interface AskerOptions {
  /** The asker's language (default English). */
  lang?: "en" | "zh";
  /** The question's verbs, as the product reads them (question-verbs.ts). */
  readVerbs?: ExtractiveOptions["readVerbs"];
  /** A lexicon whose translations join the plan, as the product's language bridge adds them. */
  lexicon?: Lexicon;
}

/**
 * The offline answerer over a corpus's statistics, asked about the passages a search returned,
 * planned as a question is.
 */
export function extractiveAsker(
  corpus: RetrievedPassage[],
  options: AskerOptions = {},
): (over: RetrievedPassage[], question: string) => Promise<DraftAnswer> {
  const statistics = statisticsOf(corpus);
  const answerer = createExtractiveAnswerer({ statistics: () => statistics, readVerbs: options.readVerbs });
  return (over, question) =>
    answerer.answer({
      question,
      lang: options.lang ?? "en",
      passages: over,
      history: [],
      queryTerms: planQuery(question, {
        expansions: options.lexicon?.expandQuery(question).filter((term) => term.weight < 1),
      }).terms,
    });
}
