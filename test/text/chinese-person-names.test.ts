import { describe, expect, it } from "vitest";
import {
  romaniseChineseName,
  romanisedDisplay,
  romanisedTerms,
} from "../../src/text/chinese-person-names.ts";
import { looksLikeChinesePersonName } from "../../src/text/chinese-surnames.ts";
import { properNouns } from "../../src/text/segment.ts";

describe("Chinese person names", () => {
  it.each(["雷军", "钟书岚", "欧阳娜娜", "梁文锋"])("%s reads as a person's name", (word) => {
    expect(looksLikeChinesePersonName(word)).toBe(true);
  });

  it.each([
    ["a word opening with a morpheme that is rarely a surname in text", "时才"],
    ["a clause with a function character", "张乾泽在"],
    ["a foreign name spelt in characters", "杜罗夫"],
    ["a given name too long", "王小明明"],
    ["Latin letters", "Lei Jun"],
  ])("%s does not (%s)", (_, word) => {
    expect(looksLikeChinesePersonName(word)).toBe(false);
  });

  it("romanises with surname readings and joins the given name as English writes it", () => {
    expect(romaniseChineseName("曾宪华")).toEqual({ surname: "zeng", given: "xianhua" });
    expect(romaniseChineseName("覃晓东")).toEqual({ surname: "qin", given: "xiaodong" });
    expect(romaniseChineseName("欧阳娜娜")).toEqual({ surname: "ouyang", given: "nana" });
    expect(romanisedDisplay("钟书岚")).toBe("Zhong Shulan");
    expect(romaniseChineseName("时才")).toBeUndefined();
  });

  it("gives search tokens folded as the index folds them, the given name first", () => {
    // "Xiaoming" is folded by the English stemmer like any word ending in -ing.
    expect(romanisedTerms("王晓明")).toEqual(["xiaom", "wang"]);
  });

  it("counts a name jieba does not know among a text's proper nouns", () => {
    expect(properNouns("钟书岚上周离开了公司")).toContain("钟书岚");
    expect(properNouns("这时才发现问题")).not.toContain("时才");
  });
});
