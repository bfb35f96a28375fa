import type { SearchFilters } from "../answer/answer-types.ts";
import type { StoredDocument } from "../store/store.ts";
import { type AnswerScope, scopeFor } from "./answer-scope.ts";
import type { PublicationNames } from "./named-publication.ts";
import { issueNameWords, mentionsRecently, recentOverviewReference } from "./overview-question.ts";
import { readTimeReference, type TimeReference } from "./time-reference.ts";

export interface QuestionScope {
  /** The question's time or issue reference ("in March 2025", "第 120 期", "recently"), if any. */
  reference: TimeReference | null;
  /** Its filters and the issues it prefers. */
  scope: AnswerScope;
  /** What to search for: the question without its reference and the publications it names. */
  searched: string;
  /** What the answer gate reads: the question without the publications it names, when it names one. */
  asked: string;
}

/**
 * Where a question looks: its time or issue reference read off as a filter or a preference, and
 * the publications it names ("According to The Batch, …", 《潮流周刊》) as the issues to prefer —
 * names that are where to look first, not words to look for. The issue list is read only when the
 * question needs it (`documents` is called at most once by its caller's memo).
 */
export async function questionScope(
  question: string,
  now: Date,
  filters: SearchFilters | undefined,
  documents: () => Promise<StoredDocument[]>,
  names: PublicationNames,
): Promise<QuestionScope> {
  const reference =
    readTimeReference(question, now) ??
    // "潮流周刊最近讲了什么？": "recently" names the newest issue when nothing else is asked.
    (mentionsRecently(question)
      ? recentOverviewReference(question, issueNameWords(await documents()))
      : null);
  // The whole question names the publication ("the latest LWKD issue" holds it in the reference);
  // what is searched for is the rest without it.
  const whole = names.named(question);
  const named = reference === null ? whole : names.named(reference.rest);
  const namedIssues = whole.docIds;
  const scope = await scopeFor(reference, filters, documents, namedIssues);
  return {
    reference,
    scope,
    searched: named.rest,
    asked: namedIssues.size > 0 && named.docIds.size > 0 ? named.rest : question,
  };
}
