import { isQuestionWord } from "../retrieve/query-plan.ts";
import type { WeightedTerm } from "../store/store.ts";
import { tokenize } from "../text/segment.ts";

/**
 * Whether a question leans on the previous turn ("and what about Tencent?", "他们呢？", "why?").
 * Offline heuristic: an opening connective, a pronoun standing for something said earlier, or a
 * question with almost no subject words of its own.
 */
export function isFollowUp(question: string): boolean {
  const text = question.trim().toLowerCase();
  if (/^(and|but|also|what about|how about|then|so|or|same for|why|why not|how come|really)\b/.test(text))
    return true;
  if (/^(那|那么|还有|而|另外|并且|以及|同样|为什么|为何)/.test(text)) return true;
  if (/\b(it|its|they|them|their|he|him|his|she|her|this|that|those|these|the company|the firm)\b/.test(text))
    return true;
  if (/(它|他们|她们|它们|该公司|这家|那家|此事|这件事|呢[?？]?$)/.test(text)) return true;
  // Few subject words of its own ("租一面要多少钱？", "any numbers?"): it leans on the last turn. The
  // earlier words join at lower weight, so a short question that stands alone is still found.
  return subjectWordsOf(question).length <= leaningSubjectWords;
}

/** A question with this many subject words or fewer leans on the last turn for what it is about. */
const leaningSubjectWords = 2;

function subjectWordsOf(question: string): string[] {
  return tokenize(question).filter((token) => !isQuestionWord(token));
}

/**
 * The words an answer to a follow-up is judged by. "What is it for?" has no word of its own
 * subject: the earlier turn's words (planned at lower weight for search) stand in for it at full
 * weight, so the answer must be about what the conversation is about.
 */
export function answerTermsForFollowUp(question: string, terms: WeightedTerm[]): WeightedTerm[] {
  // With a word of its own ("租一面要多少钱？"), the answer must hold that word: the earlier turn's
  // many words at full weight would outweigh it.
  if (subjectWordsOf(question).length > 0) return terms;
  return terms.map((term) =>
    term.weight < 1 && term.concept === undefined && term.source === undefined
      ? { ...term, weight: 1 }
      : term,
  );
}
