import * as lancedb from "@lancedb/lancedb";
import { Field, Schema, Utf8 } from "apache-arrow";
import { BriefbotError } from "../errors.ts";
import { sqlString } from "../store/lancedb-store.ts";
import {
  type FollowedTopic,
  type Follower,
  type FollowStore,
  followerKey,
  normaliseTopic,
} from "./follow-store.ts";

/**
 * Follows and deliveries in two tables of the issue store's LanceDB database (`follows`,
 * `follow_deliveries`), so they survive restarts and replicas share them. A delivery is claimed
 * by an insert-if-absent on its key, which one writer wins.
 */

const followSchema = new Schema([
  new Field("key", new Utf8(), false),
  new Field("platform", new Utf8(), false),
  new Field("address", new Utf8(), false),
  new Field("topic", new Utf8(), false),
  new Field("since", new Utf8(), false),
]);

const deliverySchema = new Schema([new Field("key", new Utf8(), false), new Field("at", new Utf8(), false)]);

type Row = Record<string, unknown>;

export class LanceFollowStore implements FollowStore {
  private constructor(
    private readonly connection: lancedb.Connection,
    private readonly follows: lancedb.Table,
    private readonly deliveries: lancedb.Table,
  ) {}

  static async open(uri: string): Promise<LanceFollowStore> {
    let connection: lancedb.Connection;
    try {
      // Read consistency 0: a replica must see the delivery another one just recorded.
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
    const names = new Set(await connection.tableNames());
    const open = (name: string, schema: Schema) =>
      names.has(name)
        ? connection.openTable(name)
        : connection.createEmptyTable(name, schema, { existOk: true });
    return new LanceFollowStore(
      connection,
      await open("follows", followSchema),
      await open("follow_deliveries", deliverySchema),
    );
  }

  async follow(follower: Follower, topic: string, at: Date): Promise<boolean> {
    const normalised = normaliseTopic(topic);
    const result = await this.follows
      .mergeInsert("key")
      .whenNotMatchedInsertAll()
      .execute([
        {
          key: `${followerKey(follower)}\u0000${normalised}`,
          platform: follower.platform,
          address: follower.address,
          topic: normalised,
          since: at.toISOString(),
        },
      ]);
    return result.numInsertedRows === 1;
  }

  async unfollow(follower: Follower, topic?: string): Promise<number> {
    const where =
      `platform = ${sqlString(follower.platform)} AND address = ${sqlString(follower.address)}` +
      (topic === undefined ? "" : ` AND topic = ${sqlString(normaliseTopic(topic))}`);
    const count = await this.follows.countRows(where);
    if (count > 0) await this.follows.delete(where);
    return count;
  }

  async topicsOf(follower: Follower): Promise<string[]> {
    return (await this.all())
      .filter((entry) => followerKey(entry.follower) === followerKey(follower))
      .map((entry) => entry.topic);
  }

  async all(): Promise<FollowedTopic[]> {
    const rows = (await this.follows.query().toArray()) as Row[];
    return rows
      .map((row) => ({
        follower: { platform: String(row.platform), address: String(row.address) },
        topic: String(row.topic),
        since: String(row.since),
      }))
      .sort((left, right) => left.since.localeCompare(right.since) || left.topic.localeCompare(right.topic));
  }

  async claimDeliveries(keys: string[]): Promise<Set<string>> {
    const claimed = new Set<string>();
    const at = new Date().toISOString();
    // One insert per key: the result says whether this caller's row went in.
    for (const key of new Set(keys)) {
      const result = await this.deliveries
        .mergeInsert("key")
        .whenNotMatchedInsertAll()
        .execute([{ key, at }]);
      if (result.numInsertedRows === 1) claimed.add(key);
    }
    return claimed;
  }

  async releaseDeliveries(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.deliveries.delete(`key IN (${keys.map(sqlString).join(", ")})`);
  }

  async close(): Promise<void> {
    this.follows.close();
    this.deliveries.close();
    this.connection.close();
  }
}
