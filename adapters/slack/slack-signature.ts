/**
 * Slack request signing: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` keyed by the
 * signing secret. Requests more than five minutes off (either way) are refused so a captured
 * request cannot be replayed later.
 */

import { createHmac, timingSafeEqual } from "node:crypto";

const maxClockSkewSeconds = 5 * 60;

/** The inputs of a signature check, straight from the HTTP request. */
export interface SignedRequest {
  signingSecret: string;
  rawBody: string;
  /** `X-Slack-Request-Timestamp`, seconds. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`. */
  signature: string | undefined;
  nowMs: number;
}

/** `valid`, or why not (logged; every non-valid verdict becomes 401). */
export type SignatureVerdict = "valid" | "missing" | "stale" | "mismatch";

/** Check a request's signature and freshness in constant time. */
export function verifySlackSignature(request: SignedRequest): SignatureVerdict {
  if (request.timestamp === undefined || request.signature === undefined) return "missing";
  if (!/^\d+$/.test(request.timestamp)) return "missing";
  const skewSeconds = Math.abs(Math.floor(request.nowMs / 1000) - Number(request.timestamp));
  if (skewSeconds > maxClockSkewSeconds) return "stale";
  const expected = Buffer.from(signSlackRequest(request.signingSecret, request.timestamp, request.rawBody));
  const received = Buffer.from(request.signature);
  // timingSafeEqual throws on different lengths, and the length itself leaks nothing secret.
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) return "mismatch";
  return "valid";
}

/** The signature Slack would send; exported for tests and fakes. */
export function signSlackRequest(signingSecret: string, timestamp: string, rawBody: string): string {
  const digest = createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex");
  return `v0=${digest}`;
}
