import type { QuestionAnalysis, Specific } from "../question/analyze-question.ts";
import {
  askedValuePositions,
  decliningClauses,
  figureTypes,
  holdsAnyAskedValue,
  isCheckable,
} from "../question/asked-value.ts";
import { sentenceMatch, termMatch } from "../retrieve/term-coverage.ts";
import type { TermStatistics } from "../retrieve/term-statistics.ts";
import type { RetrievedPassage } from "../store/chunk-record.ts";
import type { WeightedTerm } from "../store/store.ts";
import { tokenize } from "../text/segment.ts";
import type { AnswerSentence } from "./answer-sentences.ts";
import {
  askedValueBonus,
  countedValueBonus,
  crossLanguageCoverageShare,
  crossLanguageStructuredCoverage,
  definitionBonus,
  longSentencePenalty,
  longSentenceUnits,
  maximumSentenceGap,
  minimumCoverage,
  namesAllowingOneMissing,
  pairedWordsFrom,
  pairWindowShare,
  passageRankBonus,
  structuredEvidenceCoverage,
  valueContentShare,
  valueNearQuestionBonus,
  valueReachCharacters,
  valueSentenceCoverage,
} from "./answer-tuning.ts";

/**
 * The evidence gate, by meaning rather than word share. An answer needs a window — one sentence,
 * or two adjacent sentences of one passage — that
 * - is about the question: enough of its words (idf-weighted), two of them together;
 * - holds every specific the question names (names, versions, numbers, quoted phrases), in the
 *   window or its story's title (a name may also be elsewhere in the passage or its masthead);
 * - mentions the noun the asked value is about ("volumes" in "how many volumes"), if any;
 * - holds a value of the asked type that the question does not already give.
 * A window that passes the first two but not the last two shows the story is there and the asked
 * detail is not: a partial reply.
 */

export interface EvidenceWindow {
  sentences: AnswerSentence[];
  /** The sentence holding the asked value (for types with none, the best covering one). */
  valueSentence: AnswerSentence | undefined;

  passageIndex: number;
  coverage: number;
  score: number;
  /** About the question: coverage and paired words. */
  relevant: boolean;
  specificsFound: boolean;
  headFound: boolean;
  valueFound: boolean;
}

interface PassageContext {
  /** Story title tokens: a sentence's implied subject. */
  title: Set<string>;
  /** The story title as written. */
  storyTitle: string;
  /** Everything else a name may be found in: the passage, issue title and publication. */
  wider: Set<string>;
  /** The title and publication: where "according to The Batch" is confirmed. */
  source: Set<string>;
  lang: RetrievedPassage["lang"];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const cjk = /[\u3400-\u9fff]/u;

/** Tokens and their dotted or hyphenated parts ("node.js" also as "node"), so "Node 19" meets "Node.js 19". */
export function withParts(tokens: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const token of tokens) {
    out.add(token);
    if (/[.-]/.test(token)) for (const part of token.split(/[.-]/)) if (part) out.add(part);
  }
  return out;
}

