import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { readIssues } from "../src/ingest/read-issues.ts";
import { splitIntoStories } from "../src/ingest/split-into-stories.ts";
import { collectFiles } from "../src/pipeline/collect-files.ts";
import { FakeSlackWebApi } from "../test/wire/slack-web-api-server.ts";
import { type Latency, round, summarize } from "./measure.ts";

/**
 * Whole-process figures: what an operator waits for. Each command is a fresh `node
 * bin/briefbot.mjs …` process (the compiled build when `npm ci` made it, as installed), timed
 * from spawn to exit; CPU is the child's user + system time (Linux: /proc/self/stat cutime/cstime).
 */

export interface ProcessTiming {
  command: string;
  runs: number;
  wall: Latency;
  /** CPU seconds per run (median), or null where the platform does not say. */
  cpuMedianMs: number | null;
}

export interface StartupFigures {
  /** "compiled" when bin/briefbot.mjs ran dist/cli, "tsx" otherwise. */
  mode: string;
  commands: ProcessTiming[];
  /** The same one-shot `ask` run from the TypeScript through tsx, for comparison in one run. */
  askFromSource: ProcessTiming | null;
  serveReady: ProcessTiming | null;
}

export interface CliIngestFigures {
  path: string;
  files: number;
  inputMB: number;
  chunks: number;
  first: ProcessTiming;
  mbPerSecond: number;
  unchanged: ProcessTiming;
  unchangedWrote: number;
}

export interface ReadFilesFigures {
  files: number;
  inputMB: number;
  milliseconds: number;
  mbPerSecond: number;
}

/** Children's CPU so far, in ms (Linux); null elsewhere. */
export function childrenCpuMs(): number | null {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
    // After the command name: state is field 3, cutime field 16, cstime field 17 (1-based).
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks * 10 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

function run(
  argv: string[],
  options: { cwd: string; env?: Record<string, string>; until?: (output: string) => boolean },
): Promise<{ wallMs: number; cpuMs: number | null; stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    const child = spawn(process.execPath, argv, {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data: Buffer) => {
      stdout += data.toString();
    });
    child.stderr.on("data", (data: Buffer) => {
      stderr += data.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      const cpuAfter = childrenCpuMs();
      if (code !== 0 && code !== 1)
        reject(new Error(`${argv.join(" ")} exited ${code}: ${stderr.slice(0, 500)}`));
      else
        resolve({
          wallMs,
          cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
          stdout,
          code,
        });
    });
  });
}

async function timeRuns(
  command: string,
  runs: number,
  once: () => Promise<{ wallMs: number; cpuMs: number | null }>,
) {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const result = await once();
    walls.push(result.wallMs);
    if (result.cpuMs !== null) cpus.push(result.cpuMs);
  }
  const sorted = [...cpus].sort((left, right) => left - right);
  return {
    command,
    runs,
    wall: summarize(walls),
    cpuMedianMs: sorted.length === runs ? round(sorted[Math.floor(runs / 2)] ?? 0, 0) : null,
  } satisfies ProcessTiming;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address !== null ? resolve(address.port) : reject(),
      );
    });
  });
}

/** Whether dist/cli was built after every source it compiles was last changed. */
async function buildIsCurrent(repoRoot: string): Promise<boolean> {
  try {
    const build = JSON.parse(readFileSync(join(repoRoot, "dist/cli/build.json"), "utf8")) as {
      inputs: string[];
      builtAt: number;
    };
    for (const input of build.inputs)
      if ((await stat(join(repoRoot, input))).mtimeMs > build.builtAt) return false;
    return true;
  } catch {
    // no build: bin/briefbot.mjs runs the TypeScript through tsx
    return false;
  }
}

