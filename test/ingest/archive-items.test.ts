import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import type { SourceIssue } from "../../src/ingest/source-issue.ts";
import { splitIntoStories } from "../../src/ingest/split-into-stories.ts";
import { collectFiles } from "../../src/pipeline/collect-files.ts";
import { ingestPaths } from "../../src/pipeline/ingest-paths.ts";
import { IssueGroupReader } from "../../src/pipeline/read-issue-groups.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";

// ~500 real issues of five weeklies, shared by the team and described in its SOURCES.md. Read by
// path at run time; nothing of it is copied into the repository.
const archive = "/work/shared/archive";

/**
 * An item of a digest as counted in the source by the simple, line-based counters below, written
 * for this test from each weekly's layout (not the parser under test): its title, and a phrase of
 * plain words from its first lines that must be filed under that title.
 */
interface CountedItem {
  title: string;
  phrase: string | null;
}

type Counter = (lines: string[]) => CountedItem[];

const atxItem = /^####?\s+(.+?)\s*$/;
const linkOnlyLine = /^\[([^\]]+)\]\((https?:[^)\s]+)\)\s*$/;

/**
 * `###` and `####` headings with text of their own before the next heading: the items of the
 * iOS 周报, LWKD's featured PRs and KEPs, Swift Weekly Brief's sections. A heading directly over
 * another heading labels a section.
 */
const headingItems: Counter = (lines) =>
  lines.flatMap((line, index) => {
    const match = atxItem.exec(line);
    if (!match?.[1]) return [];
    const nextLine = lines.slice(index + 1).find((next) => next.trim() !== "") ?? "";
    return /^#/.test(nextLine) ? [] : [{ title: match[1], phrase: phraseAfter(lines, index) }];
  });

const counters: Record<string, Counter> = {
  "laosiji-ios-weekly": headingItems,
  "swift-weekly-brief": headingItems,
  // Headings, plus a link alone on a line, between blank lines, before a paragraph (featured PRs).
  lwkd: (lines) => [
    ...headingItems(lines),
    ...lines.flatMap((line, index) => {
      const match = linkOnlyLine.exec(line);
      const next = lines[index + 2] ?? "";
      const isTitleLine =
        lines[index - 1]?.trim() === "" &&
        lines[index + 1]?.trim() === "" &&
        /\w/.test(next) &&
        !/^\s*[-*#[]/.test(next);
      return match?.[1] && isTitleLine ? [{ title: match[1], phrase: phraseAfter(lines, index) }] : [];
    }),
  ],
  // `**Title**` alone on a line, then the link and the description.
  "tw93-weekly": (lines) =>
    lines.flatMap((line, index) => {
      const match = /^\*\*(.+)\*\*\s*$/.exec(line);
      return match?.[1] ? [{ title: match[1], phrase: phraseAfter(lines, index) }] : [];
    }),
  // Top-level bullets that open with `**Title:**` or a link (`[Bitcoin Core #29412][]`).
  "bitcoin-optech": (lines) =>
    lines.flatMap((line) => {
      const bold = /^- \*\*(.+?)\*\*[:：]?(.*)$/.exec(line.replace(/<!--.*?-->(?:\*\*\s*\*\*|\*\*)?/g, ""));
      if (bold?.[1]) return [{ title: bold[1].replace(/[:：]\s*$/, ""), phrase: phraseIn(bold[2] ?? "") }];
      const link = /^- \[([^\]]+)\](?:\[[^\]]*\]|\([^)]*\))(.*)$/.exec(line);
      return link?.[1] ? [{ title: link[1], phrase: null }] : [];
    }),
};

/** The lines of a file outside fenced code blocks (code is never an item). */
function linesOutsideCode(text: string): string[] {
  let inCode = false;
  return text.split(/\r?\n/).map((line) => {
    if (/^\s*(?:```|~~~)/.test(line)) {
      inCode = !inCode;
      return "";
    }
    return inCode ? "" : line;
  });
}

/** A phrase of plain text in the first lines after an item's title line. */
function phraseAfter(lines: string[], index: number): string | null {
  for (const line of lines.slice(index + 1, index + 6)) {
    if (/^\s*#/.test(line)) return null;
    const phrase = phraseIn(line);
    if (phrase !== null) return phrase;
  }
  return null;
}

/** Six Chinese characters in a row, or four plain English words, with no markup among them. */
function phraseIn(line: string): string | null {
  const withoutLinks = line.replace(/\]\([^)]*\)/g, "]").replace(/<[^>]*>/g, " ");
  const chinese = /\p{Script=Han}{6}/u.exec(withoutLinks);
  if (chinese) return chinese[0];
  const english = /(?<![\w'’`*_[-])[A-Za-z]{2,}(?: [A-Za-z]{2,}){3}(?![\w'’`*_\]-])/.exec(withoutLinks);
  return english ? english[0] : null;
}

/** Titles compared by their letters and digits: markup, emoji and spacing aside. */
function titleKey(title: string): string {
  return title
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/\[((?:[^[\]]|\[[^\]]*\])*)\]\([^)]*\)/g, "$1")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const flat = (text: string) => text.replace(/\s+/g, " ");

function weeklyOf(path: string): string {
  return relative(archive, path).split("/")[0] ?? "";
}

function issueFiles(directory: string): string[] {
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) return issueFiles(path);
      return name.endsWith(".md") && name !== "SOURCES.md" ? [path] : [];
    });
}