function siteOf(url: string | null): string {
  if (url === null) return "";
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

function contextsOf(passages: RetrievedPassage[]): PassageContext[] {
  return passages.map((passage) => ({
    title: withParts(tokenize(passage.story)),
    storyTitle: passage.story,
    wider: withParts([
      ...tokenize(passage.text),
      ...tokenize(passage.title),
      ...tokenize(passage.publication),
      // The story's link names its site ("the swift.org post").
      ...tokenize(siteOf(passage.url)),
    ]),
    source: withParts([...tokenize(passage.title), ...tokenize(passage.publication)]),
    lang: passage.lang,
  }));
}

/** A token or one of its translations (the plan's terms that stand for it) is among `tokens`. */
function found(token: string, tokens: ReadonlySet<string>, translations: Map<string, string[]>): boolean {
  if (tokens.has(token)) return true;
  return (translations.get(token) ?? []).some((translation) => tokens.has(translation));
}

function translationsOf(terms: WeightedTerm[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const term of terms) {
    if (term.concept === undefined) continue;
    const list = map.get(term.concept) ?? [];
    list.push(term.term);
    map.set(term.concept, list);
  }
  return map;
}

/**
 * Whether the specifics are there. A specific written in one language, with no translation, cannot
 * be checked against a passage in the other: it is left out rather than failing every passage.
 */
interface SpecificsCheck {
  /** Every checkable specific is there (names may be elsewhere in the passage). */
  hold: boolean;
  /** How many were found in the window or its story title. */
  anchored: number;
}

/**
 * A version's number belongs to its name: "Swift" in a story title and "iPhone 6" in the sentence
 * do not make "Swift 6". The version holds when written as one phrase ("Swift 6", "Node.js 19",
 * "PR #133604"), or when its number stands somewhere not taken by another name ("133604: Fix …").
 */
function versionWritten(specific: Specific, text: string): boolean {
  const words = specific.text.split(/[\s._-]+/u).filter(Boolean);
  if (words.length < 2) return true;
  const normalised = text.normalize("NFKC");
  // A short suffix may follow a word ("Node.js 19" for "Node 19").
  const phrase = words.map(escapeRegExp).join("(?:[._-][a-z]{1,3})?[\\s._#-]*");
  if (new RegExp(`${phrase}(?![\\p{L}\\d])`, "iu").test(normalised)) return true;
  const number = words[words.length - 1]!;
  if (!/^\d/.test(number)) return true;
  const first = words[0]!.toLowerCase();
  for (const match of normalised.matchAll(new RegExp(`(?<![\\d.])${escapeRegExp(number)}(?![\\d])`, "gu"))) {
    const before = normalised.slice(0, match.index).match(/([\p{L}][\p{L}\d.+-]*)[\s#-]*$/u)?.[1];
    if (before === undefined || !/\p{Lu}/u.test(before) || before.toLowerCase().startsWith(first))
      return true;
  }
  return false;
}

function checkSpecifics(
  specifics: Specific[],
  windowTokens: ReadonlySet<string>,
  windowText: string,
  context: PassageContext,
  translations: Map<string, string[]>,
): SpecificsCheck {
  const near = new Set([...windowTokens, ...context.title]);
  const everywhere = new Set([...near, ...context.wider]);
  const names = specifics.filter((specific) => specific.kind === "name").length;
  let anchored = 0;
  let missingNames = 0;
  // Specifics that name the source ("according to The Batch", "Tw93 的周刊") are confirmed by the
  // issue's title or publication; the others say what the story is about.
  let aboutTheSource = 0;
  for (const specific of specifics) {
    // A name is there when its last word is (a surname, "Parka" of "Project Parka"); versions,
    // numbers and quoted phrases, which tell one thing from its neighbour (iPhone 15 from 16),
    // need every word, in the window or its story title.
    const isName = specific.kind === "name";
    const needed = isName ? [specific.tokens[specific.tokens.length - 1]!] : specific.tokens;
    if (
      needed.every((token) => found(token, near, translations)) &&
      (specific.kind !== "version" || versionWritten(specific, `${windowText}\n${context.storyTitle}`))
    ) {
      anchored += 1;
      continue;
    }
    // The source named by a handle or version-like name ("Tw93", "LWKD's notes"): the issue's
    // title or publication confirms it.
    if (specific.tokens.every((token) => found(token, context.source, translations))) {
      aboutTheSource += 1;
      continue;
    }
    if (isName && needed.every((token) => found(token, everywhere, translations))) continue;
    // A site is often named only by a link, which the text does not keep.
    if (specific.kind === "site") continue;
    // Written in one language with no translation, it cannot be looked for in the other.
    const inChinese = cjk.test(specific.text);
    const sameLanguage = context.lang === "mixed" || (context.lang === "zh") === inChinese;
    const translatable = specific.tokens.some((token) => translations.has(token));
    if (!sameLanguage && !translatable) continue;
    if (!isName) return { hold: false, anchored };
    missingNames += 1;
  }
  if (missingNames > (names >= namesAllowingOneMissing ? 1 : 0)) return { hold: false, anchored };
  // Something of what the question names must be in the window or its story title: a window
  // that confirms none of its specifics could be about anything else the passage mentions. When
  // the question names only its source, the source confirms it.
  const onlyTheSource = aboutTheSource > 0 && aboutTheSource === specifics.length;
  return { hold: specifics.length === 0 || anchored > 0 || onlyTheSource, anchored };
}

/**
 * Whether the asked value must come with its noun: a number must count what was asked ("how many
 * volumes"), and "what license" needs a licence. A name answers "which company" by itself.
 */
function needsHead(analysis: QuestionAnalysis): boolean {
  if (analysis.headTokens.length === 0) return false;
  // Money, dates, spans and names carry their own kind ("how much money", "over what period").
  return analysis.askedTypes.every((type) => type === "quantity" || type === "other" || type === "reason");
}

/** A head noun in a window: the token, a translation, or for Chinese its stem inside a word (镜子 in 反射镜). */
function headIn(
  token: string,
  text: string,
  tokens: ReadonlySet<string>,
  translations: Map<string, string[]>,
): boolean {
  if (found(token, tokens, translations)) return true;
  if (!cjk.test(token)) return false;
  const stem = token.length > 1 ? token.replace(/[子儿们]$/u, "") : token;
  return stem.length >= 1 && text.includes(stem);
}

export interface GateInput {
  question: string;
  /** The asker's language. */
  lang: "en" | "zh";
  analysis: QuestionAnalysis;
  sentences: AnswerSentence[];
  passages: RetrievedPassage[];
  terms: WeightedTerm[];
  statistics: TermStatistics;
}

/**
 * A number that counts what was asked: followed by the question's measure word ("5万面") or, in
 * English, by the asked noun within three words ("80 beautifully laid out volumes").
 */
function countsTheAskedThing(text: string, analysis: QuestionAnalysis): boolean {
  if (!analysis.askedTypes.includes("quantity")) return false;
  if (analysis.measureWord !== null)
    return new RegExp(`[\\d零一二三四五六七八九十百千万亿两]\\s*${analysis.measureWord}`, "u").test(text);
  return analysis.headTokens.some((head) =>
    new RegExp(`\\d[\\d,.]*\\s+(?:[a-z-]+\\s+){0,3}${head}`, "i").test(text),
  );
}

/**
 * The value stands next to the question's own words ("2025年5月发射" is a launch date, not a
 * return date): a question word (not a specific) within a few words of a value of the asked type.
 */
function valueNearQuestion(text: string, analysis: QuestionAnalysis, contentTerms: WeightedTerm[]): boolean {
  const values = askedValuePositions(text, analysis);
  if (values.length === 0) return false;
  const lower = text.toLowerCase();
  const words = [...contentTerms.map((term) => term.term), ...analysis.headTokens];
  for (const word of words) {
    const chinese = cjk.test(word);
    const pattern = chinese ? word : `\\b${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
    for (const match of lower.matchAll(new RegExp(pattern, "g"))) {
      const at = match.index ?? 0;
      const reach = chinese ? valueReachCharacters : valueReachCharacters * 3;
      if (values.some((position) => Math.abs(position - at) <= reach)) return true;
    }
  }
  return false;
}

/**
 * The text says the asked detail is withheld: a clause that declines ("did not disclose", "no
 * details yet", 未透露) names the asked noun or one of the question's own words. Then a value
 * elsewhere in the sentence is about something else ("$10M, but did not disclose its valuation").
 */
function withholdsAskedDetail(
  member: AnswerSentence,
  analysis: QuestionAnalysis,
  contentTerms: WeightedTerm[],
  translations: Map<string, string[]>,
): boolean {
  for (const clause of decliningClauses(member.text)) {
    const tokens = withParts(tokenize(clause));
    if (analysis.headTokens.some((token) => headIn(token, clause, tokens, translations))) return true;
    if (analysis.headTokens.length === 0 && contentTerms.some((term) => tokens.has(term.term))) return true;
  }
  return false;
}

const pronounOpening =
  /^\s*(?:(?:it|they|he|she|this|these|that|those|its|their|his|her)\b|(?:它|他|她|这|该|其|此))/iu;

/**
 * For "what is X": a sentence that defines X ("X is a …", "X, a …", "X – a …", "X（…）",
 * "X 是一个…"). The name is the question's last specific inside X, or X itself.
 */
function definitionPattern(analysis: QuestionAnalysis): RegExp | null {
  const thing = analysis.defines;
  if (thing === null) return null;
  const inside = analysis.specifics.filter((specific) => thing.includes(specific.text));
  const name = escapeRegExp((inside[inside.length - 1]?.text ?? thing).replace(/['’]s$/u, ""));
  return new RegExp(
    `${name}\\S*\\s*(?:\\([^)]{0,40}\\)\\s*)?(?:(?:is|are|was)\\s+(?:an?|the|one)\\b|[,:–—-]\\s*(?:an?|the)\\s)|${name}\\s*[（(]|${name}\\s*(?:是|为|：|:)\\s*(?!不)[一个款种家项套]`,
    "iu",
  );
}

/** Terms from earlier turns of a conversation (no concept, weight below 1) found in `tokens`. */
function contextMatches(terms: WeightedTerm[], tokens: ReadonlySet<string>): number {
  return terms.filter((term) => term.weight < 1 && term.concept === undefined && tokens.has(term.term))
    .length;
}

/** The windows of one passage: each sentence, and pairs of a sentence with one of the next few. */
function groupsOf(sentences: AnswerSentence[]): AnswerSentence[][] {
  const groups: AnswerSentence[][] = [];
  for (const [index, sentence] of sentences.entries()) {
    groups.push([sentence]);
    for (const next of sentences.slice(index + 1)) {
      if (next.position - sentence.position > maximumSentenceGap) break;
      groups.push([sentence, next]);
    }
  }
  return groups;
}

export function evidenceWindows(input: GateInput): EvidenceWindow[] {
  const { analysis, terms, statistics } = input;
  const contexts = contextsOf(input.passages);
  const translations = translationsOf(terms);
  const checkableValue = analysis.askedTypes.some(isCheckable);
  // The question's words beyond its specifics: what it says happened ("open", "plant"), which the
  // sentence giving the value must share — a name alone does not make a date its answer.
  const specificTokens = new Set(analysis.specifics.flatMap((specific) => specific.tokens));
  const contentTerms = terms.filter(
    (term) => term.weight >= 1 && !specificTokens.has(term.term) && !specificTokens.has(term.concept ?? ""),
  );
  // How much of what the question says happened each sentence holds; the value must come from
  // a sentence about that, not from one about the same subject doing something else.
  const contentCache = new Map<AnswerSentence, number>();
  const contentOf = (sentence: AnswerSentence) => {
    let value = contentCache.get(sentence);
    if (value === undefined) {
      value = termMatch(contentTerms, withParts(sentence.tokens), statistics).coverage;
      contentCache.set(sentence, value);
    }
    return value;
  };
  // A sentence giving the value must hold one of the question's words (its own, a specific, a
  // translation or an earlier turn's), or the asked noun: "Which banks …" is not answered by a
  // sentence that only names another company of the story.
  const definition = definitionPattern(analysis);
  const saysWhatWasAsked = (sentence: AnswerSentence) => {
    const tokens = withParts(sentence.tokens);
    return terms.some((term) => tokens.has(term.term));
  };
  // "They covered 4,183.8 km": a figure in a sentence that goes on about the subject of the one
  // before it (opening with a pronoun) is about that subject. Names are not taken this way: a
  // pronoun sentence naming another company does not say which company was asked for.
  const numericAsk = analysis.askedTypes.some((type) => figureTypes.has(type) || type === "date");
  const atPosition = new Map(
    input.sentences.map((sentence) => [`${sentence.passageIndex}:${sentence.position}`, sentence]),
  );
  const continuesSubject = (member: AnswerSentence) => {
    if (!numericAsk || !pronounOpening.test(member.text)) return false;
    const before = atPosition.get(`${member.passageIndex}:${member.position - 1}`);
    return (
      before !== undefined &&
      saysWhatWasAsked(before) &&
      contentOf(before) >= (bestContentOf.get(before.passageIndex) ?? 0) * valueContentShare
    );
  };
  // A sentence stands in several windows; whether it withholds the asked detail is read once.
  const withheld = new Map<AnswerSentence, boolean>();
  const withholds = (sentence: AnswerSentence) => {
    let value = withheld.get(sentence);
    if (value === undefined) {
      value = withholdsAskedDetail(sentence, analysis, contentTerms, translations);
      withheld.set(sentence, value);
    }
    return value;
  };
  const bestContentOf = new Map<number, number>();
  for (const sentence of input.sentences)
    bestContentOf.set(
      sentence.passageIndex,
      Math.max(bestContentOf.get(sentence.passageIndex) ?? 0, contentOf(sentence)),
    );
  const byPassage = new Map<number, AnswerSentence[]>();
  for (const sentence of input.sentences) {
    const list = byPassage.get(sentence.passageIndex) ?? [];
    list.push(sentence);
    byPassage.set(sentence.passageIndex, list);
  }
  const windows: EvidenceWindow[] = [];
  for (const [passageIndex, sentences] of byPassage) {
    const context = contexts[passageIndex]!;
    sentences.sort((left, right) => left.position - right.position);
    for (const group of groupsOf(sentences)) {
      const first = group[0]!;
      const last = group[group.length - 1]!;
      const gap = last.position - first.position;
      const text = group.map((member) => member.text).join(" ");
      // The value must sit in a sentence about the question: its own words, the asked noun or a
      // specific — not in a neighbour that only happens to hold a number or a date.
      const holdsValue = (member: AnswerSentence) =>
        holdsAnyAskedValue(member.text, analysis, input.question) &&
        (contentTerms.length === 0 ||
          analysis.headTokens.some((token) => headIn(token, member.text, member.tokens, translations)) ||
          continuesSubject(member) ||
          (saysWhatWasAsked(member) &&
            contentOf(member) >= (bestContentOf.get(member.passageIndex) ?? 0) * valueContentShare &&
            (group.length === 1 || contentOf(member) >= valueSentenceCoverage)));
      // Of two sentences holding a value, the one counting the asked thing ("5万面") gives it.
      // A question with no value to check ("what did X say about Y") is answered by the window as a
      // whole: its best-covering sentence stands for it.
      const holding = checkableValue
        ? group.filter(holdsValue)
        : [...group].sort((left, right) => right.coverage - left.coverage);
      const valueSentence =
        holding.find((member) => countsTheAskedThing(member.text, analysis)) ?? holding[0];
      const valueFound = valueSentence !== undefined && !group.some(withholds);
      // A sentence further on joins only to bring the asked value its subject sentence lacks.
      if (
        gap > 1 &&
        (!holdsAnyAskedValue(last.text, analysis, input.question) || first.coverage < minimumCoverage)
      )
        continue;
      const tokens = withParts(group.flatMap((member) => [...member.tokens]));
      const titled = new Set([...tokens, ...context.title]);
      // A pair is scored like a sentence (its story title at a quarter), less a share per step apart.
      const match =
        group.length === 1
          ? { coverage: first.coverage, matched: first.matched, asked: first.asked }
          : (() => {
              const pair = sentenceMatch(terms, tokens, context.title, statistics);
              return { ...pair, coverage: pair.coverage * pairWindowShare ** gap };
            })();
      // Earlier turns' words count towards the pair: "How long did that take?" names its subject
      // only through the conversation.
      const together = match.matched + Math.min(2, contextMatches(terms, titled));
      const paired = match.asked < pairedWordsFrom || together >= 2;
      const headFound =
        !needsHead(analysis) ||
        analysis.headTokens.some((token) => headIn(token, text, tokens, translations));
      const specifics = checkSpecifics(analysis.specifics, tokens, text, context, translations);
      // Structured evidence — the question's specifics here, with the asked value and its noun —
      // needs less word share: a paraphrased question shares few words with its answer.
      // So is a sentence defining what a "what is X" question names ("X, a cluster-scoped …").
      const defines = definition !== null && group.some((member) => definition.test(member.text));
      const structured =
        specifics.hold && specifics.anchored > 0 && ((checkableValue && valueFound && headFound) || defines);
      const otherLanguage = group.every((member) => member.lang !== input.lang);
      const structuredBar = otherLanguage ? crossLanguageStructuredCoverage : structuredEvidenceCoverage;
      // Translations weigh less than the asker's own words, so a window in the other language
      // reaches a lower share for the same evidence: its plain bar is scaled alike.
      const plainBar = otherLanguage ? minimumCoverage * crossLanguageCoverageShare : minimumCoverage;
      const relevant = (paired || defines) && match.coverage >= (structured ? structuredBar : plainBar);
      let score = match.coverage + passageRankBonus / (passageIndex + 1);
      if (valueFound) score += askedValueBonus;
      if (valueSentence !== undefined && countsTheAskedThing(valueSentence.text, analysis))
        score += countedValueBonus;
      if (valueSentence !== undefined && valueNearQuestion(valueSentence.text, analysis, contentTerms))
        score += valueNearQuestionBonus;
      if (group.some((member) => member.units > longSentenceUnits)) score -= longSentencePenalty;
      if (definition !== null && group.some((member) => definition.test(member.text)))
        score += definitionBonus;
      windows.push({
        sentences: group,
        valueSentence,
        passageIndex,
        coverage: match.coverage,
        score,
        relevant,
        specificsFound: specifics.hold,
        headFound,
        valueFound,
      });
    }
  }
  return windows.sort((left, right) => right.score - left.score);
}

/** The window states the asked fact. */
export function isFullEvidence(window: EvidenceWindow): boolean {
  return (
    window.relevant &&
    window.specificsFound &&
    window.headFound &&
    window.valueFound &&
    window.valueSentence !== undefined &&
    !window.valueSentence.asks &&
    // A heading alone is no answer, unless it holds the asked value ("Summit: September 8 in Montréal").
    (!window.valueSentence.unfitToLead || window.sentences.length === 1)
  );
}

/** The window is about what was asked, though it may not state the asked detail. */
export function isOnSubject(window: EvidenceWindow): boolean {
  return window.relevant && window.specificsFound;
}
