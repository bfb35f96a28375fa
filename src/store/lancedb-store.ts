import * as lancedb from "@lancedb/lancedb";
import { Field, FixedSizeList, Float32, Int32, Schema, Utf8 } from "apache-arrow";
import type { SearchFilters } from "../answer/answer-types.ts";
import { BriefbotError, StoreMismatchError } from "../errors.ts";
import type { ChunkPassage, ChunkRecord } from "./chunk-record.ts";
import { ChunkTableHandle, defaultChunkTableName, isMissingDataError } from "./chunk-table-handle.ts";
import { maintainLanceTables, retiredTableKey } from "./lancedb-maintenance.ts";
import type {
  ChunkStore,
  MaintenanceReport,
  ScoredChunk,
  SearchCandidate,
  StoredChunk,
  StoredDocument,
  WeightedTerm,
  WriteResult,
} from "./store.ts";

/**
 * LanceDB implementation of the store. Three tables:
 * - `chunks`: one row per chunk with its vector and a pre-segmented `search_text` column indexed
 *   for BM25 with the whitespace tokenizer (LanceDB's own tokenizers do not segment Chinese).
 * - `documents`: one row per issue, for listing and for skipping unchanged files.
 * - `meta`: which embedder and dimension built the vectors.
 */

const chunkColumns = [
  "id",
  "doc_id",
  "doc_hash",
  "publication",
  "title",
  "issue_number",
  "story",
  "story_index",
  "chunk_index",
  "date",
  "url",
  "path",
  "lang",
  "text",
  "text_hash",
  "search_text",
  "gloss_text",
] as const;

/** What a citation needs: no hashes, search tokens or vector (the search tokens are most of a row). */
const passageColumns = chunkColumns.filter(
  (column) => !["doc_hash", "text_hash", "search_text", "gloss_text"].includes(column),
);

/** Weight of a match in the other-language glosses relative to one in the passage's own words. */
const glossBoost = 0.5;

/** Past this many chunks, brute-force vector search gets slow (~80 ms at 100k), so an index is built. */
export const vectorIndexThreshold = 10_000;

/** Vectors per IVF partition of the HNSW index; queries probe `vectorIndexProbes` of them. */
const rowsPerPartition = 100_000;
const vectorIndexProbes = 4;
/** HNSW search breadth: recall@10 ~0.87 at 10k hashed vectors with 96; higher costs little. */
const vectorIndexEf = 160;

/**
 * IVF_HNSW_SQ, chosen by measurement (bench/): on our hashed vectors IVF_PQ reached only 0.49
 * recall@10 at 50k (they have little cluster structure for product quantisation) and took 42 s
 * to build; HNSW_SQ reached 0.83-0.87 and built in 2 s at 10k, 19 s at 50k. Few partitions, so
 * the graph, not k-means, does the work.
 */
function vectorIndexConfig(rows: number) {
  return lancedb.Index.hnswSq({
    distanceType: "cosine",
    numPartitions: Math.max(1, Math.round(rows / rowsPerPartition)),
  });
}

function chunkSchema(dimensions: number): Schema {
  const text = (name: string, nullable = false) => new Field(name, new Utf8(), nullable);
  return new Schema([
    text("id"),
    text("doc_id"),
    text("doc_hash"),
    text("publication"),
    text("title"),
    text("issue_number", true),
    text("story"),
    new Field("story_index", new Int32(), false),
    new Field("chunk_index", new Int32(), false),
    text("date", true),
    text("url", true),
    text("path"),
    text("lang"),
    text("text"),
    text("text_hash"),
    text("search_text"),
    text("gloss_text"),
    new Field("vector", new FixedSizeList(dimensions, new Field("item", new Float32(), true)), false),
  ]);
}

const documentSchema = new Schema([
  new Field("doc_id", new Utf8(), false),
  new Field("doc_hash", new Utf8(), false),
  new Field("path", new Utf8(), false),
  new Field("publication", new Utf8(), false),
  new Field("title", new Utf8(), false),
  new Field("issue_number", new Utf8(), true),
  new Field("date", new Utf8(), true),
  new Field("url", new Utf8(), true),
  new Field("lang", new Utf8(), false),
  new Field("stories", new Int32(), false),
  new Field("chunks", new Int32(), false),
  new Field("ingested_at", new Utf8(), false),
]);

const metaSchema = new Schema([new Field("key", new Utf8(), false), new Field("value", new Utf8(), false)]);

