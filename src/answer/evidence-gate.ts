import type { QuestionAnalysis } from "../question/analyze-question.ts";
import { holdsAnyAskedValue, isCheckable } from "../question/asked-value.ts";
import { askedNameClass, namesMember } from "../question/name-classes.ts";
import type { OpposedWord } from "../question/question-verbs.ts";
import { sentenceMatcher } from "../retrieve/term-coverage.ts";
import type { TermStatistics } from "../retrieve/term-statistics.ts";
import type { RetrievedPassage } from "../store/chunk-record.ts";
import type { WeightedTerm } from "../store/store.ts";
import { type AnswerSentence, listsIssueContents } from "./answer-sentences.ts";
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
  pairedWordsFrom,
  pairWindowShare,
  passageRankBonus,
  structuredEvidenceCoverage,
  unanchoredCoverage,
  valueContentShare,
  valueNearQuestionBonus,
  valueSentenceCoverage,
} from "./answer-tuning.ts";
import { titleNames } from "./evidence-clues.ts";
import { checkSpecifics, translationsOf } from "./evidence-specifics.ts";
import {
  countsAnotherKind,
  countsTheAskedThing,
  headIn,
  headsMeasurePatterns,
  namesAskedVersion,
  namesHeadsMeasure,
  needsHead,
  valueNearQuestion,
} from "./evidence-values.ts";
import { contextsOf, withParts, yearsHeld, yearsOf } from "./passage-context.ts";
import { namesOnlyCommonOnes, rarestNameOf } from "./question-names.ts";
import { readSentences } from "./sentence-readings.ts";
import { titleNamesAskedThing } from "./title-value.ts";

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
  /** The asked name is in the story's title, which the answer then leads with (an item's opening). */
  valueInTitle?: boolean;
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
  /** The question's verbs and their opposites (question-verbs.ts), if known. */
  opposed?: readonly OpposedWord[] | undefined;
  /** Forms of the verbs the question negates (question-verbs.ts): told only unnegated, the opposite. */
  negated?: readonly string[][] | undefined;
  /**
   * Abbreviations the briefs define for names the question spells out, and the reverse
   * (paraphrase/aliases.ts): a name is there when its defined alias is.
   */
  aliases?: readonly WeightedTerm[] | undefined;
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

// A pronoun for a person ("he", "her", 他, 她; not 他们 "they" or 其他 "other").
const personPronoun = /\b(?:he|she|him|her)\b|(?<!其)[他她](?![们人])/iu;

