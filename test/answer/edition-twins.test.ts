import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer-types.ts";
import {
  editionTwin,
  matchingSentence,
  translationAnchors,
  withEditionTwin,
} from "../../src/answer/edition-twins.ts";
import { Briefbot } from "../../src/briefbot.ts";
import { ConversationMemory } from "../../src/conversation/conversation-memory.ts";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import type { ChunkPassage } from "../../src/store/chunk-record.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";
import type { StoredDocument } from "../../src/store/store.ts";

const english = `---
title: "Relay Weekly #12"
date: 2026-03-04
lang: en
---

# Relay Weekly #12

## Harbor 2.4 released

Harbor 2.4 adds a --max-peers flag that caps inbound connections, with the default set to 125 peers. The release also drops support for the legacy v1 handshake, which Harbor 2.0 deprecated in 2024.

## Tern opens a lab in Lisbon

Tern, the storage startup, opened a research lab in Lisbon with 40 engineers. It plans to publish its first paper in May.

## Quay 0.9 rewrites its cache

Quay 0.9 rewrites its cache in Rust and ships new defaults. The new cache keeps at most 64 entries per table. Its authors say start-up is now faster.
`;

const chinese = `---
title: "Relay Weekly #12"
date: 2026-03-04
lang: zh
---

# Relay Weekly #12

## Harbor 2.4 发布

Harbor 2.4 新增了 --max-peers 参数，用于限制入站连接。默认值为 125 个对等节点。该版本还移除了对旧版 v1 握手的支持，Harbor 2.0 已于 2024 年弃用该握手。

## Tern 在里斯本开设实验室

存储初创公司 Tern 在里斯本开设了一个研究实验室，拥有 40 名工程师。它计划在五月发表第一篇论文。

## Quay 0.9 重写缓存

Quay 0.9 用 Rust 重写了缓存，并带来新的默认值。新缓存每张表最多保留 64 个条目。作者表示启动更快了。
`;

function document(
  docId: string,
  lang: StoredDocument["lang"],
  overrides: Partial<StoredDocument> = {},
): StoredDocument {
  return {
    docId,
    docHash: docId,
    path: `${docId}.md`,
    publication: "Relay Weekly",
    title: "Relay Weekly #12",
    issueNumber: "12",
    date: "2026-03-04",
    url: null,
    lang,
    stories: 2,
    chunks: 2,
    ingestedAt: "2026-03-05T00:00:00Z",
    ...overrides,
  } as StoredDocument;
}

function passage(text: string, lang: ChunkPassage["lang"] = "zh"): ChunkPassage {
  return {
    ...document("zh", lang),
    id: text.slice(0, 8),
    story: "s",
    storyIndex: 0,
    chunkIndex: 0,
    text,
  } as ChunkPassage;
}

describe("edition twins", () => {
  it("pairs an issue with the other language's edition of the same publication, date and number only", () => {
    const en = document("en", "en");
    const zh = document("zh", "zh");
    expect(editionTwin(en, [en, zh])?.docId).toBe("zh");
    expect(editionTwin(zh, [en, zh])?.docId).toBe("en");
    expect(editionTwin(en, [en, document("zh2", "zh", { publication: "Other Weekly" })])).toBeUndefined();
    expect(editionTwin(en, [en, document("zh3", "zh", { date: "2026-03-11" })])).toBeUndefined();
    expect(editionTwin(en, [en, document("zh4", "zh", { issueNumber: "13" })])).toBeUndefined();
    expect(editionTwin(en, [en, document("en2", "en")])).toBeUndefined();
    expect(editionTwin(document("undated", "en", { date: null }), [zh])).toBeUndefined();
  });

  it("anchors English text on what a translation keeps: numbers, identifiers and names, not plain words", () => {
    const anchors = translationAnchors(
      "The release adds a --max-peers flag to Harbor 2.4, with the default set to 125 peers.",
      "en",
    );
    expect([...anchors].sort()).toEqual(["--max-peers", "125", "2.4", "harbor"].sort());
    // In Chinese text every Latin word is kept.
    expect(translationAnchors("旧版钱包使用的 Berkeley DB 文件无法再加载", "zh")).toEqual(
      new Set(["berkeley", "db"]),
    );
  });

  it("finds the item's span in the other edition, and nothing when too few anchors are shared", () => {
    const twin = passage(
      "Harbor 2.4 新增了 --max-peers 参数，用于限制入站连接。默认值为 125 个对等节点。该版本还移除了对旧版 v1 握手的支持。",
    );
    const other = passage("存储初创公司 Tern 在里斯本开设了一个研究实验室，拥有 40 名工程师。");
    const found = matchingSentence(new Set(["harbor", "2.4", "--max-peers", "125"]), [other, twin]);
    expect(found?.passage).toBe(twin);
    expect(found?.sentence).toContain("默认值为 125 个对等节点");
    expect(found?.sentence).not.toContain("v1 握手");
    // One shared number is chance.
    expect(matchingSentence(new Set(["40", "lisbon", "may"]), [other, twin])).toBeUndefined();
  });
});

