import {
  describeLoad,
  describeMachine,
  formatCount,
  formatMs,
  formatRate,
  type Latency,
  type MachineInfo,
  markdownTable,
} from "./measure.ts";
import type { PeerFigures } from "./peers.ts";
import type { ScalePeerFigures } from "./peers-at-scale.ts";
import type { CliIngestFigures, ProcessTiming, ReadFilesFigures, StartupFigures } from "./process-timings.ts";
import type { IngestFigures } from "./real-ingest.ts";
import type { BuildFigures, RecallFigures, SearchFigures } from "./scale.ts";

/** Everything one run measured; also the shape of bench/results/latest.json. */
export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  totalSeconds?: number;
  /** CPU seconds of the whole run: this process (user + system) and the CLI processes it spawned. */
  cpuSeconds?: number;
  mode: "quick" | "full";
  machine: MachineInfo;
  loadAtStart: number[];
  loadAtEnd?: number[];
  notes: string[];
  ingest: (IngestFigures & { loadBefore: number[]; loadAfter: number[] }) | null;
  peers: {
    chunks: number;
    items: number;
    answerable: number;
    rows: PeerFigures[];
    loadBefore: number[];
    loadAfter: number[];
  } | null;
  scales: ScaleResult[];
  /** The language bridge createBriefbot configured, or null. */
  bridge: string | null;
  startup: (StartupFigures & { load: number[] }) | null;
  cliIngest: (CliIngestFigures & { load: number[] }) | null;
  readFiles: ReadFilesFigures | null;
  scalePeers: { chunks: number; briefbotRssMB: number; rows: ScalePeerFigures[]; load: number[] } | null;
}

export interface ScaleResult {
  build: BuildFigures;
  search: SearchFigures;
  recall: RecallFigures | null;
  loadBefore: number[];
  loadAfter: number[];
}

const compact = (chunks: number) =>
  chunks >= 1_000_000 && chunks % 1_000_000 === 0
    ? `${chunks / 1_000_000}M`
    : chunks >= 1000 && chunks % 1000 === 0
      ? `${chunks / 1000}k`
      : formatCount(chunks);

const seconds = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

const loads = (before: readonly number[], after: readonly number[]) =>
  `Load: ${describeLoad(before)} before, ${(after[0] ?? 0).toFixed(2)} after (1-min avg).`;

