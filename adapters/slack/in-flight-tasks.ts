/**
 * Answers still being produced. `stop()` waits for them (up to a limit) so a shutdown does not
 * leave a "Searching the briefs…" placeholder behind forever.
 */
export class InFlightTasks {
  readonly #tasks = new Set<Promise<unknown>>();

  /** Track `task` until it settles; returns it unchanged. */
  track<T>(task: Promise<T>): Promise<T> {
    this.#tasks.add(task);
    const forget = () => this.#tasks.delete(task);
    task.then(forget, forget);
    return task;
  }

  get size(): number {
    return this.#tasks.size;
  }

  /** Resolves when every tracked task settled or `timeoutMs` passed; true when all settled. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.#tasks.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const settled = Promise.allSettled([...this.#tasks]).then(() => true as const);
    try {
      return await Promise.race([settled, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}
