import { create, insertMultiple, search as oramaSearch } from "@orama/orama";
import { createTokenizer as createMandarinTokenizer } from "@orama/tokenizers/mandarin";
import MiniSearch from "minisearch";
import type { Briefbot } from "../src/briefbot.ts";
import { hashEmbed } from "../src/embed/hashing-embedder.ts";
import { containsGold, type EvalItem } from "../src/eval/run-eval.ts";
import { planQuery } from "../src/retrieve/query-plan.ts";
import type { ChunkStore } from "../src/store/store.ts";
import { tokenize } from "../src/text/segment.ts";
import { round, summarize } from "./measure.ts";
import type { CorpusChunk } from "./real-ingest.ts";

/**
 * Section 4: the same passages (read back from briefbot's store), the same questions, the same
 * hit rule (`containsGold`: NFKC + whitespace normalisation) for every retriever.
 */

/** A retriever under test: top passages for a question, best first. */
export interface Retriever {
  name: string;
  note?: string;
  search(question: string): Promise<string[]>;
}

export interface PeerFigures {
  name: string;
  note?: string;
  answerable: number;
  hitAt5: number;
  mrrAt10: number;
  byKind: Record<string, { items: number; hitAt5: number }>;
  latencyP50Ms: number;
  latencyP95Ms: number;
  /** Set when the retriever failed; the row then has no figures. */
  error?: string;
}

export async function evaluateRetriever(
  retriever: Retriever,
  items: readonly EvalItem[],
): Promise<PeerFigures> {
  const answerable = items.filter((item) => item.gold.length > 0);
  // One untimed pass over every question so lazy set-up (dictionaries, caches, statistics) is not billed.
  for (const item of items.slice(0, 3)) await retriever.search(item.question);
  const ranks: Array<{ item: EvalItem; rank: number | null }> = [];
  const times: number[] = [];
  for (const item of answerable) {
    const started = performance.now();
    const passages = await retriever.search(item.question);
    times.push(performance.now() - started);
    const index = passages.slice(0, 10).findIndex((text) => containsGold(text, item.gold));
    ranks.push({ item, rank: index === -1 ? null : index + 1 });
  }
  const hit = (rank: number | null) => rank !== null && rank <= 5;
  const byKind: PeerFigures["byKind"] = {};
  for (const kind of [...new Set(answerable.map((item) => item.kind))].sort()) {
    const group = ranks.filter((entry) => entry.item.kind === kind);
    byKind[kind] = {
      items: group.length,
      hitAt5: round(group.filter((entry) => hit(entry.rank)).length / group.length, 3),
    };
  }
  const latency = summarize(times);
  return {
    name: retriever.name,
    ...(retriever.note === undefined ? {} : { note: retriever.note }),
    answerable: answerable.length,
    hitAt5: round(ranks.filter((entry) => hit(entry.rank)).length / Math.max(1, ranks.length), 3),
    mrrAt10: round(
      ranks.reduce((sum, entry) => sum + (entry.rank === null ? 0 : 1 / entry.rank), 0) /
        Math.max(1, ranks.length),
      3,
    ),
    byKind,
    latencyP50Ms: latency.p50,
    latencyP95Ms: latency.p95,
  };
}

export function briefbotRetriever(briefbot: Briefbot, bridged: boolean): Retriever {
  return {
    name: "briefbot (`Briefbot.search`, default offline setup)",
    note: bridged
      ? "BM25 + coverage re-rank (no vector leg with hashed vectors), with the Lexicon bridge `createBriefbot` wires (query expansion, chunk enrichment)"
      : "BM25 + coverage re-rank (no vector leg with hashed vectors), no language bridge",
    search: async (question) => (await briefbot.search(question, { limit: 10 })).map((result) => result.text),
  };
}

/** Searches return lean candidates; read the passages (timed, as a real caller would) in rank order. */
async function passageTexts(store: ChunkStore, results: Array<{ chunk: { id: string } }>): Promise<string[]> {
  const ids = results.map((result) => result.chunk.id);
  const texts = new Map((await store.passagesByIds(ids)).map((chunk) => [chunk.id, chunk.text]));
  return ids.map((id) => texts.get(id) ?? "");
}

export function lanceFtsRetriever(store: ChunkStore): Retriever {
  return {
    name: "LanceDB FTS alone (jieba-segmented search_text)",
    note: "the store's `lexicalSearch` with the question's own terms (no expansion), default options",
    search: async (question) => passageTexts(store, await store.lexicalSearch(planQuery(question).terms, 10)),
  };
}

