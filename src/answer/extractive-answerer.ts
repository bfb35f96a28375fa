import { type AskedType, analyzeQuestion, type QuestionAnalysis } from "../question/analyze-question.ts";
import { isCheckable } from "../question/asked-value.ts";
import type { TermStatistics } from "../retrieve/term-statistics.ts";
import type { RetrievedPassage } from "../store/chunk-record.ts";
import { tokenize } from "../text/segment.ts";
import { QUOTED_SENTENCE_CHARACTER_CAP, truncateAtBoundary } from "../text/text-limits.ts";
import { type AnswerSentence, answerSentences } from "./answer-sentences.ts";
import {
  addedSentenceShare,
  askerLanguageShare,
  continuationSentences,
  passagesRead as defaultPassagesRead,
  leadCoverageShare,
  maximumAnswerUnits,
  trimSentenceUnits,
} from "./answer-tuning.ts";
import type { Answerer, AnswererInput, DraftAnswer } from "./answerer.ts";
import { type EvidenceWindow, evidenceWindows, isFullEvidence, isOnSubject } from "./evidence-gate.ts";
import { found, translationsOf, withParts } from "./evidence-specifics.ts";
import { continuesSentenceBefore } from "./evidence-values.ts";
import { keyFact } from "./key-fact.ts";
import { trimToClause } from "./trim-sentence.ts";

export { looksLikeTableOrListing, stripFootnoteMarkers } from "./answer-sentences.ts";

/**
 * The offline answerer. It reads the sentences of the best passages, finds the windows (a
 * sentence or two adjacent ones) that state the asked fact (see evidence-gate.ts), and quotes the
 * best: the sentence holding the fact leads, cut to its clause when long, never a heading or an
 * interviewer's question; a second window joins only when it is evidence about the same thing.
 * When the story is there but the asked detail is not, it says so (a partial reply); when nothing
 * is about the question, it refuses.
 */

export interface ExtractiveOptions {
  statistics: () => TermStatistics;
  /** Passages read, best first. Default `passagesRead` of answer-tuning.ts. */
  passagesRead?: number;
  /** Receives every question's scored windows, best first (for tracing why an answer was chosen). */
  onWindows?: ((question: string, windows: EvidenceWindow[]) => void) | undefined;
  /** An English dictionary: a lower-case word it lacks ("libconsensus") is a name the answer must hold. */
  isKnownWord?: ((word: string) => boolean) | undefined;
  /** Names the key entities of a passage in the asker's language, when the passage is in the other one. */
  glossEntities?:
    | ((text: string, targetLang: "en" | "zh") => Array<{ source: string; gloss: string }>)
    | undefined;
}

/** A quoted sentence, cut to the core cap (a passage may hold a sentence of any length). */
function capped(text: string): string {
  return truncateAtBoundary(text, QUOTED_SENTENCE_CHARACTER_CAP);
}

const refusal: DraftAnswer = { answered: false, coverage: "none", text: "", answerer: "extractive" };

