import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readBodyText, sendJson } from "./http-helpers.ts";
import { checkMessageText, checkReplyMarkup } from "./telegram-rules.ts";

/**
 * A local stand-in for the Telegram Bot API, spoken over real HTTP so adapter tests exercise
 * telegraf's own client: `POST /bot<token>/<method>` with JSON, form or multipart bodies,
 * answered with `{ ok, result }` like api.telegram.org. Every call is recorded for assertions,
 * and tests can script failures (400 can't-parse-entities, 429 retry_after, 5xx) per method.
 * Like the real API it refuses what breaks its rules (see `telegram-rules.ts`): bad HTML, text
 * over 4096 characters, oversized keyboards or callback data. Refused calls are recorded with
 * their 400 status; `refusals()` lists them so a test can assert there were none.
 */

/** One call the bot made. */
export interface RecordedRequest {
  method: string;
  body: Record<string, unknown>;
  /** `Date.now()` when the request arrived. */
  receivedAt: number;
  /** What the fake answered: the HTTP status. */
  status: number;
  /** True when the fake refused the call for breaking Telegram's rules. */
  refusedByRules?: boolean;
}

/** A one-shot failure for the next matching call. */
export interface ScriptedFailure {
  method: string;
  /** Only calls whose body satisfies this fail; default every call of `method`. */
  when?: (body: Record<string, unknown>) => boolean;
  /** HTTP status and `error_code`. */
  status: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export interface FakeBotApiOptions {
  token?: string;
  botId?: number;
  botUsername?: string;
  /** Longest time an empty getUpdates is held open (real Telegram: `timeout` seconds). Default 100 ms. */
  longPollMs?: number;
  /** Whether `sendMessageDraft` exists (Bot API 9.3+); otherwise it is a 404 like on older servers. */
  supportsMessageDrafts?: boolean;
}

/** A message as it stands now (after edits). */
export interface SentMessage {
  text: string;
  parseMode: unknown;
  replyMarkup: unknown;
}

export class FakeBotApi {
  readonly requests: RecordedRequest[] = [];
  readonly token: string;
  readonly bot: { id: number; is_bot: true; first_name: string; username: string };
  private readonly server: Server;
  private readonly longPollMs: number;
  private readonly supportsMessageDrafts: boolean;
  private readonly updates: Array<Record<string, unknown>> = [];
  private readonly failures: ScriptedFailure[] = [];
  private readonly waitingPolls = new Set<() => void>();
  private readonly listeners = new Set<() => void>();
  private readonly messages = new Map<string, SentMessage>();
  private nextUpdateId = 1;
  private nextMessageId = 1000;

  private constructor(options: FakeBotApiOptions) {
    this.token = options.token ?? "123456789:TEST-token_for-the-fake-bot-api-server";
    this.bot = {
      id: options.botId ?? 777000111,
      is_bot: true,
      first_name: "Briefbot",
      username: options.botUsername ?? "briefbot_test_bot",
    };
    this.longPollMs = options.longPollMs ?? 100;
    this.supportsMessageDrafts = options.supportsMessageDrafts ?? false;
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
  }

  /** Start listening on an ephemeral port. */
  static async start(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const api = new FakeBotApi(options);
    await new Promise<void>((resolve) => api.server.listen(0, "127.0.0.1", resolve));
    return api;
  }

  /** Base URL to pass as telegraf's `apiRoot`. */
  get apiRoot(): string {
    const address = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /** Deliver an update on the next getUpdates; `update_id` is assigned when missing. */
  queueUpdate(update: Record<string, unknown>): number {
    const updateId = typeof update.update_id === "number" ? update.update_id : this.nextUpdateId++;
    this.updates.push({ ...update, update_id: updateId });
    for (const wake of this.waitingPolls) wake();
    return updateId;
  }

  /** Make the next matching call fail once. */
  failNext(failure: ScriptedFailure): void {
    this.failures.push(failure);
  }

  /** Deliver a press on an inline button of message `messageId` in `chatId`. */
  queueCallbackQuery(options: {
    chatId: number;
    messageId: number;
    data: string;
    userId?: number;
    languageCode?: string;
  }): number {
    const message = this.messages.get(`${options.chatId}:${options.messageId}`);
    return this.queueUpdate({
      callback_query: {
        id: `cb${this.nextUpdateId}`,
        from: {
          id: options.userId ?? options.chatId,
          is_bot: false,
          first_name: "Ada",
          ...(options.languageCode === undefined ? {} : { language_code: options.languageCode }),
        },
        chat_instance: "fake-instance",
        data: options.data,
        message: {
          message_id: options.messageId,
          date: 1_700_000_000,
          chat: { id: options.chatId, type: options.chatId < 0 ? "supergroup" : "private" },
          from: this.bot,
          text: message === undefined ? "" : plainText(message.text, message.parseMode),
        },
      },
    });
  }

  /** The message as it stands now (text, parse mode, keyboard), or undefined. */
  message(chatId: number, messageId: number): SentMessage | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  /** Calls the fake refused for breaking Telegram's rules (not scripted failures). */
  refusals(): RecordedRequest[] {
    return this.requests.filter((request) => request.status === 400 && request.refusedByRules === true);
  }

  /** Recorded calls of one method, in order. */
  calls(method: string): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method);
  }

