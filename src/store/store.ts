import type { SearchFilters } from "../answer/answer-types.ts";
import type { ChunkPassage, ChunkRecord } from "./chunk-record.ts";

/** One ingested issue, as listed by `briefbot docs`. */
export interface StoredDocument {
  docId: string;
  docHash: string;
  /** Path as given to `ingest`. */
  path: string;
  publication: string;
  title: string;
  issueNumber: string | null;
  date: string | null;
  url: string | null;
  lang: "en" | "zh" | "mixed";
  stories: number;
  chunks: number;
  /** ISO timestamp of the ingest that wrote it. */
  ingestedAt: string;
}

/** A chunk without its vector. */
export type StoredChunk = Omit<ChunkRecord, "vector">;

/**
 * What search returns per hit: just enough to rank (ids, grouping, search tokens). The full rows
 * of the few that make the final list are read afterwards with `passagesByIds`; reading every
 * candidate's text doubled the cost of a search.
 */
export type SearchCandidate = Pick<
  ChunkRecord,
  "id" | "docId" | "storyIndex" | "chunkIndex" | "searchText" | "glossText"
> & {
  /**
   * Where the store found the chunk (a LanceDB row address), so the final few can be read back
   * without a lookup by id. Valid only while the table is unchanged: reads by it check the id.
   */
  address?: bigint | undefined;
};

export interface ScoredChunk {
  chunk: SearchCandidate;
  /** Higher is better; scale depends on the search kind. */
  score: number;
}

/** A search term and its weight; expansion terms from the other language weigh less. */
export interface WeightedTerm {
  term: string;
  weight: number;
  /**
   * For a translation or synonym: the question's own token it stands for. Coverage then counts
   * the concept once, at the best weight found, instead of adding up every translation.
   */
  concept?: string | undefined;
  /**
   * For a paraphrase expansion (src/paraphrase): where it came from. Absent for the asker's own
   * words, earlier turns and translations.
   */
  source?: ExpansionSource | undefined;
  /**
   * For a paraphrase expansion: true when the word has one sense or the question's other words
   * chose the sense it comes from; false when it is a guess (the most frequent sense, feedback).
   * An answer gate should accept a synonym standing for a specific only when this is true.
   */
  senseSupported?: boolean | undefined;
  /**
   * For a synonym: the word or phrase it stands for has one sense in WordNet ("take place" →
   * happen), so it means the same in any question, and the answer gate may read it as the word.
   */
  soleSense?: boolean | undefined;
}

/**
 * Sources of paraphrase expansions: WordNet synonyms and word families, irregular word forms,
 * Chinese near-synonyms through shared CC-CEDICT senses, traditional/simplified script variants,
 * pseudo-relevance feedback from the top passages, and aliases the briefs define themselves.
 */
export type ExpansionSource = "wordnet" | "morphology" | "cedict" | "script" | "feedback" | "alias";

/**
 * What an ingest recorded of one source file, so the next run can skip it unread when its size
 * and modification time match, or unparsed when its content hash does.
 */
export interface SourceFileRecord {
  /** The file's real path (symlinks resolved): the key. */
  key: string;
  /** The path as given to `ingest` (part of every document hash, so it must match too). */
  path: string;
  size: number;
  mtimeMs: number;
  /** sha256 of the bytes. */
  contentHash: string;
  /** Pipeline version that read it: a new version re-reads every file. */
  pipeline: string;
  /** Documents (issues) it gave. */
  docIds: string[];
}

/** What `ChunkStore.maintain` removed. */
export interface MaintenanceReport {
  /** Old versions removed, over all tables. */
  versionsRemoved: number;
  bytesRemoved: number;
  /** Tables dropped after a re-embed replaced them. */
  tablesDropped: string[];
}

export interface WriteResult {
  added: number;
  unchanged: number;
  removed: number;
}

/**
 * The store as the core sees it. One implementation (LanceDB); the interface keeps LanceDB types
 * out of the rest of the core.
 */
