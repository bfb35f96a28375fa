import { createHash } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readBodyText, sendJson } from "./http-helpers.ts";

/**
 * A small OpenAI-compatible server for tests: real HTTP on a free port, so the real `openai` SDK
 * talks to it exactly as to OpenAI. Deterministic embeddings, whole and streamed chat
 * completions, scripted failures (429 with retry-after, 500, slow answers), and a record of
 * every request body for assertions.
 */

export interface RecordedRequest {
  method: string;
  /** Path without the `/v1` prefix, e.g. `/embeddings`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are asserted field by field in tests.
  body: any;
}

/** A one-off answer for the next request to an endpoint, instead of the normal one. */
export interface ScriptedReply {
  /** HTTP status to answer with. Default 200 (then `body` is sent as JSON, or the normal answer when absent). */
  status?: number;
  /** Sent as `retry-after` (seconds). */
  retryAfter?: string;
  /** Sent as `retry-after-ms`. */
  retryAfterMs?: string;
  /** JSON body. Default: an OpenAI-style error object for error statuses. */
  body?: unknown;
  /** Wait before answering, in ms (a slow server). */
  delayMs?: number;
}

export type Endpoint = "embeddings" | "chat";

/** What the chat endpoint says for a request, unless scripted otherwise. */
export interface ChatScript {
  content?: string;
  refusal?: string;
  finishReason?: "stop" | "length" | "content_filter";
}

export interface OpenAIServerOptions {
  /** Length of the vectors served. Default 8. */
  dimensions?: number;
}

export interface FakeOpenAIServer {
  /** Base URL to give the SDK, ending in `/v1`. */
  readonly baseURL: string;
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Requests to one endpoint. */
  requestsTo(endpoint: Endpoint): RecordedRequest[];
  /** Queue a one-off reply for the next request to `endpoint`; several queue in order. */
  script(endpoint: Endpoint, reply: ScriptedReply): void;
  /** Length of vectors served from now on. */
  setDimensions(dimensions: number): void;
  /** Always answer base64, even to a float request (a non-conforming compatible server). */
  setAlwaysBase64(on: boolean): void;
  /** Always answer floats, even to a base64 request (the server the SDK's default misreads). */
  setAlwaysFloat(on: boolean): void;
  /** Answer embeddings in reverse order (with correct `index`), as the API is allowed to. */
  setReverseOrder(on: boolean): void;
  /** What the chat endpoint answers; receives the request body. Default: "Answer [1]." */
  // biome-ignore lint/suspicious/noExplicitAny: the request body as sent by the SDK.
  setChat(responder: (body: any) => ChatScript | string): void;
  /** Pause between streamed chunks, in ms. Default 0. */
  setStreamChunkDelayMs(milliseconds: number): void;
  /** Back to the state `startOpenAIServer` returned: no requests, no scripts, default settings. */
  reset(): void;
  close(): Promise<void>;
}

/** The deterministic test vector of a text: hashed, so equal texts get equal vectors. */
export function vectorForText(text: string, dimensions: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block += 1) {
    const digest = createHash("sha256").update(`${block}:${text}`).digest();
    for (let offset = 0; offset + 2 <= digest.length && values.length < dimensions; offset += 2) {
      // Values with few binary digits so float32 round trips are exact.
      values.push((digest.readUInt16LE(offset) - 32768) / 32768);
    }
  }
  return values;
}

function toBase64Floats(vector: number[]): string {
  const buffer = Buffer.alloc(vector.length * 4);
  for (const [position, value] of vector.entries()) buffer.writeFloatLE(value, position * 4);
  return buffer.toString("base64");
}

const wait = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Split a reply into streamed pieces of about three characters, like a tokenizer would. */
function streamPieces(content: string): string[] {
  const pieces: string[] = [];
  const characters = [...content];
  for (let start = 0; start < characters.length; start += 3)
    pieces.push(characters.slice(start, start + 3).join(""));
  return pieces;
}

