import * as z from "zod/mini";
import type { Answer } from "../answer/answer-types.ts";
import { InputError } from "../errors.ts";
import { normalizeForMatch } from "../text/normalize.ts";

/** One line of an evaluation file such as ../shared/eval/dev.jsonl. */
const evalItemSchema = z.object({
  id: z.string({ error: "id: expected a string" }),
  question: z.string({ error: "question: expected a string" }).check(z.minLength(1, "question is empty")),
  lang: z._default(z.string({ error: "lang: expected a string" }), "en"),
  gold: z._default(z.array(z.string(), { error: "gold: expected an array of strings" }), []),
  kind: z._default(z.string({ error: "kind: expected a string" }), "fact"),
  doc: z.nullish(z.string({ error: "doc: expected a string" })),
  answer: z.nullish(z.string({ error: "answer: expected a string" })),
  /** A follow-up: the id of the item it follows, asked earlier in the same conversation. */
  after: z.nullish(z.string({ error: "after: expected a string" })),
});
export type EvalItem = z.output<typeof evalItemSchema>;

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
    const parsed = z.safeParse(evalItemSchema, json);
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

/** The answer text without its citation markers, so a gold sentence followed by "[1]" still matches. */
function withoutMarkers(text: string): string {
  return text.replace(/\s*\[\d{1,3}\]/g, "");
}

/**
 * What a reader got, judged against the gold passages:
 * - `stated`: the answer (or the sentences it quotes from its sources) holds a gold string;
 * - `wrong`: an answer was given, but neither it nor its quotes hold any gold string;
 * - `partial`: the reply says the story is there but the asked detail is not;
 * - `refused`: "not covered".
 * For unanswerable items (no gold) an answer is `wrong`, a partial or refusal is right.
 */
export type AnswerVerdict = "stated" | "wrong" | "partial" | "refused";

export function judgeAnswer(answer: Answer, gold: string[]): AnswerVerdict {
  if (answer.coverage === "none") return "refused";
  if (gold.length === 0) return answer.coverage === "partial" ? "partial" : "wrong";
  if (answer.coverage === "partial") return "partial";
  // Spacing is not content: quoted sentences are joined with a space where the source had none.
  const compact = (text: string) => normalizeForMatch(text).replace(/\s+/g, "");
  const said = [withoutMarkers(answer.text), ...answer.citations.map((citation) => citation.quote)].map(
    compact,
  );
  return gold.some((text) => said.some((saidText) => saidText.includes(compact(text)))) ? "stated" : "wrong";
}

export interface EvalOutcome {
  item: EvalItem;
  /** 1-based rank of the first passage holding a gold string within the top 10, or null. */
  firstHitRank: number | null;
  answered: boolean;
  verdict: AnswerVerdict;
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
  /** Share of answerable items whose answer or quotes state a gold string. */
  statedRate: number | null;
  /** Share of answerable items answered with no gold string in the answer or its quotes. */
  wrongRate: number | null;
  /** Share of answerable items given a partial reply. */
  partialRate: number | null;
  /** Share of answerable items refused as not covered. */
  refusedAnswerableRate: number | null;
  /** Share of unanswerable items refused (not covered or partial). */
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
    verdict: AnswerVerdict;
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
  const answerableShare = (verdict: AnswerVerdict) =>
    share(answerable.filter((outcome) => outcome.verdict === verdict).length, answerable.length);
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
    statedRate: answerableShare("stated"),
    wrongRate: answerableShare("wrong"),
    partialRate: answerableShare("partial"),
    refusedAnswerableRate: answerableShare("refused"),
    refusedRate: share(
      unanswerable.filter((outcome) => outcome.verdict !== "wrong").length,
      unanswerable.length,
    ),
  };
}

export interface EvalDependencies {
  search(question: string, conversationId: string): Promise<Array<{ text: string }>>;
  answer(question: string, conversationId: string): Promise<Answer>;
  now?: () => number;
  /** Called with each item's answer, for a per-item listing. */
  onAnswer?: (item: EvalItem, answer: Answer, outcome: EvalOutcome) => void;
}

/**
 * Run every item: retrieval figures from the top 10, verdicts from the answer. An item with an
 * `after` field is asked in the conversation of the item it follows (asked first, as users do),
 * so follow-ups are measured with their history.
 */
export async function runEval(items: EvalItem[], dependencies: EvalDependencies, k = 5): Promise<EvalReport> {
  const now = dependencies.now ?? (() => performance.now());
  const conversationOf = new Map<string, string>();
  const outcomes: EvalOutcome[] = [];
  for (const item of items) {
    const earlier = item.after ? conversationOf.get(item.after) : undefined;
    const conversationId = earlier ?? `eval:${item.id}`;
    conversationOf.set(item.id, conversationId);
    const searchStart = now();
    const results = await dependencies.search(item.question, conversationId);
    const searchMs = now() - searchStart;
    const index =
      item.gold.length === 0
        ? -1
        : results.slice(0, 10).findIndex((result) => containsGold(result.text, item.gold));
    const answerStart = now();
    const answer = await dependencies.answer(item.question, conversationId);
    const answerMs = now() - answerStart;
    const outcome: EvalOutcome = {
      item,
      firstHitRank: index === -1 ? null : index + 1,
      answered: answer.answered,
      verdict: judgeAnswer(answer, item.gold),
      searchMs,
      answerMs,
    };
    outcomes.push(outcome);
    dependencies.onAnswer?.(item, answer, outcome);
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
      verdict: outcome.verdict,
    })),
  };
}

const columns: Array<[string, (group: GroupFigures) => number | null]> = [
  ["hit@1", (group) => group.hitAt1],
  ["hit@k", (group) => group.hitAtK],
  ["MRR@10", (group) => group.mrrAt10],
  ["stated", (group) => group.statedRate],
  ["wrong", (group) => group.wrongRate],
  ["partial", (group) => group.partialRate],
  ["refus'd", (group) => group.refusedAnswerableRate],
  ["unans ok", (group) => group.refusedRate],
];

export function renderEvalReport(report: EvalReport): string {
  const format = (value: number | null) => (value === null ? "-" : value.toFixed(3)).padStart(8);
  const header = `${"group".padEnd(14)} ${"items".padStart(5)}${columns
    .map(([name]) => (name === "hit@k" ? `hit@${report.k}` : name).padStart(8))
    .join("")}`;
  const row = (name: string, group: GroupFigures) =>
    `${name.padEnd(14)} ${String(group.items).padStart(5)}${columns.map(([, value]) => format(value(group))).join("")}`;
  const lines = [
    "Answerable items: hit@k/MRR from the top 10 passages; stated = the answer or its quotes hold a gold",
    "string, wrong = answered without one, partial, refus'd = refused. Unanswerable: unans ok = refused or partial.",
    "",
    header,
    row("overall", report.overall),
  ];
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
