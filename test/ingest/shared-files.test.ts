import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readIssues } from "../../src/ingest/read-issues.ts";
import type { SourceIssue } from "../../src/ingest/source-issue.ts";
import { splitIntoStories } from "../../src/ingest/split-into-stories.ts";
import { IssueGroupReader } from "../../src/pipeline/read-issue-groups.ts";
import { nonIssueReason } from "../../src/pipeline/skip-non-issues.ts";

// Real issues shared by the team. They are read by path and never copied into the repository.
const formatsDirectory = "/work/shared/formats";
const corpusDirectory = "/work/shared/corpus";

function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(?:txt|md|html|eml|xml)$/.test(name) && nonIssueReason(path) === null ? [path] : [];
  });
}

const sharedFiles = [...filesUnder(formatsDirectory), ...filesUnder(corpusDirectory)];
const zeroWidth = /[\u200b-\u200d\u2060\ufeff]/;
// A CSS rule or inline style that leaked into text: `selector { property: value; }`.
const cssJunk = /\{[^{}]*\b[a-z-]+\s*:\s*[^{};]+;[^{}]*\}/;

// Expected metadata for a good handful of files: [file name, title, publication, issue number, date].
const expectedMetadata: [string, string, string, string | null, string | null][] = [
  ["this-week-in-rust-2026-08-12.en.md", "This Week in Rust 664", "This Week in Rust", "664", "2026-08-12"],
  [
    "ruanyf-weekly-issue-399.zh.md",
    "科技爱好者周刊（第 399 期）：中国 AI 大厂访问记",
    "科技爱好者周刊",
    "399",
    null,
  ],
  ["tw93-weekly-239.zh.md", "tw93 weekly 239", "tw93 weekly", "239", "2025-09-22"],
  ["smol-ai-news-2026-08-14.en.md", "not much happened today", "smol ai news", null, "2026-08-14"],
  ["tldr-ai-2026-08-21.en.md", "TLDR AI 2026-08-21", "TLDR AI", null, "2026-08-21"],
  ["simonw-llm-digest-2026-01-january.en.md", "LLM digest: January 2026", "LLM digest", null, null],
  ["node-weekly-459.email.html", "Node.js 19 Released", "node weekly", "459", "2022-10-20"],
  ["golang-weekly-400.email.html", "Go’s Version Control History", "Go Weekly", "400", "2022-02-18"],
  [
    "tw93-weekly-053-xpeng-flying-car.zh.html",
    "潮流周刊第53期 - 小鹏飞行汽车",
    "潮流周刊",
    "53",
    "2021-11-15",
  ],
  [
    "tomasz-tunguz-grey-skies-cloud-earnings.fwd-email.html",
    "Grey Skies in Cloud Earnings",
    "Tomasz Tunguz",
    null,
    "2022-10-28",
  ],
  [
    "slow-chinese-companies-that-eat-people.substack-fwd-email.zh-en.html",
    "Companies that eat people",
    "Andrew Methven",
    null,
    "2022-02-18",
  ],
  [
    "openish-ml-news-2022-10-14.ghost-email.html",
    "why ish / 2022-10-14",
    "Open(ish) Machine Learning News",
    null,
    "2022-10-14",
  ],
  [
    "understanding-ai-waymo-remote-assistance-2026-02-18.en.eml",
    "Waymo just revealed a crucial statistic for scaling its technology",
    "Understanding AI",
    null,
    "2026-02-18",
  ],
  [
    "002_5811f4979f96507c.txt",
    expect.stringMatching(/^Issue #31 \| TikTok Shop/) as unknown as string,
    "Serica",
    "31",
    null,
  ],
  ["003_7f1e0775dfa7ec96.txt", "虎嗅APP 2026-01-21", "虎嗅APP", null, "2026-01-21"],
];

// Digests that must come apart into several stories.
const digests = [
  "tldr-tech-2023-09-11.web.html",
  "tldr-ai-2026-08-21.en.md",
  "tldr-tech-2026-08-21.en.md",
  "node-weekly-459.email.html",
  "golang-weekly-400.email.html",
  "ruanyf-weekly-issue-400.zh.md",
  "this-week-in-rust-2026-08-19.en.md",
  "tw93-weekly-chaoliu-rss.zh.xml",
  "000_f197a3a987651a40.txt",
  "002_5811f4979f96507c.txt",
  "003_7f1e0775dfa7ec96.txt",
];

const issuesByFile = new Map<string, SourceIssue[]>();

async function issuesOf(path: string): Promise<SourceIssue[]> {
  const name = path.split("/").pop() ?? path;
  const cached = issuesByFile.get(name);
  if (cached) return cached;
  const issues = await readIssues(path, readFileSync(path));
  issuesByFile.set(name, issues);
  return issues;
}

const pathOf = (name: string) => sharedFiles.find((path) => path.endsWith(`/${name}`)) ?? name;

describe.runIf(existsSync(formatsDirectory) || existsSync(corpusDirectory))("shared newsletter files", () => {
  it.each(sharedFiles.map((path) => [path.split("/").pop() ?? path, path]))(
    "%s reads cleanly",
    async (_name, path) => {
      const issues = await issuesOf(path);
      expect(issues.length).toBeGreaterThanOrEqual(1);
      for (const issue of issues) {
        expect(issue.title.trim()).not.toBe("");
        expect(issue.publication.trim()).not.toBe("");
        if (issue.date !== null) expect(issue.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(issue.blocks.length).toBeGreaterThan(0);
        for (const block of issue.blocks) {
          expect(block.text.trim()).not.toBe("");
          expect(block.text).not.toMatch(zeroWidth);
          expect(block.text).not.toMatch(/<script|<style|<!--|\[endif\]/i);
          expect(block.text).not.toMatch(cssJunk);
        }
        const stories = splitIntoStories(issue);
        expect(stories.length).toBeGreaterThanOrEqual(1);
        for (const story of stories) {
          expect(story.title.trim()).not.toBe("");
          expect(story.text.trim()).not.toBe("");
        }
      }
    },
  );

  it.each(expectedMetadata)(
    "%s has the expected metadata",
    async (name, title, publication, issueNumber, date) => {
      const path = pathOf(name);
      if (!existsSync(path)) return;
      const [issue] = await issuesOf(path);
      expect(issue).toMatchObject({ title, publication, issueNumber, date });
    },
  );

  it.each(digests)("%s splits into several stories", async (name) => {
    const path = pathOf(name);
    if (!existsSync(path)) return;
    const [issue] = await issuesOf(path);
    expect(splitIntoStories(issue as SourceIssue).length).toBeGreaterThan(1);
  });

  it("holds 37 issues (32 formats, 5 corpus); SOURCES.md is not one", () => {
    expect(sharedFiles).toHaveLength(37);
  });

  it("names publications alike across a folder: the tw93 Markdown issues are 潮流周刊 like its feed", async () => {
    const reader = new IssueGroupReader(sharedFiles, 25 * 1024 * 1024);
    const publications = new Map<string, string>();
    for (const path of sharedFiles) {
      const [issue] = await reader.read(path);
      publications.set(path.split("/").pop() ?? path, issue?.publication ?? "");
    }
    expect(publications.get("tw93-weekly-238.zh.md")).toBe("潮流周刊");
    expect(publications.get("tw93-weekly-239.zh.md")).toBe("潮流周刊");
    expect(publications.get("tw93-weekly-chaoliu-rss.zh.xml")).toBe("潮流周刊");
    // Files that state their own name keep it in a folder of assorted newsletters.
    for (const [name, title, publication] of expectedMetadata) {
      if (name.startsWith("tw93-weekly-239") || !publications.has(name)) continue;
      expect([name, publications.get(name)]).toEqual([name, publication]);
      expect(title).toBeDefined();
    }
  });

  it("reads feeds item by item with the channel as publication", async () => {
    const path = pathOf("tw93-weekly-chaoliu-rss.zh.xml");
    if (!existsSync(path)) return;
    const issues = await issuesOf(path);
    expect(issues).toHaveLength(15);
    expect(issues[0]).toMatchObject({
      publication: "潮流周刊",
      title: "第113期 - 猫的克隆",
      issueNumber: "113",
    });
    // Written `Sun, 15 Jan 2023 16:00:00 GMT`: midnight of the 16th in UTC+8, the publisher's date.
    expect(issues[0]?.date).toBe("2023-01-16");
    const atom = await issuesOf(pathOf("hacker-news-summary-atom-2023-06-29.en.xml"));
    expect(atom).toHaveLength(24);
    expect(atom.every((issue) => issue.publication === "Hacker News Summary")).toBe(true);
    // Entries carry only `<updated>`, with microseconds: `2023-06-29T04:19:16.986431Z`.
    expect(atom[0]?.date).toBe("2023-06-29");
    expect(atom.every((issue) => issue.url?.startsWith("http"))).toBe(true);
  });
});
