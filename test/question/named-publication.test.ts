import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Briefbot } from "../../src/briefbot.ts";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { isKnownEnglishWord } from "../../src/question/known-words.ts";
import { publicationNames } from "../../src/question/named-publication.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";

const documents = [
  { docId: "a1", publication: "The Relay @ Example Labs", path: "/in/relay-2026-01-02.eml" },
  { docId: "a2", publication: "The Relay @ Example Labs", path: "/in/relay-2026-01-09.eml" },
  { docId: "b1", publication: "潮汐周刊", path: "/archive/tide-weekly/posts/12-海风.md" },
  { docId: "c1", publication: "Understanding Chips", path: "/in/understanding-chips-1.html" },
  { docId: "d1", publication: "zorbly notes", path: "/in/zorbly-notes-4.md" },
  { docId: "e1", publication: "河马 Swift 周报", path: "/archive/hema/Reports/3.md" },
];
const names = publicationNames(documents, isKnownEnglishWord);
const ids = (question: string) => [...names.named(question).docIds].sort();

describe("issue titles in file names", () => {
  it("are not publication names when the publication's other issues are named otherwise", () => {
    const titled = publicationNames(
      [
        { docId: "t1", publication: "Kite Weekly", path: "/archive/kite/posts/212-雪山看云.md" },
        { docId: "t2", publication: "Kite Weekly", path: "/archive/kite/posts/213-山顶咖啡.md" },
        { docId: "u1", publication: "Other", path: "/archive/other/1.md" },
      ],
      isKnownEnglishWord,
    );
    const question = "去雪山看云那期的封面图是用哪款相机拍的？";
    expect([...titled.named(question).docIds]).toEqual([]);
    expect(titled.named(question).rest).toBe(question);
  });
});

describe("publications a question names", () => {
  it("finds a publication by its name, the part before a separator, its folder or its file name", () => {
    expect(ids("According to The Relay, when did the fab open?")).toEqual(["a1", "a2"]);
    expect(ids("潮汐周刊里推荐的键盘是哪款？")).toEqual(["b1"]);
    expect(ids("What did the Tide Weekly say about ferries?")).toEqual(["b1"]);
    expect(ids("What does Zorbly Notes say about gliders?")).toEqual(["d1"]);
  });

  it("finds a Chinese name asked without its Latin words or spaces", () => {
    expect(ids("河马周报里讲 Code Review 的那篇说了什么？")).toEqual(["e1"]);
    expect(ids("《河马swift周报》推荐了什么？")).toEqual(["e1"]);
    expect(names.named("河马 Swift 周报第 3 期讲了什么？").rest).toBe("第 3 期讲了什么？");
    expect(ids("河马跑得快吗？")).toEqual([]);
  });

  it("takes ordinary words as a name only as the publication writes them", () => {
    expect(ids("What did Understanding Chips say about yields?")).toEqual(["c1"]);
    expect(ids("Is understanding chips hard for beginners?")).toEqual([]);
    expect(ids("What is a relay race?")).toEqual([]);
  });

  it("leaves the name and its 'according to' out of what is searched for", () => {
    expect(names.named("According to The Relay's look back, who won?").rest).toBe("look back, who won?");
    expect(names.named("《潮汐周刊》推荐了什么键盘？").rest).toBe("推荐了什么键盘？");
    expect(names.named("Who won the vote?").rest).toBe("Who won the vote?");
  });

  it("prefers nothing when every issue is of the named publication", () => {
    const one = publicationNames(documents.slice(0, 2), isKnownEnglishWord);
    expect(one.named("According to The Relay, who won?").docIds.size).toBe(0);
  });
});

describe("answers from the publication the question names (real LanceDB)", () => {
  let directory: string;
  let briefbot: Briefbot;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-named-"));
    const input = join(directory, "in");
    await mkdir(join(input, "harbor-digest"), { recursive: true });
    await mkdir(join(input, "quay-letter", "_posts"), { recursive: true });
    // Two newsletters tell the same story with different figures; the first ranks higher by words.
    await writeFile(
      join(input, "harbor-digest", "2026-02-01-crane-order.md"),
      "---\ntitle: Crane order\ndate: 2026-02-01\n---\n\n## Port of Valen crane order\n\nThe Port of Valen ordered 14 electric cranes for its container terminal, the port authority said. The Port of Valen cranes replace diesel ones.\n",
    );
    await writeFile(
      join(input, "quay-letter", "_posts", "2026-02-03.md"),
      "---\ntitle: Cranes\ndate: 2026-02-03\n---\n\n## Cranes at Valen\n\nValen's port ordered 9 electric cranes, according to our sources.\n",
    );
    const embedder = createHashingEmbedder();
    const store = await LanceChunkStore.open({ uri: join(directory, "db"), embedder });
    briefbot = new Briefbot({ store, embedder });
    const report = await briefbot.ingest([input]);
    expect(report.errors).toEqual([]);
  });

  afterAll(async () => {
    await briefbot.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("answers from the named publication's issue, and from the best one when none is named", async () => {
    const named = await briefbot.answer({
      question: "According to the Quay Letter, how many electric cranes did the Port of Valen order?",
      conversationId: "named",
    });
    expect(named.answered).toBe(true);
    expect(named.citations[0]?.publication).toMatch(/quay letter/i);
    expect(named.text).toContain("9 electric cranes");
    const plain = await briefbot.answer({
      question: "How many electric cranes did the Port of Valen order?",
      conversationId: "plain",
    });
    expect(plain.citations[0]?.publication).toMatch(/harbor digest/i);
    expect(plain.text).toContain("14 electric cranes");
  });
});
