import type { QuestionAnalysis } from "../question/analyze-question.ts";
import { holdsAnyAskedValue } from "../question/asked-value.ts";
import type { WeightedTerm } from "../store/store.ts";
import { tokenize } from "../text/segment.ts";
import { countUnits } from "../text/split-into-chunks.ts";
import { trimSentenceUnits } from "./answer-tuning.ts";

/**
 * A long sentence cut to the clauses that matter: the clause holding the asked value and the most
 * question words, widened with its neighbours while it stays short. Cuts are marked with "…".
 */
export function trimToClause(
  sentence: string,
  analysis: QuestionAnalysis,
  question: string,
  terms: WeightedTerm[],
): string {
  const clauses = sentence.split(/(?<=[;；,，:：—])\s*/u).filter((clause) => clause.trim() !== "");
  if (clauses.length < 2) return sentence;
  const wanted = new Set(terms.map((term) => term.term));
  const scoreOf = (clause: string) =>
    tokenize(clause).filter((token) => wanted.has(token)).length +
    (holdsAnyAskedValue(clause, analysis, question) ? 2 : 0);
  let bestIndex = 0;
  let bestScore = -1;
  for (const [index, clause] of clauses.entries()) {
    const score = scoreOf(clause);
    if (score > bestScore) {
      bestScore = score;
      bestIndex = index;
    }
  }
  let start = bestIndex;
  let end = bestIndex;
  let units = countUnits(clauses[bestIndex]!);
  // Widen towards the side with more question words first, while the whole stays short.
  while (true) {
    const left = start > 0 ? clauses[start - 1]! : undefined;
    const right = end < clauses.length - 1 ? clauses[end + 1]! : undefined;
    const options = [
      left === undefined ? undefined : { side: "left" as const, clause: left },
      right === undefined ? undefined : { side: "right" as const, clause: right },
    ]
      .filter((option) => option !== undefined)
      .sort((a, b) => scoreOf(b.clause) - scoreOf(a.clause));
    const next = options.find((option) => units + countUnits(option.clause) <= trimSentenceUnits);
    if (next === undefined) break;
    units += countUnits(next.clause);
    if (next.side === "left") start -= 1;
    else end += 1;
  }
  // Clauses end in their punctuation: a Latin one takes a space before the next, a Chinese one none.
  const body = clauses
    .slice(start, end + 1)
    .reduce(
      (text, clause) =>
        text === "" ? clause : /[，；：、。]$/u.test(text) ? text + clause : `${text} ${clause}`,
      "",
    )
    .replace(/[,，;；:：—]\s*$/u, "");
  return `${start > 0 ? "…" : ""}${body}${end < clauses.length - 1 ? "…" : ""}`;
}
