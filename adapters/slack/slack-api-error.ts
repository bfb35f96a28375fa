/**
 * Web API failures as briefbot errors, so `serve` can say what to fix without leaking tokens.
 */

import { webApi } from "@slack/bolt";
import type { FailureKind } from "../../src/delivery/delivery-policy.ts";
import { type BriefbotError, NetworkError, ServiceError } from "../../src/errors.ts";

/** Map a `@slack/web-api` error from `call` (e.g. "auth.test") to a `BriefbotError`. */
export function toBriefbotError(error: unknown, call: string): BriefbotError {
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    const hint =
      code === "invalid_auth" || code === "not_authed" || code === "account_inactive"
        ? " Check SLACK_BOT_TOKEN (xoxb-…) and, for Socket Mode, SLACK_APP_TOKEN (xapp-…)."
        : "";
    return new ServiceError("slack", 200, `Slack ${call} failed: ${code}.${hint}`, { cause: error });
  }
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new ServiceError("slack", 429, `Slack ${call} was rate limited.`, {
      retryAfterSeconds: error.retryAfter,
      cause: error,
    });
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    return new ServiceError("slack", error.statusCode, `Slack ${call} answered HTTP ${error.statusCode}.`, {
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new NetworkError(
    "slack",
    `Could not reach Slack for ${call}: ${reason}. Check SLACK_API_URL and the network.`,
    {
      cause: error,
    },
  );
}

/**
 * Slack's per-channel posting limit is about one message a second; when it answers
 * `ratelimited` without a Retry-After (an HTTP 200 body), we wait that long.
 */
export const SLACK_DEFAULT_RETRY_AFTER_MS = 1_000;

/** What a failed Web API call means for delivery (see `deliverWithRetry`). */
export function classifySlackFailure(error: unknown): FailureKind {
  if (error instanceof webApi.WebAPIRateLimitedError)
    return { kind: "rate-limited", retryAfterMs: error.retryAfter * 1000 };
  if (error instanceof webApi.WebAPIPlatformError)
    return error.data.error === "ratelimited"
      ? { kind: "rate-limited", retryAfterMs: SLACK_DEFAULT_RETRY_AFTER_MS }
      : { kind: "permanent" };
  if (error instanceof webApi.WebAPIHTTPError)
    return error.statusCode === 429 || error.statusCode >= 500
      ? { kind: "transient" }
      : { kind: "permanent" };
  // No HTTP answer at all (refused, reset, timeout).
  if (error instanceof webApi.WebAPIRequestError) return { kind: "transient" };
  // A 429 without a usable Retry-After: the client raises a plain Error with no field to read,
  // so this one case is recognised by its message.
  if (error instanceof Error && error.message.startsWith("Retry header did not contain"))
    return { kind: "rate-limited", retryAfterMs: SLACK_DEFAULT_RETRY_AFTER_MS };
  return { kind: "permanent" };
}
