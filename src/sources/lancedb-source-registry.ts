import * as lancedb from "@lancedb/lancedb";
import { Field, Int32, Schema, Utf8 } from "apache-arrow";
import { BriefbotError } from "../errors.ts";
import { sqlString } from "../store/lancedb-store.ts";
import { openOrCreateTable } from "../store/open-or-create-table.ts";
import type { PollState, SourceRegistry, Subscription } from "./subscription.ts";

/**
 * Subscriptions in a `sources` table of the same LanceDB database as the issues, so every
 * replica that shares the store shares the subscriptions. The poll state is one JSON column (it
 * is read and written whole); the lease is two columns so taking it is one conditional update.
 */

const tableName = "sources";

const sourceSchema = new Schema([
  new Field("id", new Utf8(), false),
  new Field("url", new Utf8(), false),
  new Field("name", new Utf8(), false),
  new Field("every_seconds", new Int32(), false),
  new Field("created_at", new Utf8(), false),
  new Field("poll_state", new Utf8(), false),
  new Field("lease_holder", new Utf8(), true),
  new Field("lease_until", new Utf8(), true),
]);

type Row = Record<string, unknown>;

export class LanceSourceRegistry implements SourceRegistry {
  private constructor(
    private readonly connection: lancedb.Connection,
    private readonly table: lancedb.Table,
  ) {}

  /**
   * Opens (creating when absent) the `sources` table at `uri`. Reads check for other processes'
   * writes every time (read consistency 0): the table is a few rows, and a replica must see a
   * lease another one just took.
   */
  static async open(uri: string): Promise<LanceSourceRegistry> {
    let connection: lancedb.Connection;
    try {
      connection = await lancedb.connect(uri, { readConsistencyInterval: 0 });
    } catch (error) {
      throw new BriefbotError(
        "STORE_FAILED",
        `Cannot open the store at ${uri}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    const table = await openOrCreateTable(connection, tableName, sourceSchema);
    return new LanceSourceRegistry(connection, table);
  }

  async list(): Promise<Subscription[]> {
    const rows = (await this.table.query().toArray()) as Row[];
    return rows.map(toSubscription).sort((left, right) => left.createdAt.localeCompare(right.createdAt));
  }

  async find(reference: string): Promise<Subscription | null> {
    const rows = (await this.table
      .query()
      .where(`id = ${sqlString(reference)} OR url = ${sqlString(reference)}`)
      .limit(1)
      .toArray()) as Row[];
    return rows[0] === undefined ? null : toSubscription(rows[0]);
  }

  async add(subscription: Subscription): Promise<boolean> {
    if ((await this.find(subscription.url)) !== null || (await this.find(subscription.id)) !== null)
      return false;
    // Insert-if-absent on the id: two replicas adding the same URL at once write one row.
    const result = await this.table
      .mergeInsert("id")
      .whenNotMatchedInsertAll()
      .execute([
        {
          id: subscription.id,
          url: subscription.url,
          name: subscription.name,
          every_seconds: subscription.everySeconds,
          created_at: subscription.createdAt,
          poll_state: JSON.stringify(subscription.poll),
          lease_holder: null,
          lease_until: null,
        },
      ]);
    return result.numInsertedRows === 1;
  }

  async remove(id: string): Promise<boolean> {
    const before = await this.find(id);
    if (before === null) return false;
    await this.table.delete(`id = ${sqlString(before.id)}`);
    return true;
  }

  async recordPoll(id: string, state: PollState): Promise<void> {
    await this.table.update({
      where: `id = ${sqlString(id)}`,
      values: { poll_state: JSON.stringify(state) },
    });
  }

  async tryLease(id: string, holder: string, now: Date, until: Date): Promise<boolean> {
    // One conditional update: Lance commits it atomically against the latest version, so of two
    // replicas racing for an expired lease one updates the row and the other matches nothing.
    const result = await this.table.update({
      where:
        `id = ${sqlString(id)} AND (lease_holder IS NULL OR lease_holder = ${sqlString(holder)} ` +
        `OR lease_until IS NULL OR lease_until < ${sqlString(now.toISOString())})`,
      values: { lease_holder: holder, lease_until: until.toISOString() },
    });
    if (result.rowsUpdated === 0) return false;
    // Read back: if a conflicting commit was retried over ours, the row names the winner.
    const rows = (await this.table
      .query()
      .where(`id = ${sqlString(id)}`)
      .limit(1)
      .toArray()) as Row[];
    return rows[0]?.lease_holder === holder;
  }

  async releaseLease(id: string, holder: string): Promise<void> {
    await this.table.update({
      where: `id = ${sqlString(id)} AND lease_holder = ${sqlString(holder)}`,
      valuesSql: { lease_holder: "NULL", lease_until: "NULL" },
    });
  }

  async close(): Promise<void> {
    this.table.close();
    this.connection.close();
  }
}

function toSubscription(row: Row): Subscription {
  return {
    id: String(row.id),
    url: String(row.url),
    name: String(row.name),
    everySeconds: Number(row.every_seconds),
    createdAt: String(row.created_at),
    poll: JSON.parse(String(row.poll_state)) as PollState,
  };
}
