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

/**
 * A token's own features, in the order they are counted: the word, then its character n-grams
 * (bigrams of a Chinese word, trigrams of a longer Latin one). Remembered: tokens repeat.
 */
interface TokenFeatures {
  word: string;
  grams: readonly string[];
  gramWeight: number;
}

const featuresOfToken = new Map<string, TokenFeatures>();
const maxRememberedTokens = 100_000;

function tokenFeatures(token: string): TokenFeatures {
  let features = featuresOfToken.get(token);
  if (features !== undefined) return features;
  const grams: string[] = [];
  let gramWeight = 0;
  if (/^[\u3400-\u9fff]+$/u.test(token)) {
    for (let at = 0; at + 1 < token.length; at += 1) grams.push(`c:${token.slice(at, at + 2)}`);
    gramWeight = 0.3;
  } else if (token.length > 4) {
    const padded = `<${token}>`;
    for (let at = 0; at + 3 <= padded.length; at += 1) grams.push(`t:${padded.slice(at, at + 3)}`);
    gramWeight = 0.15;
  }
  features = { word: `w:${token}`, grams, gramWeight };
  if (featuresOfToken.size >= maxRememberedTokens) featuresOfToken.clear();
  featuresOfToken.set(token, features);
  return features;
}

/** FNV-1a of a feature, remembered for a token's own features (they repeat; word pairs rarely do). */
const hashOfFeature = new Map<string, number>();

function featureHash(feature: string, remember: boolean): number {
  let hash = hashOfFeature.get(feature);
  if (hash === undefined) {
    hash = hash32(feature);
    if (remember) {
      if (hashOfFeature.size >= maxRememberedTokens * 4) hashOfFeature.clear();
      hashOfFeature.set(feature, hash);
    }
  }
  return hash;
}

export function hashEmbed(text: string, dimensions: number): number[] {
  const counts = new Map<string, number>();
  const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  const tokens = tokenize(text);
  for (const [index, token] of tokens.entries()) {
    const features = tokenFeatures(token);
    add(features.word, 1);
    const next = tokens[index + 1];
    if (next !== undefined) add(`b:${token} ${next}`, 0.5);
    for (const gram of features.grams) add(gram, features.gramWeight);
  }
  const vector = new Float64Array(dimensions);
  for (const [feature, count] of counts) {
    const hash = featureHash(feature, !feature.startsWith("b:"));
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
