import type { ChunkPassage } from "../store/chunk-record.ts";
import type { StoredDocument } from "../store/store.ts";
import { splitIntoSentences } from "../text/split-into-sentences.ts";
import { truncateAtBoundary } from "../text/text-limits.ts";
import type { DraftAnswer } from "./answerer.ts";

/** Stories listed per issue in an overview: a screenful, with the count of the rest. */
export const overviewStories = 8;

/** A story titled like its issue with less text than this is the masthead (a credit line), not a story. */
const mastheadCharacters = 40;

/** Characters of a story's opening shown after its title. */
const openingCharacters = 140;

export interface IssueOverview {
  draft: DraftAnswer;
  /** The passages the draft's [n] markers refer to: each story's first chunk. */
  passages: ChunkPassage[];
}

/**
 * "What was in issue #31?": each issue's stories in order, a line each with its title and opening
 * sentence, cited. `chunks` are the issues' chunks in any order.
 */
export function issueOverview(
  documents: StoredDocument[],
  chunks: ChunkPassage[],
  lang: "en" | "zh",
): IssueOverview {
  const passages: ChunkPassage[] = [];
  const quotes: Record<number, string> = {};
  const sections: string[] = [];
  for (const document of documents) {
    const firstChunks = new Map<number, ChunkPassage>();
    for (const chunk of chunks) {
      if (chunk.docId !== document.docId) continue;
      const known = firstChunks.get(chunk.storyIndex);
      if (known === undefined || chunk.chunkIndex < known.chunkIndex)
        firstChunks.set(chunk.storyIndex, chunk);
    }
    // A masthead story (the issue's own title over a credit line) says nothing of what it covered.
    const stories = [...firstChunks.values()]
      .sort((left, right) => left.storyIndex - right.storyIndex)
      .filter(
        (story, _index, all) =>
          all.length === 1 ||
          !(story.story.trim() === document.title.trim() && story.text.trim().length < mastheadCharacters),
      );
    if (stories.length === 0) continue;
    const lines: string[] = [];
    for (const story of stories.slice(0, overviewStories)) {
      const index = passages.length;
      passages.push(story);
      const opening = splitIntoSentences(story.text)[0] ?? story.text;
      quotes[index] = truncateAtBoundary(opening, openingCharacters);
      const title = story.story.trim() || truncateAtBoundary(opening, 60);
      const said = opening.trim() === title ? "" : `: ${truncateAtBoundary(opening, openingCharacters)}`;
      lines.push(`${lines.length + 1}. ${title}${said} [${index + 1}]`);
    }
    const more = stories.length - Math.min(stories.length, overviewStories);
    if (more > 0) lines.push(lang === "zh" ? `……另有 ${more} 条。` : `…and ${more} more.`);
    sections.push(`${heading(document, lang)}\n${lines.join("\n")}`);
  }
  if (sections.length === 0)
    return { draft: { answered: false, coverage: "none", text: "", answerer: "overview" }, passages: [] };
  return {
    draft: { answered: true, coverage: "full", text: sections.join("\n\n"), answerer: "overview", quotes },
    passages,
  };
}

function heading(document: StoredDocument, lang: "en" | "zh"): string {
  const number = document.issueNumber === null ? "" : document.issueNumber;
  const date = document.date === null ? "" : document.date;
  if (lang === "zh") {
    const issue = number === "" ? "" : ` 第 ${number} 期`;
    return `${document.publication}${issue}${date === "" ? "" : `（${date}）`}《${document.title}》讲了：`;
  }
  const issue = number === "" ? "" : ` #${number}`;
  return `${document.publication}${issue}${date === "" ? "" : ` (${date})`}, “${document.title}”, covered:`;
}
