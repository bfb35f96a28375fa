import type { CedictDictionary } from "../lexicon/cedict.ts";
import { foldEnglishPhrase } from "../lexicon/cedict.ts";
import type { WeightedTerm } from "../store/store.ts";
import { isStopword, segmentWords, tokenize } from "../text/segment.ts";

/**
 * Chinese near-synonyms through CC-CEDICT: two words that CEDICT renders with the same specific
 * English sense are near-synonyms (叫醒 and 唤醒 are both "rouse"; 裁员 and 裁人 both "cut staff").
 * No maintained 同义词词林-style table with its data is on the npm registry, and CEDICT is already
 * bundled, so its senses serve as the pivot. Sense discipline as for WordNet: a word with one sense
 * expands by it; a word with several by the sense the question's other words support (a sense
 * gloss sharing a word with the other words' glosses), else only by its first sense at a lower
 * weight; and a sense shared by many words ("to use") is too general to pivot through.
 */

export const chineseWeights = {
  /** A near-synonym through the word's only sense, or the sense its neighbours support. */
  supported: 0.45,
  /**
   * Through the first of several senses, unsupported. 0 = off: on the dev sets these guesses
   * (文摘 "digest" → 消化, 产品 → 货物) only moved right passages down.
   */
  fallback: 0,
} as const;

/** A sense shared by more Chinese words than this is too general to pivot through. */
export const maxPivotWords = 5;
/** Words with more senses than this are not expanded (too ambiguous: 打, 开). */
export const maxSensesToPivot = 4;
/** Near-synonyms offered per question word. */
export const maxSynonymsPerWord = 3;
/** jieba frequency above which a word is too common to be a topic word worth expanding. */
export const commonWordFrequency = 30_000;

export function chineseExpansions(
  question: string,
  dictionary: CedictDictionary,
  isQuestionWord: (token: string) => boolean,
): WeightedTerm[] {
  const own = new Set(tokenize(question));
  const runs = question.normalize("NFKC").match(/[\u3400-\u9fff]+/gu) ?? [];
  const words = runs
    .flatMap((run) => segmentWords(run))
    .filter((word) => [...word].length >= 2 && !isStopword(word) && !isQuestionWord(word));
  const glossesOf = new Map(words.map((word) => [word, dictionary.lookup(word)?.glosses ?? []]));
  const result: WeightedTerm[] = [];
  const emitted = new Set(own);
  for (const word of words) {
    const entry = dictionary.lookup(word);
    if (entry === undefined || entry.proper || entry.frequency > commonWordFrequency) continue;
    const senses = entry.glosses;
    if (senses.length === 0 || senses.length > maxSensesToPivot) continue;
    const concept = own.has(word) ? word : tokenize(word).find((token) => own.has(token));
    if (concept === undefined) continue;
    // The other words' English senses, as tokens: what the question is about.
    const context = new Set(
      words
        .filter((other) => other !== word)
        .flatMap((other) => glossesOf.get(other) ?? [])
        .flatMap((gloss) => foldEnglishPhrase(gloss).split(" ")),
    );
    const supportedIndex = senses.findIndex((gloss) =>
      foldEnglishPhrase(gloss)
        .split(" ")
        .some((token) => token.length > 2 && !isStopword(token) && context.has(token)),
    );
    const single = senses.length === 1;
    // Candidates through every sense, with the senses each shares with the word.
    const shared = new Map<string, number[]>();
    const secondary = new Set<string>();
    senses.forEach((gloss, index) => {
      const pivot = dictionary.reverse(foldEnglishPhrase(gloss));
      if (pivot.length > maxPivotWords) return;
      for (const synonym of pivot) {
        if (synonym === word || emitted.has(synonym)) continue;
        const other = dictionary.lookup(synonym);
        // The shared sense must be one of the synonym's own leading senses, and not a name.
        if (other === undefined || other.proper || !other.glosses.slice(0, 2).includes(gloss)) continue;
        // Through its second sense only when it shares another (服务生 is "waiter" first, "server" second).
        if (other.glosses[0] !== gloss) secondary.add(synonym);
        shared.set(synonym, [...(shared.get(synonym) ?? []), index]);
      }
    });
    let offered = 0;
    for (const [synonym, indexes] of shared) {
      if (offered >= maxSynonymsPerWord) break;
      // Unambiguous when the word has one sense, when the question chose the shared sense, or
      // when the two words share two senses (裁员 and 裁人: "cut staff" and "lay off employees").
      if (secondary.has(synonym) && indexes.length < 2) continue;
      const sure = single || indexes.includes(supportedIndex) || indexes.length >= 2;
      const weight = sure ? chineseWeights.supported : indexes.includes(0) ? chineseWeights.fallback : 0;
      if (weight === 0) continue;
      emitted.add(synonym);
      result.push({ term: synonym, weight, concept, source: "cedict", senseSupported: sure });
      offered += 1;
    }
  }
  return result;
}