export function createExtractiveAnswerer(options: ExtractiveOptions): Answerer {
  const passagesRead = options.passagesRead ?? defaultPassagesRead;
  return {
    id: "extractive",
    async answer(input: AnswererInput): Promise<DraftAnswer> {
      const terms = input.queryTerms ?? tokenize(input.question).map((term) => ({ term, weight: 1 }));
      const statistics = options.statistics();
      const analysis = analyzeQuestion(input.question, options.isKnownWord);
      const sentences = answerSentences(input.passages, terms, statistics, passagesRead);
      const windows = evidenceWindows({
        question: input.question,
        lang: input.lang,
        analysis,
        sentences,
        passages: input.passages,
        terms,
        statistics,
      });
      // A question about a time ("in March 2025") is answered from that time's issues when they can.
      const preferred = input.preferredPassages ?? 0;
      // What is shown must name what was asked about: a window whose sentence holding the
      // question's names is left out of the quote (a link list) does not answer it.
      const translations = translationsOf(terms);
      const allFull = windows.filter(
        (window) => isFullEvidence(window) && showsSpecifics(window, analysis, input.passages, translations),
      );
      const fromPreferred = allFull.filter((window) => window.passageIndex < preferred);
      const full = fromPreferred.length > 0 ? fromPreferred : allFull;
      options.onWindows?.(input.question, windows);
      // A value found only far below the best telling of the question's subject answers something
      // else: the story is there without the asked detail (a partial reply), or another story holds
      // the value by chance. Compared among windows in the same language as the answer's: the other
      // language's words match through translations, weighed below the asker's own.
      const inAskerLanguage = (window: EvidenceWindow) =>
        window.sentences.some((sentence) => sentence.lang === input.lang);
      const lead0 = full[0];
      const bestOnSubject = Math.max(
        0,
        ...windows
          .filter(
            (window) =>
              isOnSubject(window) &&
              inAskerLanguage(window) === (lead0 !== undefined && inAskerLanguage(lead0)),
          )
          .map((window) => window.coverage),
      );
      const best =
        lead0 !== undefined && lead0.coverage >= bestOnSubject * leadCoverageShare ? lead0 : undefined;
      if (best === undefined) return partialOrRefusal(windows, analysis, input);
      // A window in the asker's language leads when it is nearly as good.
      const inLanguage = full.find((window) =>
        window.sentences.every((sentence) => sentence.lang === input.lang),
      );
      const lead =
        inLanguage !== undefined && inLanguage.score >= best.score * askerLanguageShare ? inLanguage : best;
      const chosen = [lead];
      const asksSeveralValues = analysis.askedTypes.filter(isCheckable).length > 1;
      let units = unitsOf(lead);
      const story = storyKey(input.passages[lead.passageIndex]);
      for (const candidate of full) {
        if (chosen.length >= 2) break;
        if (candidate.score < lead.score * addedSentenceShare) break;
        // A window sharing a sentence with a chosen one joins only to bring another asked value of
        // the same passage ("price and weight": the product sentence, then each figure).
        if (
          chosen.some((window) => overlaps(window, candidate)) &&
          !(asksSeveralValues && bringsAnotherValue(candidate, chosen))
        )
          continue;
        // A second window is evidence about the same thing: from the same story, or about the same
        // specifics in another issue's telling of it.
        const sameStory = storyKey(input.passages[candidate.passageIndex]) === story;
        if (!sameStory && analysis.specifics.length === 0) continue;
        if (units + unitsOf(candidate) > maximumAnswerUnits) continue;
        chosen.push(candidate);
        units += unitsOf(candidate);
      }
      // Each passage's shown sentences once: the lead's first, each window's in passage order.
      const shownByPassage = new Map<number, AnswerSentence[]>();
      for (const window of [...chosen].sort((left, right) => left.passageIndex - right.passageIndex)) {
        const list = shownByPassage.get(window.passageIndex) ?? [];
        for (const sentence of withSentencesBetween(shownSentences(window), sentences, units)) {
          if (list.includes(sentence)) continue;
          list.push(sentence);
          if (!window.sentences.includes(sentence)) units += Math.min(sentence.units, trimSentenceUnits);
        }
        // For a question with no single value to state (what, how, what happened), the sentences
        // right after the lead that go on about its subject ("It is a charity project…", "The
        // feature works with…") complete it, when the answer has room. A stated figure or date
        // needs nothing more.
        if (window === lead && !analysis.askedTypes.some(isCheckable)) {
          let last = window.sentences[window.sentences.length - 1]!;
          for (let added = 0; added < continuationSentences; added += 1) {
            const next = continuation(last, sentences);
            if (next === undefined || list.includes(next) || units + next.units > maximumAnswerUnits) break;
            list.push(next);
            units += next.units;
            last = next;
          }
        }
        shownByPassage.set(window.passageIndex, list);
      }
      // Two windows of one passage in the brief's order run as the brief does: the sentences
      // between them join when the answer has room ("A. B. C. D.", not "A. B. D.").
      for (const [passageIndex, list] of shownByPassage) {
        const ascending = list.every(
          (sentence, index) => index === 0 || sentence.position > list[index - 1]!.position,
        );
        if (!ascending) continue;
        const filled = withSentencesBetween(list, sentences, units);
        for (const sentence of filled)
          if (!list.includes(sentence)) units += Math.min(sentence.units, trimSentenceUnits);
        shownByPassage.set(passageIndex, filled);
      }
      const quotes: Record<number, string> = {};
      const parts: string[] = [];
      for (const [passageIndex, shown] of shownByPassage) {
        quotes[passageIndex] = joinSentences(shown.map((sentence) => capped(sentence.text)));
        const text = joinSentences(
          shown.map((sentence) =>
            capped(
              sentence.units > trimSentenceUnits
                ? trimToClause(sentence.text, analysis, input.question, terms)
                : sentence.text,
            ),
          ),
        );
        parts.push(`${text} [${passageIndex + 1}]`);
      }
      const asked = new Set(terms.map((term) => term.term));
      const foreign = chosen
        .flatMap((window) => window.sentences)
        .filter((sentence) => sentence.lang !== input.lang);
      return {
        answered: true,
        coverage: "full",
        text:
          parts.join(" ") +
          keyFactLine(lead, analysis, input.lang) +
          glossLine(foreign, input.lang, asked, options.glossEntities),
        answerer: "extractive",
        quotes,
      };
    },
  };
}

