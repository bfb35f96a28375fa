import { setTimeout as delay } from "node:timers/promises";
import { BriefbotError, NetworkError, ServiceError } from "../errors.ts";
import type { Embedder } from "./embedder.ts";

/**
 * The core's single batching and retry loop for every `Embedder`. Providers make one call per
 * `embed`; this loop splits the work, runs a few batches at once, retries what a service says is
 * temporary and checks every vector before it can reach the store. LanceDB silently pads or
 * truncates vectors of the wrong length, so the length check here is the only line of defence.
 */

/** A provider returned the wrong number of vectors or a vector of the wrong length. Never retried. */
export class EmbeddingShapeError extends BriefbotError {
  readonly embedderId: string;
  readonly retryable = false;
  constructor(embedderId: string, message: string) {
    super("SERVICE_ERROR", message);
    this.embedderId = embedderId;
  }
}

/** Waits `milliseconds`, rejecting early when `signal` aborts. Injectable so tests need not wait. */
export type Sleep = (milliseconds: number, signal?: AbortSignal) => Promise<void>;

/** The real wait: an abortable timer. */
export const realSleep: Sleep = (milliseconds, signal) => delay(milliseconds, undefined, { signal });

/** Backoff settings shared by every retry loop of the core. */
export interface RetryPolicy {
  /** First wait when the service gave no `retry-after`, in ms; doubles per attempt. Default 500. */
  baseDelayMs?: number | undefined;
  /** Longest wait we accept, in ms. A longer `retry-after` (quota exhausted for the day) fails at once instead of hanging. Default 60 000. */
  maxDelayMs?: number | undefined;
}

/** True for errors worth retrying: a service's 429/5xx, or no connection at all. */
export function isRetryableError(error: unknown): boolean {
  return (error instanceof ServiceError && error.retryable) || error instanceof NetworkError;
}

/**
 * How long to wait before attempt `attempt + 1` after `error` ended attempt `attempt` (1-based),
 * or null when the error must not be retried. The service's `retry-after` wins over our backoff.
 */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy = {}): number | null {
  if (!isRetryableError(error)) return null;
  const baseDelayMs = policy.baseDelayMs ?? 500;
  const maxDelayMs = policy.maxDelayMs ?? 60_000;
  if (error instanceof ServiceError && error.retryAfterSeconds !== null) {
    const asked = error.retryAfterSeconds * 1000;
    return asked > maxDelayMs ? null : asked;
  }
  return Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}

export interface EmbedInBatchesOptions extends RetryPolicy {
  /**
   * Batches in flight at once. Default 2: enough to hide one request's latency, few enough to stay
   * under typical rate limits of a fresh OpenAI account.
   */
  concurrency?: number | undefined;
  /** Tries per batch, the first included. Default 5: rides out a minute of 429s with backoff. */
  maxAttempts?: number | undefined;
  /** Cancels waits and requests; the promise then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Injectable wait, for tests. Default: a real, abortable timer. */
  sleep?: Sleep | undefined;
  /** Called after each finished batch with texts embedded so far and the total. */
  onProgress?: ((embedded: number, total: number) => void) | undefined;
}

/** Throws `EmbeddingShapeError` unless `vectors` has one finite vector of `embedder.dimensions` per text. */
export function checkVectors(embedder: Embedder, vectors: unknown, expectedCount: number): number[][] {
  if (!Array.isArray(vectors) || vectors.length !== expectedCount) {
    const got = Array.isArray(vectors) ? vectors.length : typeof vectors;
    throw new EmbeddingShapeError(
      embedder.id,
      `Embedder ${embedder.id} returned ${got} vectors for ${expectedCount} texts; refusing to store misaligned vectors`,
    );
  }
  for (const [position, vector] of vectors.entries()) {
    if (!Array.isArray(vector) || vector.length !== embedder.dimensions) {
      const length = Array.isArray(vector) ? vector.length : typeof vector;
      throw new EmbeddingShapeError(
        embedder.id,
        `Embedder ${embedder.id} returned a vector of length ${length} at position ${position}; expected ${embedder.dimensions}. ` +
          "Check the model and OPENAI_EMBEDDING_DIMENSIONS, or re-create the store for the new size",
      );
    }
    for (const value of vector) {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new EmbeddingShapeError(
          embedder.id,
          `Embedder ${embedder.id} returned a non-numeric or infinite value at position ${position}`,
        );
      }
    }
  }
  return vectors as number[][];
}

/**
 * Embed `texts` in batches of `embedder.maxBatchSize`, `concurrency` at a time, retrying
 * retryable failures with exponential backoff that honours `retryAfterSeconds`. Returns one
 * checked vector per text, in order. The first unrecoverable error cancels the batches in flight
 * and is thrown.
 */
export async function embedInBatches(
  embedder: Embedder,
  texts: string[],
  options: EmbedInBatchesOptions = {},
): Promise<number[][]> {
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const sleep = options.sleep ?? realSleep;
  const batchSize = Math.max(1, embedder.maxBatchSize);
  if (texts.length === 0) return [];

  const batches: string[][] = [];
  for (let start = 0; start < texts.length; start += batchSize)
    batches.push(texts.slice(start, start + batchSize));
  const results: number[][][] = new Array(batches.length);

  // One controller for the whole run: the caller's abort or our first failure stops every batch.
  const stop = new AbortController();
  const onCallerAbort = () => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) throw options.signal.reason;
  options.signal?.addEventListener("abort", onCallerAbort, { once: true });

  let nextBatch = 0;
  let embedded = 0;
  let firstFailure: { error: unknown } | undefined;

  async function embedOneBatch(batch: string[]): Promise<number[][]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const vectors = await embedder.embed(batch, stop.signal);
        return checkVectors(embedder, vectors, batch.length);
      } catch (error) {
        if (stop.signal.aborted) throw error;
        const wait = attempt < maxAttempts ? retryDelayMs(error, attempt, options) : null;
        if (wait === null) throw error;
        await sleep(wait, stop.signal);
      }
    }
  }

  async function worker(): Promise<void> {
    while (firstFailure === undefined && !stop.signal.aborted && nextBatch < batches.length) {
      const index = nextBatch;
      nextBatch += 1;
      const batch = batches[index] ?? [];
      try {
        results[index] = await embedOneBatch(batch);
      } catch (error) {
        // Later errors are usually the abort we caused; the first one is the real story.
        if (firstFailure === undefined) firstFailure = { error };
        stop.abort(error);
        return;
      }
      embedded += batch.length;
      options.onProgress?.(embedded, texts.length);
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, () => worker()));
  } finally {
    options.signal?.removeEventListener("abort", onCallerAbort);
  }
  if (options.signal?.aborted) throw options.signal.reason;
  if (firstFailure !== undefined) throw firstFailure.error;
  return results.flat();
}
