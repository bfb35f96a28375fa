import { TelegramError } from "telegraf";
import type { FailureKind } from "../../src/delivery/delivery-policy.ts";

/**
 * Reading Bot API failures. Telegram signals everything through `error_code` and a
 * human-readable `description`; these helpers are the one place that interprets them.
 */

/** The Bot API error code (400, 403, 429, 5xx), or null for non-Telegram errors. */
export function telegramErrorCode(error: unknown): number | null {
  return error instanceof TelegramError ? error.code : null;
}

/** Seconds Telegram asked us to wait (429 `parameters.retry_after`), or null. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof TelegramError)) return null;
  const value = error.parameters?.retry_after;
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}

/** 400 "can't parse entities": our HTML was rejected; the plain-text resend is the cure. */
export function isCantParseEntities(error: unknown): boolean {
  return (
    error instanceof TelegramError && error.code === 400 && /can't parse entities/i.test(error.description)
  );
}

/** 400 "message is not modified": an edit with the same text, harmless. */
export function isMessageNotModified(error: unknown): boolean {
  return (
    error instanceof TelegramError && error.code === 400 && /message is not modified/i.test(error.description)
  );
}

/**
 * The chat can never be written to again: 403 (the user blocked the bot, the bot was removed from
 * the group, the account was deleted) or 400 "chat not found".
 */
export function isChatGone(error: unknown): boolean {
  if (!(error instanceof TelegramError)) return false;
  return error.code === 403 || (error.code === 400 && /chat not found/i.test(error.description));
}

const networkErrorCodes = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
]);

/** The request never got an HTTP answer (DNS, refused, reset, timeout). */
export function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error) || error.name === "AbortError") return false;
  if (error.name === "FetchError") return true; // node-fetch, which telegraf uses
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && networkErrorCodes.has(code);
}

/** Worth trying again: rate limited, a server error, or no answer at all. */
export function isRetryableFailure(error: unknown): boolean {
  const code = telegramErrorCode(error);
  if (code !== null) return code === 429 || code >= 500;
  return isNetworkFailure(error);
}

/** What a failed Bot API call means for delivery (see `deliverWithRetry`). */
export function classifyTelegramFailure(error: unknown): FailureKind {
  const code = telegramErrorCode(error);
  if (code === 429) return { kind: "rate-limited", retryAfterMs: (retryAfterSeconds(error) ?? 1) * 1000 };
  return isRetryableFailure(error) ? { kind: "transient" } : { kind: "permanent" };
}
