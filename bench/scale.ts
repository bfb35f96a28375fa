import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { Briefbot, type LanguageBridge, type QueryParaphraser } from "../src/briefbot.ts";
import { createHashingEmbedder, hashEmbed } from "../src/embed/hashing-embedder.ts";
import { searchesByVector } from "../src/embed/vector-leg.ts";
import { planQuery } from "../src/retrieve/query-plan.ts";
import { LanceChunkStore } from "../src/store/lancedb-store.ts";
import { type Latency, progress, round, summarize, timed, timeEach } from "./measure.ts";
import { syntheticBatch, type VariantGenerator } from "./synthetic-corpus.ts";

/** Sections 2 and 3: a synthetic store of N chunks, its build costs, search latency and vector recall. */

export interface BuildFigures {
  chunks: number;
  /** More than `chunks` only when the time budget cut the build short. */
  requestedChunks: number;
  batchSize: number;
  generateSeconds: number;
  tokenizeSeconds: number;
  embedSeconds: number;
  /** Language-bridge enrichment of search_text; null when no bridge is configured. */
  enrichSeconds: number | null;
  writeSeconds: number;
  /** Seconds of the first and last `replaceDocuments` batch: shows whether writes slow as the table grows. */
  firstBatchWriteSeconds: number;
  lastBatchWriteSeconds: number;
  indexSeconds: number;
  /** Per index, from timing the table's `createIndex` / `optimize` calls made by `maintainIndexes()`. */
  indexBreakdownSeconds: Record<string, number>;
  vectorIndexBuilt: boolean;
  diskMB: number;
}

export interface SearchFigures {
  queries: number;
  /** First `Briefbot.search` on a fresh Briefbot: includes loading term statistics. */
  firstSearchMs: number;
  briefbot: Latency;
  lexical: Latency;
  /** Null when search runs no vector leg for this embedder (src/embed/vector-leg.ts). */
  vector: Latency | null;
  queryEmbed: Latency | null;
  /** `Briefbot.search` with paraphrase expansion on (WordNet, CEDICT, script, aliases, feedback). */
  withParaphrase?: Latency;
  /** The expansion step alone, per query. */
  paraphraseExpansion?: Latency;
}

export interface RecallFigures {
  queries: number;
  k: number;
  recallAtK: number;
  indexed: Latency;
  bruteForce: Latency;
}

const embedder = createHashingEmbedder();

export async function openStore(uri: string): Promise<LanceChunkStore> {
  return LanceChunkStore.open({ uri, embedder });
}

/**
 * Fill a fresh store with `total` synthetic chunks through `replaceDocuments`, in batches, then
 * `maintainIndexes()`. Vectors and search text are computed in-process (no workers), batch by
 * batch, so memory stays bounded by one batch.
 */
