/**
 * Web API failures as briefbot errors, so `serve` can say what to fix without leaking tokens.
 */

import { webApi } from "@slack/bolt";
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