export function hashedVectorRetriever(store: ChunkStore, dimensions: number): Retriever {
  return {
    name: "hashed vectors alone (512-d, LanceDB cosine)",
    note: "the store's `vectorSearch` of the hashing-embedded question",
    search: async (question) =>
      passageTexts(store, await store.vectorSearch(hashEmbed(planQuery(question).embedText, dimensions), 10)),
  };
}

/** MiniSearch (BM25+) over story title and text, tokenized with briefbot's jieba `tokenize`. */
export function miniSearchRetriever(chunks: readonly CorpusChunk[]): Retriever {
  const index = new MiniSearch<CorpusChunk>({
    fields: ["story", "text"],
    storeFields: [],
    tokenize: (text) => tokenize(text),
    // `tokenize` already lower-cases, NFKC-normalises and folds; MiniSearch's default would lower-case again.
    processTerm: (term) => term,
  });
  index.addAll(chunks);
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk.text]));
  return {
    name: "MiniSearch 7 + jieba tokenize()",
    note: "story title + passage text, tokenized like briefbot's own index, no enrichment or expansion",
    search: async (question) =>
      index
        .search(question)
        .slice(0, 10)
        .map((result) => byId.get(String(result.id)) ?? ""),
  };
}

/**
 * MiniSearch over briefbot's own `search_text` (jieba tokens plus the bridge's other-language
 * enrichment), split on spaces: the same index terms as LanceDB FTS, another BM25.
 */
export function miniSearchTextRetriever(chunks: readonly CorpusChunk[]): Retriever {
  const index = new MiniSearch<CorpusChunk>({
    fields: ["searchText", "glossText"],
    storeFields: [],
    tokenize: (text, field) =>
      field === undefined ? tokenize(text) : text.split(" ").filter((term) => term !== ""),
    processTerm: (term) => term,
  });
  index.addAll(chunks);
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk.text]));
  return {
    name: "MiniSearch 7 over briefbot's search_text + gloss_text",
    note: "same index terms as LanceDB FTS (search_text + gloss_text, equal weight); queries through tokenize(), no expansion",
    search: async (question) =>
      index
        .search(question)
        .slice(0, 10)
        .map((result) => byId.get(String(result.id)) ?? ""),
  };
}

/**
 * Orama over story title and text. With `mandarin`, its `@orama/tokenizers/mandarin` tokenizer
 * (Intl.Segmenter word boundaries; runs offline on Node's full ICU); otherwise Orama's default.
 */
export async function oramaRetriever(
  chunks: readonly CorpusChunk[],
  tokenizer: "mandarin" | "default",
): Promise<Retriever> {
  const database =
    tokenizer === "mandarin"
      ? create({
          schema: { id: "string", story: "string", text: "string" } as const,
          components: { tokenizer: createMandarinTokenizer() },
        })
      : create({ schema: { id: "string", story: "string", text: "string" } as const });
  await insertMultiple(
    database,
    chunks.map((chunk) => ({ id: chunk.id, story: chunk.story, text: chunk.text })),
  );
  return {
    name: tokenizer === "mandarin" ? "Orama 3 + @orama/tokenizers/mandarin" : "Orama 3, default tokenizer",
    ...(tokenizer === "mandarin"
      ? { note: "Intl.Segmenter words; this tokenizer does not lower-case" }
      : { note: "English tokenizer: a Chinese run stays one token" }),
    search: async (question) => {
      const results = await oramaSearch(database, {
        term: question,
        properties: ["story", "text"],
        limit: 10,
        threshold: 1,
      });
      return results.hits.map((hit) => String(hit.document.text));
    },
  };
}

/** Evaluate, turning a failure into a labelled row instead of ending the run. */
export async function evaluateSafely(
  name: string,
  build: () => Promise<Retriever> | Retriever,
  items: readonly EvalItem[],
): Promise<PeerFigures> {
  try {
    return await evaluateRetriever(await build(), items);
  } catch (error) {
    return {
      name,
      answerable: 0,
      hitAt5: 0,
      mrrAt10: 0,
      byKind: {},
      latencyP50Ms: 0,
      latencyP95Ms: 0,
      error: (error as Error).message.split("\n")[0] ?? "failed",
    };
  }
}
