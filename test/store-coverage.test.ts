import { describe, expect, it } from "vitest";
import type { StoredDocument } from "../src/store/store.ts";
import { describeStoreCoverage, storeCoverageOf, timeAgo } from "../src/store-coverage.ts";

function document(publication: string, date: string | null, ingestedAt: string): StoredDocument {
  return {
    docId: `${publication}-${date}`,
    docHash: "h",
    path: "x.md",
    publication,
    title: "t",
    issueNumber: null,
    date,
    url: null,
    lang: "en",
    stories: 1,
    chunks: 1,
    ingestedAt,
  };
}

const now = new Date("2026-08-19T12:00:00.000Z");

describe("coverage line", () => {
  it("counts issues, publications and undated issues, with the date span and the newest ingest", () => {
    const coverage = storeCoverageOf([
      document("Chip Notes", "2024-08-07", "2026-08-19T10:00:00.000Z"),
      document("Chip Notes", "2026-08-19", "2026-08-19T09:00:00.000Z"),
      document("Grid Letter", null, "2026-08-18T10:00:00.000Z"),
      document("Robot Digest", "2025-01-02", "2026-08-01T10:00:00.000Z"),
    ]);
    expect(coverage).toEqual({
      issues: 4,
      publications: 3,
      undated: 1,
      firstDate: "2024-08-07",
      lastDate: "2026-08-19",
      newestIngestedAt: "2026-08-19T10:00:00.000Z",
    });
    expect(describeStoreCoverage(coverage, now)).toBe(
      "Searched 4 issues of 3 publications, 2024-08-07 – 2026-08-19 (1 undated); newest ingested 2 hours ago",
    );
    expect(describeStoreCoverage(coverage, now, "zh")).toBe(
      "检索了 3 份刊物的 4 期，2024-08-07 – 2026-08-19（1 期无日期）；最新收录于2 小时前",
    );
  });

  it.each([
    ["an empty store", [], "No briefs are loaded yet."],
    [
      "one issue, undated",
      [document("Grid Letter", null, "2026-08-19T11:59:30.000Z")],
      "Searched 1 issue of 1 publication (1 undated); newest ingested just now",
    ],
    [
      "one date",
      [document("Grid Letter", "2026-08-01", "2026-08-16T12:00:00.000Z")],
      "Searched 1 issue of 1 publication, 2026-08-01; newest ingested 3 days ago",
    ],
  ])("%s", (_name, documents, line) => {
    expect(describeStoreCoverage(storeCoverageOf(documents), now)).toBe(line);
  });

  it.each([
    [59, "just now"],
    [60, "1 minute ago"],
    [7199, "1 hour ago"],
    [86_400 * 2, "2 days ago"],
  ])("%i seconds ago reads %s", (seconds, text) => {
    expect(timeAgo(now.getTime() - seconds * 1000, now)).toBe(text);
  });
});
