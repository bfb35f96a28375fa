/**
 * A bounded set of keys that forget themselves after `ttlMs`. Pure: the caller passes the
 * clock, so tests need no timers. Map insertion order doubles as age order for eviction.
 */
export class ExpiringKeys {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #addedAt = new Map<string, number>();

  constructor(options: { ttlMs: number; maxEntries: number }) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries;
  }

  /** Remember `key` as of `nowMs` (re-adding refreshes it). */
  add(key: string, nowMs: number): void {
    this.#addedAt.delete(key);
    this.#addedAt.set(key, nowMs);
    this.#prune(nowMs);
  }

  has(key: string, nowMs: number): boolean {
    const addedAt = this.#addedAt.get(key);
    if (addedAt === undefined) return false;
    if (nowMs - addedAt >= this.#ttlMs) {
      this.#addedAt.delete(key);
      return false;
    }
    return true;
  }

  get size(): number {
    return this.#addedAt.size;
  }

  #prune(nowMs: number): void {
    for (const [key, addedAt] of this.#addedAt) {
      const tooMany = this.#addedAt.size > this.#maxEntries;
      if (!tooMany && nowMs - addedAt < this.#ttlMs) break;
      this.#addedAt.delete(key);
    }
  }
}
