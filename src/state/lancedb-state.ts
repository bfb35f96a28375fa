import * as lancedb from "@lancedb/lancedb";
import { Field, Float64, Int32, Schema, Utf8 } from "apache-arrow";
import { BriefbotError } from "../errors.ts";
import { versionCutoff } from "../store/lancedb-maintenance.ts";
import { openOrCreateTable } from "../store/open-or-create-table.ts";
import { foldEntry, type LogRow, type Operation } from "./state-log.ts";
import { checkNamespace, type ExpiryOptions, type StateStore } from "./state-store.ts";

/**
 * State as a table in the LanceDB store (the default of `serve`): restarts forget nothing, and
 * replicas sharing the store share the state without another service.
 *
 * LanceDB has no conditional write (two processes' concurrent "insert if absent" both insert), so
 * the table is an append-only log: every call appends one row, and a key's state is the fold of
 * its rows in commit order (see `state-log.ts`). Commit order is the row id: the table is created
 * with stable row ids, which Lance assigns in commit order and keeps through compaction. So of
 * two concurrent `setIfAbsent`s, both append, both read back, and both see the same first row.
 */

const tableName = "state";

const schema = new Schema([
  new Field("ns", new Utf8(), false),
  new Field("key", new Utf8(), false),
  new Field("op", new Utf8(), false),
  new Field("value", new Utf8(), false),
  new Field("token", new Utf8(), false),
  new Field("written_at", new Float64(), false),
  new Field("expires_at", new Float64(), true),
  new Field("max_items", new Int32(), true),
]);

/**
 * Every write adds a small fragment, and reads scan every fragment, so after this many writes a
 * process compacts the table (in the background; stable row ids keep the log's order). Measured
 * on a 2-core machine at load ~25: without it a read took 2 ms on an empty table and 200 ms after
 * 600 writes; compacting every 200 writes kept it between 17 and 77 ms.
 */
const compactEveryWrites = 200;
/** Compaction here removes no version: deleting files is the maintenance step's job. */
const keepEveryVersion = new Date(0);

const sql = (value: string) => `'${value.replace(/'/g, "''")}'`;

export class LanceStateStore implements StateStore {
  readonly driver = "lancedb";
  #sequence = 0;
  #writesSinceCompaction = 0;
  #compacting: Promise<void> | undefined;

  private constructor(
    private readonly connection: lancedb.Connection,
    private readonly table: lancedb.Table,
    private readonly now: () => number,
  ) {}

  /** Open (creating when absent) the state table in the store at `uri`. */
  static async open(options: { uri: string; now?: () => number }): Promise<LanceStateStore> {
    try {
      // Every read checks for other processes' commits: state must be current, not eventually so.
      const connection = await lancedb.connect(options.uri, { readConsistencyInterval: 0 });
      const table = await openOrCreateTable(connection, tableName, schema, {
        storageOptions: { new_table_enable_stable_row_ids: "true" },
      });
      return new LanceStateStore(connection, table, options.now ?? Date.now);
    } catch (error) {
      throw new BriefbotError(
        "STATE_FAILED",
        `Cannot open the state table in ${options.uri}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  #token(): string {
    this.#sequence += 1;
    return `${process.pid}.${this.now().toString(36)}.${this.#sequence}.${Math.random().toString(36).slice(2, 8)}`;
  }

  /** Append one row; returns its token. */
  async #write(
    namespace: string,
    key: string,
    op: Operation,
    value: string,
    options: { ttlMs?: number | undefined; maxItems?: number } = {},
  ): Promise<string> {
    checkNamespace(namespace);
    const writtenAt = this.now();
    const token = this.#token();
    await this.table.add([
      {
        ns: namespace,
        key,
        op,
        value,
        token,
        written_at: writtenAt,
        expires_at: options.ttlMs === undefined ? null : writtenAt + options.ttlMs,
        max_items: options.maxItems ?? null,
      },
    ]);
    this.#writesSinceCompaction += 1;
    if (this.#writesSinceCompaction >= compactEveryWrites && this.#compacting === undefined) {
      this.#writesSinceCompaction = 0;
      // Another replica compacting at the same moment makes one of the two fail: harmless.
      this.#compacting = this.table
        .optimize({ cleanupOlderThan: keepEveryVersion })
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => {
          this.#compacting = undefined;
        });
    }
    return token;
  }

  async #rows(namespace: string, key: string): Promise<LogRow[]> {
    checkNamespace(namespace);
    const rows = (await this.table
      .query()
      .where(`ns = ${sql(namespace)} AND key = ${sql(key)}`)
      .withRowId()
      .toArray()) as Array<Record<string, unknown>>;
    return rows.map(toLogRow).sort((left, right) => (left.order < right.order ? -1 : 1));
  }

