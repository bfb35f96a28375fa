import type { DraftAnswer } from "./answer/answerer.ts";
import { issueOverview } from "./answer/issue-overview.ts";
import type { AnswerScope } from "./question/answer-scope.ts";
import { asksForIssueOverview, issueNameWords, issuesNamed } from "./question/overview-question.ts";
import type { TimeReference } from "./question/time-reference.ts";
import type { HybridResult } from "./retrieve/hybrid-search.ts";
import type { ChunkStore, StoredDocument } from "./store/store.ts";

/** Issues listed when a question's reference matches several equally well (issue #31 of two newsletters). */
const overviewIssues = 2;

/**
 * The answer to "what was in issue #31?" / "最新一期讲了什么？": the named issue's stories, or null
 * when the question is not such a question or names no stored issue (it is then searched as usual).
 */
export async function overviewFor(
  store: ChunkStore,
  documents: () => Promise<StoredDocument[]>,
  question: string,
  reference: TimeReference | null,
  scope: AnswerScope,
  lang: "en" | "zh",
): Promise<{ draft: DraftAnswer; passages: HybridResult[] } | null> {
  if (reference === null || reference.mode !== "filter" || scope.filters === undefined) return null;
  const all = await documents();
  if (!asksForIssueOverview(reference, issueNameWords(all))) return null;
  const named = issuesNamed(all, scope.filters, question, overviewIssues);
  if (named.length === 0) return null;
  const ids = await store.chunkIdsOf(named.map((document) => document.docId));
  const chunks = await store.passagesByIds([...ids.values()].flatMap((set) => [...set]));
  const overview = issueOverview(named, chunks, lang);
  if (overview.passages.length === 0) return null;
  // Listed, not ranked: no scores.
  const passages = overview.passages.map((passage) => ({
    ...passage,
    score: 0,
    lexicalRank: null,
    vectorRank: null,
    coverage: 0,
  }));
  return { draft: overview.draft, passages };
}
