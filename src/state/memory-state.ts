import { checkNamespace, type ExpiryOptions, type StateStore } from "./state-store.ts";

/**
 * State in this process's memory: for tests and one-off CLI commands. Lost on exit and not shared
 * between replicas, so `serve` never uses it by default.
 */

interface Entry<T> {
  value: T;
  expiresAt: number | null;
}

export class MemoryStateStore implements StateStore {
  readonly driver = "memory";
  readonly #values = new Map<string, Entry<string>>();
  readonly #lists = new Map<string, Entry<string[]>>();
  readonly #now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  #key(namespace: string, key: string): string {
    checkNamespace(namespace);
    return `${namespace}\u0000${key}`;
  }

  #live<T>(map: Map<string, Entry<T>>, id: string): Entry<T> | undefined {
    const entry = map.get(id);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= this.#now()) {
      map.delete(id);
      return undefined;
    }
    return entry;
  }

  #expiry(options: ExpiryOptions | undefined): number | null {
    return options?.ttlMs === undefined ? null : this.#now() + options.ttlMs;
  }

  async get(namespace: string, key: string): Promise<string | null> {
    return this.#live(this.#values, this.#key(namespace, key))?.value ?? null;
  }

  async set(namespace: string, key: string, value: string, options?: ExpiryOptions): Promise<void> {
    this.#values.set(this.#key(namespace, key), { value, expiresAt: this.#expiry(options) });
  }

  async setIfAbsent(
    namespace: string,
    key: string,
    value: string,
    options?: ExpiryOptions,
  ): Promise<boolean> {
    const id = this.#key(namespace, key);
    if (this.#live(this.#values, id) !== undefined) return false;
    this.#values.set(id, { value, expiresAt: this.#expiry(options) });
    return true;
  }

  async delete(namespace: string, key: string): Promise<void> {
    const id = this.#key(namespace, key);
    this.#values.delete(id);
    this.#lists.delete(id);
  }

  async increment(namespace: string, key: string, options?: ExpiryOptions): Promise<number> {
    const id = this.#key(namespace, key);
    const current = this.#live(this.#values, id);
    const count = Number(current?.value ?? 0) + 1;
    this.#values.set(id, { value: String(count), expiresAt: current?.expiresAt ?? this.#expiry(options) });
    return count;
  }

  async append(
    namespace: string,
    key: string,
    value: string,
    options: { maxItems: number; ttlMs?: number | undefined },
  ): Promise<void> {
    const id = this.#key(namespace, key);
    const items = [...(this.#live(this.#lists, id)?.value ?? []), value].slice(-options.maxItems);
    this.#lists.set(id, { value: items, expiresAt: this.#expiry(options) });
  }

  async list(namespace: string, key: string): Promise<string[]> {
    return [...(this.#live(this.#lists, this.#key(namespace, key))?.value ?? [])];
  }

  async entries(namespace: string, prefix = ""): Promise<Array<{ key: string; value: string }>> {
    const start = this.#key(namespace, prefix);
    const found: Array<{ key: string; value: string }> = [];
    for (const id of [...this.#values.keys()]) {
      if (!id.startsWith(start)) continue;
      const entry = this.#live(this.#values, id);
      if (entry !== undefined) found.push({ key: id.slice(namespace.length + 1), value: entry.value });
    }
    return found;
  }

  async close(): Promise<void> {}
}
