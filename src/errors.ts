/**
 * The few errors briefbot raises, split by who failed. Each has a stable `code`; callers and
 * tests branch on the code or on fields such as `retryable`, never on message text.
 * Messages say what to do next and never contain secrets.
 */

export type BriefbotErrorCode =
  | "CONFIG_INVALID"
  | "INPUT_INVALID"
  | "STORE_MISMATCH"
  | "STORE_FAILED"
  | "STATE_FAILED"
  | "SERVICE_ERROR"
  | "NETWORK_ERROR"
  | "DELIVERY_TIMEOUT";

export class BriefbotError extends Error {
  readonly code: BriefbotErrorCode;
  constructor(code: BriefbotErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A setting is missing or malformed. Raised once, at start. */
export class ConfigError extends BriefbotError {
  constructor(message: string) {
    super("CONFIG_INVALID", message);
  }
}

/** An input file, feed item or message cannot be read. `source` names it. */
export class InputError extends BriefbotError {
  readonly source: string;
  constructor(source: string, message: string, options?: { cause?: unknown }) {
    super("INPUT_INVALID", message, options);
    this.source = source;
  }
}

/** The store was built by another embedder or dimension than the one configured. */
export class StoreMismatchError extends BriefbotError {
  constructor(message: string) {
    super("STORE_MISMATCH", message);
  }
}

/** An outside service (OpenAI, Telegram, Slack) answered with an error status. */
export class ServiceError extends BriefbotError {
  readonly service: string;
  readonly status: number;
  readonly retryable: boolean;
  /** Seconds the service asked us to wait, when it said. */
  readonly retryAfterSeconds: number | null;
  constructor(
    service: string,
    status: number,
    message: string,
    options?: { retryAfterSeconds?: number | null; cause?: unknown },
  ) {
    super("SERVICE_ERROR", message, options);
    this.service = service;
    this.status = status;
    this.retryable = status === 429 || status >= 500;
    this.retryAfterSeconds = options?.retryAfterSeconds ?? null;
  }
}

/** We could not reach an outside service at all (DNS, refused, reset, timeout). */
export class NetworkError extends BriefbotError {
  readonly service: string;
  readonly retryable = true;
  constructor(service: string, message: string, options?: { cause?: unknown }) {
    super("NETWORK_ERROR", message, options);
    this.service = service;
  }
}

/** A chat message could not be delivered before its deadline; `cause` is the last failure. */
export class DeliveryTimeoutError extends BriefbotError {
  readonly attempts: number;
  constructor(attempts: number, deadlineMs: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      "DELIVERY_TIMEOUT",
      `gave up delivering after ${attempts} tries in ${Math.round(deadlineMs / 1000)} s; last failure: ${reason}`,
      { cause },
    );
    this.attempts = attempts;
  }
}

/** Error text that is safe to show or log: the message only, with anything token-like masked. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactSecrets(text);
}

const secretPatterns: RegExp[] = [
  /\bbot\d+:[A-Za-z0-9_-]{20,}/g, // Telegram tokens inside Bot API URLs
  /\b\d{6,}:[A-Za-z0-9_-]{30,}/g, // bare Telegram tokens
  /\bxox[abposr]-[A-Za-z0-9-]{8,}/g, // Slack tokens
  /\bxapp-[A-Za-z0-9-]{8,}/g, // Slack app-level tokens
  /\bsk-[A-Za-z0-9_-]{16,}/g, // OpenAI keys
];

/**
 * Values shorter than this are not masked by value: a 1–3 character "secret" would blank out
 * ordinary words in every log line, and it protects nothing anyway (it can be guessed).
 */
export const MIN_MASKED_SECRET_LENGTH = 4;

/** The configured secrets' values and their encoded forms, longest first (see `maskSecretValues`). */
let knownSecretForms: string[] = [];

/**
 * Mask these values wherever they appear in logs, errors and output, whatever their shape
 * (patterns above only catch the usual token formats; an operator's `sk-test-SECRET123` or a
 * six-character Redis password does not look like one). Called once with the configured
 * secrets; later calls add to the set. Each value is also masked URL-encoded and JSON-escaped,
 * the two forms in which it travels inside URLs and logged JSON.
 */
export function maskSecretValues(values: Iterable<string | undefined>): void {
  const forms = new Set(knownSecretForms);
  for (const value of values) {
    if (value === undefined || value.length < MIN_MASKED_SECRET_LENGTH) continue;
    forms.add(value);
    forms.add(encodeURIComponent(value));
    forms.add(JSON.stringify(value).slice(1, -1));
  }
  knownSecretForms = [...forms].sort((left, right) => right.length - left.length);
}

/** Mask configured secret values and anything shaped like a known token. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const form of knownSecretForms) if (out.includes(form)) out = out.split(form).join("[redacted]");
  for (const pattern of secretPatterns) out = out.replace(pattern, "[redacted]");
  return out;
}
