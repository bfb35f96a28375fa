import { BriefbotError } from "../errors.ts";

/** Default time between polls of a source: newsletters are weekly or daily; an hour is prompt and polite. */
export const defaultEverySeconds = 3600;
/** Shortest schedule accepted: faster polling of a newsletter gains nothing and annoys publishers. */
export const minimumEverySeconds = 300;
/** First retry after a failure; it doubles with each failure in a row (a blip recovers quickly). */
export const retryBaseSeconds = 300;
/** Longest wait after failures (a dead source is still retried daily, not forgotten). */
export const maximumBackoffSeconds = 86_400;

/** `30m`, `1h`, `6h`, `1d`, `90s` or plain seconds, as seconds. */
export function parseInterval(written: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|min|h|d)?$/i.exec(written.trim());
  if (!match) {
    throw new BriefbotError(
      "INPUT_INVALID",
      `--every expects a duration such as 30m, 1h or 1d, got "${written}"`,
    );
  }
  const unit = (match[2] ?? "s").toLowerCase();
  const factor = unit === "d" ? 86_400 : unit === "h" ? 3600 : unit === "s" ? 1 : 60;
  const seconds = Math.round(Number(match[1]) * factor);
  if (seconds < minimumEverySeconds) {
    throw new BriefbotError(
      "INPUT_INVALID",
      `--every ${written} is too often; the shortest schedule is ${minimumEverySeconds / 60} minutes`,
    );
  }
  return seconds;
}

/** `3600` → `1h`, for listings. */
export function formatInterval(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/**
 * Seconds to wait after the `failures`-th failure in a row: exponential from `retryBaseSeconds`,
 * capped, with "equal jitter" (half fixed, half random) so replicas and sources that failed
 * together do not retry together. A server's Retry-After wins when it asks for longer.
 */
export function backoffSeconds(
  failures: number,
  random: () => number,
  retryAfter: number | null = null,
): number {
  const exponential = Math.min(maximumBackoffSeconds, retryBaseSeconds * 2 ** Math.max(0, failures - 1));
  const jittered = Math.round(exponential / 2 + (exponential / 2) * random());
  return Math.max(jittered, Math.min(retryAfter ?? 0, maximumBackoffSeconds));
}
