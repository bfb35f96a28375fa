import type * as lancedb from "@lancedb/lancedb";

/**
 * Replicas starting together on a new store race to create a table: one may see it listed before
 * its first version is written. Opening is tried this many times, waiting `createRaceWaitMs`
 * times the attempt between tries (5 × 100 ms: a clean-clone CI run saw the race settle within
 * one wait).
 */
const createRaceAttempts = 5;
const createRaceWaitMs = 100;

/**
 * Open a table, creating it (empty, with `schema`) when absent. Another process creating it at
 * the same moment is fine: its table is opened, again after a short wait if it is not readable yet.
 */
export async function openOrCreateTable(
  connection: lancedb.Connection,
  name: string,
  schema: Parameters<lancedb.Connection["createEmptyTable"]>[1],
  options: { storageOptions?: Record<string, string>; knownNames?: ReadonlySet<string> } = {},
): Promise<lancedb.Table> {
  const once = async () => {
    const names = options.knownNames ?? new Set(await connection.tableNames());
    if (names.has(name)) return connection.openTable(name);
    try {
      return await connection.createEmptyTable(name, schema, {
        existOk: true,
        ...(options.storageOptions === undefined ? {} : { storageOptions: options.storageOptions }),
      });
    } catch (error) {
      // Lost a race with another process creating it: use theirs.
      return connection.openTable(name).catch(() => Promise.reject(error));
    }
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await once();
    } catch (error) {
      if (attempt >= createRaceAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, createRaceWaitMs * attempt));
    }
  }
}

/**
 * Open a table another process may be creating right now: listed, but with no version written
 * yet. Such a table is not there yet (null), like one not listed; the next check opens it.
 */
export async function openIfReadable(
  connection: lancedb.Connection,
  name: string,
): Promise<lancedb.Table | null> {
  try {
    return await connection.openTable(name);
  } catch (error) {
    if (/could not be loaded|was not found|not found/i.test((error as Error).message)) return null;
    throw error;
  }
}