export interface ChunkStore {
  /** Embedder id and dimension recorded when the store was created, or null for a new store. */
  embedderIdentity(): Promise<{ id: string; dimensions: number } | null>;
  documents(): Promise<StoredDocument[]>;
  /** Ids of chunks stored per document, for the given documents. */
  chunkIdsOf(docIds: string[]): Promise<Map<string, Set<string>>>;
  /** Vectors of stored chunks, so unchanged chunks are not embedded again. */
  vectorsOf(ids: string[]): Promise<Map<string, number[]>>;
  /** Which of these near-duplicate hashes are already stored under documents other than `exceptDocIds`. */
  knownTextHashes(textHashes: string[], exceptDocIds: string[]): Promise<Set<string>>;
  /**
   * Make `chunks` the complete set of chunks of `documents` (chunks of those documents that are
   * not in `chunks` are deleted, new ones added), record the documents and the source files they
   * came from — all or nothing: a crash at any point leaves the store as it was before the call
   * (readers see that state until `recoverInterruptedWrite` restores it).
   */
  replaceDocuments(
    documents: StoredDocument[],
    chunks: ChunkRecord[],
    files?: SourceFileRecord[],
  ): Promise<WriteResult>;
  /** Source files recorded by earlier ingests. */
  sourceFiles(): Promise<SourceFileRecord[]>;
  /**
   * Undo the unfinished part of a write that a crash interrupted (the tables go back to their
   * versions before it). Returns true when there was one. Run before every ingest.
   */
  recoverInterruptedWrite(): Promise<boolean>;
  /** Delete documents and their chunks; returns chunks removed. */
  removeDocuments(docIds: string[]): Promise<number>;
  /**
   * BM25 over the chunks' own text for any of the terms; with `glosses`, also over their
   * other-language glosses (cross-lingual search), at half weight. The terms' weights are for the
   * caller's re-ranking: candidate generation treats them alike, which is 2–3× faster in LanceDB.
   */
  lexicalSearch(
    terms: WeightedTerm[],
    limit: number,
    filters?: SearchFilters,
    options?: { glosses?: boolean },
  ): Promise<ScoredChunk[]>;
  vectorSearch(vector: number[], limit: number, filters?: SearchFilters): Promise<ScoredChunk[]>;
  /** What citations need of these chunks (no vectors, hashes or search tokens), in no particular order. */
  passagesByIds(ids: string[]): Promise<ChunkPassage[]>;
  /**
   * What citations need of these search candidates, in no particular order: read by the address
   * the search found each at while it still holds that chunk, by id otherwise.
   */
  passagesOf(candidates: SearchCandidate[]): Promise<ChunkPassage[]>;
  /** Every chunk of one story of an issue, in no particular order. */
  storyPassages(docId: string, storyIndex: number): Promise<ChunkPassage[]>;
  /** The chunks of one story at one place in it (one, in a consistent store), in no particular order. */
  storyChunkPassages(docId: string, storyIndex: number, chunkIndex: number): Promise<ChunkPassage[]>;
  countChunks(): Promise<number>;
  /** Up to `limit` chunks' search text, for term statistics (document frequencies). */
  sampleSearchText(limit: number): Promise<string[]>;
  /**
   * Build the search indexes that are missing (FTS and scalar always; a vector index past a size
   * threshold) — checked on every call, so a crash during an index build is repaired by the next
   * run — and, when data changed, fold new rows into the indexes and compact.
   */
  maintainIndexes(options?: { dataChanged?: boolean }): Promise<void>;
  /** Rebuild every vector with a new embedder from the stored text (`ingest --reembed`). */
  reembed(
    embed: (texts: string[]) => Promise<number[][]>,
    identity: { id: string; dimensions: number },
  ): Promise<number>;
  /**
   * Changes whenever any process commits to the store, so caches built from it (term statistics,
   * learned pairs) know when to rebuild. Opaque: compare for equality only.
   */
  version(): Promise<string>;
  /**
   * Changes whenever the chunks change (a write, a compaction, a re-embed's switch of table), but
   * not with settings: what caches derived from the chunks alone are keyed by. Opaque.
   */
  chunksVersion(): Promise<string>;
  /**
   * Delete what no reader needs any more: versions older than `graceMs`, tables a re-embed
   * replaced. Writes never delete, so readers in other processes never lose a file under them.
   */
  maintain(options: { graceMs: number }): Promise<MaintenanceReport>;
  /** A small value kept with the store (e.g. bilingual pairs learned at ingest), or null. */
  readSetting(key: string): Promise<string | null>;
  writeSetting(key: string, value: string): Promise<void>;
  close(): Promise<void>;
}
