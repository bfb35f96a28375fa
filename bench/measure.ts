import os from "node:os";
import { percentile } from "../src/eval/run-eval.ts";

/** The machine every figure was measured on; printed with each report and stored in the JSON. */
export interface MachineInfo {
  cores: number;
  cpuModel: string;
  totalMemoryGiB: number;
  node: string;
  platform: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    totalMemoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

export function describeMachine(machine: MachineInfo): string {
  return `${machine.cores} cores (${machine.cpuModel}), ${machine.totalMemoryGiB} GiB RAM, Node ${machine.node}, ${machine.platform}`;
}

/** 1, 5 and 15 minute load averages: the machine is shared, so every section records its load. */
export function loadAverage(): [number, number, number] {
  const [one = 0, five = 0, fifteen = 0] = os.loadavg();
  return [round(one, 2), round(five, 2), round(fifteen, 2)];
}

export function describeLoad(load: readonly number[]): string {
  return `load avg ${load.map((value) => value.toFixed(2)).join(" / ")} (1/5/15 min)`;
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function summarize(milliseconds: number[]): Latency {
  const mean =
    milliseconds.length === 0 ? 0 : milliseconds.reduce((sum, value) => sum + value, 0) / milliseconds.length;
  return {
    n: milliseconds.length,
    p50: round(percentile(milliseconds, 0.5)),
    p95: round(percentile(milliseconds, 0.95)),
    p99: round(percentile(milliseconds, 0.99)),
    mean: round(mean),
  };
}

/** Run `work` once per item, sequentially, and return each call's wall time in milliseconds. */
export async function timeEach<T>(
  items: readonly T[],
  work: (item: T) => Promise<unknown>,
): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await work(item);
    times.push(performance.now() - started);
  }
  return times;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Deterministic PRNG (mulberry32) so every run builds the same synthetic corpus and queries. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** A GitHub-flavoured markdown table; numbers right-aligned. */
export function markdownTable(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = rows.map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((header, column) =>
    Math.max(header.length, 3, ...cells.map((row) => (row[column] ?? "").length)),
  );
  const numeric = headers.map((_, column) =>
    rows.every(
      (row) => typeof row[column] === "number" || /^[\d.,\s%×<>~≈-]+( ms| s)?$/.test(String(row[column])),
    ),
  );
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (numeric[column] ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`;
  return [line(headers), rule, ...cells.map(line)].join("\n");
}

export function formatMs(value: number): string {
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

export function formatRate(count: number, milliseconds: number): string {
  return milliseconds <= 0 ? "-" : formatCount(count / (milliseconds / 1000));
}

/** Progress goes to stderr so stdout stays a clean, pasteable report. */
export function progress(message: string): void {
  const memory = process.memoryUsage();
  process.stderr.write(
    `[bench ${new Date().toISOString().slice(11, 19)}] ${message} (rss ${Math.round(memory.rss / 1048576)} MB, ${describeLoad(loadAverage())})\n`,
  );
}