/** Sentences as the passage runs them: no space after a full-width stop ("65克。售价199元"). */
function joinSentences(texts: string[]): string {
  let joined = "";
  for (const text of texts) {
    if (joined === "") joined = text;
    else joined += /[。！？；…」”）]$/u.test(joined) ? text : ` ${text}`;
  }
  return joined;
}

/**
 * A window's sentences with the ones between them ("A. B. C." rather than "A. C."), so the quote
 * runs as the brief does and a sentence it skipped cannot change what the others mean, when the
 * answer has room for them.
 */
function withSentencesBetween(
  shown: AnswerSentence[],
  sentences: AnswerSentence[],
  units: number,
): AnswerSentence[] {
  if (shown.length < 2) return shown;
  const first = shown[0]!;
  const last = shown[shown.length - 1]!;
  if (last.position - first.position <= shown.length - 1) return shown;
  const between = sentences.filter(
    (sentence) =>
      sentence.passageIndex === first.passageIndex &&
      sentence.position > first.position &&
      sentence.position < last.position &&
      !shown.includes(sentence),
  );
  const added = between.reduce((sum, sentence) => sum + Math.min(sentence.units, trimSentenceUnits), 0);
  if (between.some((sentence) => sentence.asks) || units + added > maximumAnswerUnits) return shown;
  return [...shown, ...between].sort((left, right) => left.position - right.position);
}

/** The sentence after `last` that continues its subject, if it may be shown. */
function continuation(last: AnswerSentence, sentences: AnswerSentence[]): AnswerSentence | undefined {
  const next = sentences.find(
    (sentence) => sentence.passageIndex === last.passageIndex && sentence.position === last.position + 1,
  );
  if (next === undefined || next.asks || next.unfitToLead || next.units > trimSentenceUnits) return undefined;
  return continuesSentenceBefore(next.text) ? next : undefined;
}

/** The window gives an asked value the chosen windows do not already show. */
function bringsAnotherValue(candidate: EvidenceWindow, chosen: EvidenceWindow[]): boolean {
  const value = candidate.valueSentence;
  return (
    value !== undefined &&
    chosen.every(
      (window) => window.passageIndex === candidate.passageIndex && !window.sentences.includes(value),
    )
  );
}

function storyKey(passage: RetrievedPassage | undefined): string {
  return passage === undefined ? "" : `${passage.docId}#${passage.storyIndex}`;
}

function unitsOf(window: EvidenceWindow): number {
  return window.sentences.reduce((sum, sentence) => sum + Math.min(sentence.units, trimSentenceUnits), 0);
}

function overlaps(left: EvidenceWindow, right: EvidenceWindow): boolean {
  return (
    left.sentences.some((sentence) => right.sentences.includes(sentence)) ||
    left.sentences.some((sentence) => right.sentences.some((other) => other.text === sentence.text))
  );
}

/**
 * A window's sentences as shown: a heading, link title or interviewer's question before the reply
 * is left out, unless it holds the asked value itself.
 */
/** Whether the quoted sentences of a window, or its story's title, hold one of the question's specifics. */
function showsSpecifics(
  window: EvidenceWindow,
  analysis: QuestionAnalysis,
  passages: RetrievedPassage[],
  translations: Map<string, string[]>,
): boolean {
  if (analysis.specifics.length === 0) return true;
  const shown = shownSentences(window);
  if (shown.length === window.sentences.length) return true;
  // A lead-in left out ("Ada Park wrote about retries:") still names the subject of what follows;
  // a list after the quote does not name the quote's.
  const first = Math.min(...shown.map((sentence) => sentence.position));
  const leadIn = window.sentences.filter((sentence) => sentence.position < first);
  const tokens = withParts([
    ...[...leadIn, ...shown].flatMap((sentence) => [...sentence.tokens]),
    ...tokenize(passages[window.passageIndex]?.story ?? ""),
  ]);
  return analysis.specifics.some((specific) =>
    (specific.kind === "name" ? specific.tokens.slice(-1) : specific.tokens).every((token) =>
      found(token, tokens, translations),
    ),
  );
}

function shownSentences(window: EvidenceWindow): AnswerSentence[] {
  const shown = window.sentences.filter(
    (sentence) => sentence === window.valueSentence || (!sentence.unfitToLead && !sentence.asks),
  );
  return shown.length > 0 ? shown : window.sentences;
}

