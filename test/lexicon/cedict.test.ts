import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanDefinitions, cleanSense, foldEnglishPhrase, loadCedict } from "../../src/lexicon/cedict.ts";
import {
  compareCodePoints,
  LinesSource,
  readCache,
  SortedLines,
  sectionedText,
  writeCache,
} from "../../src/lexicon/sorted-lines.ts";

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

describe("SortedLines", () => {
  // U+FF41 sorts before a surrogate pair (U+20000) by code point but after it by UTF-16 unit.
  const keys = ["a", "ab", "中", "中文", "ａ", "𠀀", "𠀀字", "é", "z", `long${"x".repeat(700)}`];
  const lines = keys.map((key, index) => `${key}\t${index}|值`).sort(compareCodePoints);
  const layout = `${lines.join("\n")}\n\nfirst\t1\nsecond\t2`;

  function expectAllFound(sorted: SortedLines): void {
    keys.forEach((key, index) => {
      expect(sorted.find(key)).toBe(`${index}|值`);
    });
    expect(sorted.find("中国")).toBeUndefined();
    expect(sorted.find("𠀁")).toBeUndefined();
    expect(sorted.find("")).toBeUndefined();
  }

  it("finds every key, whatever its characters, once lines are sorted by code point", () => {
    const { source, sections } = sectionedText(layout);
    expect(sections).toHaveLength(2);
    expectAllFound(new SortedLines(source, sections[0]?.begin ?? 0, sections[0]?.end ?? 0));
  });

  it("reads a cache file in place, section by section, and refuses a stale stamp", () => {
    const directory = mkdtempSync(join(tmpdir(), "briefbot-sorted-lines-"));
    try {
      const path = join(directory, "cache.tsv");
      writeCache(path, "stamp 1", layout);
      expect(readCache(path, "stamp 2")).toBeUndefined();
      const cached = readCache(path, "stamp 1");
      expect(cached?.source).toBeInstanceOf(LinesSource);
      const [first, second] = cached?.sections ?? [];
      expectAllFound(new SortedLines(cached?.source as LinesSource, first?.begin ?? 0, first?.end ?? 0));
      const other = new SortedLines(cached?.source as LinesSource, second?.begin ?? 0, second?.end ?? 0);
      expect(other.find("first")).toBe("1");
      expect(other.find("second")).toBe("2");
      expect(other.find("a")).toBeUndefined();
      expect(other.size).toBe(2);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
