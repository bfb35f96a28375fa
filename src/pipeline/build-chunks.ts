import { createHash } from "node:crypto";
import type { Embedder } from "../embed/embedder.ts";
import type { SourceIssue } from "../ingest/source-issue.ts";
import type { Story } from "../ingest/split-into-stories.ts";
import type { ChunkRecord } from "../store/chunk-record.ts";
import { normalizeForDuplicate } from "../text/normalize.ts";
import { detectLanguage, tokenize } from "../text/segment.ts";
import { sentenceMark } from "../text/sentence-mark.ts";
import { type ChunkingOptions, splitIntoChunks } from "../text/split-into-chunks.ts";
import { splitIntoSentences } from "../text/split-into-sentences.ts";

/**
 * Bump when chunking or search-text rules change: it is part of every document hash, so the next
 * ingest re-chunks documents that did not change on disk.
 */
export const pipelineVersion = "8";

export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 20);
}

/** A document's stable id: its source file and its key inside the file (feed item). */
export function documentId(sourceKey: string, issueKey: string | null): string {
  return shortHash(`${sourceKey}\u0000${issueKey ?? ""}`);
}

/**
 * The indexed tokens of a chunk: its story title, then each sentence, separated by
 * `sentenceMark`, so ranking can tell words in one sentence from words scattered over a passage
 * without reading and re-segmenting the text at query time.
 */
export function searchTokensOf(title: string, text: string): string[] {
  const tokens = tokenize(title);
  for (const sentence of splitIntoSentences(text)) {
    const words = tokenize(sentence);
    if (words.length > 0) tokens.push(sentenceMark, ...words);
  }
  return tokens;
}

export interface PreparedDocument {
  docId: string;
  docHash: string;
  issue: SourceIssue;
  path: string;
  lang: "en" | "zh" | "mixed";
  stories: Story[];
  /** Chunks without vectors yet. */
  chunks: Array<Omit<ChunkRecord, "vector">>;
  /** Text to embed per chunk (story title + passage), parallel to `chunks`. */
  embedTexts: string[];
  /** Vectors made while preparing (an embedder with `embedNow`), parallel to `chunks`. */
  vectors?: number[][];
}

export interface BuildChunksOptions {
  chunking?: ChunkingOptions;
  /** Extra search terms for a chunk, such as other-language glosses (cross-lingual retrieval). */
  enrich?: (text: string) => string[];
  /** Embeds each chunk as it is prepared when the embedder can (`embedNow`). */
  embedder?: Pick<Embedder, "embedNow">;
}

/** Split stories into chunks with ids, search text and metadata. Pure apart from hashing. */
export function prepareDocument(
  issue: SourceIssue,
  stories: Story[],
  path: string,
  sourceKey: string,
  options: BuildChunksOptions = {},
): PreparedDocument {
  const docId = documentId(sourceKey, issue.key);
  const docHash = shortHash(
    JSON.stringify([
      pipelineVersion,
      issue.publication,
      issue.title,
      issue.issueNumber,
      issue.date,
      issue.url,
      path,
      stories,
    ]),
  );
  const lang = detectLanguage(
    stories
      .map((story) => story.text)
      .join("\n")
      .slice(0, 20_000),
  );
  const chunks: PreparedDocument["chunks"] = [];
  const embedTexts: string[] = [];
  const embedNow = options.embedder?.embedNow?.bind(options.embedder);
  const vectors: number[][] = [];
  const seen = new Set<string>();
  for (const [storyIndex, story] of stories.entries()) {
    for (const [chunkIndex, text] of splitIntoChunks(story.text, options.chunking).entries()) {
      const textHash = shortHash(normalizeForDuplicate(text));
      if (seen.has(textHash)) continue; // the same passage twice in one issue is stored once
      seen.add(textHash);
      const searchTokens = searchTokensOf(story.title, text);
      const embedText = `${story.title}\n${text}`;
      // Before the glosses, which tokenize the same text first (and reuse these tokens): the same
      // jieba words as the search text (names learned later could segment the text otherwise).
      if (embedNow !== undefined) vectors.push(embedNow(embedText));
      chunks.push({
        id: shortHash(`${docId}\u0000${textHash}`),
        docId,
        docHash,
        publication: issue.publication,
        title: issue.title,
        issueNumber: issue.issueNumber,
        story: story.title,
        storyIndex,
        chunkIndex,
        date: issue.date,
        url: story.url ?? issue.url,
        path,
        lang: detectLanguage(text),
        text,
        textHash,
        searchText: searchTokens.join(" "),
        glossText: (options.enrich?.(embedText) ?? []).join(" "),
      });
      embedTexts.push(embedText);
    }
  }
  const prepared: PreparedDocument = { docId, docHash, issue, path, lang, stories, chunks, embedTexts };
  if (embedNow !== undefined) prepared.vectors = vectors;
  return prepared;
}
