import { foldEnglish } from "../text/segment.ts";

/**
 * What the lexicon weighs and what it leaves alone: the weights of translated terms, the caps on
 * how many join a query or a chunk, the frequencies that make a word too common to translate, and
 * the question and meta words never translated. Used by lexicon.ts.
 */

/**
 * Relative weights of translated terms. Names are nearly as good as the original word; dictionary
 * senses get less the more senses a word has, because only one of them is meant.
 */
export const weights = {
  name: 0.6,
  nameAlias: 0.45,
  /** Glossary terms (lower-case English: 合伙人 → partner) are curated but still ordinary words. */
  term: 0.5,
  termAlias: 0.4,
  ambiguousName: 0.3,
  properNoun: 0.5,
  singleSense: 0.45,
  twoSensesFirst: 0.4,
  twoSensesSecond: 0.3,
  fewSensesFirst: 0.3,
  fewSensesSecond: 0.2,
  manySenses: 0.2,
  reverseFirst: 0.4,
  reverseSecond: 0.25,
  /**
   * A Chinese person's name in pinyin: the spelling is sure, but a short given name ("jun") may be
   * another word, so it weighs as a glossary alias rather than a curated name.
   */
  romanisedName: 0.45,
  /** Search sub-words of a Chinese translation ("合伙" inside "合伙人") count for less than the whole. */
  subWordFactor: 0.7,
  /** Very frequent words (jieba frequency above `commonWordFrequency`) say little about the topic. */
  commonWordFactor: 0.6,
} as const;

/** At most this many translated terms join a query, so an ambiguous question cannot flood BM25. */
export const maxExpansionTerms = 12;
/** At most this many other-language terms are added to a chunk's search column. */
export const maxEnrichmentTerms = 30;
export const maxTermsPerWord = 3;
export const commonWordFrequency = 30_000;
// A glossary word that is also a frequent ordinary word (理想 "ideal" / Li Auto) is only a weak name.
export const ambiguousNameFrequency = 1_000;
// Chunk enrichment takes ordinary dictionary words only when they are this specific.
export const enrichmentMaxFrequency = 3_000;
export const maxChineseWordsPerMatch = 4;

// Question and meta words that carry no topic: translating them only adds noise.
export const unexpandableChinese = new Set(
  (
    "多久 为什么 为何 怎样 怎么样 哪里 哪儿 何时 什么时候 是否 有没有 谁 几个 几家 平时 当年 当时 最近 目前 以前 之前 现在 " +
    "文章 作者 本文 报道 提到 认为 表示 觉得 一下 一些 已经 可以 还是 因为 所以 但是 如果 这些 那些 哪家 一次 主要 通过 " +
    "时候 到时候 怎么 为了 进行 这样 那样 这种 那种 时间 问题 情况 方面 东西 事情 有关 之后 以后 然后 其实 非常 比较 "
  ).split(" "),
);
export const unexpandableEnglish = new Set(
  (
    "according say said says tell told think thought know get got make made take did way thing something anything " +
    "still well back even ever really actually one like use used want need come go going see look give kind lot " +
    "mention describe explain call name article essay story author writer newsletter issue post piece brief " +
    "happen year time long often which why how many much"
  )
    .split(" ")
    .map(foldEnglish),
);