export function renderReport(results: BenchResults): string {
  const out: string[] = [];
  const machine = results.machine;
  out.push(
    `### Benchmarks (${results.mode} run, ${results.startedAt.slice(0, 10)})`,
    "",
    `Machine: ${describeMachine(machine)}. Shared with other jobs: ${describeLoad(results.loadAtStart)} at start` +
      `${results.loadAtEnd ? `, ${results.loadAtEnd[0]?.toFixed(2)} at end` : ""}; on ${machine.cores} cores, a load above ${machine.cores} means every figure below is slower than on an idle machine.` +
      `${results.totalSeconds === undefined ? "" : ` Whole run: ${seconds(results.totalSeconds)} s wall${results.cpuSeconds === undefined ? "" : `, ${seconds(results.cpuSeconds)} s CPU (this process and the CLI processes it ran; LanceDB's threads included)`}.`}`,
  );
  if (results.bridge !== null)
    out.push(
      "",
      `Setup: \`createBriefbot(loadConfig({}))\` (hashing embedder, extractive answerer) with its ${results.bridge}; the synthetic stores use the same bridge for search_text enrichment and query expansion.`,
    );
  for (const note of results.notes) out.push("", `> ${note}`);

  out.push(...renderProcessFigures(results));

  const ingest = results.ingest;
  out.push(
    "",
    "#### 1. Ingest of the real corpus (`briefbot ingest ../shared/corpus ../shared/formats`, in-process)",
    "",
  );
  if (ingest === null) out.push("Skipped.");
  else {
    out.push(
      markdownTable(
        [
          "files",
          "issues",
          "chunks",
          "input MB",
          "first ingest",
          "MB/s",
          "chunks/s",
          "unchanged re-ingest",
          "re-ingest wrote",
        ],
        [
          [
            ingest.files,
            ingest.issues,
            ingest.chunks,
            ingest.inputMB.toFixed(2),
            `${seconds(ingest.firstSeconds)} s`,
            ingest.mbPerSecond.toFixed(2),
            formatCount(ingest.chunksPerSecond),
            `${seconds(ingest.reingestSeconds)} s`,
            `${ingest.reingestAdded + ingest.reingestRemoved} chunks`,
          ],
        ],
      ),
      "",
      `Fresh LanceDB directory, hashing embedder, \`createBriefbot(loadConfig({}))\`. Target: first ingest under 10 s — ${ingest.firstSeconds < 10 ? "met" : "**missed**"}. ` +
        `${ingest.errors > 0 ? `${ingest.errors} file(s) failed to read. ` : ""}${loads(ingest.loadBefore, ingest.loadAfter)}`,
    );
  }

  const first = results.scales.find((scale) => scale.build.chunks <= 10_000);
  out.push("", "#### 2. Search latency, warm, in-process", "");
  if (first === undefined) out.push("Skipped.");
  else {
    const search = first.search;
    const row = (name: string, latency: Latency | null) =>
      latency === null
        ? [name, "not run", "-", "-"]
        : [name, formatMs(latency.p50), formatMs(latency.p95), formatMs(latency.p99)];
    out.push(
      `${formatCount(first.build.chunks)} synthetic chunks (variants of the ${"real"} chunks: sentences shuffled across chunks, numbers and names changed), ` +
        `${search.queries} queries (the dev questions plus phrases cut from random chunks), sequential, after ${"a"} 20-query warm-up.`,
      "",
      markdownTable(
        ["path", "p50 ms", "p95 ms", "p99 ms"],
        [
          row("`Briefbot.search` (hybrid, limit 10)", search.briefbot),
          row("LanceDB FTS only (`lexicalSearch`, 40)", search.lexical),
          row("LanceDB vector only (`vectorSearch`, 40, brute force)", search.vector),
          row("query embedding (hashing, 512-d)", search.queryEmbed),
          ...(search.withParaphrase === undefined
            ? []
            : [row("`Briefbot.search` with paraphrase expansion", search.withParaphrase)]),
          ...(search.paraphraseExpansion === undefined
            ? []
            : [row("paraphrase expansion step alone", search.paraphraseExpansion)]),
        ],
      ),
      "",
      `Target p50 < 10 ms — ${search.briefbot.p50 < 10 ? "met" : "**missed**"}. First search on a fresh \`Briefbot\` (loads term statistics): ${formatMs(search.firstSearchMs)} ms. ${loads(first.loadBefore, first.loadAfter)}`,
    );
  }

  out.push("", "#### 3. Scale: synthetic stores built through `replaceDocuments` + `maintainIndexes()`", "");
  if (results.scales.length === 0) out.push("Skipped.");
  else {
    out.push(
      markdownTable(
        [
          "chunks",
          "embed (chunks/s)",
          "tokenize + enrich search_text",
          "write (chunks/s)",
          "write: first → last batch",
          "index build",
          "of which IVF_HNSW_SQ",
          "disk",
        ],
        results.scales.map(({ build }) => [
          compact(build.chunks),
          `${seconds(build.embedSeconds)} s (${formatRate(build.chunks, build.embedSeconds * 1000)})`,
          `${seconds(build.tokenizeSeconds)} + ${build.enrichSeconds === null ? "-" : seconds(build.enrichSeconds)} s`,
          `${seconds(build.writeSeconds)} s (${formatRate(build.chunks, build.writeSeconds * 1000)})`,
          `${seconds(build.firstBatchWriteSeconds)} → ${seconds(build.lastBatchWriteSeconds)} s`,
          `${seconds(build.indexSeconds)} s (${formatRate(build.chunks, build.indexSeconds * 1000)}/s)`,
          build.indexBreakdownSeconds["vector (IVF_HNSW_SQ)"] === undefined
            ? "none"
            : `${seconds(build.indexBreakdownSeconds["vector (IVF_HNSW_SQ)"])} s`,
          `${formatCount(build.diskMB)} MB`,
        ]),
      ),
      "",
      markdownTable(
        [
          "chunks",
          "`Briefbot.search` p50 / p95",
          "FTS p50 / p95",
          "vector p50 / p95",
          "vector index",
          "recall@10 vs exact",
          "exact scan p50",
        ],
        results.scales.map(({ build, search, recall }) => [
          compact(build.chunks),
          `${formatMs(search.briefbot.p50)} / ${formatMs(search.briefbot.p95)} ms`,
          `${formatMs(search.lexical.p50)} / ${formatMs(search.lexical.p95)} ms`,
          search.vector === null
            ? "no vector leg"
            : `${formatMs(search.vector.p50)} / ${formatMs(search.vector.p95)} ms`,
          build.vectorIndexBuilt ? "IVF_HNSW_SQ" : "none",
          recall === null
            ? search.vector === null
              ? "-"
              : "exact (no index)"
            : `${recall.recallAtK.toFixed(3)} (${recall.queries} q)`,
          recall === null ? "-" : `${formatMs(recall.bruteForce.p50)} ms`,
        ]),
      ),
      "",
      `Batches of ${formatCount(results.scales[0]?.build.batchSize ?? 0)} chunks in 20-chunk issues; vectors and \`search_text\` computed in-process, no workers. ` +
        "Index build = `maintainIndexes()`: FTS and scalar indexes, IVF_HNSW_SQ from 10k rows for embedders whose vectors search reads (not the hashing embedder), then optimize; per-part seconds are in latest.json. " +
        "Recall compares the store's own `vectorSearch` (nprobes 4, ef 160 once indexed) with LanceDB `bypassVectorIndex()` on the same cosine distance.",
    );
    for (const { build, loadBefore, loadAfter } of results.scales) {
      const parts = Object.entries(build.indexBreakdownSeconds)
        .map(([name, value]) => `${name} ${seconds(value)} s`)
        .join(", ");
      out.push(
        "",
        `- ${compact(build.chunks)}: index parts ${parts}. ${loads(loadBefore, loadAfter)}` +
          (build.chunks < build.requestedChunks
            ? ` **Reduced from ${formatCount(build.requestedChunks)}: the generate+write phase hit its time budget on this machine.**`
            : ""),
      );
    }
  }

  const peers = results.peers;
  out.push("", "#### 4. Retrieval quality against peers (same passages, same questions)", "");
  if (peers === null) out.push("Skipped.");
  else {
    const kinds = [...new Set(peers.rows.flatMap((row) => Object.keys(row.byKind)))].sort(
      (left, right) =>
        Number(right === "crosslingual") - Number(left === "crosslingual") || left.localeCompare(right),
    );
    const counts = new Map<string, number>();
    for (const row of peers.rows)
      for (const [kind, group] of Object.entries(row.byKind)) counts.set(kind, group.items);
    out.push(
      `${peers.chunks} chunks of ../shared/corpus + ../shared/formats, read back from briefbot's store so every system indexes identical passages; ` +
        `${peers.answerable} answerable of ${peers.items} questions in ../shared/eval/dev.jsonl. A hit is a retrieved passage containing a gold string after NFKC + whitespace normalisation (\`containsGold\`).`,
      "",
      markdownTable(
        ["system", "hit@5", "MRR@10", ...kinds.map((kind) => `${kind} (${counts.get(kind) ?? 0})`), "p50 ms"],
        peers.rows.map((row) =>
          row.error !== undefined
            ? [row.name, "error", "-", ...kinds.map(() => "-"), "-"]
            : [
                row.name,
                row.hitAt5.toFixed(3),
                row.mrrAt10.toFixed(3),
                ...kinds.map((kind) =>
                  row.byKind[kind] === undefined ? "-" : row.byKind[kind].hitAt5.toFixed(2),
                ),
                formatMs(row.latencyP50Ms),
              ],
        ),
      ),
      "",
      "Per-kind columns are hit@5 (items in brackets). Latency is per question, in-process, warm.",
    );
    for (const row of peers.rows) {
      if (row.error !== undefined) out.push(`- ${row.name}: failed — ${row.error}`);
      else if (row.note !== undefined) out.push(`- ${row.name}: ${row.note}.`);
    }
    out.push("", loads(peers.loadBefore, peers.loadAfter));
  }
  out.push(...renderScalePeers(results));
  return out.join("\n");
}

