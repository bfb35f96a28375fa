import { describe, expect, it } from "vitest";
import type { Embedder } from "../../src/embed/embedder.ts";

/** The contract every `Embedder` passes; a new provider adds one `testEmbedder` call. */
export function testEmbedder(name: string, create: () => Embedder | Promise<Embedder>): void {
  describe(`Embedder contract: ${name}`, () => {
    it("names itself and states a dimension and a batch size", async () => {
      const embedder = await create();
      expect(embedder.id).toMatch(/\S/);
      expect(Number.isInteger(embedder.dimensions) && embedder.dimensions > 0).toBe(true);
      expect(Number.isInteger(embedder.maxBatchSize) && embedder.maxBatchSize > 0).toBe(true);
    });

    it("returns one finite vector of the stated dimension per text, in order", async () => {
      const embedder = await create();
      const texts = ["Chips and cloud", "电动汽车销量", "Chips and cloud", "a"];
      const vectors = await embedder.embed(texts);
      expect(vectors).toHaveLength(texts.length);
      for (const vector of vectors) {
        expect(vector).toHaveLength(embedder.dimensions);
        expect(vector.every((value) => Number.isFinite(value))).toBe(true);
      }
      // Same text, same vector; different texts, different vectors (order is kept).
      expect(vectors[2]).toEqual(vectors[0]);
      expect(vectors[1]).not.toEqual(vectors[0]);
    });

    it("embeds a full batch", async () => {
      const embedder = await create();
      const size = Math.min(embedder.maxBatchSize, 64);
      const texts = Array.from({ length: size }, (_, index) => `text number ${index}`);
      expect(await embedder.embed(texts)).toHaveLength(size);
    });
  });
}