/** Counted items that no story (title, text) pair holds. */
function missingItems(
  path: string,
  stories: Array<{ title: string; text: string }>,
): Array<{ path: string; title: string; phrase: string | null }> {
  const counter = counters[weeklyOf(path)];
  if (counter === undefined) return [];
  const byTitle = new Map<string, string[]>();
  for (const story of stories) {
    const key = titleKey(story.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), flat(story.text)]);
  }
  return counter(linesOutsideCode(readFileSync(path, "utf8"))).flatMap((item) => {
    const texts = byTitle.get(titleKey(item.title)) ?? [];
    const found =
      texts.length > 0 && (item.phrase === null || texts.some((text) => text.includes(item.phrase!)));
    return found ? [] : [{ path: relative(archive, path), title: item.title, phrase: item.phrase }];
  });
}

describe.runIf(existsSync(archive))("the shared archive of real weeklies", () => {
  const files = existsSync(archive) ? issueFiles(archive) : [];
  const parsed = new Map<string, SourceIssue[]>();

  beforeAll(async () => {
    const reader = new IssueGroupReader(files, 25 * 1024 * 1024);
    for (const path of files) parsed.set(path, await reader.read(path));
  }, 120_000);

  it("skips only its licence files and SOURCES.md", async () => {
    const collected = await collectFiles([archive]);
    expect(collected.errors).toEqual([]);
    expect(collected.files).toHaveLength(497);
    expect(collected.skipped.map((file) => relative(archive, file.path)).sort()).toEqual([
      "SOURCES.md",
      "bitcoin-optech/LICENSE.txt",
    ]);
  });

  it("has every counted item of every issue as a story under its own title", () => {
    let counted = 0;
    const missing = files.flatMap((path) => {
      const counter = counters[weeklyOf(path)];
      counted += counter ? counter(linesOutsideCode(readFileSync(path, "utf8"))).length : 0;
      return missingItems(
        path,
        (parsed.get(path) ?? []).flatMap((issue) => splitIntoStories(issue)),
      );
    });
    expect(counted).toBeGreaterThan(5000);
    expect(missing).toEqual([]);
  });

  it("names each weekly once, never by its file names", () => {
    const names = new Map<string, Set<string>>();
    for (const [path, issues] of parsed) {
      const weekly = path.includes("/zh/") ? `${weeklyOf(path)}/zh` : weeklyOf(path);
      for (const issue of issues) names.set(weekly, (names.get(weekly) ?? new Set()).add(issue.publication));
    }
    expect(Object.fromEntries([...names].map(([weekly, set]) => [weekly, [...set]]))).toEqual({
      "bitcoin-optech": ["Bitcoin Optech Newsletter"],
      "bitcoin-optech/zh": ["Bitcoin Optech Newsletter"],
      "laosiji-ios-weekly": ["老司机 iOS 周报"],
      lwkd: ["LWKD"],
      "swift-weekly-brief": ["Swift Weekly Brief"],
      "tw93-weekly": ["潮流周刊"],
    });
  });

  describe("in a real LanceDB store", () => {
    // Ingesting all ~500 issues takes over a minute on a busy 2-core machine, so the store
    // round-trip runs on a sample: the first issue of every folder and every 12th one after it
    // (about 45 issues of all five weeklies). Item counting above covers every file.
    const sample = files.filter(
      (path, index) => index % 12 === 0 || weeklyOf(files[index - 1] ?? "") !== weeklyOf(path),
    );
    let directory: string;
    let store: LanceChunkStore;

    beforeAll(async () => {
      directory = await mkdtemp(join(tmpdir(), "briefbot-archive-"));
      const embedder = createHashingEmbedder({ dimensions: 64 });
      store = await LanceChunkStore.open({ uri: join(directory, "db"), embedder });
    });

    afterAll(async () => {
      await store?.close();
      await rm(directory, { recursive: true, force: true });
    });

    it("ingests the sample with no errors and finds every counted item under its own title", async () => {
      const embedder = createHashingEmbedder({ dimensions: 64 });
      const report = await ingestPaths(sample, { store, embedder });
      expect(report.errors).toEqual([]);
      expect(report.documents).toBe(sample.length);

      const documents = await store.documents();
      const ids = await store.chunkIdsOf(documents.map((document) => document.docId));
      const passages = await store.passagesByIds([...ids.values()].flatMap((set) => [...set]));
      const stories = passages.map((passage) => ({ title: passage.story, text: passage.text }));
      expect(sample.flatMap((path) => missingItems(path, stories))).toEqual([]);
    }, 180_000);
  });
});