const processRow = (timing: ProcessTiming) => [
  timing.command,
  timing.runs,
  formatMs(timing.wall.p50),
  formatMs(timing.wall.p95),
  timing.cpuMedianMs === null ? "—" : formatMs(timing.cpuMedianMs),
];

/** Sections 0 (whole processes), plus the shared-files read and the peers at scale when measured. */
function renderProcessFigures(results: BenchResults): string[] {
  const out: string[] = [];
  const startup = results.startup;
  if (startup !== null) {
    out.push(
      "",
      `#### 0. Start-up: whole processes, from spawn to exit (${startup.mode} CLI)`,
      "",
      markdownTable(
        ["command (store of the sample briefs)", "runs", "wall p50 ms", "wall p95 ms", "CPU median ms"],
        [
          ...startup.commands.map(processRow),
          ...(startup.askFromSource === null ? [] : [processRow(startup.askFromSource)]),
          ...(startup.serveReady === null ? [] : [processRow(startup.serveReady)]),
        ],
      ),
      "",
      `Targets: one-shot ≤ 500 ms wall p50, serve ready ≤ 1,500 ms. ${loads(results.loadAtStart, startup.load)}`,
    );
  }
  const cli = results.cliIngest;
  if (cli !== null) {
    out.push(
      "",
      `#### 0b. \`briefbot ingest ${cli.path}\` (whole process, fresh store; then unchanged ×3)`,
      "",
      markdownTable(
        [
          "files",
          "input MB",
          "chunks",
          "first ingest",
          "MB/s",
          "CPU",
          "unchanged p50",
          "unchanged CPU",
          "unchanged wrote",
        ],
        [
          [
            cli.files,
            cli.inputMB.toFixed(2),
            formatCount(cli.chunks),
            `${seconds(cli.first.wall.p50 / 1000)} s`,
            cli.mbPerSecond.toFixed(2),
            cli.first.cpuMedianMs === null ? "—" : `${seconds(cli.first.cpuMedianMs / 1000)} s`,
            `${seconds(cli.unchanged.wall.p50 / 1000)} s`,
            cli.unchanged.cpuMedianMs === null ? "—" : `${seconds(cli.unchanged.cpuMedianMs / 1000)} s`,
            `${cli.unchangedWrote} chunks`,
          ],
        ],
      ),
      "",
      `Targets: ≥ 5 MB/s, unchanged ≤ 1 s. ${loads(results.loadAtStart, cli.load)}`,
    );
  }
  const read = results.readFiles;
  if (read !== null)
    out.push(
      "",
      `Reading and splitting every file of ../shared/corpus and ../shared/formats (${read.files} files, ${read.inputMB.toFixed(2)} MB, in-process, no store): ${formatCount(read.milliseconds)} ms (${read.mbPerSecond.toFixed(1)} MB/s).`,
    );
  return out;
}

