/**
 * What each source of paraphrase expansion adds: the dev sets (`../shared/eval/dev-large.jsonl`,
 * `dev.jsonl`) over one store of `../shared/corpus` + `../shared/formats`, and our own paraphrased
 * questions (bench/paraphrase-questions.jsonl, written by us in other words than the briefs) over
 * `../shared/archive`, with paraphrase off, each source alone, and all together; hit@5 by kind and
 * language, refusals of unanswerable items, search p50, and the cost of the expansion itself.
 *
 * Run: npm run bench:paraphrase [-- --json out.json] [-- --skip-archive] [-- --only off,all]
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Briefbot } from "../src/briefbot.ts";
import { createHashingEmbedder } from "../src/embed/hashing-embedder.ts";
import { type EvalItem, type EvalReport, parseEvalFile, runEval } from "../src/eval/run-eval.ts";
import { createLexiconBridge } from "../src/lexicon/lexicon-bridge.ts";
import { createParaphraseBridge } from "../src/paraphrase/paraphrase-bridge.ts";
import type { ParaphraseSources } from "../src/paraphrase/paraphraser.ts";
import { LanceChunkStore } from "../src/store/lancedb-store.ts";
import {
  describeLoad,
  describeMachine,
  loadAverage,
  machineInfo,
  markdownTable,
  progress,
  summarize,
} from "./measure.ts";

const sharedRoot = resolve(import.meta.dirname, "../../shared");
const ownQuestionsPath = resolve(import.meta.dirname, "paraphrase-questions.jsonl");

const none: ParaphraseSources = { wordnet: false, chinese: false, feedback: false, aliases: false };
export const paraphraseVariants: Array<[string, ParaphraseSources | undefined]> = [
  ["off", undefined],
  ["WordNet", { ...none, wordnet: true }],
  ["Chinese (CEDICT + script)", { ...none, chinese: true }],
  ["feedback", { ...none, feedback: true }],
  ["aliases", { ...none, aliases: true }],
  ["all but feedback", { wordnet: true, chinese: true, feedback: false, aliases: true }],
  ["all (default)", { wordnet: true, chinese: true, feedback: true, aliases: true }],
];

/**
 * Our own questions name the gold passage by a few words it must hold (all of them) and the file
 * we wrote it from, not by a quotation, so no text of the archive is copied here.
 */
interface OwnQuestion {
  id: string;
  question: string;
  lang: string;
  doc: string;
  words: string[];
}

async function openStore(paths: string[]) {
  const directory = await mkdtemp(join(tmpdir(), "briefbot-paraphrase-"));
  const embedder = createHashingEmbedder();
  const store = await LanceChunkStore.open({ uri: directory, embedder });
  const bridge = await createLexiconBridge(store);
  // Ingest once with every source on, so the aliases the briefs define are learned and stored.
  const learner = new Briefbot({ store, embedder, bridge, paraphraser: await createParaphraseBridge(store) });
  const report = await learner.ingest(paths);
  if (report.errors.length > 0) throw new Error(`ingest errors: ${JSON.stringify(report.errors)}`);
  const briefbotFor = async (sources: ParaphraseSources | undefined) =>
    new Briefbot({
      store,
      embedder,
      bridge,
      ...(sources === undefined ? {} : { paraphraser: await createParaphraseBridge(store, sources) }),
    });
  const close = async () => {
    await store.close();
    await rm(directory, { recursive: true, force: true });
  };
  return { briefbotFor, close };
}

function evalFor(briefbot: Briefbot, items: EvalItem[]): Promise<EvalReport> {
  return runEval(items, {
    search: (question) => briefbot.search(question, { limit: 10 }),
    answer: (question, conversationId) => briefbot.answer({ question, conversationId }),
  });
}

const cell = (value: number | null | undefined) =>
  value === null || value === undefined ? "–" : value.toFixed(3);

function ablationTable(title: string, reports: Map<string, EvalReport>, items: EvalItem[]): string {
  const kinds = [...new Set(items.map((item) => item.kind))].filter((kind) => kind !== "unanswerable").sort();
  const langs = [...new Set(items.map((item) => item.lang))].sort();
  return `${title}\n\n${markdownTable(
    ["paraphrase", "overall", ...kinds, ...langs.map((lang) => `all ${lang}`), "refused", "search p50 ms"],
    [...reports].map(([variant, report]) => [
      variant,
      cell(report.overall.hitAtK),
      ...kinds.map((kind) => cell(report.byKind[kind]?.hitAtK)),
      ...langs.map((lang) => cell(report.byLang[lang]?.hitAtK)),
      cell(report.overall.refusedRate),
      report.latencyMs.searchP50.toFixed(1),
    ]),
  )}`;
}

