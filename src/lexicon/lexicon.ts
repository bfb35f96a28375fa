import { readFileSync } from "node:fs";
import { romanisedDisplay, romanisedTerms } from "../text/chinese-person-names.ts";
import { remembered } from "../text/remembered.ts";
import { addSegmenterWords, addTaughtNames, isStopword, segmentWords, tokenize } from "../text/segment.ts";
import { type CedictDictionary, type CedictEntry, loadCedict } from "./cedict.ts";
import { type GlossaryEntry, isTeachable, parseGlossary } from "./glossary-file.ts";
import type { LearnedPair } from "./learn-pairs.ts";
import { type Candidate, LexiconMemos } from "./lexicon-memos.ts";
import {
  ambiguousNameFrequency,
  commonWordFrequency,
  enrichmentMaxFrequency,
  maxChineseWordsPerMatch,
  maxEnrichmentTerms,
  maxExpansionTerms,
  maxTermsPerWord,
  unexpandableChinese,
  unexpandableEnglish,
  weights,
} from "./lexicon-settings.ts";
import { chineseRuns, cjkRun, type LatinToken, latinTokens } from "./text-pieces.ts";

export { type GlossaryEntry, parseGlossary } from "./glossary-file.ts";
export { maxEnrichmentTerms, maxExpansionTerms } from "./lexicon-settings.ts";

/**
 * The offline bilingual lexicon: lets an English question reach a Chinese passage and the reverse.
 * Three sources, most trusted first: pairs learned from the ingested issues themselves, the bundled
 * glossary (plus an operator's), and CC-CEDICT (CC BY-SA 4.0, MDBG). Everything is a dictionary
 * lookup; nothing scans the vocabulary at query time.
 */

/** A search term and how much it should count relative to the question's own words (1). */
/**
 * The question's own token an expansion translates: the word itself when it is one, else the
 * first own token inside it (a phrase "deutsche bank" → "deutsche"; a Chinese word split in search
 * mode → its first piece).
 */
function conceptToken(concept: string, own: ReadonlySet<string>): string | undefined {
  if (own.has(concept)) return concept;
  return tokenize(concept).find((token) => own.has(token));
}

export interface WeightedTerm {
  term: string;
  weight: number;
  /** For a translation: the question's own token it stands for, so it counts once for that word. */
  concept?: string | undefined;
}

/** A name found in a passage and its other-language form, e.g. { source: "腾讯", gloss: "Tencent" }. */
export interface GlossedEntity {
  source: string;
  gloss: string;
}

/** Options for `Lexicon.load`. */
export interface LexiconLoadOptions {
  /** An operator glossary in the same format as glossary.tsv (config passes BRIEFBOT_GLOSSARY). */
  extraGlossaryPath?: string;
  /** Skip CC-CEDICT (tests of the glossary alone, or a minimal install). Default false. */
  withoutCedict?: boolean;
}

const hasCjk = /[\u3400-\u9fff]/u;

interface Translation {
  terms: string[];
  weight: number;
}

/** The translations of one word or phrase of the text, and that word or phrase (the concept). */
type ConceptSpan = Translation[] & { concept: string };

/** A word worth looking up in the dictionary: three letters or more, not a number, not a word too vague to translate. */
function translatable(folded: string): boolean {
  return folded.length >= 3 && !/^\d/.test(folded) && !unexpandableEnglish.has(folded);
}

/** Entries each translation memo keeps before it starts afresh. */
const maxRememberedTranslations = 50_000;

interface ChineseName {
  /** English names, preferred first. */
  english: string[];
  /** A name (capitalised English: Tencent) rather than a term (partner); names weigh more. */
  isName: boolean;
  /** A name that is also an ordinary frequent word (理想: Li Auto / ideal), so the reading is uncertain. */
  ambiguous: boolean;
}

interface EnglishName {
  /** Chinese forms, preferred first. */
  chinese: string[];
  /** The English name as written in the glossary or text, for display. */
  display: string;
  /** Written capitalised ("Arm", "Honor"): as a single word it must be capitalised in the text too. */
  proper: boolean;
}

