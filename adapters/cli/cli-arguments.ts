import { parseArgs } from "node:util";
import { BriefbotError } from "../../src/errors.ts";
import { commandOptions } from "./command-help.ts";

/** The command line, parsed; every problem becomes a one-line `INPUT_INVALID` error naming the fix. */
export interface CliArguments {
  name: string | undefined;
  args: string[];
  values: {
    db?: string | undefined;
    json?: boolean | undefined;
    k?: string | undefined;
    source?: string | undefined;
    since?: string | undefined;
    until?: string | undefined;
    reembed?: boolean | undefined;
    answers?: boolean | undefined;
    yes?: boolean | undefined;
    debug?: boolean | undefined;
    help?: boolean | undefined;
    version?: boolean | undefined;
  };
}

const options = {
  db: { type: "string" },
  json: { type: "boolean" },
  k: { type: "string" },
  source: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
  reembed: { type: "boolean" },
  answers: { type: "boolean" },
  yes: { type: "boolean", short: "y" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

export function parseCommandLine(argv: string[]): CliArguments {
  const command = argv.find((argument) => !argument.startsWith("-"));
  const helpFor = command === undefined ? "briefbot --help" : `briefbot ${command} --help`;
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof options }>
  >;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    const option = /'(-{1,2}[^'\s]+)/.exec((error as Error).message)?.[1];
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
      throw new BriefbotError(
        "INPUT_INVALID",
        `unknown option ${option ?? ""}; see ${helpFor}`.replace("  ", " "),
      );
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      throw new BriefbotError(
        "INPUT_INVALID",
        `${option ?? "an option"} ${options[(option ?? "").replace(/^-+/, "") as keyof typeof options]?.type === "string" ? "needs a value" : "takes no value"}; see ${helpFor}`,
      );
    throw new BriefbotError("INPUT_INVALID", `${(error as Error).message}; see ${helpFor}`);
  }
  const [name, ...args] = parsed.positionals;
  const allowed = name === undefined ? undefined : commandOptions[name];
  if (allowed !== undefined) {
    for (const [option, value] of Object.entries(parsed.values)) {
      if (value === undefined || allowed.includes(option) || option === "version") continue;
      throw new BriefbotError(
        "INPUT_INVALID",
        `${name} does not take --${option}; see briefbot ${name} --help`,
      );
    }
  }
  return { name, args, values: parsed.values };
}

/** A real calendar date in YYYY-MM-DD form, or a one-line error naming the option. */
export function checkDate(option: string, value: string | undefined): void {
  if (value === undefined) return;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null)
    throw new BriefbotError("INPUT_INVALID", `${option} expects a date like 2026-01-31, got "${value}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    throw new BriefbotError(
      "INPUT_INVALID",
      `${option} ${value} is not a date in the calendar (month 01-12, a day that month has)`,
    );
}

export function positiveNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new BriefbotError("INPUT_INVALID", `${name} expects a positive whole number, got "${value}"`);
  return parsed;
}
