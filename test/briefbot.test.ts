import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Briefbot } from "../src/briefbot.ts";
import { createHashingEmbedder } from "../src/embed/hashing-embedder.ts";
import { LanceChunkStore } from "../src/store/lancedb-store.ts";

const sampleData = new URL("../data/", import.meta.url).pathname;

async function openBriefbot(directory: string): Promise<Briefbot> {
  const embedder = createHashingEmbedder();
  const store = await LanceChunkStore.open({ uri: join(directory, "db"), embedder });
  return new Briefbot({ store, embedder });
}

describe("Briefbot on the sample briefs (real LanceDB)", () => {
  let directory: string;
  let briefbot: Briefbot;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-core-"));
    briefbot = await openBriefbot(directory);
    const report = await briefbot.ingest([sampleData]);
    expect(report.errors).toEqual([]);
    expect(report.documents).toBe(3);
    expect(report.chunks_added).toBeGreaterThan(5);
  });

  afterAll(async () => {
    await briefbot.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("answers an English question with numbered citations of the right story", async () => {
    const answer = await briefbot.answer({
      question: "How many vehicles did BYD sell in 2024?",
      conversationId: "t1",
    });
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/4\.27 million/);
    expect(answer.text).toMatch(/\[1\]/);
    expect(answer.citations[0]).toMatchObject({ n: 1, publication: "Briefbot Weekly", date: "2025-03-07" });
    expect(answer.citations[0]!.story).toMatch(/BYD/);
    expect(answer.citations[0]!.quote).toContain("4.27 million");
  });

  it("meets 'released' in the brief with 'release' in the question", async () => {
    const answer = await briefbot.answer({ question: "What did DeepSeek release?", conversationId: "t1b" });
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain("released R1");
    expect(answer.citations[0]!.story).toMatch(/DeepSeek/);
  });

  it("answers a Chinese question from the Chinese brief, in Chinese", async () => {
    const answer = await briefbot.answer({
      question: "宁德时代在匈牙利的工厂规划产能是多少？",
      conversationId: "t2",
    });
    expect(answer.answered).toBe(true);
    expect(answer.lang).toBe("zh");
    expect(answer.text).toContain("100");
    expect(answer.citations[0]!.story).toContain("宁德时代");
  });

  it("says plainly when the briefs do not cover a question, offering the closest stories", async () => {
    const answer = await briefbot.answer({
      question: "Who won the 2022 football World Cup final in China?",
      conversationId: "t3",
    });
    expect(answer.answered).toBe(false);
    expect(answer.citations).toEqual([]);
    expect(answer.text).toMatch(/do not cover/);
    expect(answer.related.length).toBeGreaterThan(0);
  });

  it("offers no closest stories for a question that shares no word with the briefs", async () => {
    // The hashing embedder runs no vector leg (src/embed/vector-leg.ts): passages come from BM25,
    // so nothing is offered that merely shares character n-grams with the question.
    const answer = await briefbot.answer({
      question: "Who won the 2022 football World Cup final?",
      conversationId: "t3b",
    });
    expect(answer.answered).toBe(false);
    expect(answer.text).toMatch(/do not cover/);
    expect(answer.related).toEqual([]);
  });

  it("understands a follow-up within a conversation and forgets on request", async () => {
    await briefbot.answer({
      question: "What did Tencent add to its Yuanbao assistant?",
      conversationId: "t4",
    });
    const search = await briefbot.search("and what about WeChat search?", { conversationId: "t4", limit: 3 });
    expect(search[0]!.story).toMatch(/Tencent/);
    briefbot.forget("t4");
  });

  it("answers a follow-up with no word of its own from the story the conversation is about", async () => {
    await briefbot.answer({
      question: "What did Tencent add to its Yuanbao assistant?",
      conversationId: "t5",
    });
    const followUp = await briefbot.answer({ question: "What is it?", conversationId: "t5" });
    expect(followUp.coverage).not.toBe("none");
    expect(followUp.citations[0]?.story).toMatch(/Yuanbao/);
    // Asked on its own, the same words are about nothing.
    const alone = await briefbot.answer({ question: "What is it?", conversationId: "t6" });
    expect(alone.coverage).toBe("none");
    await briefbot.forget("t5");
  });

  it("answers 'what was in the latest issue?' and '第 12 期讲了什么？' with the issue's stories, cited", async () => {
    const latest = await briefbot.answer({ question: "What was in the latest issue?", conversationId: "o1" });
    expect(latest.coverage).toBe("full");
    expect(latest.text).toMatch(/^China Tech Notes \(2025-03-21\)/);
    expect(latest.text).toContain("Tencent's Yuanbao assistant adds DeepSeek");
    expect(new Set(latest.citations.map((citation) => citation.docId)).size).toBe(1);
    expect(latest.citations.length).toBeGreaterThanOrEqual(3);
    const numbered = await briefbot.answer({ question: "科技快讯第 12 期讲了什么？", conversationId: "o2" });
    expect(numbered.text).toMatch(/^科技快讯 第 12 期/);
    expect(numbered.citations.every((citation) => citation.publication === "科技快讯")).toBe(true);
    // A subject turns it back into a question searched as usual.
    const subject = await briefbot.answer({
      question: "What did the latest issue say about Meituan?",
      conversationId: "o3",
    });
    expect(subject.text).toMatch(/Keeta/);
    expect(subject.text).not.toMatch(/covered:/);
  });

  it("filters by publication and date", async () => {
    const results = await briefbot.search("电池 工厂 battery", {
      filters: { publication: "科技快讯" },
      limit: 5,
    });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.publication.includes("科技快讯"))).toBe(true);
    const none = await briefbot.search("BYD", { filters: { since: "2030-01-01" } });
    expect(none).toEqual([]);
  });

  it("keeps one story from filling the top results", async () => {
    const results = await briefbot.search("Xiaomi SU7 deliveries factory Lei Jun", { limit: 6 });
    const perStory = new Map<string, number>();
    for (const result of results.slice(0, 4)) {
      const key = `${result.docId}#${result.storyIndex}`;
      perStory.set(key, (perStory.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perStory.values())).toBeLessThanOrEqual(2);
  });

  it("describes the store", async () => {
    const overview = await briefbot.overview();
    expect(overview.documents).toBe(3);
    expect(overview.publications.map((publication) => publication.name)).toContain("Briefbot Weekly");
    expect(overview.latestDate).toBe("2025-03-21");
  });
});

