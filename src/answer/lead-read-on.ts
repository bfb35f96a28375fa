import type { WeightedTerm } from "../store/store.ts";
import { continuation, nextSentence, readOnTo } from "./answer-composition.ts";
import type { AnswerSentence } from "./answer-sentences.ts";
import {
  continuationSentences,
  echoNewWords,
  maximumAnswerUnits,
  reasonAnswerUnits,
  reasonReadOnSentences,
} from "./answer-tuning.ts";
import type { EvidenceWindow } from "./evidence-gate.ts";
import { givesReason } from "./evidence-values.ts";

/**
 * For a question with no single value to state (what, how, why, what happened), the sentences
 * right after the lead that complete it: those going on about its subject ("It is a charity
 * project…", "The feature works with…"), the one giving the reason a "why" asks for, a list a
 * colon introduces, what a lead that only says the question back leads to. A stated figure or date
 * needs nothing more (extractive-answerer.ts reads on only for the other questions).
 */

export interface ReadOnContext {
  /** The windows chosen for the answer, the lead first. */
  chosen: readonly EvidenceWindow[];
  /** Every read sentence, to find the ones after the lead. */
  sentences: AnswerSentence[];
  asksReason: boolean;
  /** The question's terms the sentences are weighed by, and those of earlier turns or expansions. */
  terms: readonly WeightedTerm[];
  relatedTerms: readonly WeightedTerm[];
}

/** Adds to `list` (the lead passage's shown sentences) what the answer reads on to; returns the answer's units. */
export function readOnFromLead(
  lead: EvidenceWindow,
  list: AnswerSentence[],
  units: number,
  { chosen, sentences, asksReason, terms, relatedTerms }: ReadOnContext,
): number {
  let last = lead.sentences[lead.sentences.length - 1]!;
  // A "why" answered by no sentence giving a reason reads on to the next one.
  // A one-sentence lead reads on to a next sentence sharing a word of the question (its own,
  // a translation or a paraphrase): "…now hosted on a new server. Everyone who wishes to
  // continue receiving posts needs to resubscribe."
  const reasonUnshown =
    asksReason && !chosen.some((shown) => shown.sentences.some((s) => givesReason(s.text)));
  // … or on to the first sentence giving one, when one does a few sentences on.
  const toReason = reasonUnshown ? readOnTo(last, sentences, givesReason, reasonReadOnSentences) : [];
  const toReasonUnits = toReason.reduce((sum, sentence) => sum + sentence.units, 0);
  if (toReason.length > 0 && units + toReasonUnits <= reasonAnswerUnits) {
    for (const sentence of toReason) if (!list.includes(sentence)) list.push(sentence);
    return units + toReasonUnits;
  }
  // A lead ending with a colon ("there are three spend paths:") introduces the list that
  // follows: its items are read on to, however they open.
  const introducesList = /[:：]\s*$/u.test(last.text);
  // A lead that only says the question back is followed by what was asked, however it opens.
  const echoes = echoesQuestion(lead.sentences, terms);
  let readOn =
    reasonUnshown ||
    introducesList ||
    echoes ||
    (lead.sentences.length === 1 &&
      sharesQuestionWord(nextSentence(last, sentences), [...terms, ...relatedTerms]));
  for (let added = 0; added < continuationSentences; added += 1) {
    const next = continuation(last, sentences, readOn);
    readOn = introducesList || echoes;
    if (next === undefined || list.includes(next) || units + next.units > maximumAnswerUnits) break;
    list.push(next);
    units += next.units;
    last = next;
  }
  return units;
}

/**
 * The lead says back only what the question says ("SE-0298 was accepted with modifications." for
 * "what modifications did they make when accepting SE-0298?"): at most `echoNewWords` of its words
 * are not the question's, so what was asked is told after it, however the next sentence opens.
 */
function echoesQuestion(lead: readonly AnswerSentence[], terms: readonly { term: string }[]): boolean {
  const asked = new Set(terms.map((term) => term.term));
  const told = new Set(lead.flatMap((sentence) => [...sentence.tokens]));
  let fresh = 0;
  for (const token of told) if (!asked.has(token) && !/^\d+$/.test(token)) fresh += 1;
  return told.size > 0 && fresh <= echoNewWords;
}

function sharesQuestionWord(
  sentence: AnswerSentence | undefined,
  terms: readonly { term: string }[],
): boolean {
  return sentence !== undefined && terms.some((term) => sentence.tokens.has(term.term));
}
