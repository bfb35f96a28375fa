import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describeError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import type { HttpRoute } from "../adapter.ts";

/**
 * The webhook endpoint Telegram POSTs updates to. It checks the secret Telegram echoes in
 * `X-Telegram-Bot-Api-Secret-Token`, answers 200 at once and hands the update on: Telegram waits
 * for our answer and redelivers on timeouts, so answering only after the work would duplicate it.
 */

export interface WebhookRouteOptions {
  path: string;
  secret: string;
  /** Whether the adapter is running; before start and after stop, Telegram is told to retry later. */
  isReady: () => boolean;
  /** Process one update; must not throw (errors are logged by the caller). */
  onUpdate: (update: unknown) => void;
  logger: Logger;
  /** Updates are small; anything bigger is not from Telegram. Default 1 MiB. */
  maxBodyBytes?: number;
}

const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** Build the POST route for `serve`'s shared HTTP server. */
export function createWebhookRoute(options: WebhookRouteOptions): HttpRoute {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  return {
    method: "POST",
    path: options.path,
    async handle(request: IncomingMessage, response: ServerResponse) {
      if (request.method !== "POST") return finish(response, 405);
      if (!secretMatches(request.headers[SECRET_HEADER], options.secret)) {
        options.logger.warn({ path: options.path }, "telegram webhook: missing or wrong secret token");
        request.resume();
        return finish(response, 403);
      }
      if (!options.isReady()) {
        request.resume();
        return finish(response, 503);
      }
      let update: unknown;
      try {
        update = JSON.parse(await readBody(request, maxBodyBytes));
      } catch (error) {
        options.logger.warn({ error: describeError(error) }, "telegram webhook: unreadable body");
        return finish(response, 400);
      }
      if (
        typeof update !== "object" ||
        update === null ||
        typeof (update as { update_id?: unknown }).update_id !== "number"
      ) {
        return finish(response, 400);
      }
      finish(response, 200);
      options.onUpdate(update);
    },
  };
}

// Constant-time comparison so the secret cannot be guessed byte by byte from response timing.
function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new Error(`body larger than ${maxBytes} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function finish(response: ServerResponse, status: number): void {
  if (response.headersSent) return;
  response.writeHead(status, { "content-type": "application/json" });
  response.end(status === 200 ? "{}" : JSON.stringify({ ok: false, status }));
}