/** True when `tokenize` cuts this text without jieba (no Chinese, even once NFKC-normalised). */
function segmentsWithoutJieba(text: string): boolean {
  return !cjkRun.test(text) && !cjkRun.test(text.normalize("NFKC"));
}

function round(weight: number): number {
  return Math.round(weight * 100) / 100;
}

/** Bilingual lookups for query expansion, chunk enrichment and answer glossing. */
export class Lexicon {
  private readonly chineseNames = new Map<string, ChineseName>();
  private readonly englishNames = new Map<string, EnglishName>();
  private longestEnglishName = 1;
  /** The most words of an English name starting with a given word ("deutsche" → 2). */
  private readonly longestNameFrom = new Map<string, number>();
  private readonly translationMemo = new Map<string, Translation[]>();
  /** Lookups an ingest repeats thousands of times, valid for one set of names and jieba words. */
  private readonly memos = new LexiconMemos();

  private constructor(private readonly dictionary: CedictDictionary) {}

  /**
   * Build the process's lexicon: bundled glossary, optional operator glossary, CC-CEDICT. Also
   * teaches jieba the glossary's Chinese names so "国轩高科" stays one token in index and query alike.
   */
  static load(options: LexiconLoadOptions = {}): Lexicon {
    const dictionary: CedictDictionary = options.withoutCedict
      ? { lookup: () => undefined, reverse: () => [], size: 0 }
      : loadCedict();
    const lexicon = new Lexicon(dictionary);
    const bundled = parseGlossary(readFileSync(new URL("./glossary.tsv", import.meta.url), "utf8"));
    lexicon.addGlossary(bundled);
    if (options.extraGlossaryPath !== undefined) {
      // The operator's entries come last but win: they are put in front of existing names.
      lexicon.addGlossary(parseGlossary(readFileSync(options.extraGlossaryPath, "utf8")), true);
    }
    return lexicon;
  }

  /** Add glossary entries (also used for operator files); `preferred` puts their names first. */
  addGlossary(entries: readonly GlossaryEntry[], preferred = false): void {
    const terms: string[] = [];
    const names: string[] = [];
    for (const entry of entries) {
      this.addName(entry.zh, entry.en, preferred);
      if (this.chineseNames.get(entry.zh)?.ambiguous || !isTeachable(entry.zh)) continue;
      // "滴滴 → Didi" is a company's name; "网约车 → ride-hailing" a term the glossary also
      // carries, taught to jieba as a plain noun so no question takes it for a name to find.
      (entry.en.some(namesSomething) ? names : terms).push(entry.zh);
    }
    addSegmenterWords(names);
    addSegmenterWords(terms, "n");
    addTaughtNames(names);
  }

  /** Add pairs learned from ingested text (see `learnPairs`); glossary names stay preferred. */
  addPairs(pairs: readonly LearnedPair[]): void {
    const named: string[] = [];
    const terms: string[] = [];
    const names: string[] = [];
    for (const pair of pairs) {
      const zh = pair.zh.normalize("NFKC");
      this.addName(zh, [pair.en], false);
      if (this.chineseNames.get(zh)?.ambiguous || !isTeachable(zh)) continue;
      // "字节跳动（ByteDance）" pairs a name; "地址通告（address advertisements）" a term.
      (/\p{Lu}/u.test(pair.en) ? named : terms).push(zh);
      if (namesSomething(pair.en)) names.push(zh);
    }
    addSegmenterWords(named);
    addSegmenterWords(terms, "n");
    addTaughtNames(names);
  }

