import { describe, expect, it } from "vitest";
import { countUnits, splitIntoChunks, splitLongSentence } from "../../src/text/split-into-chunks.ts";

describe("countUnits", () => {
  it.each([
    ["", 0],
    ["three English words", 3],
    ["中文字符", 4],
    ["Arm 中国 CEO", 4],
  ])("%j has %i units", (text, units) => {
    expect(countUnits(text)).toBe(units);
  });
});

describe("splitIntoChunks", () => {
  it("returns nothing for empty text", () => {
    expect(splitIntoChunks("")).toEqual([]);
  });

  it("keeps a short story in one chunk", () => {
    expect(splitIntoChunks("One. Two.")).toEqual(["One. Two."]);
  });

  it("never cuts inside a sentence and respects the maximum", () => {
    const sentence = (index: number) => `Sentence number ${index} talks about chips and cars in some detail.`;
    const text = Array.from({ length: 80 }, (_, index) => sentence(index)).join(" ");
    const chunks = splitIntoChunks(text, { targetUnits: 60, maxUnits: 100, overlapUnits: 20 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(countUnits(chunk)).toBeLessThanOrEqual(100);
      expect(chunk).toMatch(/^Sentence number \d+/);
      expect(chunk).toMatch(/detail\.$/);
    }
    // every sentence survives
    for (let index = 0; index < 80; index += 1)
      expect(chunks.some((chunk) => chunk.includes(sentence(index)))).toBe(true);
  });

  it("overlaps consecutive chunks by one short sentence", () => {
    const text = Array.from({ length: 30 }, (_, index) => `Point ${index} is here.`).join(" ");
    const chunks = splitIntoChunks(text, { targetUnits: 20, maxUnits: 40, overlapUnits: 10 });
    const lastOfFirst = chunks[0]!.split(/(?<=\.) /).at(-1)!;
    expect(chunks[1]!.startsWith(lastOfFirst)).toBe(true);
  });

  it("chunks Chinese without spaces by character budget and sentence ends", () => {
    const text = "这是一个关于电池产业的句子，内容比较长。".repeat(40);
    const chunks = splitIntoChunks(text, { targetUnits: 60, maxUnits: 100 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.endsWith("。")).toBe(true);
      expect(chunk).not.toContain(" ");
      expect(countUnits(chunk)).toBeLessThanOrEqual(100);
    }
  });

  it("splits one over-long sentence at clause marks", () => {
    const sentence = Array.from({ length: 30 }, (_, index) => `clause ${index} with words`).join(", ");
    const parts = splitLongSentence(sentence, 20);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(countUnits(part)).toBeLessThanOrEqual(20);
    expect(parts.join(" ").replace(/\s+/g, " ")).toBe(sentence);
  });

  it("keeps paragraphs as boundaries in mixed-script text", () => {
    const text = `Tencent (腾讯) reported results. Revenue grew.\n\n腾讯公布了业绩。收入增长。`;
    const chunks = splitIntoChunks(text);
    expect(chunks).toEqual([text]);
  });
});