export function evidenceWindows(input: GateInput): EvidenceWindow[] {
  const { analysis, terms, statistics } = input;
  const contexts = contextsOf(input.passages);
  const translations = translationsOf(terms);
  // Pairs of sentences are scored like one sentence, with one matcher for the question.
  const matchPair = sentenceMatcher(terms, statistics);
  const askedYears = yearsOf(input.question);
  const measurePatterns = headsMeasurePatterns(analysis, input.question);
  const aliasesOf = new Map<string, string[]>();
  for (const alias of input.aliases ?? [])
    if (alias.concept !== undefined)
      aliasesOf.set(alias.concept, [...(aliasesOf.get(alias.concept) ?? []), alias.term]);
  const checkableValue = analysis.askedTypes.some(isCheckable);
  const {
    contentTerms,
    translatedContentTerms,
    translatedContentOf,
    contentOf,
    definition,
    saysWhatWasAsked,
    numericAsk,
    continuesSubject,
    givesSubjectsFigure,
    withholds,
    tellsOnlyUnnegated,
    saysTheOpposite,
    tellsTheAskingClause,
    namesEverySpecific,
    namesAskedVersionWhole,
    bestContentOf,
  } = readSentences(input, translations);
  const namesAsked = analysis.askedTypes.some((type) => type === "name" || type === "person");
  // "Which language is it written in": a name answers only if it is a language (name-classes.ts).
  const nameClass = askedNameClass(analysis, input.question);
  // Of three names or more one may be missing from a passage (an author's, a qualifier), but not
  // the one the question is most about: the rarest in the briefs ("Kickstarter" beside "iOS" and
  // "GitHub").
  const rarestName = rarestNameOf(analysis, statistics);
  const namesOnlyCommon = namesOnlyCommonOnes(analysis, statistics);
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
      // "…HomeBrew 的作者 Max Howell。Sundell 邀请了他作为嘉宾…": the sentence after tells of
      // the person only by a pronoun, so the name before is whom it tells of.
      const namesThePronounsPerson = (member: AnswerSentence) =>
        analysis.asksForPerson && gap === 1 && member === first && personPronoun.test(last.text);
      const holdsValue = (member: AnswerSentence) =>
        holdsAnyAskedValue(member.text, analysis, input.question) &&
        (contentTerms.length === 0 ||
          namesThePronounsPerson(member) ||
          analysis.headTokens.some((token) => headIn(token, member.text, member.tokens, translations)) ||
          continuesSubject(member) ||
          namesEverySpecific(member) ||
          namesAskedVersionWhole(member) ||
          givesSubjectsFigure(member, first) ||
          (saysWhatWasAsked(member) &&
            (contentOf(member) >= (bestContentOf.get(member.passageIndex) ?? 0) * valueContentShare ||
              tellsTheAskingClause(member)) &&
            (group.length === 1 || translatedContentOf(member) >= valueSentenceCoverage)));
      // Of two sentences holding a value, the one counting the asked thing ("5万面") gives it.
      // A question with no value to check ("what did X say about Y") is answered by the window as a
      // whole: its best-covering sentence stands for it.
      const holding = checkableValue
        ? group.filter(holdsValue)
        : [...group].sort((left, right) => right.coverage - left.coverage);
      let valueSentence = holding.find((member) => countsTheAskedThing(member.text, analysis)) ?? holding[0];
      let valueFound = valueSentence !== undefined && !group.some(withholds);

      // A figure or date told of the opposite event ("initially turned down a $1.5 billion
      // package" for "the package he finally accepted") is not the asked one.
      if (valueFound && numericAsk && saysTheOpposite(valueSentence!)) valueFound = false;
      // "Which versions were not affected": a sentence telling only that some were affected gives
      // the other versions, whatever the asked type.
      if (valueFound && tellsOnlyUnnegated(valueSentence!)) valueFound = false;
      // "11 项调查" does not answer "多少名开发者": it counts another kind of thing.
      if (valueFound && countsAnotherKind(valueSentence!.text, analysis, input.question)) valueFound = false;
      if (valueFound && nameClass !== null && !namesMember(nameClass, text, input.question))
        valueFound = false;
      // A sentence further on joins only to bring the asked value its subject sentence lacks.
      if (
        gap > 1 &&
        (!holdsAnyAskedValue(last.text, analysis, input.question) || first.coverage < minimumCoverage)
      )
        continue;
      const tokens = withParts(group.flatMap((member) => [...member.tokens]));
      const titled = new Set([...tokens, ...context.title]);
      // "Which university did X attend?": a name beside X is its answer only where something of what
      // the question asks about (its other words, their translations, or the asked noun) is told.
      // (In the other language the question's words match only through the lexicon's few senses,
      // so there the name and the specifics stand on their own.)
      if (
        valueFound &&
        namesAsked &&
        group.every((member) => member.lang === input.lang) &&
        translatedContentTerms.length > 0 &&
        !translatedContentTerms.some((term) => titled.has(term.term)) &&
        !analysis.headTokens.some((token) => headIn(token, text, titled, translations)) &&
        // (A member of the asked closed class — "Kotlin" for "which language" — is told as one.)
        nameClass === null
      )
        valueFound = false;
      // A pair is scored like a sentence (its story title at a quarter), less a share per step apart.
      const match =
        group.length === 1
          ? { coverage: first.coverage, matched: first.matched, asked: first.asked }
          : (() => {
              const pair = matchPair(tokens, context.title);
              return { ...pair, coverage: pair.coverage * pairWindowShare ** gap };
            })();
      // Earlier turns' words count towards the pair: "How long did that take?" names its subject
      // only through the conversation.
      const together = match.matched + Math.min(2, contextMatches(terms, titled));
      const paired = match.asked < pairedWordsFrom || together >= 2;
      let headFound =
        !needsHead(analysis) ||
        analysis.headTokens.some((token) => headIn(token, text, tokens, translations)) ||
        namesAskedVersion(analysis, text) ||
        namesHeadsMeasure(measurePatterns, text);
      // "Which wallet announced …": the item's title may name it (title-value.ts).
      const valueInTitle =
        !(valueFound && headFound) &&
        !group.some(withholds) &&
        titleNamesAskedThing(input.passages[passageIndex], first, context.title, analysis, input.question);
      if (valueInTitle) {
        valueSentence = valueSentence ?? first;
        valueFound = true;
        headFound = true;
      }
      const checked = checkSpecifics(
        analysis.specifics,
        tokens,
        text,
        context,
        translations,
        rarestName,
        aliasesOf,
      );
      const specifics = { ...checked, hold: checked.hold && yearsHeld(askedYears, context) };
      // Structured evidence — the question's specifics here (or its only one, the source, confirmed
      // by the issue), with the asked value and its noun — needs less word share: a paraphrased
      // question shares few words with its answer.
      // So is a sentence defining what a "what is X" question names ("X, a cluster-scoped …").
      // A digest entry titled with the thing ("Beszel：轻量级的服务器监控平台", "Beszel") opens with
      // what it is, without naming it again: the story's first sentence defines it.
      const titleDefines =
        definition !== null &&
        titleNames(context.storyTitle, analysis.defines) &&
        input.passages[passageIndex]!.chunkIndex === 0 &&
        first.position === 0;
      const defines =
        titleDefines || (definition !== null && group.some((member) => definition.test(member.text)));
      // (A question naming nothing is anchored by its counted noun: "多少张" by "10 张屏幕截图".)
      const countedNounAnchors =
        analysis.specifics.length === 0 &&
        analysis.headTokens.length > 0 &&
        valueSentence !== undefined &&
        countsTheAskedThing(valueSentence.text, analysis);
      const structured =
        specifics.hold &&
        (specifics.anchored > 0 || specifics.onlyTheSource === true || countedNounAnchors) &&
        ((checkableValue && valueFound && headFound) || defines);
      const otherLanguage = group.every((member) => member.lang !== input.lang);
      const structuredBar = otherLanguage ? crossLanguageStructuredCoverage : structuredEvidenceCoverage;
      // Translations weigh less than the asker's own words, so a window in the other language
      // reaches a lower share for the same evidence: its plain bar is scaled alike.
      // A question naming nothing (no name, version, number or quote), or only names the briefs
      // write everywhere, has only its words to tell its subject by: in its own language, a window
      // that does not hold the asked figure with its noun must share more of them.
      const plainBar = otherLanguage
        ? minimumCoverage * crossLanguageCoverageShare
        : namesOnlyCommon && !(checkableValue && valueFound && headFound)
          ? unanchoredCoverage
          : minimumCoverage;
      // (A title-defined entry is about the thing whatever words its sentence shares: the title
      // is its name.)
      const relevant =
        (titleDefines && specifics.hold) ||
        ((paired || defines) && match.coverage >= (structured ? structuredBar : plainBar));
      let score = match.coverage + passageRankBonus / (passageIndex + 1);
      if (valueFound) score += askedValueBonus;
      if (valueSentence !== undefined && countsTheAskedThing(valueSentence.text, analysis))
        score += countedValueBonus;
      if (valueSentence !== undefined && valueNearQuestion(valueSentence.text, analysis, contentTerms))
        score += valueNearQuestionBonus;
      if (group.some((member) => member.units > longSentenceUnits)) score -= longSentencePenalty;
      if (defines) score += definitionBonus;
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
        valueInTitle,
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
    // A heading alone is no answer, unless it holds the asked value ("Summit: September 8 in Montréal");
    // an issue's list of its contents never is.
    (!window.valueSentence.unfitToLead ||
      (window.sentences.length === 1 && !listsIssueContents(window.valueSentence.text)))
  );
}

/** The window is about what was asked, though it may not state the asked detail. */
export function isOnSubject(window: EvidenceWindow): boolean {
  return window.relevant && window.specificsFound;
}
