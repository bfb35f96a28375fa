import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import dotenv from "dotenv";
import type { Answer, SearchFilters } from "../../src/answer/answer-types.ts";
import type { Briefbot } from "../../src/briefbot.ts";
import { type Config, loadConfig } from "../../src/config.ts";
import { BriefbotError, describeError } from "../../src/errors.ts";
import { parseEvalFile, renderEvalReport, runEval } from "../../src/eval/run-eval.ts";
import { createLogger, type Logger } from "../../src/logger.ts";
import { createIngestProgress } from "./progress-bar.ts";
import { ansiStyle, plainStyle, renderAnswer, renderDocuments } from "./render-terminal.ts";

const usage = `briefbot — ask your tech briefs questions, with cited answers

Usage:
  briefbot start                        ingest data/ if the store is empty, then serve the configured
                                        bots (Telegram, Slack) or open a terminal chat
  briefbot ingest <file|dir>... [--json] [--reembed]
  briefbot ask "<question>" [--json] [--source P] [--since D] [--until D]
  briefbot chat                         multi-turn chat; /new starts over, /quit leaves
  briefbot search "<query>" [--json] [--k N] [--source P] [--since D] [--until D]
  briefbot docs [--json]                issues in the store
  briefbot remove <doc-id|path|title>
  briefbot eval <file.jsonl> [--k 5] [--json] [--answers]
  briefbot serve                        run the Telegram and Slack bots whose settings are present
  briefbot maintain [--json]            clean up the store: files of replaced versions, retired
                                        tables, expired state (run from one process at a time)
  briefbot feedback                     every 👍/👎 vote recorded, as JSON Lines

Options:
  --db <uri>     LanceDB location (default: BRIEFBOT_DB or .briefbot/db)
  --json         machine-readable output on stdout (logs stay on stderr)
  --k <n>        results to show (search) or the cut-off for hit@k (eval)
  --answers      eval: also print each item's verdict and answer
  --source <p>   only publications whose name contains p
  --since/--until <YYYY-MM-DD>   date range, inclusive
`;

interface CommandContext {
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
  };
  config: Config;
  logger: Logger;
}

function filtersOf(values: CommandContext["values"]): SearchFilters | undefined {
  const datePattern = /^\d{4}-\d{2}-\d{2}$/;
  for (const [name, value] of [
    ["--since", values.since],
    ["--until", values.until],
  ] as const) {
    if (value !== undefined && !datePattern.test(value)) {
      throw new BriefbotError("INPUT_INVALID", `${name} expects a date like 2026-01-31, got "${value}"`);
    }
  }
  if (!values.source && !values.since && !values.until) return undefined;
  return { publication: values.source, since: values.since, until: values.until };
}

function positiveNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new BriefbotError("INPUT_INVALID", `${name} expects a positive whole number, got "${value}"`);
  return parsed;
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
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
    const report = await briefbot.ingest(context.args, { onProgress: progress.update });
    progress.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (context.values.json) print(JSON.stringify(report));
    else {
      print(
        `Ingested ${report.files} files: ${report.documents} issues, ${report.chunks_added} chunks added, ` +
          `${report.chunks_unchanged} unchanged, ${report.chunks_removed} removed in ${seconds} s.`,
      );
      for (const error of report.errors) process.stderr.write(`  error: ${error.path}: ${error.error}\n`);
    }
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await briefbot.close();
  }
}

async function askCommand(context: CommandContext): Promise<number> {
  const question = context.args.join(" ").trim();
  if (!question)
    throw new BriefbotError(
      "INPUT_INVALID",
      'ask needs a question, e.g. briefbot ask "What did Arm say about China?"',
    );
  const briefbot = await open(context);
  try {
    const streaming = !context.values.json && process.stdout.isTTY === true;
    let printed = "";
    const answer = await briefbot.answer({
      question,
      conversationId: "cli",
      filters: filtersOf(context.values),
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
  const briefbot = await open(context);
  const limit = positiveNumber(context.values.k, 10, "--k");
  const filters = filtersOf(context.values);
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
    if (context.values.json) print(JSON.stringify({ documents }));
    else print(renderDocuments(documents));
    return 0;
  } finally {
    await briefbot.close();
  }
}

async function removeCommand(context: CommandContext): Promise<number> {
  const reference = context.args.join(" ").trim();
  if (!reference)
    throw new BriefbotError(
      "INPUT_INVALID",
      "remove needs a document id (see briefbot docs), a path or a title",
    );
  const briefbot = await open(context);
  try {
    const removed = await briefbot.remove(reference);
    if (context.values.json) print(JSON.stringify({ removed: removed.map((document) => document.docId) }));
    else if (removed.length === 0) print(`No issue matches "${reference}". See briefbot docs for ids.`);
    else
      for (const document of removed)
        print(`Removed ${document.publication} — ${document.title} (${document.docId.slice(0, 10)})`);
    return removed.length === 0 ? 1 : 0;
  } finally {
    await briefbot.close();
  }
}

async function evalCommand(context: CommandContext): Promise<number> {
  const file = context.args[0];
  if (!file)
    throw new BriefbotError(
      "INPUT_INVALID",
      "eval needs a JSONL file, e.g. briefbot eval ../shared/eval/dev.jsonl",
    );
  const items = parseEvalFile(await readFile(file, "utf8"), file);
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
    return serve({ briefbot, config: context.config, logger: context.logger });
  }
  return chatCommand(context, briefbot);
}

async function serveCommand(context: CommandContext): Promise<number> {
  const briefbot = await open(context, { state: "configured" });
  const { serve } = await import("../serve.ts");
  return serve({ briefbot, config: context.config, logger: context.logger });
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
  maintain: maintainCommand,
  feedback: feedbackCommand,
};

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: "string" },
      json: { type: "boolean" },
      k: { type: "string" },
      source: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      reembed: { type: "boolean" },
      answers: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [name, ...args] = positionals;
  if (values.help || name === undefined || name === "help") {
    print(usage);
    return name === undefined && !values.help ? 1 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  return command({ args, values, config, logger });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const code = error instanceof BriefbotError ? error.code : "UNEXPECTED";
    process.stderr.write(`briefbot: ${describeError(error)}${code === "UNEXPECTED" ? "" : ` (${code})`}\n`);
    if (code === "UNEXPECTED" && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`);
    process.exitCode = code === "INPUT_INVALID" || code === "CONFIG_INVALID" ? 2 : 1;
  },
);
