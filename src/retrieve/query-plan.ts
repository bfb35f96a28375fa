import type { WeightedTerm } from "../store/store.ts";
import { tokenize } from "../text/segment.ts";

/**
 * What retrieval searches for: weighted lexical terms (the question's own words at 1, words from
 * earlier turns and other-language expansions lower) and the text to embed.
 */
export interface QueryPlan {
  /** The question as asked (for answer language and display). */
  question: string;
  /** Lexical terms with weights, deduplicated (highest weight wins). */
  terms: WeightedTerm[];
  /** Text for the query embedding. */
  embedText: string;
}

/** Words that say what kind of answer is wanted, not what it is about. */
const questionWords = new Set(
  (
    "what which who whom whose when where why how many much does did do according name named say said says tell " +
    "about think mean kind type happen happens happened year years according essay article newsletter brief briefs author writer story post issue piece " +
    "文章 作者 简报 报道 本文 根据 什么 哪 哪个 哪些 哪家 哪里 谁 何时 什么时候 为什么 怎么 怎样 如何 多少 几 吗 呢 是 有 说 " +
    "多少钱 多久 多长 多远 多大 多重 哪天 哪年 几时 多长时间"
  ).split(" "),
);

export function isQuestionWord(token: string): boolean {
  return questionWords.has(token);
}

export function mergeTerms(groups: WeightedTerm[][]): WeightedTerm[] {
  const best = new Map<string, WeightedTerm>();
  for (const group of groups) {
    for (const term of group) {
      if (term.weight > (best.get(term.term)?.weight ?? 0)) best.set(term.term, term);
    }
  }
  return [...best.values()];
}

export interface PlanOptions {
  /** Earlier questions of the conversation, most recent last, for follow-ups. */
  context?: string[];
  /** Other-language or rewritten queries (weights below 1). */
  expansions?: WeightedTerm[];
  /**
   * Paraphrase terms (synonyms, word families, script variants, aliases; see src/paraphrase), each
   * tied to the own word it stands for and weighted below it, so coverage counts the word once.
   */
  paraphrases?: WeightedTerm[];
  /** Extra standalone queries (e.g. a model's rewrite and translation), searched at full weight. */
  rewrites?: string[];
}

export function planQuery(question: string, options: PlanOptions = {}): QueryPlan {
  const own = tokenize(question)
    .filter((token) => !isQuestionWord(token))
    .map((term) => ({ term, weight: 1 }));
  const rewrites = (options.rewrites ?? []).flatMap((text) =>
    tokenize(text)
      .filter((token) => !isQuestionWord(token))
      .map((term) => ({ term, weight: 0.9 })),
  );
  const context = (options.context ?? []).flatMap((text, index, all) =>
    tokenize(text)
      .filter((token) => !isQuestionWord(token))
      .map((term) => ({ term, weight: index === all.length - 1 ? 0.6 : 0.4 })),
  );
  const terms = mergeTerms([
    own,
    spellingVariants(own),
    rewrites,
    context,
    options.expansions ?? [],
    options.paraphrases ?? [],
  ]);
  const embedText = [question, ...(options.rewrites ?? []), ...(options.context ?? []).slice(-1)].join("\n");
  return { question, terms, embedText };
}

/**
 * The other folded form of an English word whose base ends in "e": the light stemmer folds
 * "released" to "releas" but keeps "release", so each form also searches for the other, counted
 * as the same word.
 */
export function spellingVariants(own: WeightedTerm[]): WeightedTerm[] {
  const variants: WeightedTerm[] = [];
  for (const { term } of own) {
    if (!/^[a-z]{4,}$/.test(term)) continue;
    if (term.endsWith("e")) {
      if (term.length > 4 && !term.endsWith("ee"))
        variants.push({ term: term.slice(0, -1), weight: 0.9, concept: term });
    } else if (!/[aeiouy]$/.test(term)) {
      variants.push({ term: `${term}e`, weight: 0.9, concept: term });
    }
  }
  return variants;
}