  private addName(zhRaw: string, englishNames: readonly string[], preferred: boolean): void {
    const zh = zhRaw.normalize("NFKC");
    const existing = this.chineseNames.get(zh);
    const merged = preferred
      ? [...englishNames, ...(existing?.english ?? [])]
      : [...(existing?.english ?? []), ...englishNames];
    const unique = merged.filter(
      (name, index) => merged.findIndex((other) => other.toLowerCase() === name.toLowerCase()) === index,
    );
    const cedictEntry = this.dictionary.lookup(zh);
    const isName = unique.some((name) => /^[\p{Lu}\d]/u.test(name));
    const ambiguous =
      isName &&
      cedictEntry !== undefined &&
      !cedictEntry.proper &&
      cedictEntry.frequency > ambiguousNameFrequency;
    this.chineseNames.set(zh, { english: unique, isName, ambiguous });
    this.translationMemo.clear();
    this.termsMemo.clear();
    this.memos.namesChanged(zh);
    for (const english of englishNames) {
      const key = tokenize(english).join(" ");
      if (key.length === 0) continue;
      const known = this.englishNames.get(key);
      const chinese =
        known === undefined ? [zh] : preferred ? [zh, ...known.chinese] : [...known.chinese, zh];
      this.englishNames.set(key, {
        chinese: [...new Set(chinese)],
        display: known?.display ?? english,
        proper: /^\p{Lu}/u.test(english),
      });
      const words = key.split(" ");
      this.longestEnglishName = Math.max(this.longestEnglishName, words.length);
      const first = words[0] ?? "";
      this.longestNameFrom.set(first, Math.max(this.longestNameFrom.get(first) ?? 0, words.length));
    }
  }

  /** Chinese words of a run, joining adjacent jieba words when together they form a known name. */
  private chineseWords(run: string): readonly string[] {
    const remembered = this.memos.wordsOfRun(run);
    if (remembered !== undefined) return remembered;
    const words = segmentWords(run);
    const prefixes = this.memos.namePrefixes(() => [
      ...this.chineseNames.keys(),
      ...(this.dictionary.properWords?.() ?? []),
    ]);
    const result: string[] = [];
    for (let index = 0; index < words.length; ) {
      let taken = 1;
      // No name starts with the first two characters here: no join of these words is one.
      const first = words[index] ?? "";
      const opening = first.length >= 2 ? first.slice(0, 2) : first + (words[index + 1] ?? "").slice(0, 1);
      const joinable = prefixes === undefined || prefixes.has(opening);
      for (
        let length = joinable ? Math.min(maxChineseWordsPerMatch, words.length - index) : 1;
        length >= 2;
        length -= 1
      ) {
        const joined = words.slice(index, index + length).join("");
        if (this.chineseNames.has(joined) || this.dictionary.lookup(joined)?.proper) {
          taken = length;
          break;
        }
      }
      result.push(words.slice(index, index + taken).join(""));
      index += taken;
    }
    this.memos.rememberWordsOfRun(run, result);
    return result;
  }

  /** English renderings of one Chinese word, each with the weight its reliability earns. */
  private translateChinese(word: string): Translation[] {
    const memo = this.translationMemo.get(word);
    if (memo !== undefined) return memo;
    const translations: Translation[] = [];
    const name = this.chineseNames.get(word);
    const entry = this.dictionary.lookup(word);
    if (name !== undefined) {
      name.english.slice(0, 2).forEach((english, index) => {
        const [first, alias] = name.isName
          ? [weights.name, weights.nameAlias]
          : [weights.term, weights.termAlias];
        const weight = name.ambiguous ? weights.ambiguousName : index === 0 ? first : alias;
        translations.push({ terms: tokenize(english), weight });
      });
      // An ambiguous name keeps its ordinary sense too: 理想 is "ideal" more often than Li Auto.
      if (name.ambiguous && entry !== undefined)
        translations.push(...this.dictionarySenses(entry).slice(0, 1));
    } else if (
      entry !== undefined &&
      [...word].length >= 2 &&
      !isStopword(word) &&
      !unexpandableChinese.has(word)
    ) {
      translations.push(...this.dictionarySenses(entry));
    } else if (entry === undefined) {
      // A person's name no dictionary holds (杨植麟): English writes it in pinyin ("Yang Zhilin").
      const romanised = romanisedTerms(word);
      if (romanised !== undefined) translations.push({ terms: romanised, weight: weights.romanisedName });
    }
    const cleaned = translations
      .map((translation) => ({ ...translation, terms: translation.terms.slice(0, 3) }))
      .filter((translation) => translation.terms.length > 0);
    this.translationMemo.set(word, cleaned);
    return cleaned;
  }

