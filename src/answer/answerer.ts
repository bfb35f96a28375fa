import type { RetrievedPassage } from "../store/chunk-record.ts";
import type { WeightedTerm } from "../store/store.ts";

/** One earlier exchange of a conversation. */
export interface ConversationTurn {
  question: string;
  answer: string;
}

export interface AnswererInput {
  question: string;
  /** Language to answer in (the asker's). */
  lang: "en" | "zh";
  /** Retrieved passages, best first. Markers [n] in the answer refer to `passages[n - 1]`. */
  passages: RetrievedPassage[];
  history: ConversationTurn[];
  /**
   * The weighted search terms retrieval used (own words at 1, translations lower and tied to the
   * word they translate), for sentence scoring.
   */
  queryTerms?: WeightedTerm[] | undefined;
  /**
   * The plan's synonyms and aliases of the question's words, which the gate does not weigh (a
   * synonym in another sense must not turn a refusal into an answer): only for composing an
   * answer already found — whether the next sentence goes on about what was asked.
   */
  relatedTerms?: WeightedTerm[] | undefined;
  /**
   * How many of the first passages come from the issues a time reference in the question points
   * to ("in March 2025"): an answer from them is preferred to a better-covering one from elsewhere.
   */
  preferredPassages?: number | undefined;
  /**
   * The preferred passages are those of a publication the question names ("According to The
   * Batch", "In Swift Weekly Brief's last issue"): another publication's telling does not answer it.
   */
  namedPublication?: boolean | undefined;
  onPartial?: ((textSoFar: string) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface DraftAnswer {
  /** True when the passages state the asked fact. */
  answered: boolean;
  /** `full` (the fact is stated), `partial` (the story is there, the detail is not) or `none`. */
  coverage: "full" | "partial" | "none";
  /** Answer text with [n] markers referring to `AnswererInput.passages`. The core renumbers them. */
  text: string;
  /** Which answerer produced it: "extractive", "openai" or "extractive-fallback". */
  answerer: string;
  /**
   * The sentences quoted from each passage, by 0-based passage index; passages cited without one
   * are quoted by their sentence that best matches the question.
   */
  quotes?: Record<number, string> | undefined;
}

/** Turns retrieved passages into an answer. The core gates evidence, renumbers citations and formats nothing. */
export interface Answerer {
  readonly id: string;
  answer(input: AnswererInput): Promise<DraftAnswer>;
}

/** A chat message for a chat model. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ChatOptions {
  /** Receives each text delta as it streams; when set, the model is asked to stream. */
  onDelta?: ((delta: string) => void) | undefined;
  signal?: AbortSignal | undefined;
  maxTokens?: number | undefined;
  temperature?: number | undefined;
}

/** The one seam to a chat model (OpenAI or any compatible server). */
export interface ChatModel {
  /** e.g. "openai:gpt-4o-mini" */
  readonly id: string;
  complete(messages: ChatMessage[], options?: ChatOptions): Promise<string>;
}
