import type { CedictDictionary } from "../lexicon/cedict.ts";
import { foldEnglishPhrase } from "../lexicon/cedict.ts";
import type { WeightedTerm } from "../store/store.ts";
import { isStopword, segmentWords, tokenize } from "../text/segment.ts";

/**
 * Chinese near-synonyms through CC-CEDICT: two words that CEDICT renders with the same specific
 * English sense are near-synonyms (叫醒 and 唤醒 are both "rouse"; 裁员 and 裁人 both "cut staff").
 * No maintained 同义词词林-style table with its data is on the npm registry, and CEDICT is already
 * bundled, so its senses serve as the pivot. Sense discipline as for WordNet: a shared sense counts
 * when the two words' senses agree as a whole, when it is the sense the question's other words
 * support (a sense gloss sharing a word with the other words' glosses), or when the words share
 * two senses; a sense shared by many words ("to use") is too general to pivot through.
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
/**
 * Least agreement (Dice coefficient of the content words of all their English senses) for two
 * words to be near-synonyms on their glosses alone: 叫醒/唤醒 0.8, 指令/命令 0.8, 速度/速率 0.67
 * agree; 屏幕 "screen" and 掩护 "screen, shield, cover" (0.4), 变量/无常 (0.25), 名字/名义 (0.33)
 * share one ambiguous English word and do not. 0.6 keeps every pair of the first kind seen on the
 * dev sets and our own questions, and none of the second.
 */
export const minimumGlossAgreement = 0.6;

/** The content words of a CEDICT entry's senses ("wake sb up" → wake). */
function glossWords(glosses: readonly string[]): Set<string> {
  return new Set(
    glosses
      .flatMap((gloss) => foldEnglishPhrase(gloss).split(" "))
      .filter((token) => token.length > 2 && !isStopword(token) && token !== "sth"),
  );
}

function agreement(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size + right.size === 0) return 0;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

export function chineseExpansions(
  question: string,
  dictionary: CedictDictionary,
  isQuestionWord: (token: string) => boolean,
): WeightedTerm[] {
  const own = new Set(tokenize(question));
  const runs = question.normalize("NFKC").match(/[\u3400-\u9fff]+/gu) ?? [];
  // A compound CEDICT lacks (取名字) is looked up by the search-mode pieces it holds (取名, 名字);
  // pieces of one compound are one word of the question, not each other's context.
  const compoundOf = new Map<string, string>();
  for (const word of runs.flatMap((run) => segmentWords(run))) {
    const pieces =
      dictionary.lookup(word) === undefined
        ? tokenize(word).filter((piece) => piece !== word && dictionary.lookup(piece) !== undefined)
        : [word];
    for (const piece of pieces) if (!compoundOf.has(piece)) compoundOf.set(piece, word);
  }
  const words = [...compoundOf.keys()].filter(
    (word) => [...word].length >= 2 && !isStopword(word) && !isQuestionWord(word),
  );
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
        // Another word, not a piece of the same compound (名字 does not choose a sense of 取名).
        .filter((other) => compoundOf.get(other) !== compoundOf.get(word))
        .flatMap((other) => glossesOf.get(other) ?? [])
        .flatMap((gloss) => foldEnglishPhrase(gloss).split(" ")),
    );
    const supportedIndex = senses.findIndex((gloss) =>
      foldEnglishPhrase(gloss)
        .split(" ")
        .some((token) => token.length > 2 && !isStopword(token) && context.has(token)),
    );
    const ownWords = glossWords(senses);
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
    // Unambiguous when their senses agree as a whole (叫醒 and 唤醒), when the question chose the
    // shared sense, or when the two words share two senses (裁员 and 裁人: "cut staff" and "lay
    // off employees"). One shared English word alone is not enough: 屏幕 "screen" is not 掩护.
    // The closest first, so the cap keeps the best.
    const offers = [...shared]
      .map(([synonym, indexes]) => {
        const closeness = agreement(ownWords, glossWords(dictionary.lookup(synonym)?.glosses ?? []));
        const agreeing = closeness >= minimumGlossAgreement;
        const sure = agreeing || indexes.includes(supportedIndex) || indexes.length >= 2;
        const weight = sure ? chineseWeights.supported : indexes.includes(0) ? chineseWeights.fallback : 0;
        const usable = weight > 0 && (agreeing || indexes.length >= 2 || !secondary.has(synonym));
        return { synonym, closeness: closeness + (indexes.length >= 2 ? 1 : 0), sure, weight, usable };
      })
      .filter((offer) => offer.usable)
      .sort((left, right) => right.closeness - left.closeness)
      .slice(0, maxSynonymsPerWord);
    for (const { synonym, weight, sure } of offers) {
      emitted.add(synonym);
      result.push({ term: synonym, weight, concept, source: "cedict", senseSupported: sure });
    }
  }
  return result;
}
