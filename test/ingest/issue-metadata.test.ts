import { describe, expect, it } from "vitest";
import {
  dateFromFileName,
  extractIssueNumber,
  feedCalendarDate,
  fileStem,
  normaliseDate,
  publicationFromFileStem,
  publicationFromFolder,
  publicationFromTitle,
  titleFromFileStem,
  titleFromOpening,
} from "../../src/ingest/issue-metadata.ts";

describe("normaliseDate", () => {
  it.each([
    ["2026-08-14T05:44:39.731046Z", "2026-08-14"],
    ["2025/09/22", "2025-09-22"],
    ["2021年11月15日", "2021-11-15"],
    ["发布日期：2021/11/15", "2021-11-15"],
    // The calendar date as written, never shifted into UTC or local time.
    ["Mon, 14 Nov 2021 16:00:00 GMT", "2021-11-14"],
    ["Thu, 25 Dec 2025 23:30:00 -0800", "2025-12-25"],
    ["February 18, 2026", "2026-02-18"],
    ["Fri, Oct 28, 2022 at 9:02 AM", "2022-10-28"],
    ["#459 — October 20, 2022", "2022-10-20"],
    ["2026-02-30", null],
    ["Apr 11", null],
    ["no date here", null],
  ])("%s → %s", (written, expected) => {
    expect(normaliseDate(written)).toBe(expected);
  });
});

describe("dateFromFileName", () => {
  it.each([
    ["/archive/weekly/Reports/2019/#55-2019.02.18.md", "2019-02-18"],
    ["/archive/_posts/2026-01-04-update.md", "2026-01-04"],
    ["/in/notes.zh.md", null],
    ["/in/#7.md", null],
  ])("%s → %s", (path, expected) => {
    expect(dateFromFileName(path)).toBe(expected);
  });
});

describe("extractIssueNumber", () => {
  it.each([
    ["第113期 - 猫的克隆", "113"],
    ["科技爱好者周刊（第 399 期）：标题", "399"],
    ["Issue #31 | Five things", "31"],
    ["Node Weekly #459", "459"],
    ["No. 12: Spring", "12"],
    ["Issue 7", "7"],
    ["C# tips for 2024", null],
    ["Top 10 tools", null],
  ])("%s → %s", (title, expected) => {
    expect(extractIssueNumber(title)).toBe(expected);
  });
});

describe("publication and title fallbacks", () => {
  it.each([
    ["科技爱好者周刊（第 399 期）：标题", "科技爱好者周刊"],
    ["潮流周刊第53期 - 标题", "潮流周刊"],
    ["Node Weekly #459", "Node Weekly"],
    ["TLDR AI 2026-08-21", "TLDR AI"],
    ["LLM digest: January 2026", "LLM digest"],
    ["Issue #31 | Five things", null],
    ["An ordinary title", null],
  ])("publicationFromTitle(%s) → %s", (title, expected) => {
    expect(publicationFromTitle(title)).toBe(expected);
  });

  it.each([
    ["/a/b/tw93-weekly-239.zh.md", "tw93-weekly-239", "tw93 weekly 239", "tw93 weekly"],
    ["239-山顶咖啡.md", "239-山顶咖啡", "山顶咖啡", "239 山顶咖啡"],
    ["smol-ai-news-2026-08-14.en.md", "smol-ai-news-2026-08-14", "smol ai news 2026 08 14", "smol ai news"],
    ["000_f197a3a987651a40.txt", "000_f197a3a987651a40", "000_f197a3a987651a40", "000_f197a3a987651a40"],
  ])("%s", (path, stem, title, publication) => {
    expect(fileStem(path)).toBe(stem);
    expect(titleFromFileStem(stem)).toBe(title);
    expect(publicationFromFileStem(stem)).toBe(publication);
  });

  it("names a counter-and-hash file by its folder and its opening sentence, never by the hash", () => {
    const stem = "007_0a1b2c3d4e5f6a7b";
    expect(publicationFromFolder(`/briefs/weekly-essays/${stem}.txt`, stem)).toBe("weekly essays");
    expect(publicationFromFolder(`${stem}.txt`, stem)).toBe(stem);
    // Other names keep their own fallbacks.
    expect(
      publicationFromFolder("/briefs/essays/smol-ai-news-2026-08-14.md", "smol-ai-news-2026-08-14"),
    ).toBe("smol ai news");
    expect(titleFromOpening(stem, "Chip exports fell again. The rest of the text.")).toBe(
      "Chip exports fell again.",
    );
    expect(
      titleFromOpening(
        stem,
        "Among the twenty most used apps in the world, nineteen come from only two countries, which says a lot about the market.",
      ),
    ).toBe("Among the twenty most used apps in the world, nineteen come from only two…");
    expect(titleFromOpening("tw93-weekly-239", "Anything.")).toBe("tw93 weekly 239");
  });
});

describe("feedCalendarDate", () => {
  it.each([
    ["Sun, 15 Jan 2023 16:00:00 GMT", true, "2023-01-16"],
    ["Sun, 15 Jan 2023 16:00:00 GMT", false, "2023-01-15"],
    ["2023-06-29T04:19:16.986431Z", true, "2023-06-29"],
    ["Mon, 16 Jan 2023 00:00:00 +0800", true, "2023-01-16"],
    ["2023-01-15T23:30:00-05:00", false, "2023-01-15"],
    ["not a date", true, null],
  ])("%s (Chinese: %s) → %s", (written, chinese, expected) => {
    expect(feedCalendarDate(written, chinese)).toBe(expected);
  });
});