  async get(namespace: string, key: string): Promise<string | null> {
    return foldEntry(await this.#rows(namespace, key), this.now()).value;
  }

  async set(namespace: string, key: string, value: string, options?: ExpiryOptions): Promise<void> {
    await this.#write(namespace, key, "set", value, options);
  }

  async setIfAbsent(
    namespace: string,
    key: string,
    value: string,
    options?: ExpiryOptions,
  ): Promise<boolean> {
    const token = await this.#write(namespace, key, "claim", value, options);
    return foldEntry(await this.#rows(namespace, key), this.now(), token).claimed;
  }

  async delete(namespace: string, key: string): Promise<void> {
    await this.#write(namespace, key, "delete", "");
  }

  async increment(namespace: string, key: string, options?: ExpiryOptions): Promise<number> {
    const token = await this.#write(namespace, key, "increment", "", options);
    return Number(foldEntry(await this.#rows(namespace, key), this.now(), token).value ?? 0);
  }

  async append(
    namespace: string,
    key: string,
    value: string,
    options: { maxItems: number; ttlMs?: number | undefined },
  ): Promise<void> {
    await this.#write(namespace, key, "append", value, options);
  }

  async list(namespace: string, key: string): Promise<string[]> {
    return foldEntry(await this.#rows(namespace, key), this.now()).list;
  }

  async entries(namespace: string, prefix = ""): Promise<Array<{ key: string; value: string }>> {
    checkNamespace(namespace);
    const rows = (await this.table
      .query()
      .where(`ns = ${sql(namespace)}${prefix === "" ? "" : ` AND starts_with(key, ${sql(prefix)})`}`)
      .withRowId()
      .toArray()) as Array<Record<string, unknown>>;
    const byKey = new Map<string, LogRow[]>();
    for (const row of rows.map(toLogRow)) {
      const list = byKey.get(row.key) ?? [];
      list.push(row);
      byKey.set(row.key, list);
    }
    const now = this.now();
    const found: Array<{ key: string; value: string }> = [];
    for (const [key, keyRows] of byKey) {
      const { value } = foldEntry(
        keyRows.sort((left, right) => (left.order < right.order ? -1 : 1)),
        now,
      );
      if (value !== null) found.push({ key, value });
    }
    return found;
  }

  /**
   * Delete rows that expired more than `graceMs` ago, compact, and remove old versions: run by
   * the maintenance step, one process at a time. Returns rows deleted.
   */
  async maintain(options: { graceMs: number }): Promise<number> {
    const cutoff = this.now() - options.graceMs;
    const before = await this.table.countRows();
    await this.table.delete(`expires_at IS NOT NULL AND expires_at < ${cutoff}`);
    const deleted = before - (await this.table.countRows());
    await this.table.optimize({ cleanupOlderThan: await versionCutoff(this.table, new Date(cutoff)) });
    return deleted;
  }

  async close(): Promise<void> {
    await this.#compacting;
    this.table.close();
    this.connection.close();
  }
}

function toLogRow(row: Record<string, unknown>): LogRow {
  return {
    key: String(row.key),
    op: String(row.op) as Operation,
    value: String(row.value),
    token: String(row.token),
    writtenAt: Number(row.written_at),
    expiresAt: row.expires_at === null || row.expires_at === undefined ? null : Number(row.expires_at),
    maxItems: row.max_items === null || row.max_items === undefined ? null : Number(row.max_items),
    order: BigInt(row._rowid as bigint | number),
  };
}
