import type * as lancedb from "@lancedb/lancedb";
import type { MaintenanceReport } from "./store.ts";

/**
 * File clean-up for a LanceDB store shared by several processes. Writes never delete files (a
 * reader in another process may be on an older version); this step, run by one process at a
 * time, deletes versions older than a grace period and drops chunk tables a re-embed retired.
 */

const retiredPrefix = "retired_table:";

/** The `meta` key that records when `table` was retired (value: ISO time). */
export function retiredTableKey(table: string): string {
  return `${retiredPrefix}${table}`;
}

/**
 * LanceDB removes versions *created* before a date; a reader may still be on a version created
 * long ago that was replaced a moment ago. So remove only versions whose successor is older than
 * the grace: everything before the version that was current at `before`.
 */
export async function versionCutoff(table: lancedb.Table, before: Date): Promise<Date> {
  const versions = (await table.listVersions()).sort((left, right) => left.version - right.version);
  let currentAtCutoff: Date | null = null;
  for (const version of versions) {
    if (version.timestamp.getTime() < before.getTime()) currentAtCutoff = version.timestamp;
  }
  return currentAtCutoff ?? new Date(0);
}

export async function maintainLanceTables(options: {
  connection: lancedb.Connection;
  meta: lancedb.Table;
  tables: lancedb.Table[];
  graceMs: number;
  now?: () => number;
}): Promise<MaintenanceReport> {
  const now = options.now ?? Date.now;
  const cutoff = new Date(now() - options.graceMs);
  const report: MaintenanceReport = { versionsRemoved: 0, bytesRemoved: 0, tablesDropped: [] };
  for (const table of options.tables) {
    const stats = await table.optimize({ cleanupOlderThan: await versionCutoff(table, cutoff) });
    report.versionsRemoved += stats.prune.oldVersionsRemoved;
    report.bytesRemoved += stats.prune.bytesRemoved;
  }
  const retired = (await options.meta.query().where(`key LIKE '${retiredPrefix}%'`).toArray()) as Array<{
    key: string;
    value: string;
  }>;
  const names = new Set(await options.connection.tableNames());
  for (const row of retired) {
    const retiredAt = Date.parse(row.value);
    if (!(retiredAt <= cutoff.getTime())) continue;
    const table = row.key.slice(retiredPrefix.length);
    if (names.has(table)) await options.connection.dropTable(table);
    await options.meta.delete(`key = '${row.key.replace(/'/g, "''")}'`);
    report.tablesDropped.push(table);
  }
  return report;
}
