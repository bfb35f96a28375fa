import { describe, expect, it } from "vitest";
import { checkSpecifics, looksLikePinyin, specificHeld } from "../../src/answer/evidence-specifics.ts";
import {
  contextsOf,
  flatWords,
  type PassageContext,
  storyOpening,
  withParts,
  yearsHeld,
  yearsOf,
} from "../../src/answer/passage-context.ts";
import { analyzeQuestion } from "../../src/question/analyze-question.ts";
import { tokenize } from "../../src/text/segment.ts";
import { extractiveAsker, passage } from "./answer-fixtures.ts";

function context(lang: PassageContext["lang"], text = ""): PassageContext {
  return {
    title: new Set(),
    storyTitle: "",
    wider: new Set(),
    source: new Set(),
    lang,
    writtenText: flatWords(text),
  };
}

function holds(
  question: string,
  windowText: string,
  translations: Record<string, string[]>,
  lang: "en" | "zh",
) {
  const { specifics } = analyzeQuestion(question);
  return checkSpecifics(
    specifics,
    new Set(tokenize(windowText)),
    windowText,
    context(lang, windowText),
    new Map(Object.entries(translations)),
  ).hold;
}

describe("checkSpecifics across languages", () => {
  const question = "Which school's graduates, from Lin Haoran to Qiao Mingyu, lead the battery trade?";
  const sentence = "从林浩然到乔明宇，江大校友撑起电池产业半壁江山。";

  it("finds a romanised name that the lexicon translates, by any part, to the whole name written in the window", () => {
    const translations = { haoran: ["林浩然"], qiao: ["乔明宇"] };
    expect(holds(question, sentence, translations, "zh")).toBe(true);
  });

  it("does not look in Chinese for a name whose only 'translation' is a Latin spelling variant", () => {
    expect(holds(question, sentence, { haoran: ["林浩然"], mingyu: ["mingyue"] }, "zh")).toBe(true);
    // A Chinese translation the window lacks is a missing name.
    expect(holds(question, sentence, { haoran: ["林浩然"], mingyu: ["明宇宙"] }, "zh")).toBe(false);
  });
});

describe("a name held by its defined alias", () => {
  const { specifics } = analyzeQuestion("How much does Harbor Summer of Code pay its mentors?");
  const aliases = new Map([["harbor", ["hsoc"]]]);
  const check = (text: string, elsewhere: string[]) =>
    checkSpecifics(
      specifics,
      new Set(tokenize(text)),
      text,
      { ...context("en", text), wider: new Set(elsewhere) },
      new Map(),
      undefined,
      aliases,
    ).hold;

  it("anchors the window when the alias is in it, and only passes when it is elsewhere in the story", () => {
    expect(check("HSoC mentors get a stipend of $500.", [])).toBe(true);
    // The alias only in the story's other chunks confirms nothing about this window.
    expect(check("Mentors get a stipend of $500.", ["hsoc"])).toBe(false);
  });
});

describe("an edition named by its year", () => {
  const question = "When is the maintainers' summit at DevWeek EU 2026?";
  const check = (text: string, year: string | undefined) =>
    checkSpecifics(
      analyzeQuestion(question).specifics,
      new Set(tokenize(text)),
      text,
      { ...context("en", text), year },
      new Map(),
    ).hold;

  it("is held where the story names the event and the issue is of that year", () => {
    const text = "The maintainers' summit at DevWeek EU is on May 4 in the main hall.";
    expect(check(text, "2026")).toBe(true);
    expect(check(`${text} See you at DevWeek EU 2026.`, "2025")).toBe(true);
    // Another year's edition is another event.
    expect(check(text, "2025")).toBe(false);
  });
});

describe("Latin names in Chinese passages", () => {
  it("tells a romanised Chinese name from a product's name", () => {
    expect(looksLikePinyin("Lin Haoran")).toBe(true);
    expect(looksLikePinyin("Zhāng Yìfēi")).toBe(true);
    expect(looksLikePinyin("Quillbox")).toBe(false);
  });

  it("needs a product's Latin name written in a Chinese passage, which keeps such names as they are", () => {
    const question = "How many stars does Quillbox have on GitHub?";
    expect(holds(question, "开源的 Quillbox 在 GitHub 上有 2000 个 star。", {}, "zh")).toBe(true);
    expect(holds(question, "这个列表在 GitHub 上的 star 超过 16000 次。", {}, "zh")).toBe(false);
  });

  it("still leaves an untranslated romanised name unchecked in Chinese", () => {
    const question = "How many stars does Lin Haoran's project have on GitHub?";
    expect(holds(question, "他的项目在 GitHub 上有 500 个 star。", {}, "zh")).toBe(true);
  });

  it("needs a one-word product name that happens to read as pinyin, kept in Latin in Chinese", () => {
    const question = "How many stars does Pabo have on GitHub?";
    expect(holds(question, "另一个项目在 GitHub 上有 500 个 star。", {}, "zh")).toBe(false);
    expect(holds(question, "Pabo 在 GitHub 上有 500 个 star。", {}, "zh")).toBe(true);
  });
});