describe("a full answer from a two-language newsletter (real LanceDB)", () => {
  let directory: string;
  let briefbot: Briefbot;
  let store: LanceChunkStore;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-twins-"));
    await mkdir(join(directory, "issues", "en"), { recursive: true });
    await mkdir(join(directory, "issues", "zh"), { recursive: true });
    await writeFile(join(directory, "issues", "en", "2026-03-04-relay-weekly.md"), english);
    await writeFile(join(directory, "issues", "zh", "2026-03-04-relay-weekly.md"), chinese);
    const embedder = createHashingEmbedder();
    store = await LanceChunkStore.open({ uri: join(directory, "db"), embedder });
    briefbot = new Briefbot({ store, embedder });
    const report = await briefbot.ingest([join(directory, "issues")]);
    expect(report.errors).toEqual([]);
  });

  afterAll(async () => {
    await briefbot.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("cites the same item in the other edition, in either direction", async () => {
    const asked = await briefbot.answer({
      question: "What is the default of Harbor's --max-peers flag?",
      conversationId: "e",
    });
    expect(asked.answered).toBe(true);
    expect(asked.citations.map((citation) => citation.story)).toEqual([
      "Harbor 2.4 released",
      "Harbor 2.4 发布",
    ]);
    expect(asked.citations[1]!.quote).toContain("默认值为 125 个对等节点");
    expect(asked.text).toMatch(/The same item in the Chinese edition: \[2\]$/);

    const zh = await briefbot.answer({
      question: "Harbor 2.4 的 --max-peers 参数默认值是多少？",
      conversationId: "z",
    });
    expect(zh.answered).toBe(true);
    expect(zh.citations.map((citation) => citation.story)).toEqual([
      "Harbor 2.4 发布",
      "Harbor 2.4 released",
    ]);
    expect(zh.citations[1]!.quote).toContain("the default set to 125 peers");
    expect(zh.text).toMatch(/英文版的同一条目：\[2\]$/);
  });

  it("keeps the line pointing at the other edition out of what a follow-up reads", async () => {
    await briefbot.answer({
      question: "What is the default of Harbor's --max-peers flag?",
      conversationId: "m",
    });
    const [turn] = await new ConversationMemory(briefbot.state).history("m");
    expect(turn?.answer).toContain("125 peers");
    expect(turn?.answer).not.toContain("Chinese edition");
  });

  it("finds the item of a quote with one anchor by the anchors of its whole passage, at its place in the story", async () => {
    const documents = await store.documents();
    const englishIssue = documents.find((candidate) => candidate.lang === "en")!;
    const ids = (await store.chunkIdsOf([englishIssue.docId])).get(englishIssue.docId)!;
    const quay = (await store.passagesByIds([...ids])).find((candidate) =>
      candidate.text.includes("64 entries"),
    )!;
    const answerQuoting = (quote: string): Answer =>
      ({
        answered: true,
        lang: "en",
        text: `${quote} [1]`,
        citations: [{ n: 1, id: quay.id, docId: englishIssue.docId, quote }],
      }) as unknown as Answer;
    const oneAnchor = "The new cache keeps at most 64 entries per table.";
    expect(translationAnchors(oneAnchor, "en").size).toBe(1);
    const twinned = await withEditionTwin(answerQuoting(oneAnchor), async () => documents, store);
    expect(twinned.citations).toHaveLength(2);
    expect(twinned.citations[1]!.story).toBe("Quay 0.9 重写缓存");
    expect(twinned.citations[1]!.quote).toBe("新缓存每张表最多保留 64 个条目。");
    expect(twinned.text).toMatch(/The same item in the Chinese edition: \[2\]$/);
    // A quote with no anchor at all names no item.
    const none = await withEditionTwin(
      answerQuoting("Its authors say start-up is now faster."),
      async () => documents,
      store,
    );
    expect(none.citations).toHaveLength(1);
  });

  it("adds nothing to a refusal", async () => {
    const refused = await briefbot.answer({ question: "Who founded Harbor?", conversationId: "r" });
    expect(refused.citations.length).toBeLessThanOrEqual(1);
    expect(refused.text).not.toMatch(/edition|英文版/);
  });
});
