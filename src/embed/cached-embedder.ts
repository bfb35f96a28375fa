import type { Embedder } from "./embedder.ts";

/**
 * A least-recently-used cache in front of an embedder, for query embeddings: people repeat and
 * rephrase-back questions, and each query embedding is a paid round trip on the answer path.
 * Ingestion should not use it (every chunk is new, and the cache would only hold memory).
 */

export interface CachedEmbedderOptions {
  /**
   * Vectors kept. Default 500: a 1536-float vector is ~12 KB as numbers, so ~6 MB at most, and
   * 500 covers a busy day of repeated questions.
   */
  maxEntries?: number | undefined;
}

/** An `Embedder` with the same id, size and batch limit as `inner`, that asks `inner` only for texts it has not seen recently. */
export interface CachedEmbedder extends Embedder {
  /** Texts currently cached. */
  readonly size: number;
  clear(): void;
}

/**
 * Wrap `inner` in an LRU cache: the same text gets the same vector without a second request.
 * Concurrent asks for one text share one request; failures are not cached.
 */
export function createCachedEmbedder(inner: Embedder, options: CachedEmbedderOptions = {}): CachedEmbedder {
  const maxEntries = Math.max(1, options.maxEntries ?? 500);
  // A Map iterates in insertion order; re-inserting on every hit makes the first key the least recent.
  const cache = new Map<string, number[]>();
  // Concurrent asks for the same text share one request instead of racing two.
  const pending = new Map<string, Promise<number[]>>();

  function remember(text: string, vector: number[]): void {
    cache.delete(text);
    cache.set(text, vector);
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next();
      if (oldest.done) break;
      cache.delete(oldest.value);
    }
  }

  async function embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    // Read hits first: remembering new vectors below may evict them.
    const found = new Map<string, number[] | Promise<number[]>>();
    const missing = new Set<string>();
    for (const text of texts) {
      if (found.has(text) || missing.has(text)) continue;
      const cached = cache.get(text);
      if (cached !== undefined) {
        remember(text, cached);
        found.set(text, cached);
        continue;
      }
      const waiting = pending.get(text);
      if (waiting !== undefined) found.set(text, waiting);
      else missing.add(text);
    }
    if (missing.size > 0) {
      const missingTexts = [...missing];
      const request = inner.embed(missingTexts, signal);
      for (const [position, text] of missingTexts.entries()) {
        const one = request
          .then((vectors) => {
            const vector = vectors[position];
            if (vector === undefined) throw new Error(`Embedder ${inner.id} returned too few vectors`);
            remember(text, vector);
            return vector;
          })
          // Failures are not cached: the next ask tries again.
          .finally(() => pending.delete(text));
        one.catch(() => {}); // observed below; avoids an unhandled rejection for unawaited duplicates
        pending.set(text, one);
        found.set(text, one);
      }
    }
    const vectors: number[][] = [];
    for (const text of texts) {
      const vector = found.get(text);
      if (vector === undefined) throw new Error(`Embedder ${inner.id} lost the vector for a text`);
      vectors.push(await vector);
    }
    return vectors;
  }

  return {
    id: inner.id,
    dimensions: inner.dimensions,
    maxBatchSize: inner.maxBatchSize,
    embed,
    get size() {
      return cache.size;
    },
    clear() {
      cache.clear();
    },
  };
}
