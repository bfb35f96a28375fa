import type { DeliveryClock, FailureKind } from "./delivery-policy.ts";

/**
 * A best-effort call (typing, a preview) holds its chat's lane at most this long: a peer that
 * accepts the request and never answers must not hold back the answer behind it for good.
 * Thirty seconds: far above any answer of a working (even overloaded) API, so the lane is never
 * released under a call that will still arrive; 5 s let a late typing call land inside a
 * retry window on a loaded test machine.
 */
export const BEST_EFFORT_HOLD_LIMIT_MS = 30_000;

/**
 * One lane per destination (a chat, a channel): calls to it run one at a time, and none starts
 * while the platform's last "retry after" for it is still running. A rate-limited answer closes
 * the gate before the lane is released, so no other call to that chat — the next part of the
 * answer, an apology, a typing action — can go out inside the window the platform set.
 */
export class SendGate {
  private readonly lanes = new Map<string, { tail: Promise<unknown>; pending: number }>();
  private readonly closedUntil = new Map<string, number>();

  constructor(
    private readonly classify: (error: unknown) => FailureKind,
    private readonly clock: DeliveryClock,
  ) {}

  /** When a call to `key` may start again (a past time when it may now). */
  openAt(key: string): number {
    return this.closedUntil.get(key) ?? Number.NEGATIVE_INFINITY;
  }

  /** Keep calls to `key` back until `untilMs` (never shortens a window already set). */
  close(key: string, untilMs: number): void {
    const now = this.clock.now();
    for (const [other, until] of this.closedUntil) if (until <= now) this.closedUntil.delete(other);
    if (untilMs > this.openAt(key)) this.closedUntil.set(key, untilMs);
  }

  /** Run `operation` in `key`'s lane once the gate is open; a rate-limit failure closes the gate. */
  run<T>(key: string, operation: () => Promise<T>, signal?: AbortSignal, holdLimitMs?: number): Promise<T> {
    const lane = this.lanes.get(key) ?? { tail: Promise.resolve(), pending: 0 };
    lane.pending += 1;
    const result = lane.tail.then(async () => {
      for (
        let wait = this.openAt(key) - this.clock.now();
        wait > 0;
        wait = this.openAt(key) - this.clock.now()
      )
        await this.clock.sleep(wait, signal);
      return await this.observe(key, operation);
    });
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    lane.tail =
      holdLimitMs === undefined
        ? settled
        : Promise.race([settled, lane.tail.then(() => this.clock.sleep(holdLimitMs)).catch(() => undefined)]);
    this.lanes.set(key, lane);
    void lane.tail.then(() => {
      lane.pending -= 1;
      if (lane.pending === 0 && this.lanes.get(key) === lane) this.lanes.delete(key);
    });
    return result;
  }

  /**
   * Best-effort calls (typing, streamed previews): run now if the lane is idle and the gate open,
   * otherwise skip (undefined). They never wait, and they never delay the answer behind them.
   */
  tryRun<T>(key: string, operation: () => Promise<T>): Promise<T> | undefined {
    if ((this.lanes.get(key)?.pending ?? 0) > 0 || this.openAt(key) > this.clock.now()) return undefined;
    return this.run(key, operation, undefined, BEST_EFFORT_HOLD_LIMIT_MS);
  }

  private async observe<T>(key: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      const failure = this.classify(error);
      if (failure.kind === "rate-limited") this.close(key, this.clock.now() + failure.retryAfterMs);
      throw error;
    }
  }
}
