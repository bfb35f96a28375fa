/**
 * What must outlive one request and be shared by every replica: conversations, de-duplication
 * keys, rate-limit counters, threads answered, answer records behind feedback buttons, feedback
 * votes, subscriptions. Namespaced string keys and values; callers encode JSON themselves.
 *
 * Narrow on purpose (unstorage-style): a driver implements these nine calls and passes the one
 * contract suite in `test/state/state-contract.ts`. Drivers: in-memory (tests, one-off CLI),
 * LanceDB tables in the store (default of `serve`), Redis (`REDIS_URL`).
 */

export interface ExpiryOptions {
  /** Forget the entry this long after it was written; absent: keep it. */
  ttlMs?: number | undefined;
}

export interface StateStore {
  /** "memory", "lancedb" or "redis", for `/readyz` and logs. */
  readonly driver: string;
  get(namespace: string, key: string): Promise<string | null>;
  set(namespace: string, key: string, value: string, options?: ExpiryOptions): Promise<void>;
  /**
   * Set only when the key holds no live value; true when this call set it. Atomic across
   * processes sharing the state: of concurrent calls for one key, exactly one gets true.
   */
  setIfAbsent(namespace: string, key: string, value: string, options?: ExpiryOptions): Promise<boolean>;
  /** Remove the key's value and list. */
  delete(namespace: string, key: string): Promise<void>;
  /**
   * Add one to a counter (absent counts as 0) and return the new count; atomic across processes.
   * `ttlMs` applies when the counter is created and is not extended by later increments.
   */
  increment(namespace: string, key: string, options?: ExpiryOptions): Promise<number>;
  /**
   * Append to the small list under the key, keeping the newest `maxItems`. `ttlMs` counts from
   * the latest append (a conversation forgotten after being idle that long).
   */
  append(
    namespace: string,
    key: string,
    value: string,
    options: { maxItems: number; ttlMs?: number | undefined },
  ): Promise<void>;
  /** The list under the key, oldest first; [] when absent or expired. */
  list(namespace: string, key: string): Promise<string[]>;
  /** Live values (not lists) in the namespace whose key starts with `prefix`, in no set order. */
  entries(namespace: string, prefix?: string): Promise<Array<{ key: string; value: string }>>;
  /**
   * Drop what expired more than `graceMs` ago, for drivers that do not expire entries by
   * themselves (LanceDB); returns entries removed. Run by the maintenance step.
   */
  maintain?(options: { graceMs: number }): Promise<number>;
  close(): Promise<void>;
}

/** Namespaces are short lowercase words, so drivers can build keys from them unambiguously. */
export function checkNamespace(namespace: string): void {
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(namespace)) {
    throw new RangeError(`state namespace must be a short lowercase word, got "${namespace}"`);
  }
}