/** The in-memory peers next to briefbot at the same scale. */
export function renderScalePeers(results: BenchResults): string[] {
  const peers = results.scalePeers;
  if (peers === null) return [];
  const briefbot = results.scales.find((scale) => scale.build.chunks === peers.chunks);
  const rows: Array<Array<string | number>> = [];
  if (briefbot !== undefined)
    rows.push([
      "briefbot (`Briefbot.search`, LanceDB on disk)",
      `${seconds(briefbot.build.writeSeconds + briefbot.build.indexSeconds)} s`,
      formatMs(briefbot.search.briefbot.p50),
      formatMs(briefbot.search.briefbot.p95),
      "(on disk)",
      peers.briefbotRssMB,
    ]);
  for (const row of peers.rows)
    rows.push([
      row.name,
      `${seconds(row.buildSeconds)} s`,
      formatMs(row.latency.p50),
      formatMs(row.latency.p95),
      row.heapMB === null ? "—" : row.heapMB,
      row.rssMB,
    ]);
  return [
    "",
    `#### Peers over the same ${formatCount(peers.chunks)} passages`,
    "",
    markdownTable(["system", "build", "p50 ms", "p95 ms", "index heap MB", "process RSS MB"], rows),
    "",
    `Same queries as the search latency above${
      peers.rows.some((row) => row.queries < (briefbot?.search.queries ?? 0))
        ? ` (${peers.rows
            .filter((row) => row.queries < (briefbot?.search.queries ?? 0))
            .map((row) => `${row.name}: the first ${row.queries}, as many as ran in its time budget`)
            .join("; ")})`
        : ""
    }; the peers hold their index in the Node heap (growth after a full GC), briefbot's RSS is the process's after its searches. ${loads(peers.load, peers.load)}`,
  ];
}
