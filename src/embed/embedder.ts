/**
 * The one seam for turning text into vectors. Batching, retries and length checks live in the
 * core (see `embed-in-batches.ts`), so a provider only implements one call.
 */
export interface Embedder {
  /** Stable identity recorded in the store, e.g. "hashing-v1" or "openai:text-embedding-3-small". */
  readonly id: string;
  readonly dimensions: number;
  /** Largest number of texts one `embed` call may receive. */
  readonly maxBatchSize: number;
  /** One vector per text, in order, each exactly `dimensions` long. */
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
  /**
   * The same vector, computed at once in this process, for embedders that need no service (the
   * hashing embedder). An ingest then embeds each chunk as it prepares it, with the word
   * segmentation its search text and glosses were made with (jieba learns names as an ingest
   * reads, so a later segmentation can differ), and without a second segmentation of the text.
   */
  embedNow?(text: string): number[];
}