async function ownQuestionFigures(briefbot: Briefbot, questions: OwnQuestion[]) {
  const byLang = new Map<string, { hits: number; reciprocal: number; total: number }>();
  const misses: string[] = [];
  for (const question of questions) {
    const results = await briefbot.search(question.question, { limit: 10 });
    // Any passage that holds every gold word counts: the archive repeats some stories across issues.
    const rank =
      results.findIndex((result) =>
        question.words.every((word) => result.text.toLowerCase().includes(word.toLowerCase())),
      ) + 1;
    const entry = byLang.get(question.lang) ?? { hits: 0, reciprocal: 0, total: 0 };
    entry.total += 1;
    if (rank > 0 && rank <= 5) entry.hits += 1;
    else misses.push(question.id);
    if (rank > 0) entry.reciprocal += 1 / rank;
    byLang.set(question.lang, entry);
  }
  const entries = [...byLang.values()];
  const total = entries.reduce((sum, entry) => sum + entry.total, 0);
  return {
    overall: total === 0 ? null : entries.reduce((sum, entry) => sum + entry.hits, 0) / total,
    mrr: total === 0 ? null : entries.reduce((sum, entry) => sum + entry.reciprocal, 0) / total,
    byLang: Object.fromEntries([...byLang].map(([lang, entry]) => [lang, entry.hits / entry.total])),
    misses,
  };
}

/** Per-question cost of the expansion alone (warm; the first call's load is reported apart). */
export async function expansionCost(questions: string[]) {
  const { createParaphraser } = await import("../src/paraphrase/paraphraser.ts");
  const paraphraser = createParaphraser();
  const coldStart = performance.now();
  paraphraser.expand("Which company laid off staff?");
  paraphraser.expand("哪家公司裁员了？");
  const coldMs = performance.now() - coldStart;
  const times: number[] = [];
  for (const question of questions) {
    const start = performance.now();
    paraphraser.expand(question);
    times.push(performance.now() - start);
  }
  return { coldMs, warm: summarize(times) };
}

async function main(): Promise<void> {
  const jsonIndex = process.argv.indexOf("--json");
  const jsonPath = jsonIndex >= 0 ? process.argv[jsonIndex + 1] : undefined;
  const skipArchive = process.argv.includes("--skip-archive");
  const onlyIndex = process.argv.indexOf("--only");
  const only = onlyIndex >= 0 ? new Set((process.argv[onlyIndex + 1] ?? "").split(",")) : undefined;
  const variants = paraphraseVariants.filter(([name]) => only === undefined || only.has(name));
  const evalPaths = ["dev-large.jsonl", "dev.jsonl"].map((name) => join(sharedRoot, "eval", name));
  const corpus = [join(sharedRoot, "corpus"), join(sharedRoot, "formats")];
  if (![...evalPaths, ...corpus].every((path) => existsSync(path))) {
    console.error(`Needs ${[...evalPaths, ...corpus].join(", ")}.`);
    process.exitCode = 1;
    return;
  }
  const machine = machineInfo();
  const output: Record<string, unknown> = { machine, loadBefore: loadAverage() };
  const evalSets = await Promise.all(
    evalPaths.map(async (path) => [path, parseEvalFile(await readFile(path, "utf8"), path)] as const),
  );
  progress("paraphrase: ingesting corpus + formats");
  const corpusStore = await openStore(corpus);
  const tables: string[] = [];
  try {
    for (const [path, items] of evalSets) {
      const reports = new Map<string, EvalReport>();
      for (const [variant, sources] of variants) {
        progress(`paraphrase: ${path.split("/").pop()} ${variant}`);
        reports.set(variant, await evalFor(await corpusStore.briefbotFor(sources), items));
      }
      output[path] = Object.fromEntries(reports);
      tables.push(
        ablationTable(
          `${path.split("/").pop()} (${items.length} questions): hit@5 by kind and language`,
          reports,
          items,
        ),
      );
    }
  } finally {
    await corpusStore.close();
  }
  const archive = join(sharedRoot, "archive");
  if (!skipArchive && existsSync(archive) && existsSync(ownQuestionsPath)) {
    const questions = (await readFile(ownQuestionsPath, "utf8"))
      .split("\n")
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as OwnQuestion);
    progress("paraphrase: ingesting archive");
    const archiveStore = await openStore([archive]);
    try {
      const rows: string[][] = [];
      const figures: Record<string, unknown> = {};
      for (const [variant, sources] of variants) {
        const result = await ownQuestionFigures(await archiveStore.briefbotFor(sources), questions);
        figures[variant] = result;
        rows.push([
          variant,
          cell(result.overall),
          cell(result.mrr),
          cell(result.byLang.en),
          cell(result.byLang.zh),
          result.misses.join(" "),
        ]);
      }
      output.ownQuestions = figures;
      tables.push(
        `Our own paraphrased questions over ../shared/archive (${questions.length}, written by us): hit@5\n\n${markdownTable(
          ["paraphrase", "hit@5", "MRR@10", "en hit@5", "zh hit@5", "missed"],
          rows,
        )}`,
      );
    } finally {
      await archiveStore.close();
    }
  }
  const allQuestions = evalSets.flatMap(([, items]) => items.map((item) => item.question));
  const cost = await expansionCost(allQuestions);
  output.expansionCost = cost;
  output.loadAfter = loadAverage();
  console.log(`Machine: ${describeMachine(machine)}; ${describeLoad(output.loadAfter as number[])}\n`);
  console.log(tables.join("\n\n"));
  console.log(
    `\nExpansion cost per question (all sources, warm): p50 ${cost.warm.p50} ms, p95 ${cost.warm.p95} ms, mean ${cost.warm.mean} ms over ${cost.warm.n} questions; first use (WordNet, tables) ${cost.coldMs.toFixed(0)} ms.`,
  );
  if (jsonPath !== undefined) await writeFile(jsonPath, JSON.stringify(output, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
