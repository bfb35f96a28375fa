/**
 * A fake Slack Web API on 127.0.0.1:<random port>. It answers the methods briefbot uses,
 * records every call (form-encoded or JSON, like the real API accepts), can be scripted to
 * fail with 429 + Retry-After or 5xx, and also captures posts to response_url. Like Slack it
 * refuses invalid Block Kit (`invalid_blocks`, see `slack-rules.ts`) in messages, streams, views
 * and response_url posts; `refusals()` lists those so tests can assert there were none. It
 * keeps streamed messages (chat.startStream/appendStream/stopStream) and the App Home view.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readBodyText, sendJson } from "./http-helpers.ts";
import { blockErrors } from "./slack-rules.ts";

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** Bearer token or `token` param, as sent. */
  token: string | undefined;
  /** Milliseconds since the server started. */
  atMs: number;
  /** What the fake answered (status and JSON body). */
  response: { status: number; body: Record<string, unknown> } | undefined;
}

export interface ResponseUrlPost {
  path: string;
  body: Record<string, unknown>;
}

export interface ScriptedFailure {
  status: 429 | 500 | 502 | 503;
  retryAfterSeconds?: number;
}

/**
 * Random failures on every call of some methods, like a busy workspace: a share answered 429
 * `ratelimited` with Retry-After, a share answered 500. `random` is seeded by the test.
 */
export interface InjectedFaults {
  methods: readonly string[];
  rateLimitedShare: number;
  serverErrorShare: number;
  retryAfterSeconds: number;
  random: () => number;
}

/** A call that reached a channel while this fake had told the app to wait for it. */
export interface WindowViolation {
  method: string;
  channel: string;
  atMs: number;
  windowEndsAtMs: number;
}

/** Fields the real API accepts as JSON strings inside form-encoded requests. */
const jsonEncodedFields = new Set([
  "blocks",
  "attachments",
  "metadata",
  "view",
  "loading_messages",
  "prompts",
  "chunks",
]);

/** A message as it stands now: streamed text so far, then whatever chat.update set. */
export interface StoredMessage {
  channel: string;
  text: string;
  blocks: unknown;
  /** Set while a stream is open. */
  streaming: boolean;
  /** Everything streamed into the message (chat.update does not change it). */
  streamed: string;
}

/** Longest markdown_text one startStream/appendStream/stopStream call may carry. */
const streamTextLimit = 12_000;

export const fakeBotUserId = "UBOTBRIEF";
export const fakeBotId = "BBOTBRIEF";
export const fakeTeamId = "T0000TEAM";

