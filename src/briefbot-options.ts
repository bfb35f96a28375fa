import type { SearchFilters } from "./answer/answer-types.ts";
import type { Answerer } from "./answer/answerer.ts";
import type { EvidenceWindow } from "./answer/evidence-gate.ts";
import type { FeedbackEntry } from "./briefbot-service.ts";
import type { Embedder } from "./embed/embedder.ts";
import type { TermStatistics } from "./retrieve/term-statistics.ts";
import type { StateStore } from "./state/state-store.ts";
import type { ChunkStore, WeightedTerm } from "./store/store.ts";

/** What the core is built from: its store, embedder and the optional helpers it can use. */

/** Cross-language help for retrieval and answers; see src/lexicon. Optional so the core works without it. */
export interface LanguageBridge {
  /** Load the dictionaries now, before text is segmented for the index (they teach jieba names). */
  load?(): void;
  /**
   * The question's words and their translations. `isIndexed`: whether the store holds a term; of
   * a word's dictionary translations, those the briefs use come first (账户, not 帐户, for "account").
   */
  expandQuery(question: string, isIndexed?: (term: string) => boolean): WeightedTerm[];
  enrichmentTerms(text: string): string[];
  learnFromText?(text: string): void;
  /** Save what `learnFromText` learned, after an ingest. */
  persist?(): Promise<void>;
  /** Take in what other processes saved since (called when the store's version moves). */
  refresh?(): Promise<void>;
  glossEntities?(text: string, targetLang: "en" | "zh"): Array<{ source: string; gloss: string }>;
}

/**
 * Paraphrase expansion (see src/paraphrase): the question's words in other words, and feedback
 * terms from a weak first pass. Optional so the core works without it.
 */
export interface QueryParaphraser {
  /** Paraphrase terms (never the question's own words); `known` tells whether the index holds a term. */
  expand(question: string, known?: (term: string) => boolean): WeightedTerm[];
  /** Feedback terms from the leading passages of a first pass (none when it was strong). */
  feedback?(
    terms: readonly WeightedTerm[],
    leading: ReadonlyArray<{ searchText: string; score: number }>,
    statistics: TermStatistics,
  ): WeightedTerm[];
  /** Learn what ingested text defines (aliases). */
  learnFromText?(text: string): void;
  /** Save what `learnFromText` learned, after an ingest. */
  persist?(): Promise<void>;
}

export interface BriefbotOptions {
  store: ChunkStore;
  embedder: Embedder;
  /**
   * Builds the answerer from the offline extractive one (which a generated answerer falls back
   * to). Default: the extractive answerer itself.
   */
  answerer?: (extractive: Answerer) => Answerer;
  /**
   * Rewrites a question (with its history) into standalone queries, such as a chat model's rewrite
   * and translation; default: offline context carry-over for follow-ups.
   */
  rewriteQuery?: (
    question: string,
    history: Array<{ question: string; answer: string }>,
  ) => Promise<string[]>;
  feedback?: { record(entry: FeedbackEntry): Promise<void>; export?(): Promise<FeedbackEntry[]> };
  /**
   * Where conversations (and anything else that outlives a request) are kept. Default: this
   * process's memory, which suits tests and one-off commands; `serve` passes a shared store.
   */
  state?: StateStore;
  bridge?: LanguageBridge;
  /** Receives the extractive answerer's scored evidence windows per question (tracing, tuning). */
  traceWindows?: ((question: string, windows: EvidenceWindow[]) => void) | undefined;
  /** The clock for relative dates in questions ("last week") and "newest ingested 2 hours ago". Default: the system clock. */
  now?: () => Date;
  /** Offline paraphrase expansion (WordNet, CEDICT near-synonyms, aliases); see src/paraphrase. */
  paraphraser?: QueryParaphraser;
  /** Passages retrieved per question. Default 8. */
  passages?: number;
  /**
   * How often to ask the store whether another process changed it, to rebuild term statistics
   * and take in learned pairs. Default 2000 ms, the store's default read-consistency interval.
   */
  cacheCheckMs?: number;
}

export interface SearchOptions {
  limit?: number;
  filters?: SearchFilters | undefined;
  conversationId?: string;
}
