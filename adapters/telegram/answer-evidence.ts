import type { Citation, Coverage, RelatedStory } from "../../src/answer/answer-types.ts";

/**
 * What the "More sources" and "Closest stories" buttons and the vote's keyboard update need
 * from an answer, keyed by the same reference as `RecentAnswers` (which keeps what feedback
 * records). Bounded and in-process: after a restart the buttons say the answer is gone.
 */

export interface AnswerEvidenceEntry {
  /** Code of the fixed texts the answer was shown with. */
  language: string;
  coverage: Coverage;
  citations: Citation[];
  related: RelatedStory[];
}

/** About a day of answers for a busy bot; each entry is a few kilobytes of passages. */
const defaultMaxEntries = 2_000;

export class AnswerEvidence {
  private readonly entries = new Map<string, AnswerEvidenceEntry>();

  constructor(private readonly maxEntries = defaultMaxEntries) {}

  remember(ref: string, entry: AnswerEvidenceEntry): void {
    this.entries.set(ref, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  }

  recall(ref: string): AnswerEvidenceEntry | undefined {
    return this.entries.get(ref);
  }
}
