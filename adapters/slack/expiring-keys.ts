import type { StateStore } from "../../src/state/state-store.ts";

/**
 * Keys that forget themselves after `ttlMs`, kept in the state store so every replica sees the
 * same set (and a restart forgets nothing). The store expires them; the adapter only asks.
 */
export class ExpiringKeys {
  constructor(
    private readonly state: StateStore,
    private readonly namespace: string,
    private readonly ttlMs: number,
  ) {}

  /** Remember `key` (re-adding refreshes it). */
  async add(key: string): Promise<void> {
    await this.state.set(this.namespace, key, "1", { ttlMs: this.ttlMs });
  }

  /** Remember `key` unless it is remembered; true when this call added it (once across replicas). */
  async addIfAbsent(key: string): Promise<boolean> {
    return this.state.setIfAbsent(this.namespace, key, "1", { ttlMs: this.ttlMs });
  }

  async has(key: string): Promise<boolean> {
    return (await this.state.get(this.namespace, key)) !== null;
  }
}
