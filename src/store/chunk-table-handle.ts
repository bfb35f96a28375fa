import type * as lancedb from "@lancedb/lancedb";
import { openIfReadable } from "./open-or-create-table.ts";

/**
 * The chunks table as other processes may have changed it. Another replica can create it (this
 * process opened an empty store), or `ingest --reembed` can switch `meta.chunks_table` to a new
 * table; a handle opened once would then read nothing or a dropped table. So the handle is
 * re-resolved from `meta` whenever `meta` has moved, checked at most once per consistency interval
 * (LanceDB's own read-consistency interval keeps each table's data current the same way).
 */

export const defaultChunkTableName = "chunks";

/** Meta key of the journal of a write in progress: the tables' versions before it began. */
export const journalKey = "write_journal";

export interface WriteJournal {
  chunks: number;
  documents: number;
  files: number;
}

/** The tables a journaled write changes along with the chunks. */
export interface JournaledTables {
  documents: lancedb.Table;
  files: lancedb.Table;
}

/** Errors LanceDB gives for a table or data file that is gone (dropped or cleaned up). */
export function isMissingDataError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /not found|does not exist|no such file/i.test(message);
}

export class ChunkTableHandle {
  #table: lancedb.Table | null;
  #metaVersion = -1;
  #checkedAt = 0;
  /** Handles replaced while queries may still run on them; closed with the store. */
  readonly #retired: lancedb.Table[] = [];
  /** Journaled writes of this process under way: its own journal must not pin its tables. */
  #ownWrites = 0;
  /** The tables are checked out at a journal's versions (not following the latest). */
  #pinned = false;

  constructor(
    private readonly connection: lancedb.Connection,
    private readonly meta: lancedb.Table,
    table: lancedb.Table | null,
    private readonly intervalMs: number,
    private readonly journaled: JournaledTables,
    private readonly now: () => number = Date.now,
  ) {
    this.#table = table;
  }

  /** The table as last resolved, without checking (for writes, which resolve first). */
  get cached(): lancedb.Table | null {
    return this.#table;
  }

  /** The current chunks table (null while no process has created it), re-resolved when due. */
  async current(): Promise<lancedb.Table | null> {
    if (this.now() - this.#checkedAt >= this.intervalMs) await this.refresh();
    return this.#table;
  }

  /**
   * Check `meta` now and follow it to the table it names. While `meta` holds a write journal
   * (another process is writing, or a write was interrupted), the chunks, documents and files
   * tables stay checked out at the journal's versions: moving to the latest would show the
   * half-written state. Once the journal is cleared they follow the latest again.
   */
  async refresh(): Promise<lancedb.Table | null> {
    this.#checkedAt = this.now();
    await this.meta.checkoutLatest();
    const metaVersion = await this.meta.version();
    if (metaVersion === this.#metaVersion && this.#table !== null) return this.#table;
    const rows = (await this.meta
      .query()
      .where(`key IN ('chunks_table', '${journalKey}')`)
      .select(["key", "value"])
      .toArray()) as Array<{ key: string; value: string }>;
    const name = rows.find((row) => row.key === "chunks_table")?.value ?? defaultChunkTableName;
    if (this.#table === null || this.#table.name !== name) {
      const names = new Set(await this.connection.tableNames());
      const table = names.has(name) ? await openIfReadable(this.connection, name) : null;
      if (table !== null) this.replace(table);
    }
    const journal = rows.find((row) => row.key === journalKey)?.value;
    if (this.#ownWrites === 0) {
      if (journal !== undefined) await this.pin(JSON.parse(journal) as WriteJournal);
      else if (this.#pinned) await this.unpin();
    }
    this.#metaVersion = metaVersion;
    return this.#table;
  }

  /** A journaled write of this process begins: its tables follow the latest, never its journal. */
  async beginWrite(): Promise<void> {
    this.#ownWrites += 1;
    if (this.#pinned) await this.unpin();
  }

  /** The write ended; the next refresh looks at `meta` again. */
  endWrite(): void {
    this.#ownWrites = Math.max(0, this.#ownWrites - 1);
    this.#metaVersion = -1;
  }

  /** True while reads are held at a journal's versions. */
  get pinned(): boolean {
    return this.#pinned;
  }

  private async pin(journal: WriteJournal): Promise<void> {
    if (this.#table !== null) await this.#table.checkout(journal.chunks);
    await this.journaled.documents.checkout(journal.documents);
    await this.journaled.files.checkout(journal.files);
    this.#pinned = true;
  }

  private async unpin(): Promise<void> {
    if (this.#table !== null) await this.#table.checkoutLatest();
    await this.journaled.documents.checkoutLatest();
    await this.journaled.files.checkoutLatest();
    this.#pinned = false;
  }

  /** Use `table` from now on (this process created or switched it). */
  replace(table: lancedb.Table): void {
    if (this.#table !== null && this.#table !== table) this.#retired.push(this.#table);
    this.#table = table;
  }

  close(): void {
    for (const table of [...this.#retired, ...(this.#table === null ? [] : [this.#table])]) {
      if (table.isOpen()) table.close();
    }
  }
}
