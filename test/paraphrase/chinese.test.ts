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

  it("takes a synonym whose senses agree as a whole, even through its second sense", () => {
    // 叫醒 "awaken, wake sb up, rouse" and 唤醒 "wake sb, rouse" share "rouse", 唤醒's second sense.
    const terms = chineseExpansions("明早谁来叫醒大家？", loadCedict(), isQuestionWord);
    expect(terms.find((term) => term.term === "唤醒")).toMatchObject({
      concept: "叫醒",
      senseSupported: true,
    });
  });

  it("does not pivot through one ambiguous English word the senses do not otherwise share", () => {
    // 屏幕 is a "screen" to look at; 掩护 "screen, shield, cover" and 上演 "screen, stage" are not.
    const terms = chineseExpansions("这块屏幕多大？", loadCedict(), isQuestionWord);
    expect(terms.filter((term) => term.concept === "屏幕")).toEqual([]);
  });

  it("looks a compound CEDICT lacks up by its pieces, tied to the piece", () => {
    // 旧电脑 is not a CEDICT word; its piece 电脑 is, and 计算机 shares its sense.
    const terms = chineseExpansions("怎样处理旧电脑？", loadCedict(), isQuestionWord);
    expect(terms.find((term) => term.term === "计算机")).toMatchObject({ concept: "电脑", source: "cedict" });
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

describe("a verb and its result written as one word", () => {
  it("also searches the bare verb, as the same word, where the index holds it", () => {
    const paraphraser = createParaphraser(chineseOnly);
    const terms = paraphraser.expand("他为什么把相机卖掉了？");
    expect(terms).toContainEqual(
      expect.objectContaining({ term: "卖", concept: "卖掉", source: "morphology" }),
    );
    const unknown = paraphraser.expand("他为什么把相机卖掉了？", (term) => term !== "卖");
    expect(unknown.some((term) => term.term === "卖")).toBe(false);
    // Endings that leave too common a character are kept whole.
    expect(paraphraser.expand("他发出了什么警告？").some((term) => term.term === "发")).toBe(false);
  });
});