export async function buildSyntheticStore(
  generator: VariantGenerator,
  total: number,
  uri: string,
  batchSize: number,
  budgetMs = Number.POSITIVE_INFINITY,
  bridge?: LanguageBridge,
): Promise<{ store: LanceChunkStore; figures: BuildFigures }> {
  const store = await openStore(uri);
  const started = performance.now();
  let written = 0;
  let generateMs = 0;
  let tokenizeMs = 0;
  let embedMs = 0;
  let writeMs = 0;
  let enrichMs = 0;
  const batchWrites: number[] = [];
  for (let from = 0; from < total; from += batchSize) {
    // Past the budget, stop at a whole batch and index what was written (the report says so).
    if (performance.now() - started > budgetMs) break;
    const batch = syntheticBatch(generator, {
      from,
      count: Math.min(batchSize, total - from),
      enrich: bridge === undefined ? undefined : (text) => bridge.enrichmentTerms(text),
    });
    enrichMs += batch.enrichMs;
    generateMs += batch.generateMs;
    tokenizeMs += batch.tokenizeMs;
    embedMs += batch.embedMs;
    const write = await timed(() => store.replaceDocuments(batch.documents, batch.chunks));
    writeMs += write.ms;
    batchWrites.push(write.ms);
    written += batch.chunks.length;
    if (total >= 100_000)
      progress(
        `  ${from + batch.chunks.length}/${total} chunks; batch embed ${(batch.embedMs / 1000).toFixed(1)} s, write ${(write.ms / 1000).toFixed(1)} s`,
      );
  }
  const breakdown: Record<string, number> = {};
  const restore = instrumentIndexCalls(store, breakdown);
  const index = await timed(() => store.maintainIndexes());
  restore();
  const indices = await openRawTable(uri, (table) => table.listIndices());
  return {
    store,
    figures: {
      chunks: written,
      requestedChunks: total,
      batchSize,
      generateSeconds: round(generateMs / 1000, 2),
      tokenizeSeconds: round(tokenizeMs / 1000, 2),
      embedSeconds: round(embedMs / 1000, 2),
      enrichSeconds: bridge === undefined ? null : round(enrichMs / 1000, 2),
      writeSeconds: round(writeMs / 1000, 2),
      firstBatchWriteSeconds: round((batchWrites[0] ?? 0) / 1000, 2),
      lastBatchWriteSeconds: round((batchWrites.at(-1) ?? 0) / 1000, 2),
      indexSeconds: round(index.ms / 1000, 2),
      indexBreakdownSeconds: Object.fromEntries(
        Object.entries(breakdown).map(([name, ms]) => [name, round(ms / 1000, 2)]),
      ),
      vectorIndexBuilt: indices.some((entry) => entry.columns.includes("vector")),
      diskMB: round((await directoryBytes(uri)) / 1024 ** 2, 0),
    },
  };
}

/**
 * Time each `createIndex` / `optimize` call `maintainIndexes()` makes, by wrapping the methods of
 * the store's own table object for the duration of the call. Measurement only: arguments and
 * results pass through unchanged, and the originals are put back afterwards.
 */
function instrumentIndexCalls(store: LanceChunkStore, into: Record<string, number>): () => void {
  // The store holds its chunks table through a handle (src/store/chunk-table-handle.ts); a store
  // without one has no table to wrap, and the breakdown is then empty.
  const handle = Reflect.get(store, "chunks") as { cached?: lancedb.Table | null } | null | undefined;
  const table = handle?.cached ?? null;
  if (typeof table?.createIndex !== "function" || typeof table.optimize !== "function") return () => {};
  const createIndex = table.createIndex.bind(table);
  const optimize = table.optimize.bind(table);
  table.createIndex = async (column, options) => {
    const started = performance.now();
    try {
      return await createIndex(column, options);
    } finally {
      const name = column === "vector" ? "vector (IVF_HNSW_SQ)" : `index ${column}`;
      into[name] = (into[name] ?? 0) + performance.now() - started;
    }
  };
  table.optimize = async (options) => {
    const started = performance.now();
    try {
      return await optimize(options);
    } finally {
      into["optimize/compact"] = (into["optimize/compact"] ?? 0) + performance.now() - started;
    }
  };
  return () => {
    Reflect.deleteProperty(table, "createIndex");
    Reflect.deleteProperty(table, "optimize");
  };
}

async function openRawTable<T>(uri: string, work: (table: lancedb.Table) => Promise<T>): Promise<T> {
  const connection = await lancedb.connect(uri);
  const table = await connection.openTable("chunks");
  try {
    return await work(table);
  } finally {
    table.close();
    connection.close();
  }
}

async function directoryBytes(path: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) total += await directoryBytes(child);
    else if (entry.isFile()) total += (await stat(child)).size;
  }
  return total;
}

/**
 * Warm latency: a fresh `Briefbot` over the store, a warm-up pass, then each query through
 * `Briefbot.search` (limit 10), and its LanceDB parts alone with the hybrid's 40 candidates (BM25,
 * and vectors where the embedder's vectors are searched).
 */
