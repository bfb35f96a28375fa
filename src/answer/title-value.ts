import type { QuestionAnalysis } from "../question/analyze-question.ts";
import { holdsAskedValue } from "../question/asked-value.ts";
import type { RetrievedPassage } from "../store/chunk-record.ts";
import type { AnswerSentence } from "./answer-sentences.ts";

/**
 * "Which wallet announced …": a digest item titled "Samourai Wallet announces atomic swap
 * feature" names the wallet in its title and says "The cross-chain atomic swap feature allows …"
 * after it. The item's opening (its first chunk's first sentence) holds the asked name through
 * the title when the title names the asked kind of thing — the head noun ("wallet") — and a name
 * the question does not give; the answer then says the title first (extractive-answerer.ts).
 * Part of the evidence gate (evidence-gate.ts).
 */
export function titleNamesAskedThing(
  item: RetrievedPassage | undefined,
  first: AnswerSentence,
  titleTokens: ReadonlySet<string>,
  analysis: QuestionAnalysis,
  question: string,
): boolean {
  return (
    item !== undefined &&
    analysis.askedTypes.some((type) => type === "name" || type === "person" || type === "other") &&
    item.chunkIndex === 0 &&
    first.position === 0 &&
    // A single-story issue's story title is the issue's: it names no item.
    item.story !== item.title &&
    analysis.headTokens.length > 0 &&
    analysis.headTokens.some((token) => titleTokens.has(token)) &&
    holdsAskedValue(item.story, "name", analysis, question)
  );
}
