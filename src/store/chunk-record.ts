/**
 * One stored chunk: a piece of one story of one issue, with everything a citation needs, so an
 * answer never has to join tables.
 */
export interface ChunkRecord {
  /** Stable id: hash of the document id and the chunk's normalised text. */
  id: string;
  /** Stable id of the issue: hash of the source path and the issue's key inside it. */
  docId: string;
  /** Hash of the issue's content; an unchanged hash means nothing to re-ingest. */
  docHash: string;
  publication: string;
  /** Issue title. */
  title: string;
  issueNumber: string | null;
  /** Story (item) title. */
  story: string;
  storyIndex: number;
  chunkIndex: number;
  /** `YYYY-MM-DD` or null. */
  date: string | null;
  url: string | null;
  /** The ingested file's path as given. */
  path: string;
  lang: "en" | "zh" | "mixed";
  /** Original passage text, as quoted in citations. */
  text: string;
  /** Hash of the text with case, spacing and punctuation removed: near-identical chunks share it. */
  textHash: string;
  /** Segmented, space-joined search tokens (plus cross-language glosses) for BM25. */
  searchText: string;
  /**
   * Other-language glosses of the chunk's names and key terms (cross-lingual search), space-joined.
   * Indexed apart from `searchText` so they never lengthen the chunk in its own language's BM25.
   */
  glossText: string;
  vector: number[];
}

/** A chunk as a citation shows it: text and metadata, without vector, hashes or search tokens. */
export type ChunkPassage = Omit<ChunkRecord, "vector" | "searchText" | "glossText" | "textHash" | "docHash">;

/** A chunk returned by retrieval, best first. */
export interface RetrievedPassage extends ChunkPassage {
  /** Fused relevance, higher is better; comparable only within one result list. */
  score: number;
  /** Best lexical (BM25) and vector ranks, 1-based, or null when absent from that list. */
  lexicalRank: number | null;
  vectorRank: number | null;
}
