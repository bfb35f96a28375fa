/**
 * A key's state from its log rows, in commit order: what the LanceDB state driver stores.
 * Pure, so the rules are one function: a value (set, claim, increment, delete, each with its own
 * expiry) and a list (appends), both judged at each row's write time, then at `now`.
 */

export type Operation = "set" | "claim" | "delete" | "increment" | "append";

export interface LogRow {
  key: string;
  op: Operation;
  value: string;
  /** Unique per call, so a writer finds its own row. */
  token: string;
  writtenAt: number;
  expiresAt: number | null;
  maxItems: number | null;
  /** Commit order. */
  order: bigint;
}

export interface FoldedEntry {
  value: string | null;
  list: string[];
  /** With `token`: whether that row was a claim that took the key. */
  claimed: boolean;
}

interface Held<T> {
  value: T;
  expiresAt: number | null;
}

const alive = <T>(held: Held<T> | null, at: number): Held<T> | null =>
  held !== null && (held.expiresAt === null || held.expiresAt > at) ? held : null;

/**
 * Replay `rows` (sorted by commit order). With `token`, stop after that row: the value is then
 * what that call produced (an increment's count), and `claimed` says whether its claim won.
 */
export function foldEntry(rows: readonly LogRow[], now: number, token?: string): FoldedEntry {
  let value: Held<string> | null = null;
  let list: Held<string[]> | null = null;
  let claimed = false;
  for (const row of rows) {
    value = alive(value, row.writtenAt);
    list = alive(list, row.writtenAt);
    switch (row.op) {
      case "set":
        value = { value: row.value, expiresAt: row.expiresAt };
        break;
      case "claim":
        if (value === null) {
          value = { value: row.value, expiresAt: row.expiresAt };
          if (row.token === token) claimed = true;
        }
        break;
      case "delete":
        value = null;
        list = null;
        break;
      case "increment":
        value = {
          value: String(Number(value?.value ?? 0) + 1),
          expiresAt: value === null ? row.expiresAt : value.expiresAt,
        };
        break;
      case "append":
        list = {
          value: [...(list?.value ?? []), row.value].slice(-(row.maxItems ?? Number.POSITIVE_INFINITY)),
          expiresAt: row.expiresAt,
        };
        break;
    }
    if (row.token === token) {
      return { value: value?.value ?? null, list: list?.value ?? [], claimed };
    }
  }
  return { value: alive(value, now)?.value ?? null, list: [...(alive(list, now)?.value ?? [])], claimed };
}