export async function measureSearch(
  store: LanceChunkStore,
  queries: string[],
  warmup: string[],
  bridge?: LanguageBridge,
  paraphraser?: QueryParaphraser,
): Promise<SearchFigures> {
  const briefbot = new Briefbot({ store, embedder, ...(bridge === undefined ? {} : { bridge }) });
  const first = await timed(() => briefbot.search(warmup[0] ?? "warm up", { limit: 10 }));
  // The same plan `Briefbot.search` makes: own terms plus the bridge's other-language expansions.
  const planOf = (query: string) => planQuery(query, { expansions: bridge?.expandQuery(query) ?? [] });
  const plans = queries.map(planOf);
  const vectorLeg = searchesByVector(embedder.id);
  for (const query of warmup) {
    const plan = planOf(query);
    await briefbot.search(query, { limit: 10 });
    await store.lexicalSearch(plan.terms, 40);
    if (vectorLeg) await store.vectorSearch(hashEmbed(plan.embedText, embedder.dimensions), 40);
  }
  const full = await timeEach(queries, (query) => briefbot.search(query, { limit: 10 }));
  const lexical = await timeEach(plans, (plan) => store.lexicalSearch(plan.terms, 40));
  // The vector leg's parts, timed only where search runs them.
  let embedTimes: number[] | null = null;
  let vector: number[] | null = null;
  if (vectorLeg) {
    const vectors: number[][] = [];
    embedTimes = await timeEach(plans, async (plan) => {
      vectors.push(hashEmbed(plan.embedText, embedder.dimensions));
    });
    vector = await timeEach(vectors, (query) => store.vectorSearch(query, 40));
  }
  // Paraphrase on: the same queries through a Briefbot with the paraphraser (its tables warmed up first).
  let withParaphrase: Latency | undefined;
  let paraphraseExpansion: Latency | undefined;
  if (paraphraser !== undefined) {
    const paraphrasing = new Briefbot({
      store,
      embedder,
      paraphraser,
      ...(bridge === undefined ? {} : { bridge }),
    });
    for (const query of warmup) await paraphrasing.search(query, { limit: 10 });
    withParaphrase = summarize(await timeEach(queries, (query) => paraphrasing.search(query, { limit: 10 })));
    paraphraseExpansion = summarize(await timeEach(queries, async (query) => paraphraser.expand(query)));
  }
  return {
    queries: queries.length,
    firstSearchMs: round(first.ms, 1),
    briefbot: summarize(full),
    lexical: summarize(lexical),
    vector: vector === null ? null : summarize(vector),
    queryEmbed: embedTimes === null ? null : summarize(embedTimes),
    ...(withParaphrase === undefined ? {} : { withParaphrase, paraphraseExpansion }),
  };
}

/**
 * Recall@k of the store's vector search (IVF_HNSW_SQ with its nprobes/refine settings once the store is
 * past the index threshold) against an exact scan: LanceDB `bypassVectorIndex()`, same cosine distance.
 */
export async function measureRecall(
  store: LanceChunkStore,
  uri: string,
  queries: string[],
  k = 10,
): Promise<RecallFigures> {
  return openRawTable(uri, async (table) => {
    let found = 0;
    let wanted = 0;
    const indexedTimes: number[] = [];
    const exactTimes: number[] = [];
    for (const query of queries) {
      const vector = hashEmbed(planQuery(query).embedText, embedder.dimensions);
      let started = performance.now();
      const approximate = await store.vectorSearch(vector, k);
      indexedTimes.push(performance.now() - started);
      started = performance.now();
      const exact = (await table
        .vectorSearch(vector)
        .distanceType("cosine")
        .bypassVectorIndex()
        .select(["id", "_distance"])
        .limit(k)
        .toArray()) as Array<{ id: string }>;
      exactTimes.push(performance.now() - started);
      const approximateIds = new Set(approximate.map((result) => result.chunk.id));
      found += exact.filter((row) => approximateIds.has(String(row.id))).length;
      wanted += exact.length;
    }
    return {
      queries: queries.length,
      k,
      recallAtK: wanted === 0 ? 0 : round(found / wanted, 3),
      indexed: summarize(indexedTimes),
      bruteForce: summarize(exactTimes),
    };
  });
}
