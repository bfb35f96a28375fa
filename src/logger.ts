import { Writable } from "node:stream";
import pino from "pino";
import { redactSecrets } from "./errors.ts";

/** Structured logs on stderr (stdout is reserved for answers and `--json` output). */
export type Logger = pino.Logger;

const levelNames: Record<number, string> = {
  10: "trace",
  20: "debug",
  30: "info",
  40: "warn",
  50: "error",
  60: "fatal",
};

/**
 * On a terminal, JSON log lines are hard to read; this prints `info  message  key=value` instead.
 * Anything that is not a terminal (files, log collectors) keeps the JSON lines.
 */
function humanReadableStderr(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split("\n")) {
        if (!line.trim()) continue;
        try {
          const { level, time: _time, msg, ...fields } = JSON.parse(line) as Record<string, unknown>;
          const details = Object.entries(fields)
            .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
            .join(" ");
          process.stderr.write(
            `${(levelNames[Number(level)] ?? "log").padEnd(5)} ${String(msg ?? "")}${details ? `  ${details}` : ""}\n`,
          );
        } catch {
          process.stderr.write(`${line}\n`);
        }
      }
      callback();
    },
  });
}

/**
 * `destination` is for tests; by default logs go to stderr, readable on a terminal, JSON otherwise.
 * Every finished line passes `redactSecrets` on its way out, so a token or key hidden in a message,
 * a field, a serialized error or a URL (Telegram puts the token in the path) is never written.
 */
export function createLogger(level = "info", destination?: Writable): Logger {
  const target: { write(line: string): unknown } =
    destination ?? (process.stderr.isTTY ? humanReadableStderr() : pino.destination({ fd: 2, sync: true }));
  return pino(
    { level, base: undefined },
    {
      write(line: string) {
        target.write(redactSecrets(line));
      },
    },
  );
}

/** A logger that drops everything, for tests and quiet commands. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
