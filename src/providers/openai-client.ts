import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { ConfigError, NetworkError, redactSecrets, ServiceError } from "../errors.ts";

/**
 * The only place that constructs the OpenAI SDK client, and the only place that knows the SDK's
 * error classes. Everything outside `src/providers/` sees `ServiceError` / `NetworkError` only.
 */

/** Name used as `service` on every error raised for OpenAI or a compatible server. */
export const openAIServiceName = "openai";

/** OpenAI's own endpoint; passed explicitly so the SDK never reads `OPENAI_BASE_URL` itself. */
export const openAIDefaultBaseURL = "https://api.openai.com/v1";

export interface OpenAIClientOptions {
  /**
   * API key. Optional only together with `baseURL`: self-hosted compatible servers (vLLM,
   * llama.cpp, Ollama) often need none, OpenAI's own API always does.
   */
  apiKey?: string | undefined;
  /** Another OpenAI-compatible server. Default: OpenAI's (`https://api.openai.com/v1`). */
  baseURL?: string | undefined;
  /**
   * Per-request limit until response headers arrive, in milliseconds. Default 60 000: long enough
   * for a 2048-input embedding batch, short enough that a stuck connection is noticed and retried.
   */
  timeoutMs?: number | undefined;
}

/** The SDK client type, for the provider modules in this folder only. */
export type OpenAIClient = OpenAI;

/**
 * Build the SDK client. `maxRetries` is 0 on purpose: retries live once, in the core
 * (`embedInBatches`, the answerer), where they can honour `retry-after` and be tested; the SDK
 * retrying underneath would multiply attempts and hide waits.
 */
export function createOpenAIClient(options: OpenAIClientOptions): OpenAIClient {
  if (options.apiKey === undefined && options.baseURL === undefined) {
    throw new ConfigError(
      "OPENAI_API_KEY is required for OpenAI (or set OPENAI_BASE_URL to a server that needs none)",
    );
  }
  return new OpenAI({
    // The SDK refuses to start without a key; compatible servers that need none ignore this one.
    apiKey: options.apiKey ?? "no-key-needed",
    baseURL: options.baseURL ?? openAIDefaultBaseURL,
    // Explicit nulls so the SDK reads nothing from process.env (config.ts is the only reader).
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: options.timeoutMs ?? 60_000,
    // Errors are mapped and logged by us, as structured logs; the SDK would write to the console.
    logLevel: "off",
  });
}

/**
 * Seconds a response asked us to wait: `retry-after-ms` (OpenAI's), then `retry-after` as seconds
 * or as an HTTP date. Null when absent or unreadable.
 */
export function parseRetryAfterSeconds(
  headers: { get(name: string): string | null } | undefined,
  now: number = Date.now(),
): number | null {
  if (headers === undefined) return null;
  const milliseconds = headers.get("retry-after-ms");
  if (milliseconds !== null && milliseconds.trim() !== "") {
    const parsed = Number(milliseconds);
    if (Number.isFinite(parsed) && parsed >= 0) return parsed / 1000;
  }
  const retryAfter = headers.get("retry-after");
  if (retryAfter === null || retryAfter.trim() === "") return null;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return null;
  return Math.max(0, (date - now) / 1000);
}

/** What to do next, by status; messages never echo the key. */
function adviceForStatus(status: number): string {
  if (status === 401) return "check OPENAI_API_KEY";
  if (status === 403) return "the key may lack access to this model or region";
  if (status === 404) return "check the model name and OPENAI_BASE_URL";
  if (status === 400 || status === 422) return "the request was rejected; check the model and its options";
  if (status === 429) return "rate limited or out of quota; will retry when allowed";
  if (status >= 500) return "the server failed; will retry";
  return "unexpected status";
}

/** The error to throw for an abort: the signal's own reason when it has one, else an AbortError. */
export function abortErrorFor(signal: AbortSignal | undefined): unknown {
  if (signal?.reason !== undefined) return signal.reason;
  return new DOMException("The operation was aborted.", "AbortError");
}

/**
 * Translate anything the SDK throws into briefbot's errors:
 * - caller aborts stay aborts (the signal's reason), so callers can tell "cancelled" from "failed";
 * - HTTP statuses become `ServiceError` with `retryAfterSeconds` from the headers;
 * - connection failures and timeouts become `NetworkError` (retryable);
 * - anything else (a malformed stream, an error event inside a stream) becomes a retryable
 *   `ServiceError` 502, because the server, not the request, was at fault.
 * Already-mapped briefbot errors pass through unchanged.
 */
export function mapOpenAIError(error: unknown, signal?: AbortSignal): unknown {
  if (error instanceof ServiceError || error instanceof NetworkError || error instanceof ConfigError)
    return error;
  if (signal?.aborted) return abortErrorFor(signal);
  if (error instanceof APIUserAbortError) return abortErrorFor(signal);
  if (error instanceof APIConnectionTimeoutError) {
    return new NetworkError(openAIServiceName, "OpenAI request timed out; will retry", { cause: error });
  }
  if (error instanceof APIConnectionError) {
    return new NetworkError(
      openAIServiceName,
      `Could not reach the OpenAI server: ${redactSecrets(error.message)}`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof APIError) {
    const status = typeof error.status === "number" ? error.status : 502;
    const headers = error.headers instanceof Headers ? error.headers : undefined;
    return new ServiceError(
      openAIServiceName,
      status,
      `OpenAI answered ${status} (${adviceForStatus(status)}): ${redactSecrets(error.message)}`,
      { retryAfterSeconds: parseRetryAfterSeconds(headers), cause: error },
    );
  }
  if (error instanceof Error && error.name === "AbortError") return error;
  const text = error instanceof Error ? error.message : String(error);
  return new ServiceError(
    openAIServiceName,
    502,
    `OpenAI sent a malformed response: ${redactSecrets(text)}`,
    {
      cause: error,
    },
  );
}
