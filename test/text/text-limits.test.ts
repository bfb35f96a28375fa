import { describe, expect, it } from "vitest";
import { countUnits, splitIntoChunks } from "../../src/text/split-into-chunks.ts";
import { MAX_WORD_CHARACTERS, truncateAtBoundary } from "../../src/text/text-limits.ts";

describe("truncateAtBoundary", () => {
  it.each([
    ["short text stays", "Qwen 3 ships.", 40, "Qwen 3 ships."],
    ["cut at the last space", "Alibaba released Qwen 3 with open weights", 24, "Alibaba released Qwen 3…"],
    ["after a CJK character", "阿里巴巴发布了通义千问第三代模型", 8, "阿里巴巴发布了…"],
    ["mixed: after the CJK character, not inside the Latin run", "宁德时代发布CATLxx", 10, "宁德时代发布…"],
    ["a word with no boundary is cut at a character", "x".repeat(50), 10, `${"x".repeat(9)}…`],
    ["never inside a surrogate pair", `${"😀".repeat(10)}`, 6, "😀😀…"],
  ])("%s", (_name, text, max, expected) => {
    const cut = truncateAtBoundary(text, max);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(max);
  });
});

describe("chunking an over-long token", () => {
  it("weighs and cuts a 400 KB word, keeping every character", () => {
    const token = "A".repeat(400_000);
    const text = `The leak contained the key ${token} in plain sight.`;
    expect(countUnits(token)).toBe(400_000 / MAX_WORD_CHARACTERS);
    const chunks = splitIntoChunks(text);
    expect(chunks.length).toBeGreaterThan(30);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(260 * MAX_WORD_CHARACTERS + 100);
    expect(chunks.join("").replace(/[^A]/g, "").length).toBeGreaterThanOrEqual(400_000);
  });
});
