import type { StoredDocument } from "./store/store.ts";

/** What a search runs over: the store's issues, their span, and how fresh the newest ingest is. */
export interface StoreCoverage {
  issues: number;
  publications: number;
  /** Issues without a date: counted in `issues`, outside the date span. */
  undated: number;
  /** Earliest and latest issue date (`YYYY-MM-DD`), or null when no issue is dated. */
  firstDate: string | null;
  lastDate: string | null;
  /** ISO timestamp of the most recent ingest that wrote an issue, or null for an empty store. */
  newestIngestedAt: string | null;
}

export function storeCoverageOf(documents: StoredDocument[]): StoreCoverage {
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  let newestIngestedAt: string | null = null;
  let undated = 0;
  for (const document of documents) {
    if (document.date === null) undated += 1;
    else {
      if (firstDate === null || document.date < firstDate) firstDate = document.date;
      if (lastDate === null || document.date > lastDate) lastDate = document.date;
    }
    if (newestIngestedAt === null || document.ingestedAt > newestIngestedAt)
      newestIngestedAt = document.ingestedAt;
  }
  return {
    issues: documents.length,
    publications: new Set(documents.map((document) => document.publication)).size,
    undated,
    firstDate,
    lastDate,
    newestIngestedAt,
  };
}

/**
 * One line saying what was searched, in the asker's language:
 * "Searched 360 issues of 4 publications, 2024-08-07 – 2026-08-19 (3 undated); newest ingested 2 hours ago".
 */
export function describeStoreCoverage(coverage: StoreCoverage, now: Date, lang: "en" | "zh" = "en"): string {
  if (coverage.issues === 0) return lang === "zh" ? "库中还没有简报。" : "No briefs are loaded yet.";
  const span =
    coverage.firstDate === null
      ? ""
      : coverage.firstDate === coverage.lastDate
        ? coverage.firstDate
        : `${coverage.firstDate} – ${coverage.lastDate}`;
  const ago =
    coverage.newestIngestedAt === null ? null : timeAgo(Date.parse(coverage.newestIngestedAt), now, lang);
  if (lang === "zh") {
    const undated = coverage.undated > 0 ? `（${coverage.undated} 期无日期）` : "";
    return (
      `检索了 ${coverage.publications} 份刊物的 ${coverage.issues} 期${span ? `，${span}` : ""}${undated}` +
      `${ago === null ? "" : `；最新收录于${ago}`}`
    );
  }
  const undated = coverage.undated > 0 ? ` (${coverage.undated} undated)` : "";
  return (
    `Searched ${count(coverage.issues, "issue")} of ${count(coverage.publications, "publication")}` +
    `${span ? `, ${span}` : ""}${undated}${ago === null ? "" : `; newest ingested ${ago}`}`
  );
}

/** "just now", "5 minutes ago", "2 hours ago", "3 days ago" (and the Chinese equivalents). */
export function timeAgo(at: number, now: Date, lang: "en" | "zh" = "en"): string {
  const seconds = Math.max(0, Math.round((now.getTime() - at) / 1000));
  const [value, unitEn, unitZh] =
    seconds < 60
      ? [0, "", ""]
      : seconds < 3600
        ? [Math.floor(seconds / 60), "minute", "分钟"]
        : seconds < 86_400
          ? [Math.floor(seconds / 3600), "hour", "小时"]
          : [Math.floor(seconds / 86_400), "day", "天"];
  if (value === 0) return lang === "zh" ? "刚刚" : "just now";
  return lang === "zh" ? `${value} ${unitZh}前` : `${count(value, unitEn)} ago`;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? "" : "s"}`;
}
