import type { FeedbackEntry } from "../briefbot-service.ts";
import type { StateStore } from "../state/state-store.ts";

/**
 * 👍/👎 votes in the state store, so a click on any replica lands in one place. One vote per
 * person and answer: clicking again replaces the vote. `export` returns every vote for
 * evaluation; an optional `mirror` (the JSONL file) receives each vote as well.
 */

const namespace = "feedback";

export interface FeedbackMirror {
  record(entry: FeedbackEntry): Promise<void>;
}

export class StateFeedbackLog {
  constructor(
    private readonly state: StateStore,
    private readonly mirror?: FeedbackMirror,
  ) {}

  async record(entry: FeedbackEntry): Promise<void> {
    // Same person, conversation, question and answer: the same vote, changed.
    const key = [
      entry.platform,
      entry.conversationId,
      entry.user,
      hash(`${entry.question}\n${entry.answer}`),
    ].join("|");
    await this.state.set(namespace, key, JSON.stringify(entry));
    await this.mirror?.record(entry);
  }

  /** Every vote recorded, oldest first. */
  async export(): Promise<FeedbackEntry[]> {
    const entries = (await this.state.entries(namespace)).flatMap(({ value }) => {
      try {
        return [JSON.parse(value) as FeedbackEntry];
      } catch {
        return [];
      }
    });
    return entries.sort((left, right) => left.at.localeCompare(right.at));
  }
}

/** A short stable digest (FNV-1a, 32 bits), enough to tell answers apart in a key. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(36);
}
