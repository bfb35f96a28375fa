import type { QuestionAnalysis } from "../question/analyze-question.ts";
import type { RetrievedPassage } from "../store/chunk-record.ts";
import { tokenize } from "../text/segment.ts";
import { QUOTED_SENTENCE_CHARACTER_CAP, truncateAtBoundary } from "../text/text-limits.ts";
import type { AnswerSentence } from "./answer-sentences.ts";
import { maximumAnswerUnits, trimSentenceUnits } from "./answer-tuning.ts";
import type { EvidenceWindow } from "./evidence-gate.ts";
import { specificHeld } from "./evidence-specifics.ts";
import { continuesSentenceBefore } from "./evidence-values.ts";
import { withParts } from "./passage-context.ts";

/** How an answer's quote is put together from evidence windows: which sentences show, in what order. */

/** A quoted sentence, cut to the core cap (a passage may hold a sentence of any length). */
export function capped(text: string): string {
  return truncateAtBoundary(text, QUOTED_SENTENCE_CHARACTER_CAP);
}

/** Sentences as the passage runs them: no space after a full-width stop ("65克。售价199元"). */
export function joinSentences(texts: string[]): string {
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
export function withSentencesBetween(
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
  const added = between.reduce((sum, sentence) => sum + quotedUnits(sentence), 0);
  if (between.some((sentence) => sentence.asks) || units + added > maximumAnswerUnits) return shown;
  return [...shown, ...between].sort((left, right) => left.position - right.position);
}

/** The sentence `step` places after (or before, when negative) `from` in its passage, if it was read. */
function sentenceBeside(
  from: AnswerSentence,
  sentences: AnswerSentence[],
  step: number,
): AnswerSentence | undefined {
  return sentences.find(
    (sentence) => sentence.passageIndex === from.passageIndex && sentence.position === from.position + step,
  );
}

/** The sentence after `last` in its passage, if it was read. */
export function nextSentence(last: AnswerSentence, sentences: AnswerSentence[]): AnswerSentence | undefined {
  return sentenceBeside(last, sentences, 1);
}

/** A sentence that may be shown beside a lead: no question, heading or link title, not over-long. */
function mayShow(sentence: AnswerSentence | undefined): sentence is AnswerSentence {
  return (
    sentence !== undefined && !sentence.asks && !sentence.unfitToLead && sentence.units <= trimSentenceUnits
  );
}

// A sentence that tells what was done only by pointing back at the sentence before it: "After
// doing this for every output …", "在对所有 TXO 都执行一遍这样的操作之后".
// A replacement told without what it replaces ("现在，Transporter 作为替代品，已经上线", "X ships as
// its replacement"), or a fix of "these problems" (为了改善这些问题), names that in the sentence before.
const pointsBack =
  /\b(?:this|these|that|those|such)\s+(?:operations?|process|procedures?|steps?|methods?|approach|techniques?|calculations?)\b|\bdoing (?:this|so)\b|\bin this way\b|\bas (?:a|its|the) replacement\b|\bin its place\b|这样的(?:操作|过程|步骤|方法|做法|处理|计算)|这么做|这样做|上述|该操作|此操作|作为替代品|取而代之|(?:这些|上述|以上)(?:问题|缺点|不足|痛点)|\bthese (?:problems|issues|shortcomings|limitations)\b/iu;

/**
 * The sentence before a lead that tells what was done only by pointing back at it ("… 这样的操作
 * 之后"), if it may be shown: the lead means nothing without it.
 */
export function antecedent(first: AnswerSentence, sentences: AnswerSentence[]): AnswerSentence | undefined {
  if (!pointsBack.test(first.text)) return undefined;
  const before = sentenceBeside(first, sentences, -1);
  return mayShow(before) ? before : undefined;
}

/**
 * The sentence after `last` that continues its subject, if it may be shown. `anyOpening`: the
 * next sentence of the passage however it opens (for a "why" whose shown sentences give no
 * reason: a brief states the rule, then why — "Bots are not permitted. Recording by third
 * parties poses risks …").
 */
export function continuation(
  last: AnswerSentence,
  sentences: AnswerSentence[],
  anyOpening = false,
): AnswerSentence | undefined {
  const next = nextSentence(last, sentences);
  if (!mayShow(next)) return undefined;
  return anyOpening || continuesSentenceBefore(next.text) ? next : undefined;
}

/**
 * The story's sentences after `last` up to the first that `gives` (a reason), when one does within
 * `limit` sentences that may be shown; otherwise none.
 */
export function readOnTo(
  last: AnswerSentence,
  sentences: AnswerSentence[],
  gives: (text: string) => boolean,
  limit: number,
): AnswerSentence[] {
  const run: AnswerSentence[] = [];
  for (let current = last; run.length < limit; ) {
    const next = nextSentence(current, sentences);
    if (!mayShow(next)) return [];
    run.push(next);
    if (gives(next.text)) return run;
    current = next;
  }
  return [];
}

/** The window gives an asked value the chosen windows do not already show. */
export function bringsAnotherValue(candidate: EvidenceWindow, chosen: EvidenceWindow[]): boolean {
  const value = candidate.valueSentence;
  return (
    value !== undefined &&
    chosen.every(
      (window) => window.passageIndex === candidate.passageIndex && !window.sentences.includes(value),
    )
  );
}

/**
 * The window, of the same passage as the chosen ones, holds a sentence that `tells` (a reason, a
 * method) where none of theirs does: it brings what a "why" or "how" question asks for.
 */
export function bringsTold(
  candidate: EvidenceWindow,
  chosen: EvidenceWindow[],
  tells: (text: string) => boolean,
): boolean {
  const shown = new Set(chosen.flatMap((window) => window.sentences));
  return (
    chosen.every((window) => window.passageIndex === candidate.passageIndex) &&
    ![...shown].some((sentence) => tells(sentence.text)) &&
    candidate.sentences.some((sentence) => !shown.has(sentence) && tells(sentence.text))
  );
}

export function storyKey(passage: RetrievedPassage | undefined): string {
  return passage === undefined ? "" : `${passage.docId}#${passage.storyIndex}`;
}

export function unitsOf(window: EvidenceWindow): number {
  return window.sentences.reduce((sum, sentence) => sum + quotedUnits(sentence), 0);
}

export function overlaps(left: EvidenceWindow, right: EvidenceWindow): boolean {
  return (
    left.sentences.some((sentence) => right.sentences.includes(sentence)) ||
    left.sentences.some((sentence) => right.sentences.some((other) => other.text === sentence.text))
  );
}

/** Whether the quoted sentences of a window, or its story's title, hold one of the question's specifics. */
export function showsSpecifics(
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
  const tokens = quotedTokens([...leadIn, ...shown], passages[window.passageIndex]);
  return analysis.specifics.some((specific) => specificHeld(specific, tokens, translations));
}

/** The tokens of quoted sentences and their story's title, for finding the question's specifics. */
export function quotedTokens(
  sentences: AnswerSentence[],
  passage: RetrievedPassage | undefined,
): Set<string> {
  return withParts([
    ...sentences.flatMap((sentence) => [...sentence.tokens]),
    ...tokenize(passage?.story ?? ""),
  ]);
}

/** What a quoted sentence counts towards an answer's length: a long one is cut to its clause. */
export function quotedUnits(sentence: AnswerSentence): number {
  return Math.min(sentence.units, trimSentenceUnits);
}

/**
 * A window's sentences as shown: a heading, link title or interviewer's question before the reply
 * is left out, unless it holds the asked value itself.
 */
export function shownSentences(window: EvidenceWindow): AnswerSentence[] {
  const shown = window.sentences.filter(
    (sentence) => sentence === window.valueSentence || (!sentence.unfitToLead && !sentence.asks),
  );
  return shown.length > 0 ? shown : window.sentences;
}
