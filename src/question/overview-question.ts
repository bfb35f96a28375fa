import type { SearchFilters } from "../answer/answer-types.ts";
import { folderNames } from "../ingest/issue-metadata.ts";
import { isQuestionWord } from "../retrieve/query-plan.ts";
import type { StoredDocument } from "../store/store.ts";
import { tokenize } from "../text/segment.ts";
import { monthNamesInFull, type TimeReference } from "./time-reference.ts";

/**
 * "What was in issue #31?", "最新一期潮流周刊讲了什么？", "Summarise last week's issue": a question
 * that names an issue (by number, as the latest, or by its week) and asks what it covered, with no
 * subject of its own. Such a question is answered with the issue's stories, not searched for.
 */

const asksWhatWasCovered =
  /^\s*what(?:'s| is| was| were| are)?\s*[?？.]?\s*$|\b(?:what(?:'s| is| was| were)? (?:in|on|covered|inside|new)|what did .{0,60}?\b(?:cover|say|include|contain|talk about|discuss|feature)|what does .{0,60}?\b(?:cover|say|include|contain|feature)|anything (?:new|interesting)|summar(?:y|ise|ize)|overview|highlights?|rundown|recap|topics)\b|讲了?什么|说了?什么|写了?什么|聊了?什么|有什么内容|有哪些内容|有什么|有哪些|都有啥|内容是什么|内容|概要|摘要|总结|概述|讲了哪些|介绍了哪些|推荐了什么/iu;

// Words that name an issue or a newsletter in general, not a subject.
const issueWords = new Set(
  tokenize(
    "issue issues edition newsletter newsletters weekly brief briefs digest latest newest recent recently lately anything last week this past number summary summarise summarize overview highlights rundown recap cover covered say said include included contain feature topics inside new 期 一期 最新 最近 近期 近来 这几周 这阵子 第 周刊 周报 简报 日报 月刊 这期 那期 本期 上期 内容 讲 说 写 聊 介绍 推荐 概要 摘要 总结 概述",
  ),
);

/**
 * Whether a question asks what an issue covered: the question without its issue reference asks
 * so, and neither it nor the reference has a subject word beyond the names of publications and the
 * folders they are kept in, numbers and dates.
 */
export function asksForIssueOverview(
  reference: Pick<TimeReference, "rest" | "phrase">,
  nameWords: ReadonlySet<string>,
): boolean {
  const { rest, phrase } = reference;
  if (!asksWhatWasCovered.test(rest)) return false;
  // "What did the latest issue say about Rust?" asks about a subject, even one a newsletter is named after.
  if (/\babout\b|关于|有关/iu.test(rest)) return false;
  // The rest and the reference apart: segmenting them together glues 期 to the next word (期讲).
  const subject = [...tokenize(rest), ...tokenize(phrase)].filter(
    (token) =>
      !isQuestionWord(token) &&
      !issueWords.has(token) &&
      !nameWords.has(token) &&
      !/^\d/.test(token) &&
      !monthWords.has(token),
  );
  return subject.length === 0;
}

const monthWords = new Set(tokenize(`${monthNamesInFull.join(" ")} 年 月 日 号 周 week month year`));

/** The words of the publications' names, titles and folders: what names an issue rather than a subject. */
export function issueNameWords(documents: StoredDocument[]): Set<string> {
  const words = new Set<string>();
  // Thousands of issues share a few publications and folders: each distinct name is read once.
  const seen = new Set<string>();
  for (const document of documents) {
    const names = `${document.publication} ${folderNames(document.path)}`;
    if (seen.has(names)) continue;
    seen.add(names);
    for (const token of nameTokens(names)) words.add(token);
  }
  return words;
}

const nameTokensMemo = new Map<string, string[]>();
const nameTokensMemoSize = 10_000;

/** The tokens of an issue's names, whole ("tw93-weekly") and in parts ("tw93", "weekly"). */
function nameTokens(names: string): string[] {
  let tokens = nameTokensMemo.get(names);
  if (tokens === undefined) {
    tokens = [...tokenize(names), ...names.split(/[\s\-_/]+/).flatMap((part) => tokenize(part))];
    if (nameTokensMemo.size >= nameTokensMemoSize) nameTokensMemo.clear();
    nameTokensMemo.set(names, tokens);
  }
  return tokens;
}

/**
 * The issues the filters name, those whose publication, title or folder share the most words with
 * the question first, then the newest. At most `limit`.
 */
export function issuesNamed(
  documents: StoredDocument[],
  filters: SearchFilters,
  question: string,
  limit: number,
): StoredDocument[] {
  const number = filters.issueNumber === undefined ? undefined : Number(filters.issueNumber);
  const publication = filters.publication?.toLowerCase();
  const matching = documents.filter(
    (document) =>
      (number === undefined || Number(document.issueNumber) === number) &&
      (filters.since === undefined || (document.date !== null && document.date >= filters.since)) &&
      (filters.until === undefined || (document.date !== null && document.date <= filters.until)) &&
      (publication === undefined || document.publication.toLowerCase().includes(publication)),
  );
  const asked = new Set(tokenize(question));
  const named = (document: StoredDocument) =>
    tokenize(`${document.publication} ${document.title} ${folderNames(document.path)}`).filter((token) =>
      asked.has(token),
    ).length;
  const ranked = matching
    .map((document) => ({ document, named: named(document) }))
    .sort(
      (left, right) =>
        right.named - left.named || (right.document.date ?? "").localeCompare(left.document.date ?? ""),
    );
  const best = ranked[0]?.named ?? 0;
  return ranked
    .filter((entry) => entry.named === best)
    .slice(0, limit)
    .map((entry) => entry.document);
}

// "Recently", 最近: in a question that asks what a newsletter covered, the newest issue.
const recently = /\b(?:recently|lately|these days)\b|最近|近期|近来|这几周|这阵子/iu;

/** Whether a question says "recently" (cheap: the issue list is read only then). */
export function mentionsRecently(question: string): boolean {
  return recently.test(question);
}

/**
 * "What did Swift Weekly Brief cover recently?", "潮流周刊最近讲了什么？": with no subject of its own,
 * "recently" names the newest issue, like "the latest issue". In a question about a subject ("what
 * did LWKD say recently about cgroups?") it narrows nothing, so this is null.
 */
export function recentOverviewReference(
  question: string,
  nameWords: ReadonlySet<string>,
): TimeReference | null {
  const match = recently.exec(question);
  if (match === null) return null;
  const rest = question
    .replace(match[0], " ")
    .replace(/\s{2,}/g, " ")
    .trim();
  const reference: TimeReference = { latest: true, mode: "filter", rest, phrase: match[0] };
  return asksForIssueOverview(reference, nameWords) ? reference : null;
}