  /** CEDICT senses weighted by how many senses compete (more senses: less sure which is meant). */
  private dictionarySenses(entry: CedictEntry): Translation[] {
    const glosses = entry.glosses;
    const factor = entry.frequency > commonWordFrequency ? weights.commonWordFactor : 1;
    const sense = (index: number, weight: number): Translation[] => {
      const gloss = glosses[index];
      return gloss === undefined ? [] : [{ terms: tokenize(gloss), weight: weight * factor }];
    };
    if (entry.proper) return sense(0, weights.properNoun);
    if (glosses.length === 1) return sense(0, weights.singleSense);
    if (glosses.length === 2)
      return [...sense(0, weights.twoSensesFirst), ...sense(1, weights.twoSensesSecond)];
    if (glosses.length <= 4)
      return [...sense(0, weights.fewSensesFirst), ...sense(1, weights.fewSensesSecond)];
    return sense(0, weights.manySenses);
  }

  /** Chinese renderings of an English name or word (key = folded tokens joined by spaces). */
  private translateEnglish(
    key: string,
    allowDictionary: boolean,
    capitalised = true,
    isIndexed?: (term: string) => boolean,
  ): Translation[] {
    const memoKey = `en:${key}:${allowDictionary ? 1 : 0}:${capitalised ? 1 : 0}`;
    // (Dictionary translations ordered by what the store holds are not remembered whole.)
    const memo = isIndexed === undefined || !allowDictionary ? this.translationMemo.get(memoKey) : undefined;
    if (memo !== undefined) return memo;
    const known = this.englishNames.get(key);
    // A lower-case "arm" in the text is the limb, not the company the glossary knows as "Arm".
    const name = known?.proper && !capitalised && !key.includes(" ") ? undefined : known;
    if (name !== undefined) {
      const translations: Translation[] = [];
      const [first, alias] = name.proper
        ? [weights.name, weights.nameAlias]
        : [weights.term, weights.termAlias];
      name.chinese.slice(0, 2).forEach((chinese, index) => {
        translations.push(...this.chineseTerms(chinese, index === 0 ? first : alias));
      });
      this.translationMemo.set(memoKey, translations);
      return translations;
    }
    if (!allowDictionary) {
      this.translationMemo.set(memoKey, []);
      return [];
    }
    // "mark" is not 马克 and "apple" need not be 苹果公司: lower-case words skip name entries.
    const candidates = this.reverseCandidates(key, capitalised);
    // Of the dictionary's words, those the briefs use first (账户 before the variant 帐户). (What
    // the store holds changes with it: only the candidates and their terms are remembered.)
    const ordered =
      isIndexed === undefined
        ? candidates
        : [
            ...candidates.filter((chinese) => isIndexed(chinese)),
            ...candidates.filter((chinese) => !isIndexed(chinese)),
          ];
    const translations = ordered
      .slice(0, 2)
      .flatMap((chinese, index) =>
        this.rememberedChineseTerms(chinese, index === 0 ? weights.reverseFirst : weights.reverseSecond),
      );
    if (isIndexed === undefined) this.translationMemo.set(memoKey, translations);
    return translations;
  }

  private readonly reverseMemo = new Map<string, string[]>();
  private readonly termsMemo = new Map<string, Translation[]>();

  /** The dictionary's Chinese words for an English word or phrase, name entries only when capitalised. */
  private reverseCandidates(key: string, capitalised: boolean): string[] {
    return remembered(
      this.reverseMemo,
      `${key}:${capitalised ? 1 : 0}`,
      () =>
        this.dictionary
          .reverse(key)
          .filter((chinese) => capitalised || !this.dictionary.lookup(chinese)?.proper),
      maxRememberedTranslations,
    );
  }