  /** Resolve once `predicate` holds over the recorded calls; reject after `timeoutMs`. */
  waitFor(predicate: (requests: RecordedRequest[]) => boolean, timeoutMs = 3000): Promise<RecordedRequest[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(this.requests)) return false;
        cleanup();
        resolve(this.requests);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.requests.map((request) => request.method).join(", ");
        reject(new Error(`FakeBotApi.waitFor timed out after ${timeoutMs} ms; calls so far: ${seen}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = () => {
        check();
      };
      if (!check()) this.listeners.add(listener);
    });
  }

  /** Wait until at least `count` calls of `method` were made; returns them. */
  async waitForCalls(method: string, count = 1, timeoutMs = 3000): Promise<RecordedRequest[]> {
    await this.waitFor(
      (requests) => requests.filter((request) => request.method === method).length >= count,
      timeoutMs,
    );
    return this.calls(method);
  }

  async close(): Promise<void> {
    for (const wake of this.waitingPolls) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(request.url ?? "/", "http://fake").pathname);
    const body = await readBody(request);
    if (match === null) return this.reply(response, "(none)", body, 404, fail(404, "Not Found"));
    const [, token, method = ""] = match;
    if (token !== this.token) return this.reply(response, method, body, 401, fail(401, "Unauthorized"));
    const failure = this.takeFailure(method, body);
    if (failure !== undefined) {
      return this.reply(response, method, body, failure.status, {
        ok: false,
        error_code: failure.status,
        description: failure.description,
        ...(failure.parameters === undefined ? {} : { parameters: failure.parameters }),
      });
    }
    if (method === "getUpdates") {
      const result = await this.pollUpdates(body, response);
      return this.reply(response, method, body, 200, { ok: true, result });
    }
    const refusal = this.breaksRules(method, body);
    if (refusal !== null) return this.reply(response, method, body, 400, fail(400, refusal), true);
    const outcome = this.answer(method, body);
    return this.reply(response, method, body, outcome.ok ? 200 : Number(outcome.error_code), outcome);
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "getMe":
        return { ok: true, result: this.bot };
      case "deleteWebhook":
      case "setWebhook":
      case "setMyCommands":
      case "sendChatAction":
      case "answerCallbackQuery":
        return { ok: true, result: true };
      case "editMessageReplyMarkup":
        return this.editMarkup(body);
      case "sendMessage":
        return { ok: true, result: this.storeMessage(body) };
      case "editMessageText":
        return this.editMessage(body);
      case "sendMessageDraft":
        if (!this.supportsMessageDrafts) return fail(404, "Not Found: method not found");
        if (Number(body.chat_id) < 0)
          return fail(400, "Bad Request: drafts can be sent only to private chats");
        return Number(body.draft_id) === 0
          ? fail(400, "Bad Request: draft_id must be non-zero")
          : { ok: true, result: true };
      default:
        return fail(404, "Not Found: method not found");
    }
  }

  private storeMessage(body: Record<string, unknown>): Record<string, unknown> {
    const chatId = Number(body.chat_id);
    const messageId = this.nextMessageId++;
    const text = String(body.text ?? "");
    this.messages.set(`${chatId}:${messageId}`, {
      text,
      parseMode: body.parse_mode,
      replyMarkup: body.reply_markup,
    });
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: chatId < 0 ? { id: chatId, type: "supergroup", title: "Group" } : { id: chatId, type: "private" },
      from: this.bot,
      text: plainText(text, body.parse_mode),
      ...(body.reply_markup === undefined ? {} : { reply_markup: body.reply_markup }),
      ...(body.message_thread_id === undefined ? {} : { message_thread_id: body.message_thread_id }),
    };
  }

  // Real Telegram refuses edits to unknown messages and edits that change nothing.
  private editMessage(body: Record<string, unknown>): Record<string, unknown> {
    const chatId = Number(body.chat_id);
    const key = `${chatId}:${Number(body.message_id)}`;
    const existing = this.messages.get(key);
    if (existing === undefined) return fail(400, "Bad Request: message to edit not found");
    const text = String(body.text ?? "");
    if (
      existing.text === text &&
      existing.parseMode === body.parse_mode &&
      JSON.stringify(existing.replyMarkup) === JSON.stringify(body.reply_markup)
    ) {
      return fail(
        400,
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    this.messages.set(key, { text, parseMode: body.parse_mode, replyMarkup: body.reply_markup });
    return {
      ok: true,
      result: {
        message_id: Number(body.message_id),
        date: Math.floor(Date.now() / 1000),
        edit_date: Math.floor(Date.now() / 1000),
        chat:
          chatId < 0 ? { id: chatId, type: "supergroup", title: "Group" } : { id: chatId, type: "private" },
        from: this.bot,
        text: plainText(text, body.parse_mode),
      },
    };
  }

  private editMarkup(body: Record<string, unknown>): Record<string, unknown> {
    const key = `${Number(body.chat_id)}:${Number(body.message_id)}`;
    const existing = this.messages.get(key);
    if (existing === undefined) return fail(400, "Bad Request: message to edit not found");
    if (JSON.stringify(existing.replyMarkup) === JSON.stringify(body.reply_markup)) {
      return fail(
        400,
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    this.messages.set(key, { ...existing, replyMarkup: body.reply_markup });
    return { ok: true, result: true };
  }

  // What the real API refuses before doing anything: bad text or keyboards.
  private breaksRules(method: string, body: Record<string, unknown>): string | null {
    if (method !== "sendMessage" && method !== "editMessageText" && method !== "sendMessageDraft") {
      return method === "editMessageReplyMarkup" ? checkReplyMarkup(body.reply_markup) : null;
    }
    const checked = checkMessageText(String(body.text ?? ""), body.parse_mode, {
      allowEmpty: method === "sendMessageDraft",
    });
    if ("error" in checked) return checked.error;
    return checkReplyMarkup(body.reply_markup);
  }

  private async pollUpdates(body: Record<string, unknown>, response: ServerResponse): Promise<unknown[]> {
    const offset = Number(body.offset ?? 0);
    // Telegram forgets updates below the offset: they are confirmed.
    while (this.updates.length > 0 && Number(this.updates[0]?.update_id) < offset) this.updates.shift();
    const limit = body.limit === undefined ? 100 : Number(body.limit);
    if (this.updates.length > 0 || Number(body.timeout ?? 0) <= 0) return this.updates.slice(0, limit);
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waitingPolls.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.longPollMs);
      this.waitingPolls.add(wake);
      // An aborted poll (bot.stop()) closes the response; stop waiting then.
      response.once("close", wake);
    });
    return this.updates.slice(0, limit);
  }

  private takeFailure(method: string, body: Record<string, unknown>): ScriptedFailure | undefined {
    const index = this.failures.findIndex(
      (failure) => failure.method === method && (failure.when === undefined || failure.when(body)),
    );
    if (index < 0) return undefined;
    return this.failures.splice(index, 1)[0];
  }

  private reply(
    response: ServerResponse,
    method: string,
    body: Record<string, unknown>,
    status: number,
    payload: Record<string, unknown>,
    refusedByRules = false,
  ): void {
    this.requests.push({ method, body, receivedAt: Date.now(), status, refusedByRules });
    for (const listener of [...this.listeners]) listener();
    if (response.destroyed) return;
    sendJson(response, status, payload);
  }
}

function fail(code: number, description: string): Record<string, unknown> {
  return { ok: false, error_code: code, description };
}

/** What the user sees of a stored message: its text after entity parsing. */
export function plainText(text: string, parseMode: unknown): string {
  const checked = checkMessageText(text, parseMode, { allowEmpty: true });
  return "plain" in checked ? checked.plain : text;
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBodyText(request);
  const contentType = request.headers["content-type"] ?? "";
  if (raw === "") return {};
  if (contentType.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  if (contentType.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (contentType.includes("multipart/form-data") && boundary !== undefined)
    return parseMultipart(raw, boundary);
  return { raw };
}

// Enough multipart for telegraf's text fields; JSON-looking values (reply_markup, …) are decoded.
function parseMultipart(raw: string, boundary: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const section of raw.split(`--${boundary}`)) {
    const name = /name="([^"]+)"/.exec(section)?.[1];
    const headerEnd = section.indexOf("\r\n\r\n");
    if (name === undefined || headerEnd < 0) continue;
    const value = section.slice(headerEnd + 4).replace(/\r\n$/, "");
    fields[name] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return fields;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