describe("incremental, idempotent ingestion", () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-ingest-"));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("writes nothing for unchanged files, replaces a changed one, removes one issue, and reports bad files", async () => {
    const inbox = join(directory, "inbox");
    await mkdir(inbox);
    await copyFile(join(sampleData, "briefbot-weekly-001.md"), join(inbox, "weekly.md"));
    await writeFile(
      join(inbox, "notes.txt"),
      "Chip notes\n\nSMIC expanded 7nm capacity this year. Huawei used it for Kirin chips.\n",
    );
    await writeFile(join(inbox, "broken.html"), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
    await writeFile(join(inbox, "empty.md"), "   \n");
    const briefbot = await openBriefbot(directory);
    try {
      const first = await briefbot.ingest([inbox]);
      expect(first.files).toBe(4);
      expect(first.documents).toBe(2);
      expect(first.chunks_added).toBeGreaterThan(2);
      expect(first.errors.map((error) => error.path).sort()).toEqual([
        join(inbox, "broken.html"),
        join(inbox, "empty.md"),
      ]);
      for (const error of first.errors) expect(error.error.length).toBeGreaterThan(5);

      const again = await briefbot.ingest([inbox]);
      expect(again.chunks_added).toBe(0);
      expect(again.chunks_removed).toBe(0);
      expect(again.chunks_unchanged).toBe(first.chunks_added);

      await writeFile(
        join(inbox, "notes.txt"),
        "Chip notes\n\nSMIC expanded 5nm capacity this year. Huawei used it for Kirin chips.\n",
      );
      const changed = await briefbot.ingest([join(inbox, "notes.txt")]);
      expect(changed.chunks_added).toBe(1);
      expect(changed.chunks_removed).toBe(1);
      const hits = await briefbot.search("SMIC capacity", { limit: 3 });
      expect(hits[0]!.text).toContain("5nm");
      expect(hits.some((hit) => hit.text.includes("7nm"))).toBe(false);

      // The same issue under another name adds no duplicate passages.
      await copyFile(join(inbox, "weekly.md"), join(inbox, "weekly-copy.md"));
      const duplicate = await briefbot.ingest([join(inbox, "weekly-copy.md")]);
      expect(duplicate.chunks_added).toBe(0);

      const removed = await briefbot.remove(join(inbox, "notes.txt"));
      expect(removed).toHaveLength(1);
      expect(
        (await briefbot.search("SMIC", { limit: 3 })).some((hit) => hit.path.endsWith("notes.txt")),
      ).toBe(false);
    } finally {
      await briefbot.close();
    }
  });
});

const shared = new URL("../../shared/", import.meta.url).pathname;

describe.runIf(existsSync(join(shared, "formats")) && existsSync(join(shared, "corpus")))(
  "every shared issue ingests",
  () => {
    it("ingests ../shared/corpus and ../shared/formats without an error, then re-ingests nothing", async () => {
      const directory = await mkdtemp(join(tmpdir(), "briefbot-shared-"));
      const briefbot = await openBriefbot(directory);
      try {
        const paths = [join(shared, "corpus"), join(shared, "formats")];
        const report = await briefbot.ingest(paths);
        expect(report.errors).toEqual([]);
        expect(report.files).toBeGreaterThanOrEqual(37);
        expect(report.documents).toBeGreaterThan(80); // feeds give one issue per item
        const documents = await briefbot.documents();
        for (const document of documents) {
          expect(document.title.trim()).not.toBe("");
          expect(document.publication.trim()).not.toBe("");
          expect(document.date === null || /^\d{4}-\d{2}-\d{2}$/.test(document.date)).toBe(true);
        }
        const again = await briefbot.ingest(paths);
        expect(again.chunks_added).toBe(0);
        expect(again.chunks_removed).toBe(0);
        const answer = await briefbot.answer({
          question: "What changed in Node.js 19?",
          conversationId: "s",
        });
        expect(answer.answered).toBe(true);
        expect(answer.citations.some((citation) => citation.publication.toLowerCase().includes("node"))).toBe(
          true,
        );
      } finally {
        await briefbot.close();
        await rm(directory, { recursive: true, force: true });
      }
    }, 120_000);
  },
);
