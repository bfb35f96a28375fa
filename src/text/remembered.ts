/**
 * `make(key)`, remembered in `memo`: a memo holding `limit` entries starts afresh, so a
 * long-running process keeps the keys that recur without growing without bound.
 */
export function remembered<T>(memo: Map<string, T>, key: string, make: (key: string) => T, limit: number): T {
  let value = memo.get(key);
  if (value === undefined) {
    value = make(key);
    if (memo.size >= limit) memo.clear();
    memo.set(key, value);
  }
  return value;
}
