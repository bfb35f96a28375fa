/**
 * briefbot benchmarks: real ingest, warm search latency at 10k chunks, build and search at 100k and
 * 1M synthetic chunks, and retrieval quality against peers on the shared dev questions.
 *
 *   npm run bench                 everything (the 1M scale takes a while)
 *   npm run bench -- --quick      start-up, CLI ingest, 10k and 100k (with the peers at 100k); no 1M
 *   npm run bench -- --scales=10000,50000 --skip=peers,ingest,startup,archive
 *
 * The report (markdown, pasteable into the README) goes to stdout, progress to stderr, and every
 * figure to bench/results/latest.json.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Briefbot, LanguageBridge } from "../src/briefbot.ts";
import { createHashingEmbedder } from "../src/embed/hashing-embedder.ts";
import { type EvalItem, parseEvalFile } from "../src/eval/run-eval.ts";
import { createParaphraseBridge } from "../src/paraphrase/paraphrase-bridge.ts";
import { loadAverage, machineInfo, progress, round } from "./measure.ts";
import {
  briefbotRetriever,
  evaluateSafely,
  hashedVectorRetriever,
  lanceFtsRetriever,
  miniSearchRetriever,
  miniSearchTextRetriever,
  oramaRetriever,
  type PeerFigures,
} from "./peers.ts";
import { measurePeersAtScale, quickSlowPeerSeconds } from "./peers-at-scale.ts";
import { childrenCpuMs, measureCliIngest, measureReadFiles, measureStartup } from "./process-timings.ts";
import { type CorpusChunk, readChunks, runRealIngest } from "./real-ingest.ts";
import { type BenchResults, renderReport, type ScaleResult } from "./report.ts";
import { buildSyntheticStore, measureRecall, measureSearch } from "./scale.ts";
import { benchmarkQueries, VariantGenerator } from "./synthetic-corpus.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const sharedRoot = resolve(repoRoot, "../shared");
const resultsPath = join(repoRoot, "bench/results/latest.json");
/** The in-memory peers are built over the passages of the largest scale up to this (the comparison point). */
const peersUpToChunks = 100_000;

interface Arguments {
  quick: boolean;
  scales: number[];
  skip: Set<string>;
  batchSize: number;
  /** Wall-clock budget for generating and writing the largest scale; past it the run stops early and says so. */
  budgetMinutes: number;
  keepStores: boolean;
}

function parseArguments(argv: string[]): Arguments {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = argv.includes("--quick");
  const scales =
    value("scales")
      ?.split(",")
      .map((entry) => Number(entry.replace(/_/g, "")))
      .filter((entry) => Number.isInteger(entry) && entry > 0) ??
    // Quick: 10k and 100k (the peers are compared at 100k); the full run adds 1M.
    (quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]);
  return {
    quick,
    scales: [...new Set(scales)].sort((left, right) => left - right),
    skip: new Set(value("skip")?.split(",") ?? []),
    batchSize: Number(value("batch") ?? 20_000),
    budgetMinutes: Number(value("budget-minutes") ?? 20),
    keepStores: argv.includes("--keep-stores"),
  };
}

