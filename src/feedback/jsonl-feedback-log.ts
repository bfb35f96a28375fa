/**
 * 👍/👎 feedback as JSON Lines: one `FeedbackEntry` per line, appended. Plain text so it can be
 * inspected with `tail`/`jq` and loaded into anything for evaluation later.
 */

import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { FeedbackEntry } from "../briefbot-service.ts";

/** The `FeedbackLog` behind `BriefbotService.recordFeedback`. */
export class JsonlFeedbackLog {
  readonly #path: string;
  /** Appends run one after another so concurrent clicks never interleave within a line. */
  #queue: Promise<void> = Promise.resolve();
  #directoryReady: Promise<void> | undefined;

  /** `path` of the `.jsonl` file; its directory is created on first write. */
  constructor(path: string) {
    this.#path = path;
  }

  /** Append `entry` as one line. Rejects when the file cannot be written; later records still run. */
  record(entry: FeedbackEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const write = this.#queue.then(async () => {
      this.#directoryReady ??= mkdir(dirname(this.#path), { recursive: true }).then(() => undefined);
      try {
        await this.#directoryReady;
      } catch (error) {
        // Let a later call try again (the directory may be creatable by then).
        this.#directoryReady = undefined;
        throw error;
      }
      await appendFile(this.#path, line, "utf8");
    });
    this.#queue = write.catch(() => {});
    return write;
  }
}