  private rememberedChineseTerms(chinese: string, weight: number): Translation[] {
    return remembered(
      this.termsMemo,
      `${chinese}:${weight}`,
      () => this.chineseTerms(chinese, weight),
      maxRememberedTranslations,
    );
  }

  /** A Chinese translation as index tokens: the whole word at full weight, its search sub-words at less. */
  private chineseTerms(chinese: string, weight: number): Translation[] {
    const tokens = tokenize(chinese);
    const whole = tokens.filter((token) => token === chinese);
    // Single characters match far too much to be worth a slot; two sub-words are plenty.
    const parts = tokens.filter((token) => token !== chinese && [...token].length > 1).slice(0, 2);
    const result: Translation[] = [];
    if (whole.length > 0) result.push({ terms: whole, weight });
    if (parts.length > 0)
      result.push({ terms: parts, weight: whole.length > 0 ? weight * weights.subWordFactor : weight });
    return result;
  }

  /**
   * English names and words of a question, longest glossary name first ("deutsche bank" before "bank").
   * Returns the translations per matched span.
   */
  private englishSpans(
    tokens: readonly LatinToken[],
    allowDictionary: boolean,
    isIndexed?: (term: string) => boolean,
  ): ConceptSpan[] {
    const spans: ConceptSpan[] = [];
    for (let index = 0; index < tokens.length; ) {
      let matched = false;
      // Without dictionary phrases only names are looked for: none is longer than the longest
      // name starting with this word.
      const longest = allowDictionary
        ? this.longestEnglishName
        : (this.longestNameFrom.get(tokens[index]?.folded ?? "") ?? 0);
      for (let length = Math.min(longest, tokens.length - index); length >= 1; length -= 1) {
        const slice = tokens.slice(index, index + length);
        const key = slice.map((token) => token.folded).join(" ");
        const name = this.englishNames.get(key);
        // "Arm" the company, not "arm" the limb: a capitalised one-word name must be capitalised here too.
        const usable =
          name !== undefined &&
          !(length === 1 && name.proper && !slice[0]?.capitalised) &&
          !(length === 1 && unexpandableEnglish.has(key));
        if (usable) {
          spans.push(Object.assign(this.translateEnglish(key, false), { concept: key }));
          index += length;
          matched = true;
          break;
        }
        if (length >= 2 && allowDictionary && this.reverseCandidates(key, true).length > 0) {
          spans.push(Object.assign(this.translateEnglish(key, true, true, isIndexed), { concept: key }));
          index += length;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      const token = tokens[index];
      index += 1;
      if (token === undefined) continue;
      // "Slovakia-based", "VW-backed": the capitalised piece may be a name.
      for (const part of token.parts ?? []) {
        const name = this.englishNames.get(part.folded);
        if (part.capitalised && name?.proper) {
          spans.push(Object.assign(this.translateEnglish(part.folded, false), { concept: part.folded }));
        } else if (part.capitalised && this.properChineseFor(part.folded) !== undefined) {
          spans.push(Object.assign(this.translateEnglish(part.folded, true), { concept: part.folded }));
        }
      }
      if (!allowDictionary) continue;
      if (!translatable(token.folded)) continue;
      const whole = this.translateEnglish(token.folded, true, token.capitalised, isIndexed);
      if (whole.length > 0 || token.parts === undefined) {
        spans.push(Object.assign(whole, { concept: token.folded }));
        continue;
      }
      // "fake-partner", "home-grown": a compound the dictionary lacks is translated piece by piece.
      for (const part of token.parts) {
        if (!translatable(part.folded)) continue;
        const translations = this.translateEnglish(part.folded, true, part.capitalised, isIndexed);
        spans.push(Object.assign(translations, { concept: part.folded }));
      }
    }
    return spans;
  }

  /**
   * Search terms for a question: its own tokens at weight 1, then at most `maxExpansionTerms`
   * other-language terms at lower weights (names ~0.6, single-sense words ~0.45, ambiguous words ≤0.3).
   */
  expandQuery(question: string, isIndexed?: (term: string) => boolean): WeightedTerm[] {
    const own = [...new Set(tokenize(question))];
    const ownSet = new Set(own);
    const expansion = new Map<string, { weight: number; concept: string }>();
    const offer = (translations: readonly Translation[], concept: string): void => {
      let offered = 0;
      for (const translation of translations) {
        for (const term of translation.terms) {
          if (offered >= maxTermsPerWord) return;
          if (ownSet.has(term) || isStopword(term)) continue;
          const weight = round(translation.weight);
          if ((expansion.get(term)?.weight ?? 0) < weight) expansion.set(term, { weight, concept });
          offered += 1;
        }
      }
    };
    for (const run of chineseRuns(question)) {
      for (const word of this.chineseWords(run)) offer(this.translateChinese(word), word);
    }
    for (const span of this.englishSpans(latinTokens(question), true, isIndexed)) offer(span, span.concept);
    // Stable sort: equal weights keep question order.
    const ranked = [...expansion]
      .sort((left, right) => right[1].weight - left[1].weight)
      .slice(0, maxExpansionTerms);
    return [
      ...own.map((term) => ({ term, weight: 1 })),
      ...ranked.map(([term, { weight, concept }]) => ({
        term,
        weight,
        concept: conceptToken(concept, ownSet),
      })),
    ];
  }

  /**
   * Other-language terms to index with a chunk (at most `maxEnrichmentTerms`): English names and
   * specific nouns for Chinese text; Chinese names of the entities English text mentions.
   */
  enrichmentTerms(text: string): string[] {
    const present = new Set(tokenize(text));
    // [terms, score, frequency]: higher score first, then rarer words first.
    const candidates: Candidate[] = [];
    const seenWords = new Set<string>();
    for (const run of chineseRuns(text)) {
      for (const word of this.chineseWords(run)) {
        if (seenWords.has(word)) continue;
        seenWords.add(word);
        const candidate = this.enrichChinese(word);
        if (candidate !== undefined) candidates.push(candidate);
      }
    }
    const englishTokens = latinTokens(text);
    for (const span of this.englishSpans(englishTokens, false)) {
      // The whole Chinese word is enough in the index: a Chinese query emits it too (search mode).
      candidates.push([span[0]?.terms ?? [], 3, 0]);
    }
    for (const token of englishTokens) {
      if (!token.capitalised || this.englishNames.has(token.folded)) continue;
      const properChinese = this.properChineseFor(token.folded);
      if (properChinese !== undefined) {
        const tokens = tokenize(properChinese);
        const terms = tokens.includes(properChinese) ? [properChinese] : tokens;
        candidates.push([terms, 2, this.dictionary.lookup(properChinese)?.frequency ?? 0]);
      }
    }
    candidates.sort((left, right) => right[1] - left[1] || left[2] - right[2]);
    const result: string[] = [];
    for (const [terms] of candidates) {
      for (const term of terms) {
        if (result.length >= maxEnrichmentTerms) return result;
        if (!present.has(term) && !isStopword(term) && !result.includes(term)) result.push(term);
      }
    }
    return result;
  }

  private enrichChinese(word: string): Candidate | undefined {
    return this.memos.enrichment(word, () => {
      const [candidate, english] = this.enrichChineseUnremembered(word);
      return [candidate, english.every(segmentsWithoutJieba)];
    });
  }

  /** The candidate, and the English it tokenized (jieba cuts any Chinese in it). */
  private enrichChineseUnremembered(word: string): [Candidate | undefined, string[]] {
    const name = this.chineseNames.get(word);
    const entry = this.dictionary.lookup(word);
    const frequency = entry?.frequency ?? 0;
    if (name !== undefined && !name.ambiguous) {
      const english = name.english.slice(0, 2);
      return [[english.flatMap((text) => tokenize(text)), name.isName ? 3 : 1.5, frequency], english];
    }
    if (name === undefined && entry === undefined) {
      const romanised = romanisedTerms(word);
      return romanised === undefined ? [undefined, []] : [[romanised, 2, 0], []];
    }
    if (entry === undefined || [...word].length < 2 || isStopword(word) || unexpandableChinese.has(word)) {
      return [undefined, []];
    }
    const firstGloss = entry.glosses[0];
    if (firstGloss === undefined) return [undefined, []];
    if (entry.proper && frequency < commonWordFrequency)
      return [[tokenize(firstGloss), 2, frequency], [firstGloss]];
    // Ordinary words only when specific: few senses and not common.
    const glossTerms = tokenize(firstGloss);
    const vague = glossTerms.length > 2 || glossTerms.some((term) => unexpandableEnglish.has(term));
    if (entry.glosses.length <= 2 && frequency < enrichmentMaxFrequency && !vague) {
      return [[glossTerms, 1, frequency], [firstGloss]];
    }
    return [undefined, [firstGloss]];
  }

  /** The Chinese name CEDICT gives a capitalised English word, when that word is a name there too. */
  private properChineseFor(folded: string): string | undefined {
    return this.memos.properChinese(folded, () => {
      const glosses: string[] = [];
      for (const chinese of this.dictionary.reverse(folded).slice(0, 2)) {
        const entry = this.dictionary.lookup(chinese);
        const gloss = entry?.glosses[0] ?? "";
        glosses.push(gloss);
        if (entry?.proper && tokenize(gloss).join(" ") === folded)
          return [chinese, glosses.every(segmentsWithoutJieba)];
      }
      return [undefined, glosses.every(segmentsWithoutJieba)];
    });
  }

  /**
   * Key entities of a passage named in the other language, in order of appearance, for answers such
   * as "腾讯 (Tencent)". `targetLang` "en" glosses Chinese names; "zh" glosses English names.
   */
  glossEntities(text: string, targetLang: "en" | "zh"): GlossedEntity[] {
    const entities: GlossedEntity[] = [];
    const seen = new Set<string>();
    const add = (source: string, gloss: string | undefined): void => {
      if (gloss === undefined || seen.has(source) || source === gloss) return;
      seen.add(source);
      entities.push({ source, gloss });
    };
    if (targetLang === "en") {
      for (const run of chineseRuns(text)) {
        for (const word of this.chineseWords(run)) {
          const name = this.chineseNames.get(word);
          if (name?.isName && !name.ambiguous) add(word, name.english[0]);
          else if ([...word].length >= 2) {
            const entry = this.dictionary.lookup(word);
            if (entry?.proper) add(word, entry.glosses[0]);
            else if (entry === undefined && name === undefined) add(word, romanisedDisplay(word));
          }
        }
      }
      return entities;
    }
    const tokens = latinTokens(text);
    for (let index = 0; index < tokens.length; ) {
      let taken = 1;
      for (let length = Math.min(this.longestEnglishName, tokens.length - index); length >= 1; length -= 1) {
        const slice = tokens.slice(index, index + length);
        const name = this.englishNames.get(slice.map((token) => token.folded).join(" "));
        if (name !== undefined && !(length === 1 && name.proper && !slice[0]?.capitalised)) {
          if (name.proper) add(name.display, name.chinese[0]);
          taken = length;
          break;
        }
        if (length === 1 && slice[0]?.capitalised) {
          const chinese = this.properChineseFor(slice[0].folded);
          const display = chinese === undefined ? undefined : this.dictionary.lookup(chinese)?.glosses[0];
          if (chinese !== undefined && display !== undefined) add(display, chinese);
        }
      }
      index += taken;
    }
    return entities;
  }

  /** Whether any source knows this Chinese word or English name (diagnostics and tests). */
  knows(term: string): boolean {
    if (hasCjk.test(term)) return this.chineseNames.has(term) || this.dictionary.lookup(term) !== undefined;
    return this.englishNames.has(tokenize(term).join(" "));
  }
}

/** An English form that names something: a capitalised word with lower case in it ("Didi", not "ID"). */
function namesSomething(english: string): boolean {
  return /^\p{Lu}.*\p{Ll}/u.test(english);
}
