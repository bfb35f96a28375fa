import { EmbeddingShapeError } from "../embed/embed-in-batches.ts";
import type { Embedder } from "../embed/embedder.ts";
import { ConfigError, ServiceError } from "../errors.ts";
import {
  createOpenAIClient,
  mapOpenAIError,
  type OpenAIClient,
  openAIDefaultBaseURL,
  openAIServiceName,
} from "./openai-client.ts";

/**
 * Embeddings from OpenAI or any compatible server. One `embed` call is one or a few HTTP requests;
 * batching across a corpus, retries and the final length check live in `embedInBatches`.
 */

/** Native sizes of OpenAI's embedding models, so no probe request is needed for them. */
export const knownEmbeddingDimensions: Readonly<Record<string, number>> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
};

/** OpenAI accepts at most 2048 inputs per embeddings request. */
export const maxInputsPerRequest = 2048;

/**
 * Estimated tokens we put in one request. OpenAI's limit is 300 000 tokens per request; the
 * estimate below errs high for English, but rare Chinese characters can take 2-3 tokens each, so
 * we keep a sixth in reserve.
 */
export const maxTokensPerRequest = 250_000;

const cjkCharacter = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/**
 * Rough token count without a tokenizer: one per CJK character, one per three other characters
 * (real English averages four characters a token, so this overestimates on purpose), plus one.
 */
export function estimateTokens(text: string): number {
  let cjk = 0;
  let other = 0;
  for (const character of text) {
    if (cjkCharacter.test(character)) cjk += 1;
    else other += 1;
  }
  return cjk + Math.ceil(other / 3) + 1;
}

/**
 * Split `texts` into consecutive groups of at most `maxItems` texts and about `tokenBudget`
 * estimated tokens each. A single text over budget gets a group of its own (the server then
 * decides; splitting a chunk is the chunker's job, not ours).
 */
export function splitByTokenBudget(
  texts: string[],
  tokenBudget: number = maxTokensPerRequest,
  maxItems: number = maxInputsPerRequest,
): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let currentTokens = 0;
  for (const text of texts) {
    const tokens = estimateTokens(text);
    if (current.length > 0 && (currentTokens + tokens > tokenBudget || current.length >= maxItems)) {
      groups.push(current);
      current = [];
      currentTokens = 0;
    }
    current.push(text);
    currentTokens += tokens;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export interface OpenAIEmbedderOptions {
  /** API key; optional only with `baseURL` (see `createOpenAIClient`). */
  apiKey?: string | undefined;
  /** A compatible server. Default: OpenAI's. */
  baseURL?: string | undefined;
  /** Embedding model, e.g. `text-embedding-3-small` (config default: cheap and multilingual). */
  model: string;
  /**
   * Shortened vector size, sent as `dimensions` (text-embedding-3 models support it). Default: the
   * model's native size. Part of the embedder id, because a store built at one size cannot be
   * searched with another.
   */
  dimensions?: number | undefined;
  /**
   * Texts per `embed` call, and so per `embedInBatches` batch. Default 2048, OpenAI's limit. Each
   * call is further split by `maxTokensPerRequest`, so large chunks never overflow a request.
   */
  maxBatchSize?: number | undefined;
  /** Per-request timeout in ms. Default: the client's (60 s). */
  timeoutMs?: number | undefined;
}

function embedderId(options: OpenAIEmbedderOptions): string {
  return options.dimensions === undefined
    ? `openai:${options.model}`
    : `openai:${options.model}:${options.dimensions}`;
}

/** Little-endian float32 base64, as OpenAI sends for `encoding_format: "base64"`. */
function decodeBase64Floats(encoded: string): number[] {
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.length % 4 !== 0) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values: number[] = new Array(bytes.length / 4);
  for (let position = 0; position < values.length; position += 1)
    values[position] = view.getFloat32(position * 4, true);
  return values;
}

function malformed(message: string): ServiceError {
  // 502: the server, not our request, is at fault; a retry may well get a good answer.
  return new ServiceError(openAIServiceName, 502, `OpenAI sent a malformed embeddings response: ${message}`);
}

/**
 * One embeddings request. Asks for floats explicitly: left unset, the SDK asks for base64 and
 * decodes it, and a compatible server that answers floats anyway would be decoded as garbage.
 * Results are put back in input order by `index`, which the API does not promise to keep.
 */