/** One-shot ask/search/docs on a store of the sample briefs, and `serve` until /healthz answers 200. */
export async function measureStartup(
  repoRoot: string,
  workRoot: string,
  runs: number,
): Promise<StartupFigures> {
  const bin = join(repoRoot, "bin/briefbot.mjs");
  const db = join(workRoot, "startup-sample");
  await run([bin, "ingest", "data", "--db", db], { cwd: repoRoot });
  // Start-up is measured as installed, from the compiled CLI: a build older than the sources
  // (edited since `npm ci`) would make bin/briefbot.mjs run them through tsx, twice as slow.
  if (!(await buildIsCurrent(repoRoot))) {
    process.stderr.write("bench: dist/cli is older than the sources; rebuilding it (npm run build)\n");
    await run([join(repoRoot, "scripts/build.mjs")], { cwd: repoRoot });
  }
  const mode = (await buildIsCurrent(repoRoot)) ? "compiled" : "tsx";
  const oneShots: Array<[string, string[]]> = [
    ["ask", ["ask", "What did DeepSeek release?", "--json"]],
    ["search", ["search", "battery plant Hungary", "--json"]],
    ["docs", ["docs", "--json"]],
  ];
  const commands: ProcessTiming[] = [];
  for (const [name, args] of oneShots) {
    await run([bin, ...args, "--db", db], { cwd: repoRoot }); // warm the page cache and caches on disk
    commands.push(
      await timeRuns(`briefbot ${name}`, runs, () => run([bin, ...args, "--db", db], { cwd: repoRoot })),
    );
  }
  const askFromSource = await timeRuns("briefbot ask (TypeScript through tsx)", runs, () =>
    run(
      ["--import", "tsx", join(repoRoot, "adapters/cli/main.ts"), ...(oneShots[0]?.[1] ?? []), "--db", db],
      {
        cwd: repoRoot,
      },
    ),
  );
  let serveReady: ProcessTiming | null = null;
  const slack = await FakeSlackWebApi.start();
  try {
    serveReady = await timeRuns(
      "briefbot serve until GET /healthz is 200 (Slack HTTP mode)",
      runs,
      async () => {
        const port = await freePort();
        const started = performance.now();
        const cpuBefore = childrenCpuMs();
        const child = spawn(process.execPath, [bin, "serve", "--db", db], {
          cwd: repoRoot,
          env: {
            PATH: process.env.PATH ?? "",
            HOME: process.env.HOME ?? "",
            LOG_LEVEL: "warn",
            PORT: String(port),
            SLACK_BOT_TOKEN: "xoxb-bench-token",
            SLACK_SIGNING_SECRET: "bench-signing-secret",
            SLACK_API_URL: slack.apiUrl,
            BRIEFBOT_FEEDBACK_FILE: join(workRoot, "feedback.jsonl"),
          },
          stdio: ["ignore", "ignore", "pipe"],
        });
        // Listened for from the start: a serve that fails at once must not leave the bench waiting.
        let stderr = "";
        child.stderr?.on("data", (data: Buffer) => {
          stderr += data.toString();
        });
        let closed = false;
        const exited = new Promise((resolve) =>
          child.once("close", () => {
            closed = true;
            resolve(undefined);
          }),
        );
        let wallMs = Number.NaN;
        for (let attempt = 0; attempt < 3000 && Number.isNaN(wallMs) && !closed; attempt += 1) {
          const healthy = await fetch(`http://127.0.0.1:${port}/healthz`)
            .then((response) => response.status === 200)
            .catch(() => false);
          if (healthy) wallMs = performance.now() - started;
          else await new Promise((resolve) => setTimeout(resolve, 10));
        }
        if (closed) throw new Error(`serve exited before /healthz answered: ${stderr.slice(0, 500)}`);
        child.kill("SIGTERM");
        await exited;
        const cpuAfter = childrenCpuMs();
        return { wallMs, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
      },
    );
  } finally {
    await slack.close();
  }
  return { mode, commands, askFromSource, serveReady };
}

async function totalMB(paths: string[]): Promise<{ files: string[]; inputMB: number }> {
  const { files } = await collectFiles(paths);
  let bytes = 0;
  for (const file of files) bytes += (await stat(file)).size;
  return { files, inputMB: bytes / 1024 ** 2 };
}

/** `briefbot ingest <path>` into a fresh store, then the same again with nothing changed (3 runs). */
export async function measureCliIngest(
  repoRoot: string,
  workRoot: string,
  path: string,
  label: string,
): Promise<CliIngestFigures> {
  const bin = join(repoRoot, "bin/briefbot.mjs");
  const db = join(workRoot, "cli-ingest");
  const { files, inputMB } = await totalMB([path]);
  let report = { chunks_added: 0, chunks_removed: 0 };
  const first = await timeRuns(`briefbot ingest ${label}`, 1, async () => {
    const result = await run([bin, "ingest", path, "--db", db, "--json"], { cwd: repoRoot });
    report = JSON.parse(result.stdout);
    return result;
  });
  let wrote = 0;
  const unchanged = await timeRuns(`briefbot ingest ${label} (unchanged)`, 3, async () => {
    const result = await run([bin, "ingest", path, "--db", db, "--json"], { cwd: repoRoot });
    const again = JSON.parse(result.stdout) as { chunks_added: number; chunks_removed: number };
    wrote += again.chunks_added + again.chunks_removed;
    return result;
  });
  return {
    path: label,
    files: files.length,
    inputMB: round(inputMB, 2),
    chunks: report.chunks_added,
    first,
    mbPerSecond: round(inputMB / (first.wall.p50 / 1000), 2),
    unchanged,
    unchangedWrote: wrote,
  };
}

/** Read and split every file under the paths, in-process (what `test/ingest/shared-files.test.ts` reads). */
export async function measureReadFiles(paths: string[]): Promise<ReadFilesFigures> {
  const { files, inputMB } = await totalMB(paths);
  const contents = await Promise.all(files.map(async (file) => ({ file, bytes: await readFile(file) })));
  const started = performance.now();
  for (const { file, bytes } of contents) {
    try {
      for (const issue of await readIssues(file, bytes)) splitIntoStories(issue);
    } catch {
      // a deliberately broken sample: reading it to the error is the work measured
    }
  }
  const milliseconds = performance.now() - started;
  return {
    files: files.length,
    inputMB: round(inputMB, 2),
    milliseconds: round(milliseconds, 0),
    mbPerSecond: round(inputMB / (milliseconds / 1000), 2),
  };
}
