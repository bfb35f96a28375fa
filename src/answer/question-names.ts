import type { QuestionAnalysis, Specific } from "../question/analyze-question.ts";
import type { TermStatistics } from "../retrieve/term-statistics.ts";
import { commonNameShare, namesAllowingOneMissing } from "./answer-tuning.ts";

/**
 * How much the question's names say about which story it means, read from how often the briefs
 * write them: the rarest is the one an answer may not leave out, and names the briefs write
 * everywhere anchor no story at all. Part of the evidence gate (evidence-gate.ts).
 */

/**
 * The name specific, among those the briefs write, whose rarest word is rarest in them, when the
 * question gives three or more names.
 */
export function rarestNameOf(analysis: QuestionAnalysis, statistics: TermStatistics): Specific | undefined {
  const names = analysis.specifics.filter((specific) => specific.kind === "name");
  if (names.length < namesAllowingOneMissing) return undefined;
  let rarest: Specific | undefined;
  let best = Number.NEGATIVE_INFINITY;
  for (const name of names) {
    // A name the briefs never write is no candidate: it is the one likeliest left out (an author's
    // name, a qualifier), and unseen words all weigh the most.
    if (!name.tokens.every((token) => statistics.has(token))) continue;
    const idf = Math.max(...name.tokens.map((token) => statistics.idf(token)));
    if (idf > best) {
      best = idf;
      rarest = name;
    }
  }
  return rarest;
}

/**
 * Every name the question gives is common in the briefs (written in more than `commonNameShare`
 * of passages: "iOS" in an iOS weekly), so it is as good as a question naming nothing. True for a
 * question with no names.
 */
export function namesOnlyCommonOnes(analysis: QuestionAnalysis, statistics: TermStatistics): boolean {
  const commonIdf = Math.log(1 + 1 / commonNameShare);
  return analysis.specifics.every((specific) =>
    specific.tokens.every((token) => statistics.has(token) && statistics.idf(token) < commonIdf),
  );
}
