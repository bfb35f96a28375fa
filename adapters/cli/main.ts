import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import dotenv from "dotenv";
import type { Answer, SearchFilters } from "../../src/answer/answer-types.ts";
import type { Briefbot } from "../../src/briefbot.ts";
import { type Config, loadConfig, secretValuesOf } from "../../src/config.ts";
import { BriefbotError, describeError, maskSecretValues, redactSecrets } from "../../src/errors.ts";
import { createLogger, type Logger } from "../../src/logger.ts";
import { type CliArguments, checkDate, parseCommandLine, positiveNumber } from "./cli-arguments.ts";
import { commandHelp, usage } from "./command-help.ts";
import { tellFollowers } from "./follow-commands.ts";
import { ansiStyle, plainStyle, renderAnswer, renderDocuments } from "./render-terminal.ts";
import {
  ingestArguments,
  openPollerForServe,
  printIngestDetails,
  sourceCommands,
} from "./source-commands.ts";

interface CommandContext {
  args: string[];
  values: CliArguments["values"];
  config: Config;
  logger: Logger;
}

function filtersOf(values: CommandContext["values"]): SearchFilters | undefined {
  checkDate("--since", values.since);
  checkDate("--until", values.until);
  if (values.since && values.until && values.since > values.until)
    throw new BriefbotError("INPUT_INVALID", `--since ${values.since} is after --until ${values.until}`);
  if (!values.source && !values.since && !values.until) return undefined;
  return { publication: values.source, since: values.since, until: values.until };
}

/** Every line on stdout passes the secret mask: an answer or a JSON field may quote an error. */
function print(text: string): void {
  process.stdout.write(`${redactSecrets(text)}\n`);
}

function answerJson(answer: Answer) {
  return {
    question: answer.question,
    answered: answer.answered,
    coverage: answer.coverage,
    answer: answer.text,
    lang: answer.lang,
    answerer: answer.answerer,
    citations: answer.citations.map((citation) => ({
      n: citation.n,
      id: citation.id,
      doc_id: citation.docId,
      publication: citation.publication,
      title: citation.title,
      story: citation.story,
      date: citation.date,
      url: citation.url,
      path: citation.path,
      quote: citation.quote,
    })),
    related: answer.related,
  };
}

/**
 * Open the core. One-off commands keep conversations in memory; `serve`, `start`, `maintain` and
 * `feedback` use the configured state (shared by replicas, kept across restarts).
 */
async function open(
  context: CommandContext,
  options: { allowEmbedderChange?: boolean; state?: "configured" | "memory" } = {},
): Promise<Briefbot> {
  // Loaded on use so `--help` and usage errors answer at once.
  const { createBriefbot } = await import("../../src/create-briefbot.ts");
  return createBriefbot({
    config: context.config,
    logger: context.logger,
    databaseUri: context.values.db,
    allowEmbedderChange: options.allowEmbedderChange ?? false,
    state: options.state ?? "memory",
  });
}

async function ingestCommand(context: CommandContext): Promise<number> {
  const { createIngestProgress } = await import("./progress-bar.ts");
  const briefbot = await open(context, { allowEmbedderChange: context.values.reembed === true });
  try {
    if (context.values.reembed) {
      const progress = createIngestProgress(process.stderr.isTTY === true && !context.values.json);
      const count = await briefbot.reembed((done, total) => progress.update("embed", done, total));
      progress.stop();
      context.logger.info({ chunks: count }, "re-embedded the store");
    }
    if (context.args.length === 0) {
      if (context.values.reembed) return 0;
      throw new BriefbotError(
        "INPUT_INVALID",
        "ingest needs at least one file or directory, e.g. briefbot ingest data/",
      );
    }
    const progress = createIngestProgress(process.stderr.isTTY === true && !context.values.json);
    const started = performance.now();
    const report = await ingestArguments(briefbot, context, progress.update);
    progress.stop();
    await tellFollowers(briefbot, context, report.added);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (context.values.json) print(JSON.stringify(report));
    else {
      print(
        `Ingested ${report.files} files: ${report.documents} issues, ${report.chunks_added} chunks added, ` +
          `${report.chunks_unchanged} unchanged, ${report.chunks_removed} removed in ${seconds} s.`,
      );
      printIngestDetails(report);
      for (const error of report.errors)
        process.stderr.write(redactSecrets(`  error: ${error.path}: ${error.error}\n`));
    }
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await briefbot.close();
  }
}

