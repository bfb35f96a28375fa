import { isMessageNotModified, retryAfterSeconds, telegramErrorCode } from "./telegram-errors.ts";

/**
 * A live preview of a streaming answer, at most one update per interval (Telegram rate-limits
 * edits, and every edit is a push to the client). Two ways to show it:
 * - native drafts (`sendMessageDraft`, newer Bot API servers): an ephemeral preview that the
 *   final answer, sent as a new message, replaces;
 * - a real message: the first partial text is sent, later ones edit it, and the final answer is
 *   edited into it (see `settle`).
 * Native drafts are tried first when the transport offers them; a 400/404 (old server, or not
 * allowed for this bot) switches to the message way for good. Best effort throughout: a refused
 * edit is skipped, a 429 pauses updates for `retry_after`, anything else stops the preview.
 */

/** The calls a draft needs (plain text in; the transport renders it; no retries). */
export interface DraftTransport {
  send(text: string): Promise<number>;
  edit(messageId: number, text: string): Promise<void>;
  /** `sendMessageDraft`, when the adapter wants to try it. */
  sendNativeDraft?: ((draftId: number, text: string) => Promise<void>) | undefined;
}

export interface StreamingDraftOptions {
  /** Minimum time between two updates of the draft. */
  intervalMs: number;
  now: () => number;
  /** Drafts longer than this show their beginning and an ellipsis. */
  maxLength: number;
  /** Told when the preview gives up, for logging. */
  onGiveUp?: (error: unknown) => void;
}

export class StreamingDraft {
  private latest = "";
  private shown = "";
  private messageId: number | undefined;
  private inFlight: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private stopped = false;
  private useNative: boolean;
  private readonly nativeDraftId = 1 + Math.floor(Math.random() * 2_000_000_000);

  constructor(
    private readonly transport: DraftTransport,
    private readonly options: StreamingDraftOptions,
  ) {
    this.useNative = transport.sendNativeDraft !== undefined;
  }

  /**
   * Show Telegram's "Thinking…" placeholder (an empty native draft) at once, before any text.
   * Only with native drafts: without them, "typing…" is the sign of life.
   */
  thinking(): void {
    if (this.stopped || !this.useNative || this.inFlight !== undefined) return;
    this.lastAttemptAt = this.options.now();
    this.inFlight = this.push("").finally(() => {
      this.inFlight = undefined;
      this.schedule();
    });
  }

  /** The whole answer text so far (the `onPartial` callback). Never throws, never blocks. */
  update(textSoFar: string): void {
    if (this.stopped) return;
    this.latest = truncate(textSoFar.trim(), this.options.maxLength);
    this.schedule();
  }

  /**
   * Stop previewing, wait for a call in flight, and return the draft's message id (if a draft
   * message was sent) so the caller can edit it into the final answer. Undefined means: send
   * the answer as new messages (nothing was shown, or the preview was a native draft).
   */
  async settle(): Promise<number | undefined> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
    return this.messageId;
  }

  private schedule(): void {
    if (this.stopped || this.inFlight !== undefined || this.timer !== undefined) return;
    if (this.latest === "" || this.latest === this.shown) return;
    const readyAt = Math.max(this.lastAttemptAt + this.options.intervalMs, this.pausedUntil);
    const wait = readyAt - this.options.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  private flush(): void {
    if (this.stopped) return;
    const text = this.latest;
    this.lastAttemptAt = this.options.now();
    this.inFlight = this.push(text).finally(() => {
      this.inFlight = undefined;
      this.schedule();
    });
  }

  private async push(text: string): Promise<void> {
    try {
      if (this.useNative && this.transport.sendNativeDraft !== undefined) {
        try {
          await this.transport.sendNativeDraft(this.nativeDraftId, text);
          this.shown = text;
          return;
        } catch (error) {
          const code = telegramErrorCode(error);
          if (code !== 400 && code !== 404) throw error;
          this.useNative = false; // not available here: preview with a real message instead
        }
      }
      if (text === "") return; // the "Thinking…" placeholder exists only as a native draft
      if (this.messageId === undefined) this.messageId = await this.transport.send(text);
      else await this.transport.edit(this.messageId, text);
      this.shown = text;
    } catch (error) {
      if (isMessageNotModified(error)) {
        this.shown = text;
        return;
      }
      const retryAfter = retryAfterSeconds(error);
      if (retryAfter !== null) {
        this.pausedUntil = this.options.now() + retryAfter * 1000;
        return;
      }
      this.stopped = true;
      this.options.onGiveUp?.(error);
    }
  }
}

function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = maxLength - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // keep surrogate pairs whole
  return `${text.slice(0, end).trimEnd()}…`;
}
