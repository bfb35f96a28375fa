/**
 * What a 👍/👎 click needs to become a `FeedbackEntry`: the question, the answer and the cited
 * chunks. Kept in the state store, so a click reaching any replica (or arriving after a restart)
 * records the right question and answer; the button value carries the chunk ids as a fallback.
 */

import { randomBytes } from "node:crypto";
import type { StateStore } from "../../src/state/state-store.ts";

/** The parts of an answer a `FeedbackEntry` records. */
export interface RememberedAnswer {
  conversationId: string;
  question: string;
  answer: string;
  chunkIds: string[];
}

/** Votes on answers older than this record what the button and message still carry. */
const defaultTtlMs = 30 * 24 * 60 * 60 * 1000;
const namespace = "slack-answers";

/** Answers by a random reference (works for ephemeral messages too, which have no ts). */
export class RecentAnswers {
  readonly #ttlMs: number;

  constructor(
    private readonly state: StateStore,
    options: { ttlMs?: number } = {},
  ) {
    this.#ttlMs = options.ttlMs ?? defaultTtlMs;
  }

  /** Store an answer; returns the short reference to put in the buttons. */
  async remember(answer: RememberedAnswer): Promise<string> {
    const ref = randomBytes(6).toString("base64url");
    await this.state.set(namespace, ref, JSON.stringify(answer), { ttlMs: this.#ttlMs });
    return ref;
  }

  async recall(ref: string): Promise<RememberedAnswer | undefined> {
    const stored = await this.state.get(namespace, ref);
    if (stored === null) return undefined;
    try {
      return JSON.parse(stored) as RememberedAnswer;
    } catch {
      return undefined;
    }
  }
}
