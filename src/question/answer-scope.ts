import type { SearchFilters } from "../answer/answer-types.ts";
import type { StoredDocument } from "../store/store.ts";
import type { TimeReference } from "./time-reference.ts";

/**
 * What a question's time or issue reference does to a search: the filters it adds to the asker's
 * own (which win), the dates to prefer, and a note for the reply when issues were left out.
 */
export interface AnswerScope {
  filters: SearchFilters | undefined;
  /** Issue dates to prefer without narrowing (an event's date, which a later issue may report). */
  prefer: { since: string; until: string } | undefined;
  /** Issues (document ids) of the publications the question names, to prefer without narrowing. */
  preferIssues?: Set<string> | undefined;
  /** A line for the reply: what the date filter searched and what it left out; null when nothing to say. */
  note: { en: string; zh: string } | null;
}

function describeRange(since: string | undefined, until: string | undefined, lang: "en" | "zh"): string {
  if (since !== undefined && since === until) return since;
  if (lang === "zh") return `${since ?? "最早"} 至 ${until ?? "最新"}`;
  return `${since ?? "the first"} – ${until ?? "the latest"}`;
}

export async function scopeFor(
  reference: TimeReference | null,
  given: SearchFilters | undefined,
  documents: () => Promise<StoredDocument[]>,
  namedIssues: Set<string> = new Set(),
): Promise<AnswerScope> {
  const preferIssues = namedIssues.size > 0 ? namedIssues : undefined;
  // The issue list is read at most once per question, whichever parts of the scope need it.
  let listed: Promise<StoredDocument[]> | undefined;
  const documentsOnce = () => {
    listed ??= documents();
    return listed;
  };
  let filters: SearchFilters | undefined = given === undefined ? undefined : { ...given };
  let prefer: AnswerScope["prefer"];
  if (reference !== null && reference.mode === "boost" && reference.since && reference.until)
    prefer = { since: reference.since, until: reference.until };
  if (reference !== null && reference.mode === "filter") {
    const added: SearchFilters = {};
    if (reference.issueNumber !== undefined) added.issueNumber = reference.issueNumber;
    if (reference.since !== undefined) added.since = reference.since;
    if (reference.until !== undefined) added.until = reference.until;
    if (reference.latest) {
      // The newest dated issue, of the publication the question names if it names one.
      const all = await documentsOnce();
      // The whole question: "the latest LWKD issue" names the publication inside the reference.
      const question = `${reference.rest} ${reference.phrase}`.toLowerCase();
      const named = all.filter(
        (document) =>
          namedIssues.has(document.docId) || question.includes(document.publication.toLowerCase()),
      );
      const pool = (named.length > 0 ? named : all).filter((document) => document.date !== null);
      const newest = pool
        .map((document) => document.date!)
        .sort()
        .at(-1);
      if (newest !== undefined) {
        added.since = newest;
        added.until = newest;
        if (named.length > 0) added.publication = named[0]!.publication;
      }
    }
    filters = { ...added, ...filters };
  }
  const dated = filters?.since !== undefined || filters?.until !== undefined;
  if (!dated) return { filters, prefer, preferIssues, note: null };
  const all = await documentsOnce();
  const publication = filters?.publication?.toLowerCase();
  const inScope = all.filter(
    (document) => publication === undefined || document.publication.toLowerCase().includes(publication),
  );
  const undated = inScope.filter((document) => document.date === null).length;
  const matching = inScope.filter(
    (document) =>
      document.date !== null &&
      (filters?.since === undefined || document.date >= filters.since) &&
      (filters?.until === undefined || document.date <= filters.until),
  ).length;
  const range = {
    en: describeRange(filters?.since, filters?.until, "en"),
    zh: describeRange(filters?.since, filters?.until, "zh"),
  };
  let note: AnswerScope["note"] = null;
  if (matching === 0)
    note = {
      en: `No issue dated ${range.en} is in the briefs${undated > 0 ? ` (${undated} undated issues were not searched)` : ""}.`,
      zh: `简报中没有 ${range.zh} 的期次${undated > 0 ? `（另有 ${undated} 期没有日期，未检索）` : ""}。`,
    };
  else if (undated > 0)
    note = {
      en: `Searched ${matching} issues dated ${range.en}; ${undated} undated issues were left out.`,
      zh: `只检索了 ${range.zh} 的 ${matching} 期；另有 ${undated} 期没有日期，未检索。`,
    };
  return { filters, prefer, preferIssues, note };
}

/** Whether a scope prefers some passages over others (a time, or a publication the question names). */
export function prefersSome(scope: AnswerScope): boolean {
  return scope.prefer !== undefined || scope.preferIssues !== undefined;
}

function isPreferred(passage: { date: string | null; docId: string }, scope: AnswerScope): boolean {
  const { prefer, preferIssues } = scope;
  if (prefer === undefined && preferIssues === undefined) return false;
  if (
    prefer !== undefined &&
    !(passage.date !== null && passage.date >= prefer.since && passage.date <= prefer.until)
  )
    return false;
  return preferIssues === undefined || preferIssues.has(passage.docId);
}

/** Passages from the preferred dates and publications first, each group in its own order. */
export function preferScoped<T extends { date: string | null; docId: string }>(
  passages: T[],
  scope: AnswerScope,
): T[] {
  if (!prefersSome(scope)) return passages;
  const preferred = (passage: T) => isPreferred(passage, scope);
  return [...passages.filter(preferred), ...passages.filter((passage) => !preferred(passage))];
}

/** How many of the leading passages (ordered by `preferScoped`) are preferred. */
export function preferredCount(
  passages: Array<{ date: string | null; docId: string }>,
  scope: AnswerScope,
): number {
  let count = 0;
  while (count < passages.length && isPreferred(passages[count]!, scope)) count += 1;
  return count;
}