export class FakeSlackWebApi {
  readonly calls: RecordedCall[] = [];
  readonly responseUrlPosts: ResponseUrlPost[] = [];
  /** Calls to a channel inside a Retry-After window this fake had set for it (must stay empty). */
  readonly windowViolations: WindowViolation[] = [];
  /** Set to make calls fail at random (see `InjectedFaults`). */
  faults: InjectedFaults | undefined;
  readonly #rateLimitWindows = new Map<string, number>();
  /** What apps.connections.open returns (the fake Socket Mode server's URL). */
  socketUrl: string | undefined;
  /** Whether chat.startStream and friends exist; when false they answer `unknown_method`. */
  supportsStreaming = true;
  /** Users whose account was deactivated: conversations.open answers `user_disabled`. */
  readonly deactivatedUsers = new Set<string>();
  /** users.info `locale` by user id (default "en-US"). */
  readonly userLocales = new Map<string, string>();
  /** Messages by ts. */
  readonly messages = new Map<string, StoredMessage>();
  /** The last published App Home view by user. */
  readonly homeViews = new Map<string, Record<string, unknown>>();
  readonly #server: Server;
  readonly #failures = new Map<string, ScriptedFailure[]>();
  readonly #startedAt = Date.now();
  readonly #refusedResponsePosts: string[] = [];
  #nextTs = 1_700_000_000_000_100;
  #waiters: Array<() => void> = [];

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<FakeSlackWebApi> {
    let fake: FakeSlackWebApi | undefined;
    const server = createServer((request, response) => {
      void fake?.handle(request, response);
    });
    fake = new FakeSlackWebApi(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get origin(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The Web API base URL, with the trailing slash Bolt's client expects. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A response_url pointing at this server. */
  responseUrl(id: string): string {
    return `${this.origin}/response/${id}`;
  }

  /** The next `times` calls to `method` fail as scripted, then it works again. */
  failNext(method: string, failure: ScriptedFailure, times = 1): void {
    const queue = this.#failures.get(method) ?? [];
    for (let index = 0; index < times; index += 1) queue.push(failure);
    this.#failures.set(method, queue);
  }

  /** Calls and response_url posts refused for breaking Slack's rules (not scripted failures). */
  refusals(): string[] {
    const refused = this.calls
      .filter(
        (call) =>
          call.response?.body.error === "invalid_blocks" || call.response?.body.error === "msg_too_long",
      )
      .map((call) => `${call.method}: ${JSON.stringify(call.response?.body)}`);
    return [...refused, ...this.#refusedResponsePosts];
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Wait until `check` returns something other than undefined/false (re-checked after every request). */
  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 3_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new Error(`FakeSlackWebApi.waitFor timed out; calls: ${this.describeCalls()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(remaining, 50));
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  describeCalls(): string {
    return this.calls.map((call) => call.method).join(", ") || "(none)";
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBodyText(request);
    const url = new URL(request.url ?? "/", this.origin);
    const body = parseBody(raw, request.headers["content-type"]);
    if (url.pathname.startsWith("/response/")) {
      const errors = blockErrors(body.blocks);
      if (errors.length > 0) {
        this.#refusedResponsePosts.push(`${url.pathname}: ${errors.join("; ")}`);
        this.#notify();
        sendJson(response, 400, { ok: false, error: "invalid_blocks", errors });
        return;
      }
      this.responseUrlPosts.push({ path: url.pathname, body });
      this.#notify();
      sendJson(response, 200, { ok: true });
      return;
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const authorization = request.headers.authorization;
    const token =
      typeof authorization === "string" && authorization.startsWith("Bearer ")
        ? authorization.slice("Bearer ".length)
        : typeof body.token === "string"
          ? body.token
          : undefined;
    const { token: _dropped, ...params } = body;
    const call: RecordedCall = {
      method,
      params,
      token,
      atMs: Date.now() - this.#startedAt,
      response: undefined,
    };
    this.calls.push(call);
    const channel = typeof params.channel === "string" ? params.channel : undefined;
    const windowEndsAtMs = channel === undefined ? undefined : this.#rateLimitWindows.get(channel);
    if (channel !== undefined && windowEndsAtMs !== undefined && call.atMs < windowEndsAtMs)
      this.windowViolations.push({ method, channel, atMs: call.atMs, windowEndsAtMs });

    const failure = this.#failures.get(method)?.shift() ?? this.#injectFault(method);
    if (failure !== undefined) {
      if (failure.status === 429 && failure.retryAfterSeconds !== undefined && channel !== undefined)
        this.#rateLimitWindows.set(channel, Date.now() - this.#startedAt + failure.retryAfterSeconds * 1000);
      const headers: Record<string, string> = {};
      if (failure.retryAfterSeconds !== undefined) headers["retry-after"] = String(failure.retryAfterSeconds);
      const error = { ok: false, error: failure.status === 429 ? "ratelimited" : "fatal_error" };
      call.response = { status: failure.status, body: error };
      this.#notify();
      sendJson(response, failure.status, error, headers);
      return;
    }
    const answer = this.#refuse(method, params) ?? this.#answer(method, params);
    call.response = { status: 200, body: answer };
    this.#notify();
    sendJson(response, 200, answer);
  }

  #answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://briefbot-test.slack.com/",
          team: "Test",
          user: "briefbot",
          team_id: fakeTeamId,
          user_id: fakeBotUserId,
          bot_id: fakeBotId,
        };
      case "apps.connections.open":
        return this.socketUrl === undefined
          ? { ok: false, error: "no_socket_server" }
          : { ok: true, url: this.socketUrl };
      case "chat.postMessage": {
        const ts = this.#newTs();
        this.messages.set(ts, {
          channel: String(params.channel),
          text: String(params.text ?? ""),
          blocks: params.blocks,
          streaming: false,
          streamed: "",
        });
        return { ok: true, channel: params.channel, ts, message: { ...params, ts, bot_id: fakeBotId } };
      }
      case "chat.update": {
        const stored = this.messages.get(String(params.ts));
        if (stored !== undefined) {
          stored.text = String(params.text ?? "");
          stored.blocks = params.blocks;
        }
        return { ok: true, channel: params.channel, ts: params.ts, text: params.text };
      }
      case "chat.startStream": {
        if (!this.supportsStreaming) return { ok: false, error: "unknown_method" };
        const ts = this.#newTs();
        this.messages.set(ts, {
          channel: String(params.channel),
          text: streamText(params),
          blocks: undefined,
          streaming: true,
          streamed: streamText(params),
        });
        return { ok: true, channel: params.channel, ts };
      }
      case "chat.appendStream":
      case "chat.stopStream": {
        if (!this.supportsStreaming) return { ok: false, error: "unknown_method" };
        const stored = this.messages.get(String(params.ts));
        if (stored === undefined) return { ok: false, error: "message_not_found" };
        if (!stored.streaming) return { ok: false, error: "message_not_in_streaming_state" };
        stored.text += streamText(params);
        stored.streamed += streamText(params);
        if (method === "chat.stopStream") {
          stored.streaming = false;
          if (params.blocks !== undefined) stored.blocks = params.blocks;
        }
        return { ok: true, channel: params.channel, ts: params.ts };
      }
      case "assistant.threads.setStatus":
      case "assistant.threads.setTitle":
      case "assistant.threads.setSuggestedPrompts":
        return { ok: true };
      case "users.info":
        return {
          ok: true,
          user: { id: params.user, locale: this.userLocales.get(String(params.user)) ?? "en-US" },
        };
      case "views.publish": {
        const view = params.view as Record<string, unknown>;
        this.homeViews.set(String(params.user_id), view);
        return { ok: true, view: { id: "VHOME", ...view } };
      }
      case "conversations.open": {
        // One direct message per user, like Slack: the same id every time it is opened.
        const users = String(params.users ?? "");
        if (users === "" || users.includes(",")) return { ok: false, error: "invalid_arguments" };
        if (this.deactivatedUsers.has(users)) return { ok: false, error: "user_disabled" };
        return { ok: true, channel: { id: `D${users}` } };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.#newTs() };
      case "reactions.add":
        return { ok: true };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  // What Slack refuses before doing anything: bad blocks, oversized stream text, bad statuses.
  #refuse(method: string, params: Record<string, unknown>): Record<string, unknown> | undefined {
    const blocks =
      method === "views.publish"
        ? (params.view as Record<string, unknown> | undefined)?.blocks
        : params.blocks;
    const errors = blockErrors(blocks, method === "views.publish" ? "view" : "message");
    if (errors.length > 0) return { ok: false, error: "invalid_blocks", errors };
    if (method.endsWith("Stream") && streamText(params).length > streamTextLimit)
      return { ok: false, error: "msg_too_long" };
    if (method === "assistant.threads.setStatus") {
      const loading = params.loading_messages;
      if (Array.isArray(loading) && loading.length > 10) return { ok: false, error: "invalid_arguments" };
    }
    return undefined;
  }

  #injectFault(method: string): ScriptedFailure | undefined {
    const faults = this.faults;
    if (faults === undefined || !faults.methods.includes(method)) return undefined;
    const draw = faults.random();
    if (draw < faults.rateLimitedShare) return { status: 429, retryAfterSeconds: faults.retryAfterSeconds };
    if (draw < faults.rateLimitedShare + faults.serverErrorShare) return { status: 500 };
    return undefined;
  }

  #newTs(): string {
    this.#nextTs += 100;
    const digits = String(this.#nextTs);
    return `${digits.slice(0, 10)}.${digits.slice(10)}`;
  }

  #notify(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}

/** The markdown text a stream call carries, from `markdown_text` or markdown_text chunks. */
function streamText(params: Record<string, unknown>): string {
  const chunks = Array.isArray(params.chunks) ? (params.chunks as Array<Record<string, unknown>>) : [];
  const fromChunks = chunks
    .filter((chunk) => chunk.type === "markdown_text")
    .map((chunk) => String(chunk.text ?? ""))
    .join("");
  return `${typeof params.markdown_text === "string" ? params.markdown_text : ""}${fromChunks}`;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = jsonEncodedFields.has(key) ? JSON.parse(value) : value;
  }
  return params;
}
