import type { DeliveryClock } from "../../src/delivery/delivery-policy.ts";

/** A clock whose sleeps move time forward at once, recording each wait: exact and instant tests. */
export class VirtualClock implements DeliveryClock {
  readonly sleeps: number[] = [];
  constructor(
    public time = 0,
    private readonly randomValue = 0.5,
  ) {}
  now = (): number => this.time;
  sleep = async (milliseconds: number, signal?: AbortSignal): Promise<void> => {
    signal?.throwIfAborted();
    this.sleeps.push(milliseconds);
    this.time += milliseconds;
  };
  random = (): number => this.randomValue;
}
