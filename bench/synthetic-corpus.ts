import { hashEmbed } from "../src/embed/hashing-embedder.ts";
import { shortHash } from "../src/pipeline/build-chunks.ts";
import type { ChunkRecord } from "../src/store/chunk-record.ts";
import type { StoredDocument } from "../src/store/store.ts";
import { normalizeForDuplicate } from "../src/text/normalize.ts";
import { detectLanguage, tokenize } from "../src/text/segment.ts";
import { pick, seededRandom } from "./measure.ts";

/**
 * Synthetic chunks for the scale runs: variants of the real chunks, so BM25 and the vectors see
 * newsletter text rather than lorem ipsum. A variant keeps about half of its base chunk's sentences,
 * swaps the rest for random sentences of the same language from elsewhere in the corpus, shuffles
 * them, and changes numbers and capitalised names.
 */

/** A real chunk, as read back from the store after the real ingest. */
export interface BaseChunk {
  text: string;
  story: string;
  publication: string;
  title: string;
  date: string | null;
  url: string | null;
  lang: "en" | "zh" | "mixed";
}

const sentenceEnd = /(?<=[.!?。！？；;])\s*/u;

function sentencesOf(text: string): string[] {
  return text
    .split(sentenceEnd)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

function joinSentences(sentences: string[], lang: BaseChunk["lang"]): string {
  return lang === "zh" ? sentences.join("") : sentences.join(" ");
}

export class VariantGenerator {
  private readonly sentences = new Map<BaseChunk["lang"], string[]>();
  private readonly names: string[];
  private readonly baseSentences: string[][];

  constructor(
    private readonly base: readonly BaseChunk[],
    private readonly seed = 20240611,
  ) {
    if (base.length === 0) throw new Error("the synthetic corpus needs at least one real chunk to vary");
    const names = new Set<string>();
    this.baseSentences = base.map((chunk) => sentencesOf(chunk.text));
    for (const [index, chunk] of base.entries()) {
      const pool = this.sentences.get(chunk.lang) ?? [];
      pool.push(...this.baseSentences[index]!);
      this.sentences.set(chunk.lang, pool);
      for (const match of chunk.text.matchAll(/\b[A-Z][a-z]+[A-Z]?[a-z]*\b/g)) names.add(match[0]);
    }
    this.names = [...names].filter((name) => name.length >= 4).sort();
  }

  /** Chunk number `index`: the first `base.length` are the real chunks, then variants. */
  variant(index: number): BaseChunk {
    const baseIndex = index % this.base.length;
    const base = this.base[baseIndex]!;
    if (index < this.base.length) return base;
    const random = seededRandom(this.seed ^ Math.imul(index, 0x9e3779b1));
    const pool = this.sentences.get(base.lang) ?? [];
    const own = this.baseSentences[baseIndex] ?? [base.text];
    const mixed = own.map((sentence) => (random() < 0.5 && pool.length > 0 ? pick(pool, random) : sentence));
    for (let at = mixed.length - 1; at > 0; at -= 1) {
      const other = Math.floor(random() * (at + 1));
      [mixed[at], mixed[other]] = [mixed[other]!, mixed[at]!];
    }
    const vary = (text: string) =>
      text
        .replace(/\d+/g, (digits) =>
          random() < 0.5
            ? String(Math.floor(random() * 10 ** digits.length)).padStart(digits.length, "1")
            : digits,
        )
        .replace(/\b[A-Z][a-z]+[A-Z]?[a-z]*\b/g, (name) =>
          name.length >= 4 && random() < 0.3 && this.names.length > 0 ? pick(this.names, random) : name,
        );
    const year = 2019 + Math.floor(random() * 8);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    return {
      ...base,
      text: vary(joinSentences(mixed, base.lang)),
      story: vary(base.story),
      title: `${base.title} #${Math.floor(index / this.base.length)}`,
      date: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
    };
  }
}

/** One write batch of synthetic chunks, with the time spent on each preparation step. */
export interface SyntheticBatch {
  documents: StoredDocument[];
  chunks: ChunkRecord[];
  /** Making variant texts and metadata. */
  generateMs: number;
  /** `tokenize()` of story + text into `search_text`, as ingestion does. */
  tokenizeMs: number;
  /** Hashing-embedder vectors of "story\ntext", as ingestion embeds them. */
  embedMs: number;
  /** Cross-language enrichment terms (the language bridge), when one is configured. */
  enrichMs: number;
}

export interface SyntheticOptions {
  /** First chunk number (so batches can be produced one at a time). */
  from: number;
  count: number;
  /** Chunks per synthetic issue; 20 is about what a real newsletter issue yields. */
  chunksPerDocument?: number;
  dimensions?: number;
  /** Extra search terms per chunk, as `Briefbot.ingest` gets them from its language bridge. */
  enrich?: ((text: string) => string[]) | undefined;
}

/**
 * Chunks `from`..`from + count - 1` as store-ready records. Documents never straddle batches when
 * `from` and `count` are multiples of `chunksPerDocument`.
 */
export function syntheticBatch(generator: VariantGenerator, options: SyntheticOptions): SyntheticBatch {
  const perDocument = options.chunksPerDocument ?? 20;
  const dimensions = options.dimensions ?? 512;
  let generateMs = 0;
  let tokenizeMs = 0;
  let embedMs = 0;
  let enrichMs = 0;
  const chunks: ChunkRecord[] = [];
  const documents = new Map<string, StoredDocument>();
  for (let index = options.from; index < options.from + options.count; index += 1) {
    let started = performance.now();
    const source = generator.variant(index);
    const documentIndex = Math.floor(index / perDocument);
    const docId = shortHash(`synthetic-document-${documentIndex}`);
    const text = source.text;
    const textHash = shortHash(normalizeForDuplicate(text));
    const lang = detectLanguage(text);
    generateMs += performance.now() - started;

    started = performance.now();
    const tokens = [...tokenize(source.story), ...tokenize(text)];
    tokenizeMs += performance.now() - started;

    // As prepareDocument does: glosses of story + text, kept in their own column.
    started = performance.now();
    const glossText = (options.enrich?.(`${source.story}\n${text}`) ?? []).join(" ");
    enrichMs += performance.now() - started;
    const searchText = tokens.join(" ");

    started = performance.now();
    const vector = hashEmbed(`${source.story}\n${text}`, dimensions);
    embedMs += performance.now() - started;

    chunks.push({
      id: shortHash(`synthetic-chunk-${index}`),
      docId,
      docHash: docId,
      publication: source.publication,
      title: source.title,
      issueNumber: null,
      story: source.story,
      storyIndex: index % perDocument,
      chunkIndex: 0,
      date: source.date,
      url: source.url,
      path: `synthetic/${documentIndex}.txt`,
      lang,
      text,
      textHash,
      searchText,
      glossText,
      vector,
    });
    const document = documents.get(docId);
    if (document === undefined) {
      documents.set(docId, {
        docId,
        docHash: docId,
        path: `synthetic/${documentIndex}.txt`,
        publication: source.publication,
        title: source.title,
        issueNumber: null,
        date: source.date,
        url: source.url,
        lang: source.lang,
        stories: 1,
        chunks: 1,
        ingestedAt: "2026-01-01T00:00:00.000Z",
      });
    } else {
      document.chunks += 1;
      document.stories += 1;
    }
  }
  return { documents: [...documents.values()], chunks, generateMs, tokenizeMs, embedMs, enrichMs };
}

/**
 * Benchmark queries: the dev questions plus phrases cut from random chunks (4-8 English words or
 * 4-10 Chinese characters), the kind of thing a reader half-remembers.
 */
export function benchmarkQueries(
  devQuestions: readonly string[],
  base: readonly BaseChunk[],
  count: number,
  seed: number,
): string[] {
  const random = seededRandom(seed);
  const queries = [...devQuestions].slice(0, count);
  let attempts = 0;
  while (queries.length < count && attempts < count * 20) {
    attempts += 1;
    const chunk = pick(base, random);
    if (chunk.lang === "zh" || (chunk.lang === "mixed" && random() < 0.5)) {
      const runs = chunk.text.match(/[\u3400-\u9fff]{6,}/gu) ?? [];
      if (runs.length === 0) continue;
      const run = pick(runs, random);
      const length = Math.min(run.length, 4 + Math.floor(random() * 7));
      const start = Math.floor(random() * (run.length - length + 1));
      queries.push(run.slice(start, start + length));
    } else {
      const words = chunk.text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
      if (words.length < 8) continue;
      const length = 4 + Math.floor(random() * 5);
      const start = Math.floor(random() * (words.length - length + 1));
      queries.push(
        words
          .slice(start, start + length)
          .join(" ")
          .replace(/[^\p{L}\p{N}\s'-]/gu, ""),
      );
    }
  }
  return queries;
}
