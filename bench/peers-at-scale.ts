import { create, insertMultiple, search as oramaSearch } from "@orama/orama";
import { createTokenizer as createMandarinTokenizer } from "@orama/tokenizers/mandarin";
import MiniSearch from "minisearch";
import { tokenize } from "../src/text/segment.ts";
import { type Latency, round, summarize } from "./measure.ts";
import type { CorpusChunk } from "./real-ingest.ts";

/**
 * The in-memory peers over the same passages as a synthetic briefbot store (100k chunks): build
 * time, warm query latency over the same queries, and the memory they hold (heap growth after a
 * full GC; the process must run with --expose-gc, as `npm run bench` does).
 */

export interface ScalePeerFigures {
  name: string;
  chunks: number;
  /** Queries timed (fewer for a slow peer in `--quick`). */
  queries: number;
  buildSeconds: number;
  latency: Latency;
  heapMB: number | null;
  rssMB: number;
}

function heapUsedMB(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return null;
  gc();
  return process.memoryUsage().heapUsed / 1024 ** 2;
}

/** Warm-up queries before timing, per peer. */
const warmupQueries = 20;

/**
 * In `--quick`, a peer that takes seconds per query at 100k passages is timed for about this long
 * (at least `minimumTimedQueries` queries, its warm-up cut to 3): Orama + mandarin tokenizer
 * measured p50 713 ms (1 December 2026, load 5–11), then 1.4 s at load 7 and 3.2 s at load 4–10,
 * so its 20 + 200 queries were minutes of a quick run whose budget is five. The full run times all
 * of them.
 */
export const quickSlowPeerSeconds = 20;
/** Fewest queries timed under `quickSlowPeerSeconds`, so a p50 still means something. */
const minimumTimedQueries = 5;

async function measurePeer(
  name: string,
  chunks: readonly CorpusChunk[],
  queries: string[],
  build: () => Promise<(query: string) => Promise<unknown> | unknown>,
  timeBudgetSeconds = Number.POSITIVE_INFINITY,
): Promise<ScalePeerFigures> {
  const heapBefore = heapUsedMB();
  const started = performance.now();
  const search = await build();
  const buildSeconds = (performance.now() - started) / 1000;
  const heapAfter = heapUsedMB();
  const warmup = Number.isFinite(timeBudgetSeconds) ? 3 : warmupQueries;
  for (const query of queries.slice(0, warmup)) await search(query);
  const times: number[] = [];
  const timing = performance.now();
  for (const query of queries) {
    const begin = performance.now();
    await search(query);
    times.push(performance.now() - begin);
    if (times.length >= minimumTimedQueries && performance.now() - timing > timeBudgetSeconds * 1000) break;
  }
  return {
    name,
    chunks: chunks.length,
    queries: times.length,
    buildSeconds: round(buildSeconds, 1),
    latency: summarize(times),
    heapMB: heapBefore === null || heapAfter === null ? null : round(heapAfter - heapBefore, 0),
    rssMB: round(process.memoryUsage().rss / 1024 ** 2, 0),
  };
}

export async function measurePeersAtScale(
  chunks: readonly CorpusChunk[],
  queries: string[],
  options: { slowPeerSeconds?: number } = {},
): Promise<ScalePeerFigures[]> {
  const rows: ScalePeerFigures[] = [];
  rows.push(
    await measurePeer("MiniSearch 7 + jieba tokenize()", chunks, queries, async () => {
      const index = new MiniSearch<CorpusChunk>({
        fields: ["story", "text"],
        storeFields: [],
        tokenize: (text) => tokenize(text),
        processTerm: (term) => term,
      });
      index.addAll(chunks);
      return (query) => index.search(query).slice(0, 10);
    }),
  );
  rows.push(
    await measurePeer(
      "Orama 3 + @orama/tokenizers/mandarin",
      chunks,
      queries,
      async () => {
        const database = create({
          schema: { id: "string", story: "string", text: "string" } as const,
          components: { tokenizer: createMandarinTokenizer() },
        });
        await insertMultiple(
          database,
          chunks.map((chunk) => ({ id: chunk.id, story: chunk.story, text: chunk.text })),
        );
        return (query) =>
          oramaSearch(database, { term: query, properties: ["story", "text"], limit: 10, threshold: 1 });
      },
      options.slowPeerSeconds,
    ),
  );
  return rows;
}
