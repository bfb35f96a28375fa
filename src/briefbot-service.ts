import type { Answer, AnswerRequest } from "./answer/answer-types.ts";
import type { StoreCoverage } from "./store-coverage.ts";

/** What is in the store, for `/start`, `/sources`, `briefbot docs` and `/healthz`. */
export interface StoreOverview {
  documents: number;
  chunks: number;
  publications: Array<{ name: string; documents: number; latestDate: string | null }>;
  /** Most recent issues first. */
  latestIssues: Array<{ publication: string; title: string; date: string | null; url: string | null }>;
  latestDate: string | null;
  /** What a search covers, with `line` ready to show ("Searched 360 issues of 4 publications, …"). */
  coverage: StoreCoverage & { line: string };
}

/** One 👍/👎 on an answer, as recorded by `FeedbackLog`. */
export interface FeedbackEntry {
  /** ISO timestamp. */
  at: string;
  platform: string;
  user: string;
  conversationId: string;
  rating: "up" | "down";
  question: string;
  answer: string;
  chunkIds: string[];
}

/**
 * The core as the adapters see it. Everything an adapter needs goes through here; adapters do
 * no retrieval or ranking of their own. Implemented by `Briefbot` in `briefbot.ts`; adapter
 * tests may use a hand-written fake that throws for anything the test did not set.
 */
export interface BriefbotService {
  answer(request: AnswerRequest): Promise<Answer>;
  /** Forget a conversation (`/new`). */
  forget(conversationId: string): void | Promise<void>;
  overview(): Promise<StoreOverview>;
  /** Throws when the store cannot be read. */
  checkHealth(): Promise<void>;
  recordFeedback(entry: FeedbackEntry): Promise<void>;
}