describe("names with a common word", () => {
  it("is not found through a translation of one of its words", () => {
    // 代码 translates "code", but a sentence about 代码 is not about "Code Review".
    expect(
      holds(
        "Which Code Review articles were recommended?",
        "推荐大家在代码迁移之前读这篇文章。",
        { code: ["代码"] },
        "zh",
      ),
    ).toBe(false);
  });
});

describe("a version written against its name", () => {
  const check = (question: string, windowText: string) =>
    checkSpecifics(
      analyzeQuestion(question).specifics,
      withParts(tokenize(windowText)),
      windowText,
      context("zh"),
      new Map(),
    ).hold;

  it("holds with no space and Chinese right after the number", () => {
    expect(check("Orbit 3.2 里新增的命令叫什么？", "Orbit3.2正式版发布，新增 orbit-native 命令。")).toBe(
      true,
    );
  });

  it("still tells the version from another", () => {
    expect(check("Orbit 3.2 里新增的命令叫什么？", "Orbit3.1正式版发布，新增 orbit-native 命令。")).toBe(
      false,
    );
  });
});

describe("an abbreviation whose token is an everyday word", () => {
  const check = (windowText: string) =>
    checkSpecifics(
      analyzeQuestion("Which wallet's developers faced US charges?").specifics,
      withParts(tokenize(windowText)),
      windowText,
      context("en"),
      new Map(),
    ).hold;

  it("finds US as written, with its other spellings", () => {
    expect(check("Developers of the wallet were charged by U.S. law enforcement.")).toBe(true);
    expect(check("The United States charged the wallet's developers.")).toBe(true);
  });

  it("does not take the pronoun for it", () => {
    expect(check("Let us know what you think of the wallet.")).toBe(false);
  });
});

describe("a 《title》 given elsewhere in the issue", () => {
  const check = (question: string) =>
    checkSpecifics(
      analyzeQuestion(question).specifics,
      withParts(tokenize("钟书岚说，原价 99 元，上新优惠 68 元。")),
      "钟书岚说，原价 99 元，上新优惠 68 元。",
      { ...context("zh"), wider: withParts(tokenize("钟书岚的《深入浅出编译器》专栏上线了。")) },
      new Map(),
    ).hold;

  it("holds like a name", () => {
    expect(check("钟书岚的《深入浅出编译器》原价多少？")).toBe(true);
  });

  it("while a phrase in quotation marks must be in the sentence", () => {
    expect(check("钟书岚的“深入浅出编译器”原价多少？")).toBe(false);
  });
});

describe("a pull request named by its number", () => {
  const check = (windowText: string, storyTitle: string, url: string | null) =>
    checkSpecifics(
      analyzeQuestion("How much did PR 4521 cut memory use?").specifics,
      withParts(tokenize(windowText)),
      windowText,
      { ...context("en"), storyTitle, title: withParts(tokenize(storyTitle)), url },
      new Map(),
    ).hold;

  it("holds by its number in the story title or the story's link", () => {
    expect(check("The change cuts memory use by 15%.", "4521: Share one cache", null)).toBe(true);
    expect(
      check("The change cuts memory use by 15%.", "Share one cache", "https://example.org/pull/4521"),
    ).toBe(true);
    expect(check("The change (#4521) cuts memory use by 15%.", "Share one cache", null)).toBe(true);
  });

  it("not by another number", () => {
    expect(
      check("The change cuts memory use by 15%.", "45210: Share one cache", "https://example.org/pull/4522"),
    ).toBe(false);
  });
});

describe("a story's opening sentence", () => {
  it("names the subject of the sentences after it, as a title does", () => {
    const windowText = "The core team kept the keyword as a term of art.";
    const check = (opening: string) =>
      checkSpecifics(
        analyzeQuestion("Why did the core team keep the keyword for SE-0296?").specifics,
        withParts(tokenize(windowText)),
        windowText,
        { ...context("en"), opening: storyOpening(opening) },
        new Map(),
      ).hold;
    expect(check("SE-0296: Async/await was accepted.")).toBe(true);
    expect(check("SE-0297: Concurrency interop was accepted.")).toBe(false);
  });
});

describe("the opening of a story's first chunk", () => {
  it("names the subject of the story's later chunks when the search retrieved both", () => {
    const first = { ...storyChunk(0, "钟书岚在论坛上披露了一个漏洞。攻击者可以窃取通道资金。") };
    const later = storyChunk(2, "如果平均通道价值约为 1,000 美元，则每个区块可以窃取约 300 万美元。");
    const [, laterContext] = contextsOf([first, later]);
    const windowText = later.text;
    const check = (context: PassageContext) =>
      checkSpecifics(
        analyzeQuestion("钟书岚披露的漏洞每个区块能偷多少钱？").specifics,
        withParts(tokenize(windowText)),
        windowText,
        context,
        new Map(),
      ).hold;
    expect(check(laterContext!)).toBe(true);
    expect(check(contextsOf([later])[0]!)).toBe(false);
  });
});

