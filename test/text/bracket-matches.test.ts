import { describe, expect, it } from "vitest";
import { matchesBeforeTails } from "../../src/text/bracket-matches.ts";

// The two expressions the learners use (learn-pairs.ts, aliases.ts), with their tails and classes.
const cjk = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
const englishThenChinese = new RegExp(
  `([A-Za-z0-9][^()（）${cjk}\\n]{0,80}?)\\s?[(（]([${cjk}·]{2,12})[)）]`,
  "gu",
);
const chineseTail = new RegExp(`[(（][${cjk}·]{2,12}[)）]`, "gu");
const beforeChinese = new RegExp(`[^()（）${cjk}\\n]`, "u");
const nameThenShort =
  /((?:[A-Za-z][\w&'’.-]*\s+){0,5}[A-Za-z][\w&'’.-]*)\s*[(（]([A-Z][A-Za-z0-9&]{1,9}?)s?[)）]/g;
const abbreviationTail = /[(（][A-Z][A-Za-z0-9&]{1,10}[)）]/g;
const nameCharacter = /[\w&'’.\-\s]/;

const shape = (matches: Iterable<RegExpMatchArray>) => [...matches].map((match) => [match.index, ...match]);

function randomTexts(count: number): string[] {
  const pieces = [
    "A",
    "Ab",
    "C",
    " ",
    "\n",
    "(",
    ")",
    "（",
    "）",
    "腾讯",
    "·",
    "s",
    "&",
    ".",
    ",",
    "(AB)",
    "(腾讯)",
    "Foo Bar ",
    "（LLMs）",
    "\u3000",
    "😀",
  ];
  let seed = 11;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, () => {
    let text = "";
    for (let length = Math.floor(next() * 40); length > 0; length -= 1)
      text += pieces[Math.floor(next() * pieces.length)];
    return text;
  });
}

describe("matchesBeforeTails", () => {
  const texts = [
    "Contemporary Amperex Technology (CATL) and large language models (LLMs) said Tencent (腾讯).",
    "Shares of Tencent\n(腾讯控股) rose; 宁德时代（CATL）; see (AI) (腾讯)",
    ...randomTexts(5000),
  ];

  it("finds exactly what scanning the whole text finds (English before Chinese)", () => {
    for (const text of texts) {
      const found = matchesBeforeTails(
        text,
        englishThenChinese,
        chineseTail,
        (character) => beforeChinese.test(character),
        (character) => /\s/.test(character),
      );
      expect(shape(found)).toEqual(shape(text.matchAll(englishThenChinese)));
    }
  });

  it("finds exactly what scanning the whole text finds (names before abbreviations)", () => {
    for (const text of texts) {
      const found = matchesBeforeTails(text, nameThenShort, abbreviationTail, (character) =>
        nameCharacter.test(character),
      );
      expect(shape(found)).toEqual(shape(text.matchAll(nameThenShort)));
    }
  });
});
