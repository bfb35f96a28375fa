import { describe, expect, it } from "vitest";
import { loadCedict } from "../../src/lexicon/cedict.ts";
import { loadChineseScript } from "../../src/paraphrase/chinese-script.ts";
import { chineseExpansions } from "../../src/paraphrase/chinese-synonyms.ts";
import { createParaphraser } from "../../src/paraphrase/paraphraser.ts";
import { isQuestionWord } from "../../src/retrieve/query-plan.ts";

const chineseOnly = { wordnet: false, chinese: true, feedback: false, aliases: false };

describe("Chinese near-synonyms through shared CC-CEDICT senses", () => {
  it("expands a word by a near-synonym that shares its senses, tied to the word, below it", () => {
    const terms = chineseExpansions("这家车企今年裁员多少人？", loadCedict(), isQuestionWord);
    const synonym = terms.find((term) => term.term === "裁人");
    expect(synonym).toMatchObject({ concept: "裁员", source: "cedict", senseSupported: true });
    expect(synonym?.weight).toBeLessThan(1);
  });

  it("does not pivot through a sense many words share, nor guess among several senses", () => {
    // 使用 is "to use", shared by dozens of words; 打 has too many senses to pick one.
    const terms = chineseExpansions("他们使用什么打法？", loadCedict(), isQuestionWord);
    expect(terms.filter((term) => term.concept === "使用")).toEqual([]);
    expect(terms.filter((term) => term.concept === "打")).toEqual([]);
  });
});

describe("traditional ↔ simplified folding", () => {
  it("folds a traditional word to simplified and offers traditional forms of a simplified one", () => {
    const script = loadChineseScript();
    expect(script.toSimplified("網約車")).toBe("网约车");
    expect(script.toSimplified("电池")).toBe("电池");
    expect(script.toTraditional("网约车")).toContain("網約車");
  });

  it("lets a 繁體 question search a simplified archive and the reverse, as the same word", () => {
    const paraphraser = createParaphraser(chineseOnly);
    const folded = paraphraser.expand("網約車司機收入多少？").find((term) => term.term === "网约车");
    expect(folded).toMatchObject({ source: "script", senseSupported: true });
    expect(folded?.weight).toBeGreaterThan(0.9);
    // Traditional forms only when the index holds them.
    const known = new Set(["網約車"]);
    const toTraditional = paraphraser.expand("网约车司机收入多少？", (term) => known.has(term));
    expect(toTraditional.map((term) => term.term)).toContain("網約車");
    expect(paraphraser.expand("网约车司机收入多少？", () => false).map((term) => term.term)).not.toContain(
      "網約車",
    );
  });
});