async function saveResults(results: BenchResults): Promise<void> {
  await mkdir(dirname(resultsPath), { recursive: true });
  await writeFile(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const workRoot = await mkdtemp(join(tmpdir(), "briefbot-bench-"));
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    mode: args.quick ? "quick" : "full",
    machine: machineInfo(),
    loadAtStart: loadAverage(),
    notes: [],
    ingest: null,
    peers: null,
    scales: [],
    bridge: null,
    startup: null,
    cliIngest: null,
    readFiles: null,
    scalePeers: null,
  };
  const corpusPaths = [join(sharedRoot, "corpus"), join(sharedRoot, "formats")];
  const devPath = join(sharedRoot, "eval/dev.jsonl");
  const hasShared = corpusPaths.every((path) => existsSync(path));
  let devItems: EvalItem[] = [];
  if (existsSync(devPath)) devItems = parseEvalFile(await readFile(devPath, "utf8"), devPath);

  try {
    // 0. Whole processes: start-up, `serve` readiness, the CLI ingest of the archive.
    if (!args.skip.has("startup")) {
      progress("0. start-up of one-shot commands and serve");
      results.startup = { ...(await measureStartup(repoRoot, workRoot, 5)), load: loadAverage() };
      await saveResults(results);
    }
    const archive = join(sharedRoot, "archive");
    if (existsSync(archive) && !args.skip.has("archive")) {
      progress("0. briefbot ingest ../shared/archive, then unchanged");
      results.cliIngest = {
        ...(await measureCliIngest(repoRoot, workRoot, archive, "../shared/archive")),
        load: loadAverage(),
      };
      await saveResults(results);
    }
    if (hasShared) results.readFiles = await measureReadFiles(corpusPaths);

    // 1. Real ingest (and the passages everything else is built from).
    let baseChunks: CorpusChunk[] = [];
    let briefbot: Briefbot | null = null;
    const ingestUri = join(workRoot, "real");
    if (!hasShared) {
      results.notes.push(
        `${sharedRoot}/corpus or /formats is absent: real ingest and peers skipped; synthetic text is built from data/.`,
      );
    }
    if (hasShared && !args.skip.has("ingest")) {
      progress(`1. ingesting ${corpusPaths.join(" ")}`);
      const loadBefore = loadAverage();
      const ingest = await runRealIngest(corpusPaths, ingestUri);
      results.ingest = {
        ...ingest.figures,
        paths: ["../shared/corpus", "../shared/formats"],
        loadBefore,
        loadAfter: loadAverage(),
      };
      briefbot = ingest.briefbot;
      baseChunks = ingest.chunks;
      await saveResults(results);
    } else {
      const fallback = hasShared ? corpusPaths : [join(repoRoot, "data")];
      const ingest = await runRealIngest(fallback, ingestUri);
      briefbot = ingest.briefbot;
      baseChunks = ingest.chunks;
    }

    // Whatever language bridge createBriefbot wired (the Lexicon, today) is used by the synthetic
    // stores too, so their search_text and query plans match a real ingest's.
    const bridge = (Reflect.get(briefbot, "options") as { bridge?: LanguageBridge } | undefined)?.bridge;
    results.bridge = bridge === undefined ? null : "language bridge configured by createBriefbot (Lexicon)";

    // 4. Peers on the real corpus.
    if (hasShared && devItems.length > 0 && !args.skip.has("peers")) {
      progress("4. peers on the dev questions");
      const store = briefbot.store;
      const dimensions = createHashingEmbedder().dimensions;
      const rows: PeerFigures[] = [];
      const loadBefore = loadAverage();
      rows.push(
        await evaluateSafely("briefbot", () => briefbotRetriever(briefbot!, bridge !== undefined), devItems),
      );
      rows.push(await evaluateSafely("MiniSearch", () => miniSearchRetriever(baseChunks), devItems));
      rows.push(
        await evaluateSafely(
          "MiniSearch over search_text",
          () => miniSearchTextRetriever(baseChunks),
          devItems,
        ),
      );
      const mandarin = await evaluateSafely(
        "Orama 3 + @orama/tokenizers/mandarin",
        () => oramaRetriever(baseChunks, "mandarin"),
        devItems,
      );
      rows.push(mandarin);
      // Shown either way: the fallback the brief asks for when the mandarin tokenizer fails, and a
      // reference for what segmentation buys when it works.
      rows.push(
        await evaluateSafely(
          "Orama 3, default tokenizer",
          () => oramaRetriever(baseChunks, "default"),
          devItems,
        ),
      );
      rows.push(await evaluateSafely("LanceDB FTS alone", () => lanceFtsRetriever(store), devItems));
      rows.push(
        await evaluateSafely(
          "hashed vectors alone",
          () => hashedVectorRetriever(store, dimensions),
          devItems,
        ),
      );
      results.peers = {
        chunks: baseChunks.length,
        items: devItems.length,
        answerable: devItems.filter((item) => item.gold.length > 0).length,
        rows,
        loadBefore,
        loadAfter: loadAverage(),
      };
      await saveResults(results);
    }

    // 2 and 3. Synthetic stores.
    const generator = new VariantGenerator(baseChunks);
    const devQuestions = devItems.map((item) => item.question);
    const queries = benchmarkQueries(devQuestions, baseChunks, 200, 7);
    const warmup = benchmarkQueries([], baseChunks, 20, 99);
    const recallQueries = queries.slice(0, 50);
    if (!args.skip.has("scale")) {
      const largest = args.scales.at(-1);
      const peersAtChunks = args.scales.filter((total) => total <= peersUpToChunks).at(-1);
      for (const total of args.scales) {
        const uri = join(workRoot, `synthetic-${total}`);
        progress(`${total <= 10_000 ? 2 : 3}. building ${total.toLocaleString("en-US")} synthetic chunks`);
        const loadBefore = loadAverage();
        const budgetMs =
          total === largest && total > 100_000 ? args.budgetMinutes * 60_000 : Number.POSITIVE_INFINITY;
        const built = await buildSyntheticStore(generator, total, uri, args.batchSize, budgetMs, bridge);
        progress(
          `  built in ${built.figures.writeSeconds} s write + ${built.figures.indexSeconds} s index; searching`,
        );
        const search = await measureSearch(
          built.store,
          queries,
          warmup,
          bridge,
          args.skip.has("paraphrase") ? undefined : await createParaphraseBridge(built.store),
        );
        // Recall of the vector index against exact search, where one was built (none when search
        // reads no vectors: the hashing embedder).
        const recall = built.figures.vectorIndexBuilt
          ? await measureRecall(built.store, uri, recallQueries)
          : null;
        const scale: ScaleResult = {
          build: built.figures,
          search,
          recall,
          loadBefore,
          loadAfter: loadAverage(),
        };
        results.scales.push(scale);
        if (total === peersAtChunks && !args.skip.has("peers")) {
          progress(`  peers over the same ${total.toLocaleString("en-US")} passages`);
          const rssMB = round(process.memoryUsage().rss / 1024 ** 2, 0);
          const passages = await readChunks(uri);
          results.scalePeers = {
            chunks: passages.length,
            briefbotRssMB: rssMB,
            rows: await measurePeersAtScale(passages, queries, {
              slowPeerSeconds: args.quick ? quickSlowPeerSeconds : undefined,
            }),
            load: loadAverage(),
          };
        }
        await built.store.close();
        if (!args.keepStores) await rm(uri, { recursive: true, force: true });
        await saveResults(results);
      }
    }

    await briefbot.close();
  } finally {
    results.finishedAt = new Date().toISOString();
    results.loadAtEnd = loadAverage();
    results.totalSeconds = round((Date.parse(results.finishedAt) - Date.parse(results.startedAt)) / 1000, 1);
    const own = process.cpuUsage();
    results.cpuSeconds = round((own.user + own.system) / 1e6 + (childrenCpuMs() ?? 0) / 1000, 1);
    await saveResults(results);
    if (!args.keepStores) await rm(workRoot, { recursive: true, force: true });
  }
  process.stdout.write(`${renderReport(results)}\n`);
  progress(`wrote ${resultsPath}`);
}

await main();
