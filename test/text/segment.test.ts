import { describe, expect, it } from "vitest";
import { detectLanguage, foldEnglish, properNouns, tokenize } from "../../src/text/segment.ts";

describe("tokenize", () => {
  it.each([
    ["", []],
    ["The launches of TikTok Shop", ["launch", "tiktok", "shop"]],
    ["Musk's cars", ["musk", "car"]],
    ["ＡＢＣ　全角", ["abc", "全角"]],
  ])("%j", (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });

  it("segments Chinese and emits sub-words for search", () => {
    const tokens = tokenize("超级计算机的排名");
    expect(tokens).toContain("计算机");
    expect(tokens).toContain("超级计算机");
    expect(tokens).not.toContain("的");
  });

  it("drops aspect particles, which say when, not what (推荐过, 印着)", () => {
    const tokens = tokenize("周报推荐过的工具");
    expect(tokens).toContain("推荐");
    expect(tokens).not.toContain("过");
    // Inside a word they stay: 过去 is a word of its own.
    expect(tokenize("过去的一年")).toContain("过去");
  });

  it("handles mixed scripts in one string", () => {
    expect(tokenize("Arm中国CEO吴雄昂")).toEqual(expect.arrayContaining(["arm", "中国", "ceo"]));
  });
});

describe("foldEnglish", () => {
  it.each([
    ["companies", "company"],
    ["launched", "launch"],
    ["launching", "launch"],
    ["chips", "chip"],
    ["business", "business"],
    ["bus", "bus"],
  ])("%s → %s", (word, folded) => {
    expect(foldEnglish(word)).toBe(folded);
  });
});

describe("detectLanguage", () => {
  it.each([
    ["Plain English text about chips.", "en"],
    ["这是一段中文文字，讨论芯片产业。", "zh"],
    ["Tencent 腾讯 reported strong results 业绩 in games 游戏 and ads", "mixed"],
    ["", "en"],
  ])("%j → %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe("hyphenated words", () => {
  it.each([
    ["paid-course", ["paid", "course"]],
    ["home-grown chips", ["home", "grown", "chip"]],
    ["gpt-4o", ["gpt-4o", "gpt", "4o"]],
    ["o1-mini", ["o1-mini", "o1", "mini"]],
  ])("%s", (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });
});

describe("properNouns at a sentence's start", () => {
  it("takes a singular word doing what organisations do as a name", () => {
    expect(properNouns("Ledger has published a testing repository.")).toContain("ledger");
    expect(properNouns("Quarry announced a new plan.")).toContain("quarry");
  });

  it("leaves grammar capitals, plurals and pronouns alone", () => {
    expect(properNouns("Researchers published a paper.")).toEqual([]);
    expect(properNouns("He announced a plan.")).toEqual([]);
    expect(properNouns("Ledger entries are kept for a year.")).toEqual([]);
  });
});