const missingDetail: Record<"en" | "zh", Record<AskedType, string>> = {
  en: {
    money: "the price or amount",
    percentage: "the share",
    quantity: "the number",
    duration: "how long",
    frequency: "how often",
    distance: "the distance",
    place: "where",
    date: "when",
    person: "who",
    name: "the name",
    reason: "why",
    yesno: "the answer",
    other: "that detail",
  },
  zh: {
    money: "价格或金额",
    percentage: "比例",
    quantity: "具体数字",
    duration: "时长",
    frequency: "频率",
    distance: "距离",
    place: "地点",
    date: "时间",
    person: "是谁",
    name: "名称",
    reason: "原因",
    yesno: "答案",
    other: "这个细节",
  },
};

/** What a partial reply says is missing when the asked noun is: "the number of employees", "许可证". */
function missingHead(analysis: QuestionAnalysis, question: string, lang: "en" | "zh"): string {
  const head = analysis.headTokens[0]!;
  if (lang === "zh") return head;
  // The word as the question wrote it ("employees" for the folded "employee").
  const written = question.match(new RegExp(`\\b${head.replace(/[^\w-]/g, "")}[\\w-]*`, "i"))?.[0] ?? head;
  return analysis.askedTypes.includes("quantity") ? `the number of ${written}` : `the ${written}`;
}

/**
 * When no window states the asked fact: a partial reply if the story is there (the question's
 * specifics and words in one window) and what is missing is a checkable detail; else a refusal.
 */
function partialOrRefusal(
  windows: EvidenceWindow[],
  analysis: QuestionAnalysis,
  input: AnswererInput,
): DraftAnswer {
  const checkable = analysis.askedTypes.some(isCheckable) || analysis.headTokens.length > 0;
  const about = windows.find(
    (window) => isOnSubject(window) && window.sentences.some((sentence) => !sentence.unfitToLead),
  );
  if (!checkable || about === undefined) return refusal;
  const shown = shownSentences(about);
  // "Whose account …" lacks the person, not the account.
  const headMissing = !about.headFound && analysis.headTokens.length > 0 && !analysis.ownedHead;
  const lang = input.lang;
  const detail = headMissing
    ? missingHead(analysis, input.question, lang)
    : missingDetail[lang][analysis.asked];
  const quote = shown.map((sentence) => capped(sentence.text)).join(" ");
  const text =
    lang === "zh"
      ? `简报提到了相关内容，但没有给出${detail}。最接近的是：${quote} [${about.passageIndex + 1}]`
      : `The briefs do not give ${detail}. The closest they come: ${quote} [${about.passageIndex + 1}]`;
  return {
    answered: false,
    coverage: "partial",
    text,
    answerer: "extractive",
    quotes: { [about.passageIndex]: quote },
  };
}

/**
 * When the sentence giving the asked figure or date is in the other language, a line restating
 * that fact in the asker's language ("要点：4183.8 公里"); the quote stays as written.
 */
function keyFactLine(lead: EvidenceWindow, analysis: QuestionAnalysis, lang: "en" | "zh"): string {
  const sentence = lead.valueSentence;
  if (sentence === undefined || sentence.lang === lang) return "";
  const fact = keyFact(sentence.text, analysis, sentence.lang, lang);
  if (fact === null) return "";
  const date = !analysis.askedTypes.some((type) => type !== "date");
  if (lang === "zh") return `\n\n要点：${fact}`;
  return `\n\n${date ? "Key date" : "Key figure"}: ${fact}`;
}

/**
 * When the quoted sentences are in the other language, a line naming the entities the question
 * is about in the asker's language ("关键名称：Gotion（国轩高科）"); the quotes stay original.
 */
function glossLine(
  foreign: AnswerSentence[],
  lang: "en" | "zh",
  asked: ReadonlySet<string>,
  glossEntities: ExtractiveOptions["glossEntities"],
): string {
  if (glossEntities === undefined || foreign.length === 0) return "";
  const seen = new Set<string>();
  const names: string[] = [];
  for (const entity of glossEntities(foreign.map((sentence) => sentence.text).join(" "), lang)) {
    if (seen.has(entity.source) || names.length >= 4) continue;
    // Only names the question is about: they tell the asker how the passage refers to them.
    const related = [...tokenize(entity.source), ...tokenize(entity.gloss)].some((token) => asked.has(token));
    if (!related) continue;
    seen.add(entity.source);
    names.push(lang === "zh" ? `${entity.source}（${entity.gloss}）` : `${entity.source} (${entity.gloss})`);
  }
  if (names.length === 0) return "";
  return lang === "zh" ? `\n\n关键名称：${names.join("，")}` : `\n\nKey names: ${names.join(", ")}`;
}

export type { RetrievedPassage };
