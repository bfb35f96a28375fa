import { NetworkError, ServiceError } from "../errors.ts";

/** Sent with every request so publishers can tell who polls them (and how to reach the project). */
export const userAgent = "briefbot/0.1 (newsletter reader; polls feeds on a schedule with conditional GET)";

export interface FetchLimits {
  /** Whole request, headers and body, in milliseconds. */
  timeoutMs: number;
  /** Largest body accepted, after decompression (a gzip bomb stops here too). */
  maxBytes: number;
}

/** Validators from the previous fetch, for a conditional GET. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult =
  | { status: "not-modified" }
  | {
      status: "fetched";
      /** Where the body came from after redirects. */
      url: string;
      body: Uint8Array;
      contentType: string;
      etag: string | null;
      lastModified: string | null;
    };

/**
 * One GET with what polite polling needs: conditional headers, a timeout, a size cap, gzip and
 * brotli (Node's fetch decodes them and asks for them), redirects followed, and a descriptive
 * User-Agent. Node's built-in fetch (undici) does the HTTP; this adds the policy.
 *
 * @throws ServiceError for an error status (retryable for 429 and 5xx, with Retry-After when
 *   given), NetworkError for DNS, refused connections, resets, the timeout and an oversized body.
 */
export async function fetchUrl(
  url: string,
  validators: Validators | null,
  limits: FetchLimits,
): Promise<FetchResult> {
  const headers: Record<string, string> = {
    "user-agent": userAgent,
    accept:
      "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, application/pdf;q=0.8, */*;q=0.5",
  };
  if (validators?.etag) headers["if-none-match"] = validators.etag;
  if (validators?.lastModified) headers["if-modified-since"] = validators.lastModified;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { headers, redirect: "follow", signal });
  } catch (error) {
    throw networkError(url, error, limits);
  }
  if (response.status === 304) {
    await response.body?.cancel();
    return { status: "not-modified" };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ServiceError(
      url,
      response.status,
      `${url} answered HTTP ${response.status} ${response.statusText}`.trim(),
      {
        retryAfterSeconds: retryAfterSeconds(response.headers.get("retry-after")),
      },
    );
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (response.headers.get("content-encoding") === null && declared > limits.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, limits);
  }
  let body: Uint8Array;
  try {
    body = await readCapped(response, limits.maxBytes);
  } catch (error) {
    if (error instanceof NetworkError) throw error;
    throw networkError(url, error, limits);
  }
  return {
    status: "fetched",
    url: response.url || url,
    body,
    contentType: response.headers.get("content-type") ?? "",
    etag: response.headers.get("etag"),
    lastModified: response.headers.get("last-modified"),
  };
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += part.byteLength;
    if (total > maxBytes) {
      await response.body.cancel().catch(() => {});
      throw tooLarge(response.url, { maxBytes });
    }
    parts.push(part);
  }
  return Buffer.concat(parts);
}

function tooLarge(url: string, limits: Pick<FetchLimits, "maxBytes">): NetworkError {
  return new NetworkError(
    url,
    `${url} sent more than ${formatBytes(limits.maxBytes)}, the size limit; not read`,
  );
}

function networkError(url: string, error: unknown, limits: FetchLimits): NetworkError {
  const name = (error as Error).name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new NetworkError(url, `${url} did not answer within ${limits.timeoutMs / 1000} s`, {
      cause: error,
    });
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  return new NetworkError(url, `${url} could not be fetched (${reason})`, { cause: error });
}

/** Retry-After in seconds (a number or an HTTP date), or null. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - now) / 1000));
}

function formatBytes(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(0)} MB` : `${Math.round(bytes / 1024)} KB`;
}
