import pino from "pino";
import { redactSecrets } from "./errors.ts";

/** Structured logs on stderr (stdout is reserved for answers and `--json` output). */
export type Logger = pino.Logger;

export function createLogger(level = "info"): Logger {
  return pino(
    {
      level,
      base: undefined,
      // Tokens can hide in error messages and URLs (Telegram puts the token in the path).
      hooks: {
        logMethod(args, method) {
          const cleaned = args.map((value) => (typeof value === "string" ? redactSecrets(value) : value));
          method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
      formatters: {
        log(object) {
          return JSON.parse(redactSecrets(JSON.stringify(object))) as Record<string, unknown>;
        },
      },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}

/** A logger that drops everything, for tests and quiet commands. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
