/**
 * Which side of cross-language retrieval helps: the dev set run four times over fresh stores of
 * `../shared/corpus`, with the lexicon bridge off, used only at ingest (glosses in `gloss_text`),
 * used only at query time (weighted translations of the question), and on both sides (the default).
 *
 * Run: npm run bench:crosslingual [-- <corpus dir>... ] (default ../shared/corpus)
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Briefbot, type LanguageBridge } from "../src/briefbot.ts";
import { createHashingEmbedder } from "../src/embed/hashing-embedder.ts";
import { type EvalReport, parseEvalFile, runEval } from "../src/eval/run-eval.ts";
import { createLexiconBridge } from "../src/lexicon/lexicon-bridge.ts";
import { LanceChunkStore } from "../src/store/lancedb-store.ts";
import { markdownTable, progress } from "./measure.ts";

const sharedRoot = resolve(import.meta.dirname, "../../shared");
const devPath = join(sharedRoot, "eval/dev.jsonl");

type Variant = "off" | "ingest only" | "query only" | "both";
const variants: Variant[] = ["off", "ingest only", "query only", "both"];

/** The bridge with one side switched off. */
function restrict(bridge: LanguageBridge, variant: Variant): LanguageBridge | undefined {
  if (variant === "off") return undefined;
  if (variant === "both") return bridge;
  return {
    ...bridge,
    expandQuery: variant === "query only" ? bridge.expandQuery : () => [],
    enrichmentTerms: variant === "ingest only" ? bridge.enrichmentTerms : () => [],
  };
}

async function runVariant(variant: Variant, paths: string[], items: ReturnType<typeof parseEvalFile>) {
  const directory = await mkdtemp(join(tmpdir(), "briefbot-ablation-"));
  const embedder = createHashingEmbedder();
  const store = await LanceChunkStore.open({ uri: directory, embedder });
  try {
    const bridge = restrict(await createLexiconBridge(store), variant);
    const briefbot = new Briefbot({ store, embedder, ...(bridge === undefined ? {} : { bridge }) });
    const ingest = await briefbot.ingest(paths);
    if (ingest.errors.length > 0) throw new Error(`ingest errors: ${JSON.stringify(ingest.errors)}`);
    return await runEval(items, {
      search: (question, conversationId) => briefbot.search(question, { limit: 10, conversationId }),
      answer: (question, conversationId) => briefbot.answer({ question, conversationId }),
    });
  } finally {
    await store.close();
    await rm(directory, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const paths = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  const corpus = paths.length > 0 ? paths : [join(sharedRoot, "corpus")];
  if (!existsSync(devPath) || !corpus.every((path) => existsSync(path))) {
    console.error(`Needs ${devPath} and ${corpus.join(", ")}.`);
    process.exitCode = 1;
    return;
  }
  const items = parseEvalFile(await readFile(devPath, "utf8"), devPath);
  const reports = new Map<Variant, EvalReport>();
  for (const variant of variants) {
    progress(`cross-language ${variant}`);
    reports.set(variant, await runVariant(variant, corpus, items));
  }
  const kinds = [...new Set(items.map((item) => item.kind))].filter((kind) => kind !== "unanswerable").sort();
  const cell = (value: number | null) => (value === null ? "–" : value.toFixed(3));
  console.log(`Dev set (${items.length} questions) over ${corpus.join(", ")}; hit@5 (MRR@10).\n`);
  console.log(
    markdownTable(
      ["bridge", "overall", ...kinds, "answered", "refused", "search p50 ms"],
      variants.map((variant) => {
        const report = reports.get(variant)!;
        return [
          variant,
          `${cell(report.overall.hitAtK)} (${cell(report.overall.mrrAt10)})`,
          ...kinds.map((kind) => {
            const group = report.byKind[kind];
            return group === undefined ? "–" : `${cell(group.hitAtK)} (${cell(group.mrrAt10)})`;
          }),
          cell(report.overall.answeredRate),
          cell(report.overall.refusedRate),
          report.latencyMs.searchP50.toFixed(1),
        ];
      }),
    ),
  );
}

await main();
