import { describe, expect, it } from "vitest";
import { searchTokensOf } from "../../src/pipeline/build-chunks.ts";
import { bestSentenceCoverage } from "../../src/retrieve/hybrid-search.ts";
import {
  sentenceMatcher,
  spaceJoinedTokens,
  termCoverage,
  termFinder,
  termMatch,
  termMatcher,
} from "../../src/retrieve/term-coverage.ts";
import { TermStatistics } from "../../src/retrieve/term-statistics.ts";
import type { WeightedTerm } from "../../src/store/store.ts";
import { sentencesOfSearchText } from "../../src/text/sentence-mark.ts";

// Every term equally rare, so coverage is a plain share and the table below reads easily.
const flat = TermStatistics.fromSearchTexts([]);
const own = (...words: string[]): WeightedTerm[] => words.map((term) => ({ term, weight: 1 }));

describe("termCoverage", () => {
  it.each<[string, WeightedTerm[], string[], string[], number]>([
    ["nothing", own("tencent", "game"), [], [], 0],
    ["all own terms", own("tencent", "game"), ["tencent", "game", "revenue"], [], 1],
    ["half", own("tencent", "game"), ["tencent"], [], 0.5],
    [
      "a translation stands in for its word at its weight",
      [...own("tencent", "game"), { term: "腾讯", weight: 0.6, concept: "tencent" }],
      ["腾讯", "game"],
      [],
      0.8,
    ],
    [
      "several translations of one word count once, at the best weight",
      [
        ...own("ai", "bank"),
        { term: "人工智能", weight: 0.6, concept: "ai" },
        { term: "人工", weight: 0.42, concept: "ai" },
        { term: "智能", weight: 0.42, concept: "ai" },
      ],
      ["人工智能", "人工", "智能"],
      [],
      0.3,
    ],
    [
      "a Chinese word and its search-mode pieces are one word; a piece alone counts half",
      own("国轩高科", "国轩", "高科", "电池"),
      ["国轩", "电池"],
      [],
      0.75,
    ],
    [
      "an own word found only in the glosses counts as a translation",
      own("tencent", "game"),
      ["game"],
      ["tencent"],
      0.8,
    ],
    [
      "context terms from earlier turns add their weight",
      [...own("tencent"), { term: "wechat", weight: 0.6 }],
      ["wechat"],
      [],
      0.6,
    ],
  ])("%s", (_name, terms, tokens, glosses, expected) => {
    expect(termCoverage(terms, new Set(tokens), flat, new Set(glosses))).toBeCloseTo(expected, 6);
  });
});

describe("bestSentenceCoverage", () => {
  const searchTextOf = (title: string, text: string) => searchTokensOf(title, text).join(" ");

  it("prefers a passage that answers in one sentence over scattered words", () => {
    const terms = own("bank", "ai", "warn");
    const together = searchTextOf(
      "Markets",
      "Deutsche Bank warns the AI honeymoon is over. Other news follows.",
    );
    const scattered = searchTextOf("Markets", "The bank opened. AI is popular. Regulators warn often.");
    expect(bestSentenceCoverage(terms, together, flat)).toBeCloseTo(1, 6);
    expect(bestSentenceCoverage(terms, scattered, flat)).toBeCloseTo(1 / 3, 6);
  });

  it("lets the story title supply the subject a sentence leaves implicit, at a quarter weight", () => {
    const terms = own("tencent", "game");
    const implicit = searchTextOf("Tencent results", "It raised game prices.");
    const untitled = searchTextOf("Results", "It raised game prices.");
    const explicit = searchTextOf("Results", "Tencent raised game prices.");
    // 0.75 × the sentence alone (1 of 2 words) + 0.25 × sentence and title (2 of 2).
    expect(bestSentenceCoverage(terms, implicit, flat)).toBeCloseTo(0.75 * 0.5 + 0.25, 6);
    expect(bestSentenceCoverage(terms, untitled, flat)).toBeCloseTo(0.5, 6);
    expect(bestSentenceCoverage(terms, explicit, flat)).toBeCloseTo(1, 6);
  });

  it("reads a search text without title words", () => {
    expect(sentencesOfSearchText(searchTextOf("", "One two. Three."))).toEqual({
      title: [],
      sentences: [["one", "two"], ["three"]],
    });
  });
});

