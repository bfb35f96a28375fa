import { describe, expect, it } from "vitest";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";

const cosine = (left: number[], right: number[]) =>
  left.reduce((sum, value, index) => sum + value * right[index]!, 0);

describe("hashing embedder", () => {
  const embedder = createHashingEmbedder({ dimensions: 256 });

  it("returns unit vectors of the declared size, deterministically", async () => {
    const [first, again] = await embedder.embed([
      "TikTok Shop launches in the US",
      "TikTok Shop launches in the US",
    ]);
    expect(first).toHaveLength(256);
    expect(first).toEqual(again);
    expect(cosine(first!, first!)).toBeCloseTo(1, 6);
  });

  it("puts related texts closer than unrelated ones, in both scripts", async () => {
    const [query, related, unrelated, zhQuery, zhRelated, zhUnrelated] = await embedder.embed([
      "battery maker opens a plant in Germany",
      "The battery company will open a new plant in Germany next year",
      "A football match ended in a draw on Sunday",
      "电池工厂在德国开工",
      "这家电池企业在德国的新工厂正式开工",
      "周日的足球比赛以平局结束",
    ]);
    expect(cosine(query!, related!)).toBeGreaterThan(cosine(query!, unrelated!));
    expect(cosine(zhQuery!, zhRelated!)).toBeGreaterThan(cosine(zhQuery!, zhUnrelated!));
  });

  it("embeds empty text as a zero vector rather than NaN", async () => {
    const [vector] = await embedder.embed([""]);
    expect(vector!.every((value) => value === 0)).toBe(true);
  });
});
