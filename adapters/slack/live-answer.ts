/**
 * How an answer appears while it is being made, and how it ends up as the final message:
 * - in a thread with a status showing, the first partial text starts a Slack stream
 *   (`chat.startStream`, then `appendStream` as text arrives); when the workspace refuses
 *   streaming, the partial text is posted and then edited with throttled `chat.update`;
 * - elsewhere (a top-level DM, or no status), a "Searching…" placeholder is edited instead.
 * At the end the stream is stopped and its message, or the edited one, is updated to the final
 * rendered answer (renumbered citations, sources, feedback); with nothing shown yet, it is posted.
 */

import { describeError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import { escapeMarkdown, renderPartial } from "./render-slack.ts";
import type { AnswerStreamHandle, SlackAiCalls } from "./slack-ai-calls.ts";
import type { SlackMessage } from "./slack-blocks.ts";
import type { SlackMessenger } from "./slack-messenger.ts";
import { ThrottledUpdater } from "./throttled-updater.ts";

/** Streamed text stops growing here; the final update carries the whole answer. */
const streamedTextLimit = 11_000;

export interface LiveAnswerOptions {
  channel: string;
  threadTs: string | undefined;
  /** A placeholder already posted (edited with partials, then with the answer). */
  placeholderTs: string | undefined;
  recipient: { teamId?: string | undefined; userId: string };
  messenger: SlackMessenger;
  ai: SlackAiCalls;
  /** Try Slack's streaming methods before editing a posted message. */
  streaming: boolean;
  streamUpdateIntervalMs: number;
  logger: Logger;
}

export class LiveAnswer {
  private stream: AnswerStreamHandle | undefined;
  private streamed = "";
  private chain: Promise<void> = Promise.resolve();
  private messageTs: string | undefined;
  private updater: ThrottledUpdater | undefined;
  private posting: Promise<void> | undefined;
  private streamFailed = false;

  constructor(private readonly options: LiveAnswerOptions) {
    this.messageTs = options.placeholderTs;
    if (this.messageTs !== undefined) this.updater = this.createUpdater(this.messageTs);
  }

  /** The whole answer text so far (the core's `onPartial`). Never throws. */
  push(textSoFar: string): void {
    if (this.updater !== undefined) {
      this.updater.push(textSoFar);
      return;
    }
    const { threadTs } = this.options;
    if (this.options.streaming && !this.streamFailed && threadTs !== undefined) {
      this.pushToStream(textSoFar, threadTs);
      return;
    }
    // No stream: post the first partial, then edit it.
    if (this.posting !== undefined) return;
    this.posting = this.options.messenger
      .post(this.options.channel, threadTs, renderPartial(textSoFar))
      .then((ts) => {
        this.messageTs = ts;
        this.updater = this.createUpdater(ts);
      })
      .catch((error: unknown) => this.warn(error, "slack: could not post partial text"));
  }

  /** Put the final message in place (stop the stream and update, update, or post). Returns its ts. */
  async finish(message: SlackMessage): Promise<string> {
    const ts = await this.settle();
    if (ts === undefined)
      return await this.options.messenger.post(this.options.channel, this.options.threadTs, message);
    await this.options.messenger.update(this.options.channel, ts, message);
    return ts;
  }

  /** Stop streaming and editing; the ts of the message shown so far, if any. */
  async settle(): Promise<string | undefined> {
    await this.posting;
    await this.updater?.close();
    await this.chain;
    if (this.stream?.started() === true) {
      try {
        const streamTs = await this.stream.stop();
        this.messageTs ??= streamTs;
      } catch (error) {
        this.warn(error, "slack: could not stop the stream");
      }
      this.stream = undefined;
    }
    return this.messageTs;
  }

  private pushToStream(textSoFar: string, threadTs: string): void {
    if (!textSoFar.startsWith(this.streamed) || this.streamed.length >= streamedTextLimit) return;
    const delta = textSoFar.slice(this.streamed.length, streamedTextLimit);
    if (delta === "") return;
    this.streamed += delta;
    this.stream ??= this.options.ai.startStream(this.options.channel, threadTs, this.options.recipient);
    const stream = this.stream;
    this.chain = this.chain.then(async () => {
      if (this.streamFailed) return;
      try {
        await stream.append(escapeMarkdown(delta));
      } catch (error) {
        // Streaming not available here (old workspace, not allowed): edit a posted message instead.
        this.streamFailed = true;
        this.warn(error, "slack: streaming failed; falling back to chat.update");
      }
    });
  }

  private createUpdater(ts: string): ThrottledUpdater {
    return new ThrottledUpdater({
      intervalMs: this.options.streamUpdateIntervalMs,
      send: (textSoFar) => this.options.messenger.update(this.options.channel, ts, renderPartial(textSoFar)),
      // A lost intermediate edit is harmless; the final update replaces it.
      onError: (error) => this.warn(error, "slack: a streaming update failed"),
    });
  }

  private warn(error: unknown, message: string): void {
    this.options.logger.warn(
      { channel: this.options.channel, threadTs: this.options.threadTs, err: describeError(error) },
      message,
    );
  }
}
