import type * as lancedb from "@lancedb/lancedb";

/**
 * The chunks table as other processes may have changed it. Another replica can create it (this
 * process opened an empty store), or `ingest --reembed` can switch `meta.chunks_table` to a new
 * table; a handle opened once would then read nothing or a dropped table. So the handle is
 * re-resolved from `meta` whenever `meta` has moved, checked at most once per consistency interval
 * (LanceDB's own read-consistency interval keeps each table's data current the same way).
 */

export const defaultChunkTableName = "chunks";

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

  constructor(
    private readonly connection: lancedb.Connection,
    private readonly meta: lancedb.Table,
    table: lancedb.Table | null,
    private readonly intervalMs: number,
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

  /** Check `meta` now and follow it to the table it names. */
  async refresh(): Promise<lancedb.Table | null> {
    this.#checkedAt = this.now();
    if (this.intervalMs > 0) await this.meta.checkoutLatest();
    const metaVersion = await this.meta.version();
    if (metaVersion === this.#metaVersion && this.#table !== null) return this.#table;
    const rows = (await this.meta
      .query()
      .where("key = 'chunks_table'")
      .select(["value"])
      .toArray()) as Array<{ value: string }>;
    const name = rows[0]?.value ?? defaultChunkTableName;
    if (this.#table === null || this.#table.name !== name) {
      const names = new Set(await this.connection.tableNames());
      if (names.has(name)) this.replace(await this.connection.openTable(name));
    }
    this.#metaVersion = metaVersion;
    return this.#table;
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
