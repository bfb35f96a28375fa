import { describe, expect, it } from "vitest";
import { cleanDefinitions, cleanSense, foldEnglishPhrase, loadCedict } from "../../src/lexicon/cedict.ts";

describe("cleanSense", () => {
  it.each([
    ["variant of 老闆|老板[lao3 ban3]", false, []],
    ["surname Zhang", false, []],
    ["CL:個|个[ge4]", false, []],
    ["see 深圳市[Shen1 zhen4 Shi4]", false, []],
    ["(literary) to ascend", false, []],
    ["to withstand", false, ["withstand"]],
    ["gross domestic product (GDP)", false, ["GDP", "gross domestic product"]],
    ["(computing) server push", false, ["server push"]],
    ["Tencent, Chinese tech conglomerate, founded in 1998", true, ["Tencent"]],
    ["Microsoft Corporation", true, ["Microsoft Corporation", "Microsoft"]],
    ["Ma Yun (1964-), aka Jack Ma, Chinese billionaire businessman", true, ["Ma Yun", "Jack Ma"]],
  ])("%s → %j", (sense, proper, expected) => {
    expect(cleanSense(sense, proper)).toEqual(expected);
  });

  it("drops long descriptive glosses and merges duplicates", () => {
    expect(cleanDefinitions(["battery; electric cell", "Battery"], false)).toEqual([
      "battery",
      "electric cell",
    ]);
    expect(cleanSense("the act of doing something quite long and descriptive here", false)).toEqual([]);
  });
});

describe("foldEnglishPhrase", () => {
  it("folds like tokenize", () => {
    expect(foldEnglishPhrase("Start-ups Launched")).toBe("start-up launch");
  });
});

describe("loadCedict", () => {
  const dictionary = loadCedict();

  it.each([
    ["腾讯", "Tencent"],
    ["拼多多", "Pinduoduo"],
    ["字节跳动", "ByteDance"],
    ["超级计算机", "supercomputer"],
    ["国内生产总值", "GDP"],
    ["深圳", "Shenzhen"],
  ])("%s → %s", (word, gloss) => {
    expect(dictionary.lookup(word)?.glosses[0]).toBe(gloss);
  });

  it("marks names and keeps the common reading of common words first", () => {
    expect(dictionary.lookup("小米")?.proper).toBe(true);
    expect(dictionary.lookup("老板")?.glosses[0]).toBe("boss");
    expect(dictionary.lookup("老板")?.proper).toBe(false);
  });

  it("reverses folded English to Chinese, simplified only", () => {
    expect(dictionary.reverse("tencent")).toEqual(["腾讯"]);
    expect(dictionary.reverse("battery")[0]).toBe("电池");
    expect(dictionary.reverse("no such gloss anywhere")).toEqual([]);
  });
});