function storyChunk(chunkIndex: number, text: string) {
  return {
    id: `s${chunkIndex}`,
    docId: "doc",
    publication: "Test Weekly",
    title: "Issue 1",
    issueNumber: null,
    story: "漏洞",
    storyIndex: 1,
    chunkIndex,
    date: "2025-01-02",
    url: null,
    path: "issue.md",
    lang: "zh" as const,
    text,
    score: 1,
    lexicalRank: 1,
    vectorRank: 1,
  };
}

describe("a name of three or more words", () => {
  const ask = (over: ReturnType<typeof passage>[], question: string) => extractiveAsker(over)(over, question);

  it("is not found by its last word in another name", async () => {
    const story = passage(
      "u1",
      "Community",
      "Sad news: the Orbit Unwrapped podcast has ended after 4.5 years and 92 episodes.",
    );
    const draft = await ask([story], "How many episodes did the Orbit Community Podcast publish?");
    expect(draft.coverage).not.toBe("full");
  });

  it("is found written whole, or without the qualifier a question adds", async () => {
    const whole = passage("u2", "Community", "The Orbit Community Podcast has published 41 episodes so far.");
    expect((await ask([whole], "How many episodes did the Orbit Community Podcast publish?")).coverage).toBe(
      "full",
    );
    const core = passage(
      "u3",
      "Proposals",
      "The Core Team accepted the proposal with 2 changes to its labels.",
    );
    expect(
      (await ask([core], "How many changes did the Orbit Core Team make to the proposal?")).coverage,
    ).toBe("full");
  });
});

describe("a product's version", () => {
  it("holds where the story writes the number and names the product in another sentence", () => {
    const question = "Bitnode Core 25.1 修复漏洞后，最多可以向几个对等节点请求？";
    const text = "解决方案是最多向 3 个对等节点并行请求。25.1 开始的版本修复了这个漏洞。";
    const { specifics } = analyzeQuestion(question);
    const version = specifics.find((specific) => specific.kind === "version")!;
    const wider = { ...context("zh", text), wider: new Set(tokenize("早期版本的 Bitnode Core 都受影响。")) };
    expect(checkSpecifics([version], new Set(tokenize(text)), text, wider, new Map()).hold).toBe(true);
    const other = "解决方案是最多向 3 个对等节点并行请求。25.0 开始的版本修复了这个漏洞。";
    expect(checkSpecifics([version], new Set(tokenize(other)), other, wider, new Map()).hold).toBe(false);
  });
});

describe("withParts", () => {
  it("reads a version written with a v as its number too", () => {
    const parts = withParts(tokenize("upgrading from v1.32 to v1.34"));
    expect(parts.has("1.32")).toBe(true);
    expect(parts.has("1.34")).toBe(true);
    expect(withParts(tokenize("dart2.6")).has("2.6")).toBe(true);
  });
});

describe("yearsOf", () => {
  it("reads the years a question gives, not the digits of an identifier", () => {
    expect(yearsOf("What did the 2019 survey find about 2024 plans?")).toEqual(["2019", "2024"]);
    expect(yearsOf("2019 年的开发者调查说了什么？")).toEqual(["2019"]);
    expect(yearsOf("What score did CVE-2025-13281 get in Orbit 2.2024.1?")).toEqual([]);
  });

  it("finds a year-like quantity the story writes with a thousands separator", () => {
    const story = context("en", "Nodes reserve 2,000 vbytes for the coinbase rather than 1,000 vbytes.");
    expect(yearsHeld(["2000"], story)).toBe(true);
    expect(yearsHeld(["2001"], story)).toBe(false);
    expect(yearsHeld(["2000"], context("en", "Nodes reserve 1,000 vbytes, not 2 kB."))).toBe(false);
  });
});

describe("specificHeld", () => {
  it("holds a name of several words by its last, and one of joined parts only by all of them", () => {
    const none = new Map<string, string[]>();
    const person = { text: "Rhea Quist", tokens: ["rhea", "quist"], kind: "name" as const };
    expect(specificHeld(person, new Set(["quist"]), none)).toBe(true);
    const joined = { text: "TidyCleaner-SwiftUI", tokens: ["tidycleaner", "swiftui"], kind: "name" as const };
    expect(specificHeld(joined, new Set(["swiftui"]), none)).toBe(false);
    expect(specificHeld(joined, new Set(["tidycleaner", "swiftui"]), none)).toBe(true);
  });
});
