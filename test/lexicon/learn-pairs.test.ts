import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { learnPairs } from "../../src/lexicon/learn-pairs.ts";

const pairsOf = (text: string) => learnPairs(text).map((pair) => [pair.zh, pair.en]);

describe("learnPairs: parentheses", () => {
  it.each([
    ["天赐材料 (Tinci)的股价", [["天赐材料", "Tinci"]]],
    ["天赐材料（Tinci）的股价", [["天赐材料", "Tinci"]]],
    ["我们看好宁德时代（CATL）的扩张", [["宁德时代", "CATL"]]],
    ["投资了天赐材料（Tinci Materials）", [["天赐材料", "Tinci Materials"]]],
    ["Shares of Tencent (腾讯) rose.", []],
    ["We met Tencent (腾讯) staff.", [["腾讯", "Tencent"]]],
    ["He joined the Bank of China (中国银行) in 2001.", [["中国银行", "Bank of China"]]],
    ["Contemporary Amperex Technology （宁德时代） said", [["宁德时代", "Contemporary Amperex Technology"]]],
    ["the battery maker CATL (宁德时代) said", [["宁德时代", "CATL"]]],
  ])("%s", (text, expected) => {
    expect(pairsOf(text)).toEqual(expected);
  });

  it.each([
    "New content will be delivered to your inbox (twice per week).",
    "Arm Holding’s CEO Rene Haas (Credit: VCG)",
    "SOURCE: Qualcomm (in Chinese)",
    "一顿安静的外卖晚餐加部好电影(一顿饭)",
    "我们将看到的一个词是MaaS(Mobility-as-a-Service)",
    "(English Source: The China Guys)",
    "增长了 (2024)",
    "他说 (Credit: 新华社)",
  ])("no false pair from %s", (text) => {
    expect(pairsOf(text)).toEqual([]);
  });
});

describe("learnPairs: parallel source lines", () => {
  it("pairs the n-th English and Chinese source when counts match", () => {
    const text = [
      "Tesla Rally” (English Source: Wall Street Journal)",
      "Pinduoduo” (Chinese Source: China Venture News)",
      "Cloud” (English Source: SiliconAngle)",
      "特斯拉”(英文来源: 华尔街日报)",
      "拼多多” (中文来源：投中网)",
      "云”(英文来源: SiliconAngle)",
    ].join("\n");
    expect(learnPairs(text)).toEqual([
      { zh: "华尔街日报", en: "Wall Street Journal", via: "parallel-source" },
      { zh: "投中网", en: "China Venture News", via: "parallel-source" },
    ]);
  });

  it("does nothing when the halves disagree in count", () => {
    expect(learnPairs("a (English Source: WSJ)\nb (英文来源: 华尔街日报)\nc (中文来源: 36氪)")).toEqual([]);
  });

  const bilingualIssue = "/work/shared/corpus/000_f197a3a987651a40.txt";
  it.runIf(existsSync(bilingualIssue))("learns source names from a real bilingual issue", () => {
    const pairs = pairsOf(readFileSync(bilingualIssue, "utf8"));
    expect(pairs).toContainEqual(["华尔街日报", "Wall Street Journal"]);
    expect(pairs).toContainEqual(["36氪", "36Kr"]);
  });
});
