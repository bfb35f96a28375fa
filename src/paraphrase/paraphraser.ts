import { loadCedict } from "../lexicon/cedict.ts";
import { isQuestionWord } from "../retrieve/query-plan.ts";
import type { TermStatistics } from "../retrieve/term-statistics.ts";
import type { WeightedTerm } from "../store/store.ts";
import { tagWords, tokenize } from "../text/segment.ts";
import { type AliasTable, aliasExpansions } from "./aliases.ts";
import { loadChineseScript } from "./chinese-script.ts";
import { chineseExpansions } from "./chinese-synonyms.ts";
import { loadEnglishForms } from "./english-forms.ts";
import { englishExpansions } from "./english-synonyms.ts";
import { type FeedbackPassage, feedbackTerms } from "./feedback.ts";
import { loadWordNet } from "./wordnet.ts";

/**
 * Paraphrase expansion without a model: the question's words in other words, from WordNet
 * (English synonyms, word families, irregular forms), CC-CEDICT (Chinese near-synonyms),
 * OpenCC's tables (traditional ↔ simplified), the briefs' own aliases, and pseudo-relevance
 * feedback. Every term is tied to the question word it stands for (`concept`, counted once) and
 * says where it came from (`source`), below the asker's own words in weight.
 */

export interface ParaphraseSources {
  wordnet: boolean;
  /** Chinese near-synonyms (CEDICT pivot) and traditional ↔ simplified folding. */
  chinese: boolean;
  feedback: boolean;
  aliases: boolean;
}

export const allSources: ParaphraseSources = { wordnet: true, chinese: true, feedback: true, aliases: true };
/**
 * What `BRIEFBOT_PARAPHRASE=true` turns on: every source. Feedback acts only when the first pass
 * is weak (`feedbackSettings.weakCoverage`); `BRIEFBOT_PARAPHRASE_FEEDBACK=false` turns it off.
 */
export const defaultSources: ParaphraseSources = allSources;

/** At most this many paraphrase terms join a query (the translations have their own cap). */
export const maxParaphraseTerms = 16;
/** A script variant is the same word in other characters: weighted as nearly the word itself. */
export const scriptVariantWeight = 0.95;

export interface Paraphraser {
  readonly sources: ParaphraseSources;
  /**
   * Paraphrase terms of a question (never its own words). `known` tells whether the index holds a
   * term, so variants the archive never uses (traditional forms in a simplified archive) are skipped.
   */
  expand(question: string, known?: (term: string) => boolean): WeightedTerm[];
  /** Feedback terms from a first pass's leading passages, or none when feedback is off or the pass is strong. */
  feedback(
    terms: readonly WeightedTerm[],
    leading: readonly FeedbackPassage[],
    statistics: TermStatistics,
  ): WeightedTerm[];
}

const cjk = /[\u3400-\u9fff]/u;
const latin = /[A-Za-z]/;

export function createParaphraser(
  sources: ParaphraseSources = defaultSources,
  aliases?: () => AliasTable,
): Paraphraser {
  return {
    sources,
    expand(question, known = () => true) {
      const groups: WeightedTerm[][] = [];
      if (sources.aliases && aliases !== undefined) groups.push(aliasExpansions(question, aliases(), known));
      if (sources.wordnet && latin.test(question)) {
        // Loaded here, on the first English question expanded, never at start-up.
        groups.push(
          englishExpansions(question, { wordnet: loadWordNet(), forms: loadEnglishForms(), isQuestionWord }),
        );
      }
      if (sources.chinese && cjk.test(question)) {
        groups.push(scriptVariants(question, known));
        groups.push(verbBases(question, known));
        groups.push(chineseExpansions(question, loadCedict(), isQuestionWord));
      }
      const own = new Set(tokenize(question));
      const best = new Map<string, WeightedTerm>();
      for (const term of groups.flat()) {
        if (own.has(term.term)) continue;
        if (term.weight > (best.get(term.term)?.weight ?? 0)) best.set(term.term, term);
      }
      // Stable: equal weights keep the sources' order.
      return [...best.values()]
        .sort((left, right) => right.weight - left.weight)
        .slice(0, maxParaphraseTerms);
    },
    feedback(terms, leading, statistics) {
      return sources.feedback ? feedbackTerms(terms, leading, statistics, isQuestionWord) : [];
    },
  };
}

// A verb and its result written as one word (卖掉 "sell off", 用完 "use up", 花光 "spend all"): the
// text often writes the verb with another ending (把 Kindle 给卖了), so the verb alone is the
// same word. Only endings that leave a verb of its own (掉, 完, 光): 发出, 提出, 得到 leave one
// character too common to search. The weight of a same-word form (English irregular forms have 0.9).
export const verbBaseWeight = 0.9;
const resultComplements = /^[\u3400-\u9fff][掉完光]$/u;

/** The bare verb of a question's verb-and-result words ("卖掉" → "卖"), where the index has it. */
function verbBases(question: string, known: (term: string) => boolean): WeightedTerm[] {
  const bases: WeightedTerm[] = [];
  for (const { word, tag } of tagWords(question)) {
    if (!tag.startsWith("v") || !resultComplements.test(word)) continue;
    const base = word[0]!;
    if (!known(base)) continue;
    bases.push({
      term: base,
      weight: verbBaseWeight,
      concept: word,
      source: "morphology",
      senseSupported: true,
    });
  }
  return bases;
}

/** Simplified forms of a traditional question's words and traditional forms of a simplified one's. */
function scriptVariants(question: string, known: (term: string) => boolean): WeightedTerm[] {
  const script = loadChineseScript();
  const variants: WeightedTerm[] = [];
  for (const token of new Set(tokenize(question))) {
    if (!cjk.test(token)) continue;
    const simplified = script.toSimplified(token);
    const forms = simplified !== token ? [simplified] : script.toTraditional(token).filter(known);
    for (const form of forms) {
      variants.push({
        term: form,
        weight: scriptVariantWeight,
        concept: token,
        source: "script",
        senseSupported: true,
      });
    }
  }
  return variants;
}
