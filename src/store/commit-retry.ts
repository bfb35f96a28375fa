import type * as lancedb from "@lancedb/lancedb";

/**
 * LanceDB commits optimistically: a write based on a version another process has since replaced
 * ("Incompatible transaction … concurrent transaction Overwrite", "Commit conflict") fails rather
 * than merging. Replicas starting together on a new store write the same small tables at the same
 * moment (the store's metadata, the write journal). An idempotent write there (an upsert by key) is
 * simply tried again on the newer version: up to `commitRetryAttempts` times, waiting
 * `commitRetryWaitMs` times the attempt between tries (a clean-clone CI run saw one such race in a
 * few hundred; one retry settles it).
 */
const commitRetryAttempts = 5;
const commitRetryWaitMs = 40;

const conflict = /incompatible transaction|commit conflict|retryable commit|concurrent transaction/i;

/** Whether an error is LanceDB's optimistic-commit conflict. */
export function isCommitConflict(error: unknown): boolean {
  return error instanceof Error && conflict.test(error.message);
}

/**
 * Run an idempotent write, again on a commit conflict, after `refresh` (the written table's
 * `checkoutLatest`: a handle still on the replaced version would conflict again).
 */
export async function retryOnCommitConflict<T>(
  write: () => Promise<T>,
  refresh: () => Promise<void> = async () => {},
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= commitRetryAttempts || !isCommitConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, commitRetryWaitMs * attempt));
      await refresh();
    }
  }
}

/**
 * Upsert rows by `key` (update the matched, insert the rest), again on a commit conflict with the
 * table checked out at its latest version: the store's small keyed tables (meta, documents, files).
 */
export async function upsertByKey(
  table: lancedb.Table,
  key: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  await retryOnCommitConflict(
    () => table.mergeInsert(key).whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(rows),
    () => table.checkoutLatest(),
  );
}