describe("termMatch", () => {
  it("counts question words found directly or through a translation, a word and its pieces once", () => {
    const terms: WeightedTerm[] = [
      ...own("国轩高科", "国轩", "高科", "电池", "欧洲"),
      { term: "gotion", weight: 0.6, concept: "国轩高科" },
    ];
    expect(termMatch(terms, new Set(["gotion", "电池"]), flat)).toMatchObject({ matched: 2, asked: 3 });
    expect(termMatch(terms, new Set(["对手"]), flat)).toMatchObject({ matched: 0, asked: 3 });
  });
});

describe("spaceJoinedTokens and termMatcher", () => {
  it("answer as a set of the split text would, empty tokens and spaced terms included", () => {
    const texts = ["", "gotion", "gotion 电池 gotion", "a  b", " lead", "trail ", "国轩高科 国轩 高科"];
    const probes = ["", " ", "a", "b", "a b", "gotion", "电池", "国轩", "高科", "lead", "trail", "gotio"];
    for (const text of texts) {
      const set = new Set(text.split(" "));
      const lookup = spaceJoinedTokens(text);
      for (const probe of probes)
        expect(lookup.has(probe), `${JSON.stringify(text)} has ${probe}`).toBe(set.has(probe));
    }
  });

  it("termFinder finds in one pass the query's terms a text holds, as lookups would one by one", () => {
    const terms: WeightedTerm[] = [
      "gotion",
      "电池",
      "国轩",
      "高科",
      "node.js",
      "c++",
      "a b",
      "lead",
      "(x)",
    ].map((term) => ({ term, weight: 1 }));
    const find = termFinder(terms);
    const texts = [
      "",
      "gotion",
      "gotion 电池 gotion",
      "node.js c++ (x)",
      " lead",
      "trail ",
      "国轩高科 国轩 高科",
      "gotions leads",
    ];
    for (const text of texts) {
      const found = find(text);
      const lookup = spaceJoinedTokens(text);
      for (const { term } of terms)
        expect(found.has(term), `${JSON.stringify(text)} has ${term}`).toBe(lookup.has(term));
    }
  });

  it("sentenceMatcher weighs a sentence at three quarters and its story title at a quarter, for every sentence", () => {
    const statistics = TermStatistics.fromSearchTexts(["gotion 电池", "国轩高科 电池 储能", "储能 market"]);
    const terms: WeightedTerm[] = [
      ...own("国轩高科", "电池"),
      { term: "gotion", weight: 0.8, concept: "国轩高科" },
    ];
    const match = sentenceMatcher(terms, statistics);
    for (const [sentence, title] of [
      [["gotion"], ["电池"]],
      [["国轩高科", "电池"], []],
      [[], ["market"]],
    ] as const) {
      const withTitle = termMatch(terms, new Set([...sentence, ...title]), statistics);
      expect(match(new Set(sentence), title)).toEqual({
        ...withTitle,
        coverage: 0.75 * termMatch(terms, new Set(sentence), statistics).coverage + 0.25 * withTitle.coverage,
      });
    }
  });

  it("match a query over many texts as termMatch does one by one", () => {
    const statistics = TermStatistics.fromSearchTexts(["gotion 电池", "国轩高科 电池 储能", "储能 market"]);
    const terms: WeightedTerm[] = [
      ...own("国轩高科", "国轩", "高科", "电池"),
      { term: "gotion", weight: 0.8, concept: "国轩高科" },
      { term: "battery", weight: 0.7, concept: "电池" },
      { term: "储能", weight: 0.4 },
    ];
    const match = termMatcher(terms, statistics);
    for (const text of ["国轩 储能", "gotion battery", "国轩高科 电池", "", "market"]) {
      const tokens = new Set(text.split(" "));
      const glosses = new Set(["battery"]);
      expect(match(spaceJoinedTokens(text), spaceJoinedTokens("battery"))).toEqual(
        termMatch(terms, tokens, statistics, glosses),
      );
      expect(match(spaceJoinedTokens(text))).toEqual(termMatch(terms, tokens, statistics));
    }
  });
});
