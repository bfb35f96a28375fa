/**
 * A Bolt receiver that serves one `HttpRoute` on briefbot's own HTTP server instead of opening
 * a port of its own. Events, slash commands and interactivity all arrive on that route. It
 * verifies signatures (both clock directions, unlike Bolt's default receiver), answers
 * url_verification, hands everything else to `app.processEvent`, and always answers within
 * Slack's 3 s even if no listener acked.
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { describeError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import { verifySlackSignature } from "./slack-signature.ts";

const defaultBodyLimitBytes = 1024 * 1024;
/** Slack waits 3 s; leave room for the network. */
const defaultAckDeadlineMs = 2_500;

/** `signingSecret` and `logger` are required; the rest have production defaults. */
export interface HttpRouteReceiverOptions {
  signingSecret: string;
  logger: Logger;
  bodyLimitBytes?: number;
  ackDeadlineMs?: number;
  /** Clock for signature staleness; tests pin it. */
  now?: () => number;
  /** Called with each request's processing so `stop()` can wait for it. */
  track?: (processing: Promise<unknown>) => void;
}

/** Bolt `Receiver` whose `handle` is mounted as an `HttpRoute`; `start`/`stop` only open and close the gate. */
export class HttpRouteReceiver implements Receiver {
  readonly #options: Required<Omit<HttpRouteReceiverOptions, "track">> &
    Pick<HttpRouteReceiverOptions, "track">;
  #app: App | undefined;
  #accepting = false;

  constructor(options: HttpRouteReceiverOptions) {
    this.#options = {
      bodyLimitBytes: defaultBodyLimitBytes,
      ackDeadlineMs: defaultAckDeadlineMs,
      now: Date.now,
      ...options,
    };
  }

  init(app: App): void {
    this.#app = app;
  }

  /** Requests are refused with 503 until started (the bot user id is not known before). */
  async start(): Promise<void> {
    this.#accepting = true;
  }

  async stop(): Promise<void> {
    this.#accepting = false;
  }

  /** The `HttpRoute.handle` for POST `/slack/events`. Never throws; resolves once Slack has its response. */
  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const app = this.#app;
    if (!this.#accepting || app === undefined) {
      sendEmpty(response, 503);
      return;
    }
    let rawBody: string;
    try {
      rawBody = await readBody(request, this.#options.bodyLimitBytes);
    } catch (error) {
      this.#options.logger.warn({ err: describeError(error) }, "slack: could not read request body");
      if (error instanceof BodyTooLargeError) {
        // Answer once the upload is read, then close: the client sees 413, not a reset.
        response.setHeader("connection", "close");
        if (request.readableEnded) sendEmpty(response, 413);
        else
          request.once("end", () => sendEmpty(response, 413)).once("close", () => sendEmpty(response, 413));
      } else sendEmpty(response, 400);
      return;
    }

    const verdict = verifySlackSignature({
      signingSecret: this.#options.signingSecret,
      rawBody,
      timestamp: headerValue(request, "x-slack-request-timestamp"),
      signature: headerValue(request, "x-slack-signature"),
      nowMs: this.#options.now(),
    });
    if (verdict !== "valid") {
      this.#options.logger.warn({ verdict }, "slack: rejected a request with a bad signature");
      sendEmpty(response, 401);
      return;
    }

    let body: Record<string, unknown>;
    try {
      body = parseBody(rawBody, headerValue(request, "content-type"));
    } catch (error) {
      this.#options.logger.warn({ err: describeError(error) }, "slack: malformed request body");
      sendEmpty(response, 400);
      return;
    }
    if (body.ssl_check === "1") {
      sendEmpty(response, 200);
      return;
    }
    if (body.type === "url_verification") {
      sendJson(response, { challenge: body.challenge });
      return;
    }

    await this.#dispatch(app, body, request, response);
  }

  async #dispatch(
    app: App,
    body: Record<string, unknown>,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    let resolveAcked: () => void = () => {};
    const acked = new Promise<void>((resolve) => {
      resolveAcked = resolve;
    });
    let answered = false;
    const ack = async (reply?: unknown): Promise<void> => {
      if (answered) return;
      answered = true;
      clearTimeout(deadline);
      sendAck(response, reply);
      resolveAcked();
    };
    const deadline = setTimeout(() => {
      if (!answered) this.#options.logger.warn("slack: no listener acknowledged in time; sent an empty 200");
      void ack();
    }, this.#options.ackDeadlineMs);

    // Bolt exposes these as context.retryNum / retryReason; deduplication itself is by event_id.
    const retryNum = headerValue(request, "x-slack-retry-num");
    const retryReason = headerValue(request, "x-slack-retry-reason");
    const event: ReceiverEvent = {
      body,
      ack,
      ...(retryNum !== undefined && /^\d+$/.test(retryNum) ? { retryNum: Number(retryNum) } : {}),
      ...(retryReason !== undefined ? { retryReason } : {}),
    };
    const processing = app
      .processEvent(event)
      .then(() => ack())
      .catch((error: unknown) => {
        this.#options.logger.error({ err: describeError(error) }, "slack: processing a request failed");
        if (!answered) {
          answered = true;
          clearTimeout(deadline);
          sendEmpty(response, 500);
          resolveAcked();
        }
      });
    this.#options.track?.(processing);
    // Resolve as soon as Slack has its answer; answering the question itself continues.
    await Promise.race([acked, processing]);
  }
}

class BodyTooLargeError extends Error {}

/**
 * Bodies over the limit are still read to their end (and dropped) up to this many times the
 * limit, so the client gets its 413 instead of a connection reset in the middle of its upload;
 * beyond that the connection is cut.
 */
const oversizeDrainFactor = 16;

function readBody(request: IncomingMessage, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > limitBytes * oversizeDrainFactor) request.destroy();
        return;
      }
      if (size > limitBytes) {
        tooLarge = true;
        chunks.length = 0;
        reject(new BodyTooLargeError(`request body over ${limitBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/**
 * Events come as JSON; slash commands as a form; interactivity as a form whose `payload`
 * field holds JSON.
 */
function parseBody(rawBody: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    const form = new URLSearchParams(rawBody);
    const payload = form.get("payload");
    if (payload !== null) return asRecord(JSON.parse(payload));
    return Object.fromEntries(form);
  }
  return asRecord(JSON.parse(rawBody));
}

function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error("expected a JSON object");
  }
  return value as Record<string, unknown>;
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Like Bolt's own receiver: nothing → empty 200, a string → text, anything else → JSON. */
function sendAck(response: ServerResponse, reply: unknown): void {
  if (reply === undefined || reply === "") {
    sendEmpty(response, 200);
  } else if (typeof reply === "string") {
    if (response.headersSent) return;
    response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    response.end(reply);
  } else {
    sendJson(response, reply);
  }
}

function sendJson(response: ServerResponse, value: unknown): void {
  if (response.headersSent) return;
  response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(value));
}

function sendEmpty(response: ServerResponse, status: number): void {
  if (response.headersSent) return;
  response.writeHead(status);
  response.end();
}
