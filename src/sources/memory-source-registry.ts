import type { Lease, PollState, SourceRegistry, Subscription } from "./subscription.ts";

/** Subscriptions in memory: for tests and for a single process that needs nothing kept. */
export class MemorySourceRegistry implements SourceRegistry {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly leases = new Map<string, Lease>();

  async list(): Promise<Subscription[]> {
    return [...this.subscriptions.values()]
      .map(copy)
      .sort((left, right) => left.createdAt.localeCompare(right.createdAt));
  }

  async find(reference: string): Promise<Subscription | null> {
    const found =
      this.subscriptions.get(reference) ??
      [...this.subscriptions.values()].find((subscription) => subscription.url === reference);
    return found === undefined ? null : copy(found);
  }

  async add(subscription: Subscription): Promise<boolean> {
    if (
      [...this.subscriptions.values()].some(
        (existing) => existing.url === subscription.url || existing.id === subscription.id,
      )
    )
      return false;
    this.subscriptions.set(subscription.id, copy(subscription));
    return true;
  }

  async remove(id: string): Promise<boolean> {
    this.leases.delete(id);
    return this.subscriptions.delete(id);
  }

  async recordPoll(id: string, state: PollState): Promise<void> {
    const subscription = this.subscriptions.get(id);
    if (subscription !== undefined) subscription.poll = structuredClone(state);
  }

  async tryLease(id: string, holder: string, now: Date, until: Date): Promise<boolean> {
    if (!this.subscriptions.has(id)) return false;
    const lease = this.leases.get(id);
    if (lease !== undefined && lease.holder !== holder && Date.parse(lease.until) > now.getTime())
      return false;
    this.leases.set(id, { holder, until: until.toISOString() });
    return true;
  }

  async releaseLease(id: string, holder: string): Promise<void> {
    if (this.leases.get(id)?.holder === holder) this.leases.delete(id);
  }

  async close(): Promise<void> {}
}

function copy(subscription: Subscription): Subscription {
  return structuredClone(subscription);
}
