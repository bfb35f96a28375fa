/**
 * Coalesces a stream of "text so far" values into at most one `send` per `intervalMs`, never
 * two at once, always sending the newest text. Slack rate-limits chat.update (about one per
 * second per channel), and a user gains nothing from faster edits.
 */
export class ThrottledUpdater {
  readonly #intervalMs: number;
  readonly #send: (text: string) => Promise<void>;
  readonly #onError: (error: unknown) => void;
  readonly #now: () => number;
  #latest: string | undefined;
  #lastSentAt: number;
  #inFlight: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: {
    intervalMs: number;
    send: (text: string) => Promise<void>;
    onError: (error: unknown) => void;
    now?: () => number;
  }) {
    this.#intervalMs = options.intervalMs;
    this.#send = options.send;
    this.#onError = options.onError;
    this.#now = options.now ?? Date.now;
    // The message being edited was just posted: that counts as the last update.
    this.#lastSentAt = this.#now();
  }

  /** Offer the newest text; it is sent when the interval allows, replacing any unsent text. */
  push(text: string): void {
    if (this.#closed) return;
    this.#latest = text;
    this.#schedule();
  }

  /** Drop unsent text and wait for an edit already under way, so a final update lands last. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#latest = undefined;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#inFlight;
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#inFlight !== undefined) return;
    const wait = Math.max(0, this.#lastSentAt + this.#intervalMs - this.#now());
    this.#timer = setTimeout(() => this.#fire(), wait);
  }

  #fire(): void {
    this.#timer = undefined;
    const text = this.#latest;
    if (this.#closed || text === undefined) return;
    this.#latest = undefined;
    this.#lastSentAt = this.#now();
    this.#inFlight = this.#send(text)
      .catch((error: unknown) => this.#onError(error))
      .finally(() => {
        this.#inFlight = undefined;
        if (!this.#closed && this.#latest !== undefined) this.#schedule();
      });
  }
}
