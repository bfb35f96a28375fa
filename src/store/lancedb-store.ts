import * as lancedb from "@lancedb/lancedb";
import type { SearchFilters } from "../answer/answer-types.ts";
import { BriefbotError, StoreMismatchError } from "../errors.ts";
import type { ChunkPassage, ChunkRecord } from "./chunk-record.ts";
import {
  ChunkTableHandle,
  defaultChunkTableName,
  isMissingDataError,
  journalKey,
} from "./chunk-table-handle.ts";
import { retryOnCommitConflict, upsertByKey } from "./commit-retry.ts";
import { passagesOfCandidates, passagesQuery, storyChunkQuery } from "./lancedb-candidates.ts";
import { maintainChunkIndexes } from "./lancedb-indexes.ts";
import { type JournalTables, restoreJournaledVersions, runJournaled } from "./lancedb-journal.ts";
import { maintainLanceTables, retiredTableKey } from "./lancedb-maintenance.ts";
import { lexicalQuery, searchTextSample, storyQuery, vectorQuery } from "./lancedb-queries.ts";
import {
  batches,
  chunkFromRow,
  chunkSchema,
  chunksTable,
  documentSchema,
  metaSchema,
  type Row,
  rowsOfTable,
  sourceFileSchema,
  sqlList,
  sqlString,
  toDocumentRow,
  toRow,
  toSourceFile,
  toSourceFileRow,
  toStoredDocument,
  upgradeChunkTable,
} from "./lancedb-rows.ts";
import { openIfReadable, openOrCreateTable } from "./open-or-create-table.ts";
import type {
  ChunkStore,
  MaintenanceReport,
  ScoredChunk,
  SearchCandidate,
  SourceFileRecord,
  StoredDocument,
  WeightedTerm,
  WriteResult,
} from "./store.ts";

export { vectorIndexThreshold } from "./lancedb-indexes.ts";
export { filterPredicate, sqlString } from "./lancedb-rows.ts";

/**
 * LanceDB implementation of the store. Three tables:
 * - `chunks`: one row per chunk with its vector and a pre-segmented `search_text` column indexed
 *   for BM25 with the whitespace tokenizer (LanceDB's own tokenizers do not segment Chinese).
 * - `documents`: one row per issue, for listing and for skipping unchanged files.
 * - `meta`: which embedder and dimension built the vectors.
 */

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
  /**
   * Called before each commit of a write (journal, chunks, documents, files, index builds…) with
   * the step's name: the crash tests kill the process at a chosen step.
   */
  onWriteStep?: (step: string) => void;
}

/** Default of `readConsistencySeconds`: a new issue is searchable everywhere within 2 s. */
export const defaultReadConsistencySeconds = 2;

