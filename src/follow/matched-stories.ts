import { renumberCitations } from "../answer/renumber-citations.ts";
import type { RetrievedPassage } from "../store/chunk-record.ts";
import type { MatchedStory } from "./follow-notifier.ts";

/** The sentence of an extractive answer that cites passage `n` (`… [n]`), without its marker, or null. */
function oneLine(answer: string, n: number): string | null {
  const marker = `[${n}]`;
  const line = answer.split("\n").find((candidate) => candidate.includes(marker));
  return line === undefined ? null : line.replace(/\s*\[\d+\]/g, "").trim();
}

/**
 * The stories an answer about a followed topic cites, one entry per story, each with the
 * sentence the gate picked as its one-line extract.
 */
export function matchedStories(answerText: string, passages: RetrievedPassage[]): MatchedStory[] {
  const { passageIndexes } = renumberCitations(answerText, passages.length);
  const stories = new Map<string, MatchedStory>();
  for (const index of passageIndexes) {
    const passage = passages[index];
    if (passage === undefined) continue;
    const key = `${passage.docId}#${passage.storyIndex}`;
    if (stories.has(key)) continue;
    stories.set(key, {
      docId: passage.docId,
      storyIndex: passage.storyIndex,
      publication: passage.publication,
      title: passage.title,
      story: passage.story,
      date: passage.date,
      url: passage.url,
      extract: oneLine(answerText, index + 1) ?? passage.text,
    });
  }
  return [...stories.values()];
}