async function requestEmbeddings(
  client: OpenAIClient,
  options: OpenAIEmbedderOptions,
  texts: string[],
  signal: AbortSignal | undefined,
): Promise<number[][]> {
  let response: Awaited<ReturnType<OpenAIClient["embeddings"]["create"]>>;
  try {
    response = await client.embeddings.create(
      {
        model: options.model,
        // The API rejects empty strings; one space embeds as "nothing" without failing the batch.
        input: texts.map((text) => (text.trim() === "" ? " " : text)),
        encoding_format: "float",
        ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
      },
      { signal, ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }) },
    );
  } catch (error) {
    throw mapOpenAIError(error, signal);
  }
  const data: unknown = (response as { data?: unknown }).data;
  if (!Array.isArray(data)) throw malformed("no data array");
  if (data.length !== texts.length) throw malformed(`${data.length} embeddings for ${texts.length} inputs`);
  const vectors: number[][] = new Array(texts.length);
  for (const [position, item] of data.entries()) {
    const record = item as { index?: unknown; embedding?: unknown };
    // Servers that omit `index` are taken to answer in order.
    const index = record.index === undefined ? position : record.index;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= texts.length) {
      throw malformed(`embedding index ${String(index)} out of range`);
    }
    if (vectors[index] !== undefined) throw malformed(`embedding index ${index} repeated`);
    const embedding = record.embedding;
    // Some compatible servers send base64 even when asked for floats; decode rather than fail.
    const vector = typeof embedding === "string" ? decodeBase64Floats(embedding) : embedding;
    if (!Array.isArray(vector)) throw malformed(`embedding ${index} is not a list of numbers`);
    vectors[index] = vector as number[];
  }
  return vectors;
}

function checkLengths(id: string, dimensions: number, vectors: number[][]): void {
  for (const vector of vectors) {
    if (vector.length !== dimensions) {
      // Not retryable: a wrong size is a configuration problem and would recur on every request.
      throw new EmbeddingShapeError(
        id,
        `Embedding model ${id} returned vectors of ${vector.length} numbers, expected ${dimensions}. ` +
          "Set OPENAI_EMBEDDING_DIMENSIONS to the model's size (or to a size it supports), and re-ingest if the store was built with another size",
      );
    }
  }
}

function buildEmbedder(client: OpenAIClient, options: OpenAIEmbedderOptions, dimensions: number): Embedder {
  const id = embedderId(options);
  const maxBatchSize = Math.min(
    maxInputsPerRequest,
    Math.max(1, options.maxBatchSize ?? maxInputsPerRequest),
  );
  return {
    id,
    dimensions,
    maxBatchSize,
    async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
      const vectors: number[][] = [];
      for (const group of splitByTokenBudget(texts, maxTokensPerRequest, maxBatchSize)) {
        const groupVectors = await requestEmbeddings(client, options, group, signal);
        checkLengths(id, dimensions, groupVectors);
        vectors.push(...groupVectors);
      }
      return vectors;
    },
  };
}

/**
 * An embedder for a model whose size is known: `dimensions` when configured, else the native
 * size of an OpenAI model. For other models (a compatible server's), use `resolveOpenAIEmbedder`,
 * which asks the server once. Id: `openai:<model>` or `openai:<model>:<dimensions>`.
 */
export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const dimensions = options.dimensions ?? knownEmbeddingDimensions[options.model];
  if (dimensions === undefined) {
    throw new ConfigError(
      `The size of embedding model "${options.model}" is unknown; set OPENAI_EMBEDDING_DIMENSIONS to its vector size`,
    );
  }
  return buildEmbedder(createOpenAIClient(options), options, dimensions);
}

/** Sizes learned by probing, per server and model, so each is asked once per process. */
const probedDimensions = new Map<string, number>();

/**
 * Like `createOpenAIEmbedder`, but for a model of unknown size embeds one word once to learn it
 * (and remembers it for the process). Known models and configured sizes make no request.
 */
export async function resolveOpenAIEmbedder(
  options: OpenAIEmbedderOptions,
  signal?: AbortSignal,
): Promise<Embedder> {
  const known = options.dimensions ?? knownEmbeddingDimensions[options.model];
  const client = createOpenAIClient(options);
  if (known !== undefined) return buildEmbedder(client, options, known);
  const key = `${options.baseURL ?? openAIDefaultBaseURL} ${options.model}`;
  let dimensions = probedDimensions.get(key);
  if (dimensions === undefined) {
    const [vector] = await requestEmbeddings(client, options, ["probe"], signal);
    if (vector === undefined || vector.length === 0) throw malformed("the probe returned an empty vector");
    dimensions = vector.length;
    probedDimensions.set(key, dimensions);
  }
  return buildEmbedder(client, options, dimensions);
}