export class LanceChunkStore implements ChunkStore {
  private constructor(
    private readonly connection: lancedb.Connection,
    private readonly chunks: ChunkTableHandle,
    private readonly documentsTable: lancedb.Table,
    private readonly meta: lancedb.Table,
    private readonly filesTable: lancedb.Table,
    private readonly embedder: { id: string; dimensions: number },
    private readonly onWriteStep: (step: string) => void = () => {},
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
    const meta = await openOrCreateTable(connection, "meta", metaSchema, { knownNames: names });
    const documentsTable = await openOrCreateTable(connection, "documents", documentSchema, {
      knownNames: names,
    });
    const filesTable = await openOrCreateTable(connection, "files", sourceFileSchema, { knownNames: names });
    const metaRows = (await meta.query().toArray()) as Row[];
    const chunkTableName = String(
      metaRows.find((row) => row.key === "chunks_table")?.value ?? defaultChunkTableName,
    );
    const chunks = names.has(chunkTableName) ? await openIfReadable(connection, chunkTableName) : null;
    // A write interrupted (or under way in another process) leaves a journal: the handle then
    // keeps readers on the versions before it, so documents and chunks agree; the next ingest
    // restores them for good. Without one, an older table is brought up to the current schema.
    if (chunks !== null && !metaRows.some((row) => row.key === journalKey)) await upgradeChunkTable(chunks);
    const intervalMs = 1000 * (options.readConsistencySeconds ?? defaultReadConsistencySeconds);
    const handle = new ChunkTableHandle(connection, meta, chunks, intervalMs, {
      documents: documentsTable,
      files: filesTable,
    });
    await handle.refresh();
    const store = new LanceChunkStore(
      connection,
      handle,
      documentsTable,
      meta,
      filesTable,
      options.embedder,
      options.onWriteStep,
    );
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
    await upsertByKey(this.meta, "key", [
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
    const created = await openOrCreateTable(
      this.connection,
      defaultChunkTableName,
      chunkSchema(this.embedder.dimensions),
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
    await this.chunks.current(); // follows a journal written or cleared elsewhere
    // Column by column: Arrow's row proxies took ~90 ms for 5,000 issues.
    const rows = rowsOfTable(await this.documentsTable.query().toArrow());
    return rows.map(toStoredDocument);
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

  async replaceDocuments(
    documents: StoredDocument[],
    chunks: ChunkRecord[],
    files: SourceFileRecord[] = [],
  ): Promise<WriteResult> {
    if (documents.length === 0) {
      if (files.length > 0) await this.writeSourceFiles(files);
      return { added: 0, unchanged: 0, removed: 0 };
    }
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
    await this.journaled(async () => {
      this.onWriteStep("chunks");
      if (chunks.length === 0) {
        if (oldIds.size > 0) await table.delete(scope);
      } else {
        // One commit: upsert the new chunks and delete the documents' chunks that are gone.
        await retryOnCommitConflict(
          () =>
            table
              .mergeInsert("id")
              .whenMatchedUpdateAll()
              .whenNotMatchedInsertAll()
              .whenNotMatchedBySourceDelete({ where: scope })
              .execute(chunksTable(chunks, this.embedder.dimensions), { timeoutMs: 600_000 }),
          () => table.checkoutLatest(),
        );
      }
      this.onWriteStep("documents");
      await upsertByKey(this.documentsTable, "doc_id", documents.map(toDocumentRow));
      if (files.length > 0) await this.writeSourceFiles(files);
    });
    return { added, unchanged, removed };
  }

  private async writeSourceFiles(files: SourceFileRecord[]): Promise<void> {
    this.onWriteStep("files");
    await upsertByKey(this.filesTable, "key", files.map(toSourceFileRow));
  }

  async sourceFiles(): Promise<SourceFileRecord[]> {
    await this.chunks.current();
    return ((await this.filesTable.query().toArray()) as Row[]).map(toSourceFile);
  }

  /**
   * Run a write of several commits all or nothing (see lancedb-journal.ts). This process writes
   * the journal: its own handle must not pin the tables to it meanwhile.
   */
  private async journaled(write: () => Promise<void>): Promise<void> {
    await this.chunks.beginWrite();
    try {
      await runJournaled(this.journalTables(), write);
    } finally {
      this.chunks.endWrite();
    }
  }

  async recoverInterruptedWrite(): Promise<boolean> {
    await this.chunks.beginWrite();
    try {
      return await restoreJournaledVersions(this.journalTables());
    } finally {
      this.chunks.endWrite();
    }
  }

  private journalTables(): JournalTables {
    return {
      chunks: () => this.chunkTable(),
      documents: this.documentsTable,
      files: this.filesTable,
      meta: this.meta,
      onWriteStep: (step) => this.onWriteStep(step),
    };
  }

  async removeDocuments(docIds: string[]): Promise<number> {
    if (docIds.length === 0) return 0;
    const scope = `doc_id IN ${sqlList(docIds)}`;
    let removed = 0;
    await this.journaled(async () => {
      const chunks = await this.chunks.refresh();
      if (chunks !== null) {
        removed = await chunks.countRows(scope);
        this.onWriteStep("remove-chunks");
        await chunks.delete(scope);
      }
      this.onWriteStep("remove-documents");
      await this.documentsTable.delete(scope);
    });
    return removed;
  }

  async lexicalSearch(
    terms: WeightedTerm[],
    limit: number,
    filters?: SearchFilters,
    options: { glosses?: boolean } = {},
  ): Promise<ScoredChunk[]> {
    if (terms.length === 0) return [];
    return this.read([], (table) => lexicalQuery(table, terms, limit, filters, options.glosses === true));
  }

  async vectorSearch(vector: number[], limit: number, filters?: SearchFilters): Promise<ScoredChunk[]> {
    if (vector.length !== this.embedder.dimensions) {
      throw new BriefbotError(
        "STORE_FAILED",
        `Query vector has ${vector.length} numbers; expected ${this.embedder.dimensions}.`,
      );
    }
    return this.read([], (table) => vectorQuery(table, vector, limit, filters));
  }

  async passagesByIds(ids: string[]): Promise<ChunkPassage[]> {
    if (ids.length === 0) return [];
    return this.read([], (table) => passagesQuery(table, ids));
  }

  async passagesOf(candidates: SearchCandidate[]): Promise<ChunkPassage[]> {
    if (candidates.length === 0) return [];
    return this.read([], (table) => passagesOfCandidates(table, candidates));
  }

  async storyPassages(docId: string, storyIndex: number): Promise<ChunkPassage[]> {
    if (!Number.isInteger(storyIndex)) return [];
    return this.read([], (table) => storyQuery(table, docId, storyIndex));
  }

  async storyChunkPassages(docId: string, storyIndex: number, chunkIndex: number): Promise<ChunkPassage[]> {
    if (!Number.isInteger(storyIndex) || !Number.isInteger(chunkIndex)) return [];
    return this.read([], (table) => storyChunkQuery(table, docId, storyIndex, chunkIndex));
  }

  /** Up to `limit` chunks' search text, for term statistics (document frequencies). */
  async sampleSearchText(limit: number): Promise<string[]> {
    return this.read([], (table) => searchTextSample(table, limit));
  }

  async countChunks(): Promise<number> {
    return this.read(0, (table) => table.countRows());
  }

  async maintainIndexes(options: { dataChanged?: boolean } = {}): Promise<void> {
    const table = await this.chunks.refresh();
    if (table === null) return;
    await maintainChunkIndexes({
      chunks: table,
      others: [this.documentsTable, this.filesTable],
      embedderId: this.embedder.id,
      dataChanged: options.dataChanged ?? true,
      onWriteStep: (step) => this.onWriteStep(step),
    });
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
      tables: [this.documentsTable, this.filesTable, this.meta, ...(table === null ? [] : [table])],
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

  async chunksVersion(): Promise<string> {
    const table = await this.chunks.current();
    return table === null ? "-" : `${table.name}@${await table.version()}`;
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
    await this.writeMeta(`setting:${key}`, value);
  }

  private async writeMeta(key: string, value: string): Promise<void> {
    await upsertByKey(this.meta, "key", [{ key, value }]);
  }

  async close(): Promise<void> {
    this.chunks.close();
    this.documentsTable.close();
    this.filesTable.close();
    this.meta.close();
    this.connection.close();
  }
}
