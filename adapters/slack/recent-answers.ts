/**
 * What a 👍/👎 click needs to become a `FeedbackEntry`: the question, the answer and the cited
 * chunks. Kept in memory, bounded; the button value carries the chunk ids as a fallback.
 */

import { randomBytes } from "node:crypto";

/** The parts of an answer a `FeedbackEntry` records. */
export interface RememberedAnswer {
  conversationId: string;
  question: string;
  answer: string;
  chunkIds: string[];
}

const defaultMaxEntries = 2_000;

/** Bounded memory of recent answers, keyed by a random reference (works for ephemeral messages too, which have no ts). */
export class RecentAnswers {
  readonly #maxEntries: number;
  readonly #answers = new Map<string, RememberedAnswer>();

  constructor(options: { maxEntries?: number } = {}) {
    this.#maxEntries = options.maxEntries ?? defaultMaxEntries;
  }

  /** Store an answer; returns the short reference to put in the buttons. */
  remember(answer: RememberedAnswer): string {
    const ref = randomBytes(6).toString("base64url");
    this.#answers.set(ref, answer);
    while (this.#answers.size > this.#maxEntries) {
      const oldest = this.#answers.keys().next();
      if (oldest.done === true) break;
      this.#answers.delete(oldest.value);
    }
    return ref;
  }

  recall(ref: string): RememberedAnswer | undefined {
    return this.#answers.get(ref);
  }
}