export async function startOpenAIServer(options: OpenAIServerOptions = {}): Promise<FakeOpenAIServer> {
  const defaultDimensions = options.dimensions ?? 8;
  const defaultChat = () => "Answer [1].";
  let dimensions = defaultDimensions;
  let alwaysBase64 = false;
  let alwaysFloat = false;
  let reverseOrder = false;
  let streamChunkDelayMs = 0;
  // biome-ignore lint/suspicious/noExplicitAny: see setChat.
  let chatResponder: (body: any) => ChatScript | string = defaultChat;
  const requests: RecordedRequest[] = [];
  const scripts: Record<Endpoint, ScriptedReply[]> = { embeddings: [], chat: [] };

  async function handleEmbeddings(body: RecordedRequest["body"], response: ServerResponse): Promise<void> {
    const inputs: string[] = typeof body.input === "string" ? [body.input] : body.input;
    const base64 = alwaysBase64 || (body.encoding_format === "base64" && !alwaysFloat);
    const data = inputs.map((text, index) => {
      const vector = vectorForText(text, dimensions);
      return { object: "embedding", index, embedding: base64 ? toBase64Floats(vector) : vector };
    });
    if (reverseOrder) data.reverse();
    sendJson(response, 200, {
      object: "list",
      data,
      model: body.model,
      usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
    });
  }

  async function handleChat(body: RecordedRequest["body"], response: ServerResponse): Promise<void> {
    const answer = chatResponder(body);
    const script: ChatScript = typeof answer === "string" ? { content: answer } : answer;
    const base = { id: "chatcmpl-test", created: 1_700_000_000, model: body.model };
    const finishReason = script.finishReason ?? "stop";
    if (body.stream !== true) {
      sendJson(response, 200, {
        ...base,
        object: "chat.completion",
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: script.content ?? null, refusal: script.refusal ?? null },
            finish_reason: finishReason,
          },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      });
      return;
    }
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = (delta: Record<string, unknown>, finish: string | null) =>
      response.write(
        `data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
      );
    send({ role: "assistant", content: "" }, null);
    if (script.refusal !== undefined) send({ refusal: script.refusal }, null);
    for (const piece of streamPieces(script.content ?? "")) {
      if (response.destroyed) return;
      send({ content: piece }, null);
      if (streamChunkDelayMs > 0) await wait(streamChunkDelayMs);
    }
    send({}, finishReason);
    response.write("data: [DONE]\n\n");
    response.end();
  }

  const server = createServer(async (request, response) => {
    try {
      const text = await readBodyText(request);
      const path = (request.url ?? "").replace(/^\/v1/, "");
      const body = text === "" ? undefined : JSON.parse(text);
      requests.push({ method: request.method ?? "", path, headers: request.headers, body });
      const endpoint: Endpoint | undefined =
        path === "/embeddings" ? "embeddings" : path === "/chat/completions" ? "chat" : undefined;
      if (endpoint === undefined) {
        sendJson(response, 404, { error: { message: `No route ${path}`, type: "invalid_request_error" } });
        return;
      }
      const scripted = scripts[endpoint].shift();
      if (scripted?.delayMs !== undefined) await wait(scripted.delayMs);
      if (response.destroyed) return;
      if (scripted !== undefined && (scripted.status !== undefined || scripted.body !== undefined)) {
        const status = scripted.status ?? 200;
        const headers: Record<string, string> = {};
        if (scripted.retryAfter !== undefined) headers["retry-after"] = scripted.retryAfter;
        if (scripted.retryAfterMs !== undefined) headers["retry-after-ms"] = scripted.retryAfterMs;
        const errorBody = { error: { message: `scripted ${status}`, type: "server_error", code: null } };
        sendJson(response, status, scripted.body ?? errorBody, headers);
        return;
      }
      if (endpoint === "embeddings") await handleEmbeddings(body, response);
      else await handleChat(body, response);
    } catch (error) {
      if (!response.headersSent) sendJson(response, 500, { error: { message: String(error) } });
      else response.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    requestsTo: (endpoint) =>
      requests.filter(
        (request) => request.path === (endpoint === "chat" ? "/chat/completions" : "/embeddings"),
      ),
    script: (endpoint, reply) => scripts[endpoint].push(reply),
    setDimensions: (value) => {
      dimensions = value;
    },
    setAlwaysBase64: (on) => {
      alwaysBase64 = on;
    },
    setAlwaysFloat: (on) => {
      alwaysFloat = on;
    },
    setReverseOrder: (on) => {
      reverseOrder = on;
    },
    setChat: (responder) => {
      chatResponder = responder;
    },
    setStreamChunkDelayMs: (milliseconds) => {
      streamChunkDelayMs = milliseconds;
    },
    reset: () => {
      requests.length = 0;
      scripts.embeddings.length = 0;
      scripts.chat.length = 0;
      dimensions = defaultDimensions;
      alwaysBase64 = false;
      alwaysFloat = false;
      reverseOrder = false;
      streamChunkDelayMs = 0;
      chatResponder = defaultChat;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
