import { describe, expect, it } from "vitest";
import {
  asksForIssueOverview,
  issueNameWords,
  issuesNamed,
  mentionsRecently,
  recentOverviewReference,
} from "../../src/question/overview-question.ts";
import { readTimeReference } from "../../src/question/time-reference.ts";
import type { StoredDocument } from "../../src/store/store.ts";

function issue(overrides: Partial<StoredDocument>): StoredDocument {
  return {
    docId: "d",
    docHash: "h",
    path: "/briefs/notes.md",
    publication: "Gate Weekly",
    title: "Issue",
    issueNumber: null,
    date: null,
    url: null,
    lang: "en",
    stories: 3,
    chunks: 3,
    ingestedAt: "2026-01-01T00:00:00Z",
    ...overrides,
  };
}

const documents = [
  issue({
    docId: "a",
    publication: "Gate Weekly",
    issueNumber: "31",
    date: "2026-03-02",
    title: "Chips and cars",
  }),
  issue({
    docId: "b",
    publication: "山海周刊",
    issueNumber: "31",
    date: "2025-01-06",
    title: "海边",
    path: "/archive/shanhai-weekly/posts/31-海边.md",
  }),
];
const now = new Date("2026-03-10T00:00:00Z");

function overview(question: string): boolean {
  const reference = readTimeReference(question, now);
  return reference !== null && asksForIssueOverview(reference, issueNameWords(documents));
}

describe("issue overview questions", () => {
  it.each([
    "What was in issue #31?",
    "What did the latest Gate Weekly issue cover?",
    "Summarise the latest issue",
    "山海周刊第 31 期讲了什么？",
    "shanhai 的周刊第 31 期有哪些内容？",
    "最新一期讲了什么？",
  ])("%s asks what an issue covered", (question) => {
    expect(overview(question)).toBe(true);
  });

  it.each([
    "What did the latest issue say about Gate chips?",
    "What did issue #31 say about electric cars?",
    "第 31 期里提到的电池工厂在哪里？",
    "Which company raised money in issue #31?",
  ])("%s asks about a subject", (question) => {
    expect(overview(question)).toBe(false);
  });

  it("picks the issue whose publication or folder the question names, else every match", () => {
    expect(
      issuesNamed(documents, { issueNumber: "31" }, "shanhai 的周刊第 31 期讲了什么？", 2).map(
        (d) => d.docId,
      ),
    ).toEqual(["b"]);
    expect(
      issuesNamed(documents, { issueNumber: "31" }, "What was in issue #31?", 2).map((d) => d.docId),
    ).toEqual(["a", "b"]);
    expect(issuesNamed(documents, { issueNumber: "7" }, "What was in issue #7?", 2)).toEqual([]);
  });

  it.each([
    "What did Gate Weekly cover recently?",
    "Anything new in Gate Weekly lately?",
    "山海周刊最近讲了什么？",
    "近期有什么内容？",
  ])("%s names the newest issue", (question) => {
    expect(mentionsRecently(question)).toBe(true);
    const reference = recentOverviewReference(question, issueNameWords(documents));
    expect(reference).toMatchObject({ latest: true, mode: "filter" });
  });

  it.each([
    "What did Gate Weekly say recently about electric cars?",
    "最近有哪些公司发布了新的电池？",
    "Who recently raised a Series B?",
  ])("%s is about a subject, so recently narrows nothing", (question) => {
    expect(mentionsRecently(question)).toBe(true);
    expect(recentOverviewReference(question, issueNameWords(documents))).toBeNull();
  });

  it("a question without recently is left to the time reference", () => {
    expect(mentionsRecently("What did Gate Weekly cover in issue #31?")).toBe(false);
    expect(recentOverviewReference("What did Gate Weekly cover?", issueNameWords(documents))).toBeNull();
  });
});
