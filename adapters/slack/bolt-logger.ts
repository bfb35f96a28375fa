/**
 * Bolt, the Web API client and the Socket Mode client log through `@slack/logger`'s interface;
 * this routes them into briefbot's pino logger (which masks tokens), as `component: "slack"`.
 */

import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import { describeError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";

/** A `@slack/logger` Logger that writes into `logger` (levels follow briefbot's LOG_LEVEL). */
export function boltLoggerFrom(logger: Logger): BoltLogger {
  const child = logger.child({ component: "slack" });
  return {
    debug: (...parts: unknown[]) => child.debug(joinParts(parts)),
    info: (...parts: unknown[]) => child.info(joinParts(parts)),
    warn: (...parts: unknown[]) => child.warn(joinParts(parts)),
    error: (...parts: unknown[]) => child.error(joinParts(parts)),
    // Bolt and the Socket Mode client try to set their own level; briefbot's LOG_LEVEL wins.
    setLevel: () => {},
    getLevel: () => boltLevelOf(child.level),
    setName: () => {},
  };
}

function boltLevelOf(pinoLevel: string): LogLevel {
  switch (pinoLevel) {
    case "trace":
    case "debug":
      return LogLevel.DEBUG;
    case "info":
      return LogLevel.INFO;
    case "warn":
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}

function joinParts(parts: unknown[]): string {
  return parts
    .map((part) => {
      if (typeof part === "string") return part;
      if (part instanceof Error) return describeError(part);
      try {
        return JSON.stringify(part);
      } catch {
        return String(part);
      }
    })
    .join(" ");
}
