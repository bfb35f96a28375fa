import { describe, expect, it } from "vitest";
import { readTimeReference } from "../../src/question/time-reference.ts";

const now = new Date("2026-12-01T10:00:00Z"); // a Tuesday

describe("readTimeReference", () => {
  it.each([
    ["What did the lab say in March 2024?", { since: "2024-03-01", until: "2024-03-31", mode: "boost" }],
    ["What happened on 5 May?", { since: "2026-05-05", until: "2026-05-05", mode: "boost" }],
    ["What happened on December 24?", { since: "2025-12-24", until: "2025-12-24", mode: "boost" }],
    ["How many cars were sold in 2024?", { since: "2024-01-01", until: "2024-12-31", mode: "boost" }],
    ["2024年3月发布了什么？", { since: "2024-03-01", until: "2024-03-31", mode: "boost" }],
    ["What was in last week's issue?", { since: "2026-11-23", until: "2026-11-29", mode: "filter" }],
    ["上周的简报说了什么？", { since: "2026-11-23", until: "2026-11-29", mode: "filter" }],
    [
      "What did the March 2024 issue say about chips?",
      { since: "2024-03-01", until: "2024-03-31", mode: "filter" },
    ],
    ["What did issue #31 say about Rust?", { issueNumber: "31", mode: "filter" }],
    ["What did Go Weekly #400 link to?", { issueNumber: "400", mode: "filter" }],
    ["第 120 期讲了什么？", { issueNumber: "120", mode: "filter" }],
    ["What is in the latest issue?", { latest: true, mode: "filter" }],
    ["最新一期有什么？", { latest: true, mode: "filter" }],
  ])("%s", (question, expected) => {
    expect(readTimeReference(question, now)).toMatchObject(expected);
  });

  it.each([
    "Which SSH server did This Week in Rust point to?",
    "本周刊推荐了哪些工具？",
    "What did the 2026-02-30 brief say?",
    "How do I use C# 12?",
    "Which Go release added errors.As?",
    // A number after a project's name is a pull request, not an issue of the newsletter.
    "After Lightning Daemon #7455, how many messages per second are accepted?",
    "What did PR #1234 fix?",
  ])("reads no reference in %s", (question) => {
    expect(readTimeReference(question, now)).toBeNull();
  });

  it("reads an impossible day as its month, never as a day that does not exist", () => {
    expect(readTimeReference("What happened on 30 February 2025?", now)).toMatchObject({
      since: "2025-02-01",
      until: "2025-02-28",
    });
  });

  it("takes a filtered reference out of the searched words, and keeps a boosted date in them", () => {
    expect(readTimeReference("What did issue #31 say about Rust?", now)?.rest).toBe(
      "What did say about Rust?",
    );
    expect(readTimeReference("What did the lab say in March 2024?", now)?.rest).toBe(
      "What did the lab say in March 2024?",
    );
  });
});