/**
 * `ask --json` with no question: one question per stdin line (plain text, or a JSON object with a
 * `question` and optional `id`), one JSON object per line out, each question on its own (no
 * conversation between them), so a question set is judged in one process. A question that
 * fails prints its error and the rest go on.
 */
async function askEachLine(briefbot: Briefbot, filters: SearchFilters | undefined): Promise<number> {
  let failures = 0;
  let count = 0;
  for await (const line of createInterface({ input: process.stdin })) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    count += 1;
    const { question, id } = questionOfLine(trimmed);
    const conversationId = `cli-line-${count}`;
    try {
      const answer = await briefbot.answer({ question, conversationId, filters });
      print(JSON.stringify({ ...(id === undefined ? {} : { id }), ...answerJson(answer) }));
    } catch (error) {
      failures += 1;
      print(JSON.stringify({ ...(id === undefined ? {} : { id }), question, error: describeError(error) }));
    } finally {
      await briefbot.forget(conversationId);
    }
  }
  return failures > 0 ? 1 : 0;
}

function questionOfLine(line: string): { question: string; id?: unknown } {
  if (line.startsWith("{")) {
    try {
      const parsed = JSON.parse(line) as { question?: unknown; id?: unknown };
      if (typeof parsed.question === "string") return { question: parsed.question, id: parsed.id };
    } catch {
      // Not JSON after all: the line is the question.
    }
  }
  return { question: line };
}

async function askCommand(context: CommandContext): Promise<number> {
  const question = context.args.join(" ").trim();
  if (!question && !context.values.json)
    throw new BriefbotError(
      "INPUT_INVALID",
      'ask needs a question, e.g. briefbot ask "What did Arm say about China?" (or --json with one question per stdin line)',
    );
  const filters = filtersOf(context.values); // checked before the store opens: a bad date answers at once
  const briefbot = await open(context);
  if (!question) {
    try {
      return await askEachLine(briefbot, filters);
    } finally {
      await briefbot.close();
    }
  }
  try {
    const streaming = !context.values.json && process.stdout.isTTY === true;
    let printed = "";
    const answer = await briefbot.answer({
      question,
      conversationId: "cli",
      filters,
      onPartial: streaming
        ? (text) => {
            process.stdout.write(text.slice(printed.length));
            printed = text;
          }
        : undefined,
    });
    if (printed) process.stdout.write("\n\n");
    if (context.values.json) print(JSON.stringify(answerJson(answer)));
    else
      print(
        renderAnswer(
          printed ? { ...answer, text: "" } : answer,
          process.stdout.isTTY ? ansiStyle : plainStyle,
        ).replace(/^\n+/, ""),
      );
    return 0;
  } finally {
    await briefbot.close();
  }
}

async function chatCommand(context: CommandContext, briefbotGiven?: Briefbot): Promise<number> {
  const briefbot = briefbotGiven ?? (await open(context));
  const interactive = process.stdin.isTTY === true;
  const style = process.stdout.isTTY ? ansiStyle : plainStyle;
  const conversationId = "cli-chat";
  const lines = createInterface({
    input: process.stdin,
    output: interactive ? process.stdout : undefined,
    terminal: interactive,
  });
  if (interactive) {
    const overview = await briefbot.overview();
    print(
      `briefbot — ${overview.documents} issues from ${overview.publications.length} publications` +
        `${overview.latestDate ? `, latest ${overview.latestDate}` : ""}. Ask a question; /new starts over, /quit leaves.`,
    );
    lines.setPrompt("› ");
    lines.prompt();
  }
  try {
    for await (const line of lines) {
      const question = line.trim();
      if (question === "/quit" || question === "/exit") break;
      if (question === "/new") {
        await briefbot.forget(conversationId);
        if (interactive) {
          print("(new conversation)");
          lines.prompt();
        }
        continue;
      }
      if (question) {
        try {
          const answer = await briefbot.answer({
            question,
            conversationId,
            filters: filtersOf(context.values),
          });
          if (context.values.json) print(JSON.stringify(answerJson(answer)));
          else print(`${renderAnswer(answer, style)}\n`);
        } catch (error) {
          process.stderr.write(`error: ${describeError(error)}\n`);
        }
      }
      if (interactive) lines.prompt();
    }
  } finally {
    lines.close();
    await briefbot.close();
  }
  return 0;
}