/** Columns a search reads: enough to rank; the rest is read for the final few only. */
const candidateColumns = ["id", "doc_id", "story_index", "search_text", "gloss_text"] as const;

function toCandidate(row: Row): SearchCandidate {
  return {
    id: String(row.id),
    docId: String(row.doc_id),
    storyIndex: Number(row.story_index),
    searchText: String(row.search_text),
    glossText: String(row.gloss_text ?? ""),
  };
}

/** SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function sqlList(values: string[]): string {
  return `(${values.map(sqlString).join(", ")})`;
}

/** SQL predicate for the filters, or undefined for none. */
export function filterPredicate(filters: SearchFilters | undefined): string | undefined {
  if (filters === undefined) return undefined;
  const parts: string[] = [];
  if (filters.publication) {
    const needle = filters.publication.toLowerCase().replace(/[%_\\]/g, "");
    parts.push(`lower(publication) LIKE ${sqlString(`%${needle}%`)}`);
  }
  if (filters.since) parts.push(`date >= ${sqlString(filters.since)}`);
  if (filters.until) parts.push(`date <= ${sqlString(filters.until)}`);
  return parts.length > 0 ? parts.join(" AND ") : undefined;
}

type Row = Record<string, unknown>;

const nullable = (value: unknown) => (value === null || value === undefined ? null : String(value));

function toPassage(row: Row): ChunkPassage {
  return {
    id: String(row.id),
    docId: String(row.doc_id),
    publication: String(row.publication),
    title: String(row.title),
    issueNumber: nullable(row.issue_number),
    story: String(row.story),
    storyIndex: Number(row.story_index),
    chunkIndex: Number(row.chunk_index),
    date: nullable(row.date),
    url: nullable(row.url),
    path: String(row.path),
    lang: String(row.lang) as StoredChunk["lang"],
    text: String(row.text),
  };
}

function toStoredChunk(row: Row): StoredChunk {
  return {
    ...toPassage(row),
    docHash: String(row.doc_hash),
    textHash: String(row.text_hash),
    searchText: String(row.search_text),
    glossText: String(row.gloss_text ?? ""),
  };
}

function toRow(chunk: ChunkRecord): Row {
  return {
    id: chunk.id,
    doc_id: chunk.docId,
    doc_hash: chunk.docHash,
    publication: chunk.publication,
    title: chunk.title,
    issue_number: chunk.issueNumber,
    story: chunk.story,
    story_index: chunk.storyIndex,
    chunk_index: chunk.chunkIndex,
    date: chunk.date,
    url: chunk.url,
    path: chunk.path,
    lang: chunk.lang,
    text: chunk.text,
    text_hash: chunk.textHash,
    search_text: chunk.searchText,
    gloss_text: chunk.glossText,
    vector: chunk.vector,
  };
}

function chunkFromRow(row: Row): ChunkRecord {
  return { ...toStoredChunk(row), vector: Array.from(row.vector as ArrayLike<number>) };
}

export interface LanceStoreOptions {
  /** LanceDB URI: a local directory or an object-store URI, used as given. */
  uri: string;
  /** The configured embedder; a store built by another one is refused. */
  embedder: { id: string; dimensions: number };
  /** Open even when another embedder built the store: only for `ingest --reembed`, which rebuilds it. */
  allowEmbedderChange?: boolean;
  /**
   * Longest time a read may lag another process's committed write, in seconds (LanceDB's
   * read-consistency interval, and how often the chunk table is re-resolved). Default 2; 0 checks
   * on every read.
   */
  readConsistencySeconds?: number;
}

/** Default of `readConsistencySeconds`: a new issue is searchable everywhere within 2 s. */
export const defaultReadConsistencySeconds = 2;

export class LanceChunkStore implements ChunkStore {
  private constructor(
    private readonly connection: lancedb.Connection,
    private readonly chunks: ChunkTableHandle,
    private readonly documentsTable: lancedb.Table,
    private readonly meta: lancedb.Table,
    private readonly embedder: { id: string; dimensions: number },
  ) {}

