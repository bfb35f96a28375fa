/**
 * Runs tasks one at a time per key, different keys in parallel. Keeps a follow-up in a
 * conversation behind the question before it, and lets `stop()` wait for work in flight.
 */
export class KeyedSerialQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Queue `task` after the earlier tasks of `key`. Task errors are the caller's to catch. */
  run(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task);
    const tail = next.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /** Number of keys with work queued or running. */
  get activeKeys(): number {
    return this.tails.size;
  }

  /** Resolves when every task queued so far has finished. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