async function searchCommand(context: CommandContext): Promise<number> {
  const limit = positiveNumber(context.values.k, 10, "--k");
  const filters = filtersOf(context.values);
  const briefbot = await open(context);
  const run = async (query: string) => {
    const results = await briefbot.search(query, { limit, filters });
    if (context.values.json) {
      print(
        JSON.stringify({
          query,
          results: results.map((result, index) => ({
            rank: index + 1,
            id: result.id,
            doc_id: result.docId,
            publication: result.publication,
            title: result.title,
            story: result.story,
            date: result.date,
            url: result.url,
            path: result.path,
            lang: result.lang,
            text: result.text,
            score: Math.round(result.score * 1e6) / 1e6,
          })),
        }),
      );
    } else {
      if (results.length === 0) print("No results.");
      for (const [index, result] of results.entries()) {
        print(
          `${index + 1}. ${result.publication} — ${result.story} (${result.date ?? "undated"})  score ${result.score.toFixed(3)}`,
        );
        print(`   ${result.text.replace(/\s+/g, " ").slice(0, 240)}`);
      }
    }
  };
  try {
    const query = context.args.join(" ").trim();
    if (query) await run(query);
    else if (context.values.json) {
      for await (const line of createInterface({ input: process.stdin }))
        if (line.trim()) await run(line.trim());
    } else
      throw new BriefbotError("INPUT_INVALID", 'search needs a query, e.g. briefbot search "TikTok Shop"');
    return 0;
  } finally {
    await briefbot.close();
  }
}

async function docsCommand(context: CommandContext): Promise<number> {
  const briefbot = await open(context);
  try {
    const documents = await briefbot.documents();
    const { coverage } = await briefbot.overview();
    if (context.values.json) print(JSON.stringify({ documents, coverage }));
    else print(`${renderDocuments(documents)}${documents.length > 0 ? `\n${coverage.line}` : ""}`);
    return 0;
  } finally {
    await briefbot.close();
  }
}

async function removeCommand(context: CommandContext): Promise<number> {
  const reference = context.args.join(" ").trim();
  const source = context.values.source?.trim();
  if (!reference && !source)
    throw new BriefbotError(
      "INPUT_INVALID",
      "remove needs a document id (see briefbot docs), a path or a title, or --source P for a publication",
    );
  if (reference && source)
    throw new BriefbotError("INPUT_INVALID", "remove takes an issue or --source P, not both");
  const briefbot = await open(context);
  try {
    const matches = await briefbot.matchDocuments(source ? { source } : { reference });
    if (matches.length > 1 && !context.values.yes) {
      const what = `${matches.length} issues match ${source ? `--source "${source}"` : `"${reference}"`}`;
      if (!process.stdin.isTTY)
        throw new BriefbotError("INPUT_INVALID", `${what}; add --yes to remove them all`);
      for (const document of matches)
        process.stderr.write(
          `  ${document.publication} — ${document.title} (${document.docId.slice(0, 10)})\n`,
        );
      if (!(await confirm(`${what}. Remove all ${matches.length}? [y/N] `))) {
        print("Nothing removed.");
        return 1;
      }
    }
    await briefbot.removeDocuments(matches);
    if (context.values.json) print(JSON.stringify({ removed: matches.map((document) => document.docId) }));
    else if (matches.length === 0)
      print(`No issue matches ${source ? `--source "${source}"` : `"${reference}"`}. See briefbot docs.`);
    else
      for (const document of matches)
        print(`Removed ${document.publication} — ${document.title} (${document.docId.slice(0, 10)})`);
    return matches.length === 0 ? 1 : 0;
  } finally {
    await briefbot.close();
  }
}

/** Ask a yes/no question on the terminal (stderr, so stdout stays clean); no is the default. */
async function confirm(question: string): Promise<boolean> {
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    const answer = await new Promise<string>((resolve) => lines.question(question, resolve));
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    lines.close();
  }
}

async function evalCommand(context: CommandContext): Promise<number> {
  const file = context.args[0];
  if (!file)
    throw new BriefbotError(
      "INPUT_INVALID",
      "eval needs a JSONL file, e.g. briefbot eval ../shared/eval/dev.jsonl",
    );
  const { parseEvalFile, renderEvalReport, runEval } = await import("../../src/eval/run-eval.ts");
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new BriefbotError(
      "INPUT_INVALID",
      error.code === "ENOENT" ? `no such file: ${file}` : `cannot read ${file}: ${error.message}`,
    );
  });
  const items = parseEvalFile(text, file);
  const k = positiveNumber(context.values.k, 5, "--k");
  const briefbot = await open(context);
  try {
    await briefbot.search("warm up"); // load term statistics and open indexes outside the timings
    const report = await runEval(
      items,
      {
        search: (question, conversationId) => briefbot.search(question, { limit: 10, conversationId }),
        answer: (question, conversationId) => briefbot.answer({ question, conversationId }),
        onAnswer: context.values.answers
          ? (item, answer, outcome) =>
              process.stderr.write(
                `${item.id} ${item.kind}/${item.lang} ${outcome.verdict} rank=${outcome.firstHitRank ?? "-"} ${item.question}\n` +
                  `   → ${answer.text.replace(/\s+/g, " ").slice(0, 400)}\n`,
              )
          : undefined,
      },
      k,
    );
    if (context.values.json) print(JSON.stringify(report));
    else print(renderEvalReport(report));
    return 0;
  } finally {
    await briefbot.close();
  }
}

