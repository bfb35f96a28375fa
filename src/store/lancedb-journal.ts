import type * as lancedb from "@lancedb/lancedb";
import { journalKey, type WriteJournal } from "./chunk-table-handle.ts";
import { upsertByKey } from "./commit-retry.ts";
import { type Row, sqlString, upgradeChunkTable } from "./lancedb-rows.ts";

/**
 * All-or-nothing writes of several commits: the tables' versions are journaled in `meta` first
 * and the journal is cleared last, so a crash in between leaves a journal that readers use to read
 * the state before the write and the next writer uses to restore it.
 */

export interface JournalTables {
  /** The current chunk table (created when absent). */
  chunks: () => Promise<lancedb.Table>;
  documents: lancedb.Table;
  files: lancedb.Table;
  meta: lancedb.Table;
  onWriteStep: (step: string) => void;
}

export async function runJournaled(tables: JournalTables, write: () => Promise<void>): Promise<void> {
  await restoreJournaledVersions(tables);
  const chunks = await tables.chunks();
  const journal: WriteJournal = {
    chunks: await chunks.version(),
    documents: await tables.documents.version(),
    files: await tables.files.version(),
  };
  tables.onWriteStep("journal");
  await upsertByKey(tables.meta, "key", [{ key: journalKey, value: JSON.stringify(journal) }]);
  await write();
  tables.onWriteStep("journal-clear");
  await tables.meta.delete(`key = ${sqlString(journalKey)}`);
}

/** Undo the unfinished part of an interrupted write; true when there was one. */
export async function restoreJournaledVersions(tables: JournalTables): Promise<boolean> {
  await tables.meta.checkoutLatest();
  const rows = (await tables.meta
    .query()
    .where(`key = ${sqlString(journalKey)}`)
    .toArray()) as Row[];
  if (rows[0] === undefined) return false;
  const journal = JSON.parse(String(rows[0].value)) as WriteJournal;
  const chunks = await tables.chunks();
  for (const [name, table, version] of [
    ["chunks", chunks, journal.chunks],
    ["documents", tables.documents, journal.documents],
    ["files", tables.files, journal.files],
  ] as const) {
    await table.checkoutLatest();
    if ((await table.version()) === version) continue;
    tables.onWriteStep(`restore-${name}`);
    await table.checkout(version);
    await table.restore();
  }
  tables.onWriteStep("restore-journal-clear");
  await tables.meta.delete(`key = ${sqlString(journalKey)}`);
  await upgradeChunkTable(chunks);
  return true;
}
