import { tokenize } from "../text/segment.ts";
import type { Embedder } from "./embedder.ts";

/**
 * The offline default embedder: feature hashing of words (jieba-segmented for Chinese), word
 * bigrams, and character n-grams (trigrams inside Latin words, bigrams of Chinese), each with a
 * hashed sign to cancel collisions on average; sublinear term frequency; L2-normalised.
 * No model download, deterministic, about 20 µs per short text.
 */

export interface HashingEmbedderOptions {
  /** Vector length. Default 512: fewer collisions than 256 at a small cost in storage and search. */
  dimensions?: number;
}

export function createHashingEmbedder(options: HashingEmbedderOptions = {}): Embedder {
  const dimensions = options.dimensions ?? 512;
  return {
    id: `hashing-v1:${dimensions}`,
    dimensions,
    maxBatchSize: 1024,
    async embed(texts: string[]): Promise<number[][]> {
      return texts.map((text) => hashEmbed(text, dimensions));
    },
    embedNow: (text: string) => hashEmbed(text, dimensions),
  };
}

/** FNV-1a over UTF-16 code units, 32-bit. */
function hash32(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function hashEmbed(text: string, dimensions: number): number[] {
  const counts = new Map<string, number>();
  const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  const tokens = tokenize(text);
  for (const [index, token] of tokens.entries()) {
    add(`w:${token}`, 1);
    const next = tokens[index + 1];
    if (next !== undefined) add(`b:${token} ${next}`, 0.5);
    if (/^[\u3400-\u9fff]+$/u.test(token)) {
      for (let at = 0; at + 1 < token.length; at += 1) add(`c:${token.slice(at, at + 2)}`, 0.3);
    } else if (token.length > 4) {
      const padded = `<${token}>`;
      for (let at = 0; at + 3 <= padded.length; at += 1) add(`t:${padded.slice(at, at + 3)}`, 0.15);
    }
  }
  const vector = new Float64Array(dimensions);
  for (const [feature, count] of counts) {
    const hash = hash32(feature);
    const sign = hash & 0x80000000 ? -1 : 1;
    vector[hash % dimensions]! += sign * Math.log1p(count);
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  const out = new Array<number>(dimensions);
  for (let index = 0; index < dimensions; index += 1) out[index] = norm === 0 ? 0 : vector[index]! / norm;
  return out;
}