async function startCommand(context: CommandContext): Promise<number> {
  const serving = Boolean(context.config.TELEGRAM_BOT_TOKEN || context.config.SLACK_BOT_TOKEN);
  const briefbot = await open(context, { state: serving ? "configured" : "memory" });
  const { ingestSampleOnce } = await import("../../src/pipeline/ingest-sample-once.ts");
  await ingestSampleOnce(briefbot, new URL("../../data/", import.meta.url).pathname, context.logger);
  if (serving) {
    const { serve } = await import("../serve.ts");
    const sources = await openPollerForServe(briefbot, context);
    return serve({ briefbot, config: context.config, logger: context.logger, sources });
  }
  return chatCommand(context, briefbot);
}

async function serveCommand(context: CommandContext): Promise<number> {
  const briefbot = await open(context, { state: "configured" });
  const { serve } = await import("../serve.ts");
  const sources = await openPollerForServe(briefbot, context);
  return serve({ briefbot, config: context.config, logger: context.logger, sources });
}

async function maintainCommand(context: CommandContext): Promise<number> {
  const briefbot = await open(context, { state: "configured" });
  try {
    const report = await briefbot.maintain(context.config.BRIEFBOT_MAINTENANCE_GRACE_SECONDS * 1000);
    if (context.values.json) print(JSON.stringify(report));
    else
      print(
        `Removed ${report.versionsRemoved} old versions (${(report.bytesRemoved / 1e6).toFixed(1)} MB), ` +
          `${report.tablesDropped.length} retired tables, ${report.stateEntriesRemoved} expired state entries.`,
      );
    return 0;
  } finally {
    await briefbot.close();
  }
}

async function feedbackCommand(context: CommandContext): Promise<number> {
  const briefbot = await open(context, { state: "configured" });
  try {
    for (const entry of await briefbot.feedbackVotes()) print(JSON.stringify(entry));
    return 0;
  } finally {
    await briefbot.close();
  }
}

const commands: Record<string, (context: CommandContext) => Promise<number>> = {
  start: startCommand,
  ingest: ingestCommand,
  ask: askCommand,
  chat: (context) => chatCommand(context),
  search: searchCommand,
  docs: docsCommand,
  remove: removeCommand,
  eval: evalCommand,
  serve: serveCommand,
  ...sourceCommands,
  maintain: maintainCommand,
  feedback: feedbackCommand,
};

let debug = false;

export async function main(argv: string[]): Promise<number> {
  debug = argv.includes("--debug");
  const { name, args, values } = parseCommandLine(argv);
  if (values.version) {
    const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    print(`briefbot ${packageJson.version}`);
    return 0;
  }
  if (name === undefined || name === "help") {
    const topic = args[0] === undefined ? undefined : commandHelp[args[0]];
    print(topic ?? usage);
    return name === undefined && !values.help ? 1 : 0;
  }
  const command = commands[name];
  if (command === undefined)
    throw new BriefbotError(
      "INPUT_INVALID",
      `unknown command "${name}"; the commands are ${Object.keys(commands).join(", ")} (see briefbot --help)`,
    );
  if (values.help) {
    print(commandHelp[name] ?? usage);
    return 0;
  }
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  maskSecretValues(secretValuesOf(config));
  const logger = createLogger(config.LOG_LEVEL);
  return command({ args, values, config, logger });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const code = error instanceof BriefbotError ? error.code : "UNEXPECTED";
    const hint = debug || code !== "UNEXPECTED" ? "" : " (run again with --debug for the stack)";
    process.stderr.write(
      redactSecrets(`briefbot: ${describeError(error)}${code === "UNEXPECTED" ? "" : ` (${code})`}${hint}\n`),
    );
    if (debug && error instanceof Error && error.stack)
      process.stderr.write(`${redactSecrets(error.stack)}\n`);
    process.exitCode = code === "INPUT_INVALID" || code === "CONFIG_INVALID" ? 2 : 1;
  },
);