  /**
   * Open (creating when absent) the store at `uri`. Refuses a store built with another embedder:
   * mixing vector spaces would make search silently wrong.
   */
  static async open(options: LanceStoreOptions): Promise<LanceChunkStore> {
    let connection: lancedb.Connection;
    try {
      connection = await lancedb.connect(options.uri, {
        readConsistencyInterval: options.readConsistencySeconds ?? defaultReadConsistencySeconds,
      });
    } catch (error) {
      throw new BriefbotError(
        "STORE_FAILED",
        `Cannot open the store at ${options.uri}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    const names = new Set(await connection.tableNames());
    const meta = await openOrCreate(connection, names, "meta", metaSchema);
    const documentsTable = await openOrCreate(connection, names, "documents", documentSchema);
    const metaRows = (await meta.query().toArray()) as Row[];
    const chunkTableName = String(
      metaRows.find((row) => row.key === "chunks_table")?.value ?? defaultChunkTableName,
    );
    const chunks = names.has(chunkTableName) ? await connection.openTable(chunkTableName) : null;
    if (chunks !== null) await upgradeChunkTable(chunks);
    const intervalMs = 1000 * (options.readConsistencySeconds ?? defaultReadConsistencySeconds);
    const handle = new ChunkTableHandle(connection, meta, chunks, intervalMs);
    const store = new LanceChunkStore(connection, handle, documentsTable, meta, options.embedder);
    const recorded = await store.embedderIdentity();
    if (
      !options.allowEmbedderChange &&
      recorded !== null &&
      (recorded.id !== options.embedder.id || recorded.dimensions !== options.embedder.dimensions)
    ) {
      throw new StoreMismatchError(
        `The store at ${options.uri} was built with embedder ${recorded.id} (${recorded.dimensions} dimensions), ` +
          `but ${options.embedder.id} (${options.embedder.dimensions} dimensions) is configured. ` +
          "Run `briefbot ingest --reembed` to rebuild the vectors with the configured embedder, " +
          "or set BRIEFBOT_EMBEDDER back to the one that built it.",
      );
    }
    return store;
  }

  async embedderIdentity(): Promise<{ id: string; dimensions: number } | null> {
    const rows = (await this.meta.query().toArray()) as Row[];
    const values = new Map(rows.map((row) => [String(row.key), String(row.value)]));
    const id = values.get("embedder_id");
    const dimensions = values.get("embedder_dimensions");
    return id === undefined || dimensions === undefined ? null : { id, dimensions: Number(dimensions) };
  }

  private async recordEmbedder(
    identity: { id: string; dimensions: number },
    chunkTableName = defaultChunkTableName,
    retiredTable?: string,
  ): Promise<void> {
    await this.meta
      .mergeInsert("key")
      .whenMatchedUpdateAll()
      .whenNotMatchedInsertAll()
      .execute([
        { key: "embedder_id", value: identity.id },
        { key: "embedder_dimensions", value: String(identity.dimensions) },
        { key: "chunks_table", value: chunkTableName },
        ...(retiredTable === undefined
          ? []
          : [{ key: retiredTableKey(retiredTable), value: new Date().toISOString() }]),
      ]);
  }

  private async chunkTable(): Promise<lancedb.Table> {
    // Another process may have created or switched it since this one last looked.
    const existing = await this.chunks.refresh();
    if (existing !== null) return existing;
    // A store only ever gets a chunk table with the configured embedder's dimension.
    const created = await this.connection.createEmptyTable(
      defaultChunkTableName,
      chunkSchema(this.embedder.dimensions),
      { existOk: true },
    );
    this.chunks.replace(created);
    await this.recordEmbedder(this.embedder);
    return created;
  }

  /**
   * Run a read on the current chunk table (null: none yet). A read that finds a table or file
   * gone (switched by a re-embed elsewhere) re-resolves the table and tries once more.
   */
  private async read<T>(empty: T, run: (table: lancedb.Table) => Promise<T>): Promise<T> {
    const table = await this.chunks.current();
    if (table === null) return empty;
    try {
      return await run(table);
    } catch (error) {
      if (!isMissingDataError(error)) throw error;
      const fresh = await this.chunks.refresh();
      if (fresh === null) return empty;
      return run(fresh);
    }
  }

  async documents(): Promise<StoredDocument[]> {
    const rows = (await this.documentsTable.query().toArray()) as Row[];
    return rows.map((row) => ({
      docId: String(row.doc_id),
      docHash: String(row.doc_hash),
      path: String(row.path),
      publication: String(row.publication),
      title: String(row.title),
      issueNumber: row.issue_number == null ? null : String(row.issue_number),
      date: row.date == null ? null : String(row.date),
      url: row.url == null ? null : String(row.url),
      lang: String(row.lang) as StoredDocument["lang"],
      stories: Number(row.stories),
      chunks: Number(row.chunks),
      ingestedAt: String(row.ingested_at),
    }));
  }

  async chunkIdsOf(docIds: string[]): Promise<Map<string, Set<string>>> {
    const result = new Map<string, Set<string>>(docIds.map((docId) => [docId, new Set<string>()]));
    const table = await this.chunks.current();
    if (table === null || docIds.length === 0) return result;
    for (const batch of batches(docIds, 500)) {
      const rows = (await table
        .query()
        .where(`doc_id IN ${sqlList(batch)}`)
        .select(["id", "doc_id"])
        .toArray()) as Row[];
      for (const row of rows) result.get(String(row.doc_id))?.add(String(row.id));
    }
    return result;
  }

  async vectorsOf(ids: string[]): Promise<Map<string, number[]>> {
    const result = new Map<string, number[]>();
    const table = await this.chunks.current();
    if (table === null || ids.length === 0) return result;
    for (const batch of batches(ids, 500)) {
      const rows = (await table
        .query()
        .where(`id IN ${sqlList(batch)}`)
        .select(["id", "vector"])
        .toArray()) as Row[];
      for (const row of rows) result.set(String(row.id), Array.from(row.vector as ArrayLike<number>));
    }
    return result;
  }

  async knownTextHashes(textHashes: string[], exceptDocIds: string[]): Promise<Set<string>> {
    const known = new Set<string>();
    const table = await this.chunks.current();
    if (table === null || textHashes.length === 0) return known;
    const except = exceptDocIds.length > 0 ? ` AND doc_id NOT IN ${sqlList(exceptDocIds)}` : "";
    for (const batch of batches(textHashes, 500)) {
      const rows = (await table
        .query()
        .where(`text_hash IN ${sqlList(batch)}${except}`)
        .select(["text_hash"])
        .toArray()) as Row[];
      for (const row of rows) known.add(String(row.text_hash));
    }
    return known;
  }

  async replaceDocuments(documents: StoredDocument[], chunks: ChunkRecord[]): Promise<WriteResult> {
    if (documents.length === 0) return { added: 0, unchanged: 0, removed: 0 };
    for (const chunk of chunks) {
      // LanceDB pads or truncates wrong-sized vectors without a word; refuse them here instead.
      if (chunk.vector.length !== this.embedder.dimensions) {
        throw new BriefbotError(
          "STORE_FAILED",
          `Chunk ${chunk.id} has a vector of ${chunk.vector.length} numbers; the store expects ${this.embedder.dimensions}.`,
        );
      }
    }
    const table = await this.chunkTable();
    const docIds = documents.map((document) => document.docId);
    const before = await this.chunkIdsOf(docIds);
    const oldIds = new Set<string>();
    for (const ids of before.values()) for (const id of ids) oldIds.add(id);
    const newIds = new Set(chunks.map((chunk) => chunk.id));
    let unchanged = 0;
    for (const id of newIds) if (oldIds.has(id)) unchanged += 1;
    const removed = oldIds.size - unchanged;
    const added = newIds.size - unchanged;
    const scope = `doc_id IN ${sqlList(docIds)}`;
    if (chunks.length === 0) {
      if (oldIds.size > 0) await table.delete(scope);
    } else {
      // One commit: upsert the new chunks and delete the documents' chunks that are gone.
      await table
        .mergeInsert("id")
        .whenMatchedUpdateAll()
        .whenNotMatchedInsertAll()
        .whenNotMatchedBySourceDelete({ where: scope })
        .execute(chunks.map(toRow), { timeoutMs: 600_000 });
    }
    await this.documentsTable
      .mergeInsert("doc_id")
      .whenMatchedUpdateAll()
      .whenNotMatchedInsertAll()
      .execute(
        documents.map((document) => ({
          doc_id: document.docId,
          doc_hash: document.docHash,
          path: document.path,
          publication: document.publication,
          title: document.title,
          issue_number: document.issueNumber,
          date: document.date,
          url: document.url,
          lang: document.lang,
          stories: document.stories,
          chunks: document.chunks,
          ingested_at: document.ingestedAt,
        })),
      );
    return { added, unchanged, removed };
  }

  async removeDocuments(docIds: string[]): Promise<number> {
    if (docIds.length === 0) return 0;
    const scope = `doc_id IN ${sqlList(docIds)}`;
    let removed = 0;
    const table = await this.chunks.refresh();
    if (table !== null) {
      removed = await table.countRows(scope);
      await table.delete(scope);
    }
    await this.documentsTable.delete(scope);
    return removed;
  }

  async lexicalSearch(
    terms: WeightedTerm[],
    limit: number,
    filters?: SearchFilters,
    options: { glosses?: boolean } = {},
  ): Promise<ScoredChunk[]> {
    if (terms.length === 0) return [];
    // One match query over all the terms, own words and translations alike. A boolean query with
    // one boosted clause per weight would rank by the weights, but cost 2–3× as much (9 vs 3 ms at
    // 100k chunks, 60 ms at 1M); the weights are applied where ranking is decided, in the
    // term-coverage re-rank, and ranked the dev set the same.
    const words = [
      ...new Set(terms.map(({ term }) => term.replace(/\s+/g, "")).filter((term) => term !== "")),
    ];
    if (words.length === 0) return [];
    // A gloss is our translation, not the author's word: it counts for less.
    const query = options.glosses
      ? new lancedb.MultiMatchQuery(words.join(" "), ["search_text", "gloss_text"], {
          boosts: [1, glossBoost],
        })
      : new lancedb.MatchQuery(words.join(" "), "search_text");
    const predicate = filterPredicate(filters);
    return this.read([], async (table) => {
      let search = table
        .query()
        .fullTextSearch(query)
        .select([...candidateColumns, "_score"])
        .limit(limit);
      if (predicate) search = search.where(predicate);
      const rows = (await search.toArray()) as Row[];
      return rows.map((row) => ({ chunk: toCandidate(row), score: Number(row._score ?? 0) }));
    });
  }

  async vectorSearch(vector: number[], limit: number, filters?: SearchFilters): Promise<ScoredChunk[]> {
    if (vector.length !== this.embedder.dimensions) {
      throw new BriefbotError(
        "STORE_FAILED",
        `Query vector has ${vector.length} numbers; expected ${this.embedder.dimensions}.`,
      );
    }
    const predicate = filterPredicate(filters);
    return this.read([], async (table) => {
      let search = table
        .vectorSearch(vector)
        .distanceType("cosine")
        .select([...candidateColumns, "_distance"])
        .limit(limit);
      // Probes and breadth only matter with an index, and are harmless without one.
      search = search.nprobes(vectorIndexProbes).ef(vectorIndexEf);
      if (predicate) search = search.where(predicate);
      const rows = (await search.toArray()) as Row[];
      return rows.map((row) => ({ chunk: toCandidate(row), score: 1 - Number(row._distance ?? 1) }));
    });
  }

  async passagesByIds(ids: string[]): Promise<ChunkPassage[]> {
    if (ids.length === 0) return [];
    return this.read([], async (table) => {
      const rows = (await table
        .query()
        .where(`id IN ${sqlList(ids)}`)
        .select([...passageColumns])
        .toArray()) as Row[];
      return rows.map(toPassage);
    });
  }

  /** Up to `limit` chunks' search text, for term statistics (document frequencies). */
  async sampleSearchText(limit: number): Promise<string[]> {
    return this.read([], async (table) => {
      const rows = (await table.query().select(["search_text"]).limit(limit).toArray()) as Row[];
      return rows.map((row) => String(row.search_text));
    });
  }

  async countChunks(): Promise<number> {
    return this.read(0, (table) => table.countRows());
  }

  async maintainIndexes(): Promise<void> {
    const table = await this.chunks.refresh();
    if (table === null) return;
    const indices = await table.listIndices();
    const names = new Set(indices.flatMap((index) => index.columns));
    const rows = await table.countRows();
    for (const column of ["search_text", "gloss_text"]) {
      if (names.has(column)) continue;
      await table.createIndex(column, {
        config: lancedb.Index.fts({
          baseTokenizer: "whitespace",
          lowercase: false,
          stem: false,
          removeStopWords: false,
          asciiFolding: false,
          withPosition: false,
          maxTokenLength: 64,
        }),
        replace: true,
      });
    }
    if (!names.has("id")) await table.createIndex("id", { config: lancedb.Index.btree(), replace: true });
    if (!names.has("doc_id"))
      await table.createIndex("doc_id", { config: lancedb.Index.btree(), replace: true });
    if (!names.has("text_hash"))
      await table.createIndex("text_hash", { config: lancedb.Index.btree(), replace: true });
    if (!names.has("vector") && rows >= vectorIndexThreshold) {
      await table.createIndex("vector", { config: vectorIndexConfig(rows), replace: true });
    }
    // Folds new rows into existing indexes and compacts small fragments left by many ingests.
    // Old versions are kept: other processes may still be reading them. `maintain` removes them.
    await table.optimize({ cleanupOlderThan: keepEveryVersion });
    await this.documentsTable.optimize({ cleanupOlderThan: keepEveryVersion });
  }

  /**
   * Delete files of versions older than `graceMs` and tables retired by a re-embed that long ago.
   * Run from one process (`briefbot maintain`, or the elected replica of `serve`); the grace must
   * exceed the longest query plus the read-consistency interval, so no reader loses a file.
   */
  async maintain(options: { graceMs: number }): Promise<MaintenanceReport> {
    const table = await this.chunks.refresh();
    return maintainLanceTables({
      connection: this.connection,
      meta: this.meta,
      tables: [this.documentsTable, this.meta, ...(table === null ? [] : [table])],
      graceMs: options.graceMs,
    });
  }

  /**
   * Changes whenever any process commits to the store (documents, chunks, settings or a switch
   * of chunk table), so caches built from it know when to rebuild.
   */
  async version(): Promise<string> {
    const table = await this.chunks.current();
    const [chunks, documents, meta] = await Promise.all([
      table === null ? Promise.resolve(0) : table.version(),
      this.documentsTable.version(),
      this.meta.version(),
    ]);
    return `${table?.name ?? "-"}@${chunks}.${documents}.${meta}`;
  }

  async reembed(
    embed: (texts: string[]) => Promise<number[][]>,
    identity: { id: string; dimensions: number },
  ): Promise<number> {
    const current = await this.chunks.refresh();
    if (current === null) {
      await this.recordEmbedder(identity);
      return 0;
    }
    const rows = ((await current.query().toArray()) as Row[]).map(chunkFromRow);
    const vectors = await embed(rows.map((row) => `${row.story}\n${row.text}`));
    for (const vector of vectors) {
      if (vector.length !== identity.dimensions) {
        throw new BriefbotError(
          "STORE_FAILED",
          `Embedder returned ${vector.length} numbers; expected ${identity.dimensions}.`,
        );
      }
    }
    const rebuilt = rows.map((row, index) => toRow({ ...row, vector: vectors[index]! }));
    // Write a new table, then switch the pointer in `meta` in one commit: a crash at any point
    // leaves a store that opens with one consistent embedder.
    // The old table is retired, not dropped: other processes read it until they see the switch;
    // `maintain` drops it after the grace period.
    const oldName = current.name;
    const newName = `chunks_${Date.now().toString(36)}`;
    const table = await this.connection.createEmptyTable(newName, chunkSchema(identity.dimensions));
    if (rebuilt.length > 0) await table.add(rebuilt);
    await this.recordEmbedder(identity, newName, oldName);
    this.chunks.replace(table);
    await this.maintainIndexes();
    return rows.length;
  }

  async readSetting(key: string): Promise<string | null> {
    // Settings are read rarely and merged before writing (learned pairs): read the latest.
    await this.meta.checkoutLatest();
    const rows = (await this.meta
      .query()
      .where(`key = ${sqlString(`setting:${key}`)}`)
      .toArray()) as Row[];
    return rows[0] === undefined ? null : String(rows[0].value);
  }

  async writeSetting(key: string, value: string): Promise<void> {
    await this.meta
      .mergeInsert("key")
      .whenMatchedUpdateAll()
      .whenNotMatchedInsertAll()
      .execute([{ key: `setting:${key}`, value }]);
  }

  async close(): Promise<void> {
    this.chunks.close();
    this.documentsTable.close();
    this.meta.close();
    this.connection.close();
  }
}

/** Open a table, creating it when absent; another process creating it at the same moment is fine. */
async function openOrCreate(
  connection: lancedb.Connection,
  names: Set<string>,
  name: string,
  schema: Schema,
): Promise<lancedb.Table> {
  if (names.has(name)) return connection.openTable(name);
  try {
    return await connection.createEmptyTable(name, schema, { existOk: true });
  } catch (error) {
    // Lost a race with another process creating it: use theirs.
    return connection.openTable(name).catch(() => Promise.reject(error));
  }
}

/**
 * Bring a chunk table written by an earlier briefbot up to the current schema, so an existing
 * store keeps working; the next ingest fills the new columns (the pipeline version changed too).
 */
async function upgradeChunkTable(table: lancedb.Table): Promise<void> {
  const fields = new Set((await table.schema()).fields.map((field) => field.name));
  if (!fields.has("gloss_text")) await table.addColumns([{ name: "gloss_text", valueSql: "''" }]);
}

/** `optimize` prunes versions older than this: none (1970), since pruning belongs to `maintain`. */
const keepEveryVersion = new Date(0);

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}
