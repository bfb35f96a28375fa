import { z } from "zod";
import type { Answer } from "../answer/answer-types.ts";
import { InputError } from "../errors.ts";
import { normalizeForMatch } from "../text/normalize.ts";

/** One line of an evaluation file such as ../shared/eval/dev.jsonl. */
const evalItemSchema = z.object({
  id: z.string(),
  question: z.string().min(1),
  lang: z.string().default("en"),
  gold: z.array(z.string()).default([]),
  kind: z.string().default("fact"),
  doc: z.string().nullish(),
  answer: z.string().nullish(),
});
export type EvalItem = z.infer<typeof evalItemSchema>;

export function parseEvalFile(text: string, source: string): EvalItem[] {
  const items: EvalItem[] = [];
  for (const [index, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new InputError(source, `line ${index + 1} is not JSON`);
    }
    const parsed = evalItemSchema.safeParse(json);
    if (!parsed.success)
      throw new InputError(source, `line ${index + 1}: ${parsed.error.issues[0]?.message ?? "invalid item"}`);
    items.push(parsed.data);
  }
  return items;
}

/** A retrieved passage contains a gold string, compared after NFKC and whitespace normalisation. */
export function containsGold(passage: string, gold: string[]): boolean {
  const normalised = normalizeForMatch(passage);
  return gold.some((text) => normalised.includes(normalizeForMatch(text)));
}

export interface EvalOutcome {
  item: EvalItem;
  /** 1-based rank of the first passage holding a gold string within the top 10, or null. */
  firstHitRank: number | null;
  answered: boolean;
  searchMs: number;
  answerMs: number;
}

export interface GroupFigures {
  items: number;
  answerable: number;
  hitAt1: number | null;
  hitAtK: number | null;
  mrrAt10: number | null;
  /** Share of answerable items answered. */
  answeredRate: number | null;
  /** Share of unanswerable items refused. */
  refusedRate: number | null;
}

export interface EvalReport {
  k: number;
  overall: GroupFigures;
  byKind: Record<string, GroupFigures>;
  byLang: Record<string, GroupFigures>;
  latencyMs: { searchP50: number; searchP95: number; answerP50: number; answerP95: number };
  items: Array<{
    id: string;
    kind: string;
    lang: string;
    firstHitRank: number | null;
    answered: boolean;
    answerable: boolean;
  }>;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

export function figures(outcomes: EvalOutcome[], k: number): GroupFigures {
  const answerable = outcomes.filter((outcome) => outcome.item.gold.length > 0);
  const unanswerable = outcomes.filter((outcome) => outcome.item.gold.length === 0);
  const share = (count: number, of: number) => (of === 0 ? null : round(count / of));
  return {
    items: outcomes.length,
    answerable: answerable.length,
    hitAt1: share(answerable.filter((outcome) => outcome.firstHitRank === 1).length, answerable.length),
    hitAtK: share(
      answerable.filter((outcome) => outcome.firstHitRank !== null && outcome.firstHitRank <= k).length,
      answerable.length,
    ),
    mrrAt10:
      answerable.length === 0
        ? null
        : round(
            answerable.reduce(
              (sum, outcome) => sum + (outcome.firstHitRank ? 1 / outcome.firstHitRank : 0),
              0,
            ) / answerable.length,
          ),
    answeredRate: share(answerable.filter((outcome) => outcome.answered).length, answerable.length),
    refusedRate: share(unanswerable.filter((outcome) => !outcome.answered).length, unanswerable.length),
  };
}

export interface EvalDependencies {
  search(question: string): Promise<Array<{ text: string }>>;
  answer(question: string, conversationId: string): Promise<Answer>;
  now?: () => number;
}

/** Run every item: retrieval figures from the top 10, refusals from the answer. */
export async function runEval(items: EvalItem[], dependencies: EvalDependencies, k = 5): Promise<EvalReport> {
  const now = dependencies.now ?? (() => performance.now());
  const outcomes: EvalOutcome[] = [];
  for (const item of items) {
    const searchStart = now();
    const results = await dependencies.search(item.question);
    const searchMs = now() - searchStart;
    const index =
      item.gold.length === 0
        ? -1
        : results.slice(0, 10).findIndex((result) => containsGold(result.text, item.gold));
    const answerStart = now();
    const answer = await dependencies.answer(item.question, `eval:${item.id}`);
    const answerMs = now() - answerStart;
    outcomes.push({
      item,
      firstHitRank: index === -1 ? null : index + 1,
      answered: answer.answered,
      searchMs,
      answerMs,
    });
  }
  const groupBy = (key: (item: EvalItem) => string) => {
    const groups: Record<string, GroupFigures> = {};
    const names = [...new Set(outcomes.map((outcome) => key(outcome.item)))].sort();
    for (const name of names)
      groups[name] = figures(
        outcomes.filter((outcome) => key(outcome.item) === name),
        k,
      );
    return groups;
  };
  const searchTimes = outcomes.map((outcome) => outcome.searchMs);
  const answerTimes = outcomes.map((outcome) => outcome.answerMs);
  return {
    k,
    overall: figures(outcomes, k),
    byKind: groupBy((item) => item.kind),
    byLang: groupBy((item) => item.lang),
    latencyMs: {
      searchP50: round(percentile(searchTimes, 0.5)),
      searchP95: round(percentile(searchTimes, 0.95)),
      answerP50: round(percentile(answerTimes, 0.5)),
      answerP95: round(percentile(answerTimes, 0.95)),
    },
    items: outcomes.map((outcome) => ({
      id: outcome.item.id,
      kind: outcome.item.kind,
      lang: outcome.item.lang,
      firstHitRank: outcome.firstHitRank,
      answered: outcome.answered,
      answerable: outcome.item.gold.length > 0,
    })),
  };
}

export function renderEvalReport(report: EvalReport): string {
  const format = (value: number | null) => (value === null ? "   -  " : value.toFixed(3).padStart(6));
  const row = (name: string, group: GroupFigures) =>
    `${name.padEnd(14)} ${String(group.items).padStart(5)} ${format(group.hitAt1)} ${format(group.hitAtK)} ${format(group.mrrAt10)} ${format(group.answeredRate)} ${format(group.refusedRate)}`;
  const header = `${"group".padEnd(14)} ${"items".padStart(5)} ${"hit@1".padStart(6)} ${`hit@${report.k}`.padStart(6)} ${"MRR@10".padStart(6)} ${"answ'd".padStart(6)} ${"refus'd".padStart(6)}`;
  const lines = [header, row("overall", report.overall)];
  lines.push("", "by kind");
  for (const [name, group] of Object.entries(report.byKind)) lines.push(row(`  ${name}`, group));
  lines.push("", "by language");
  for (const [name, group] of Object.entries(report.byLang)) lines.push(row(`  ${name}`, group));
  const latency = report.latencyMs;
  lines.push(
    "",
    `latency: search p50 ${latency.searchP50.toFixed(1)} ms, p95 ${latency.searchP95.toFixed(1)} ms; answer p50 ${latency.answerP50.toFixed(1)} ms, p95 ${latency.answerP95.toFixed(1)} ms`,
  );
  return lines.join("\n");
}
