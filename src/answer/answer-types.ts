/**
 * The structured answer the core returns to every adapter. Adapters render it; they never
 * look inside retrieval or prompts.
 */

/** Optional narrowing of what the briefs search covers. */
export interface SearchFilters {
  /** Keep only these publications (case-insensitive substring match on the publication name). */
  publication?: string | undefined;
  /** Inclusive lower bound, `YYYY-MM-DD`. */
  since?: string | undefined;
  /** Inclusive upper bound, `YYYY-MM-DD`. */
  until?: string | undefined;
  /** Only the issue with this number ("issue #31", "第 120 期"). */
  issueNumber?: string | undefined;
}

export interface AnswerRequest {
  question: string;
  /**
   * Who is talking: the chat, thread or topic. Follow-ups are understood within one id.
   * Adapters build it ("telegram:<chat>:<topic>", "slack:<channel>:<thread_ts>", "cli").
   */
  conversationId: string;
  filters?: SearchFilters | undefined;
  /**
   * Called with the whole answer text so far while a generated answer streams in. Never called
   * for extractive answers (they arrive complete). Adapters throttle their own edits.
   */
  onPartial?: ((textSoFar: string) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/** One passage an answer relies on, numbered as in the answer's [n] markers. */
export interface Citation {
  /** The number used in the answer text: [1], [2], … */
  n: number;
  /** Chunk id in the store. */
  id: string;
  docId: string;
  publication: string;
  /** Issue title. */
  title: string;
  /** Story (item) title inside the issue; equals the issue title when the issue has one story. */
  story: string;
  /** `YYYY-MM-DD` or null. */
  date: string | null;
  url: string | null;
  /** Ingested file path as given to `ingest`. */
  path: string;
  /**
   * The sentence or sentences of the passage the answer relies on, original text (for generated
   * answers, the passage's sentence that best matches the question).
   */
  quote: string;
  /** The whole retrieved passage, original text (absent where only the quote was kept). */
  passage?: string | undefined;
}

/** A story offered when the briefs do not cover a question. */
export interface RelatedStory {
  publication: string;
  title: string;
  story: string;
  date: string | null;
  url: string | null;
}

/**
 * How far the briefs answer the question: `full` when a cited sentence states the asked fact,
 * `partial` when the story is there but the asked detail is not (the reply says which), `none`
 * when no passage is about what was asked.
 */
export type Coverage = "full" | "partial" | "none";

export interface Answer {
  question: string;
  /** True only when the asked fact is stated (`coverage` is `full`). */
  answered: boolean;
  coverage: Coverage;
  /** Plain text with [n] markers; no platform markup. */
  text: string;
  /** Language of the answer text. */
  lang: "en" | "zh";
  citations: Citation[];
  /** When not fully answered: the closest stories, to offer instead. */
  related: RelatedStory[];
  /** Which answerer produced `text` ("extractive", "openai", or "extractive-fallback"). */
  answerer: string;
  /** What a date in the question searched and left out ("3 undated issues were left out"), in `lang`. */
  scopeNote?: string | undefined;
}
