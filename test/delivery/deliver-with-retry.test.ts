import { describe, expect, it } from "vitest";
import { deliverWithRetry } from "../../src/delivery/deliver-with-retry.ts";
import { backoffMs, type FailureKind } from "../../src/delivery/delivery-policy.ts";
import { SendGate } from "../../src/delivery/send-gate.ts";
import { DeliveryTimeoutError } from "../../src/errors.ts";
import { VirtualClock } from "./virtual-clock.ts";

/** Failures tests throw: the classification is carried on the error itself. */
class ScriptedFailure extends Error {
  constructor(readonly failure: FailureKind) {
    super(failure.kind);
  }
}
const classify = (error: unknown): FailureKind =>
  error instanceof ScriptedFailure ? error.failure : { kind: "permanent" };
const rateLimited = (seconds: number) =>
  new ScriptedFailure({ kind: "rate-limited", retryAfterMs: seconds * 1000 });
const transient = () => new ScriptedFailure({ kind: "transient" });

function failingThen<T>(errors: unknown[], value: T, clock?: VirtualClock) {
  const startedAt: number[] = [];
  return {
    operation: async () => {
      startedAt.push(clock?.now() ?? 0);
      const error = errors[startedAt.length - 1];
      if (error !== undefined) throw error;
      return value;
    },
    startedAt,
  };
}

const policy = { deadlineMs: 60_000, baseBackoffMs: 100, maxBackoffMs: 400 };

describe("deliverWithRetry", () => {
  it("waits exactly retry_after on rate limits, however many, without counting them as failures", async () => {
    const clock = new VirtualClock();
    const errors = Array.from({ length: 12 }, () => rateLimited(3));
    const { operation, startedAt } = failingThen(errors, "ok", clock);
    await expect(deliverWithRetry(operation, { classify, clock, policy })).resolves.toBe("ok");
    expect(startedAt).toHaveLength(13);
    expect(clock.sleeps).toEqual(Array.from({ length: 12 }, () => 3000));
  });

  it("backs off with jitter on transient failures, doubling to the cap", async () => {
    const clock = new VirtualClock();
    const { operation } = failingThen([transient(), transient(), transient(), transient()], "ok", clock);
    await deliverWithRetry(operation, { classify, clock, policy });
    // Equal jitter with random 0.5: three quarters of 100, 200, 400, 400.
    expect(clock.sleeps).toEqual([75, 150, 300, 300]);
    expect(backoffMs(1, policy, () => 0)).toBe(50);
    expect(backoffMs(1, policy, () => 0.999_999)).toBeCloseTo(100, 2);
  });

  it("gives up with DeliveryTimeoutError when the next try would fall past the deadline", async () => {
    const clock = new VirtualClock();
    const errors = Array.from({ length: 100 }, () => rateLimited(25));
    const { operation, startedAt } = failingThen(errors, "ok", clock);
    const attempt = deliverWithRetry(operation, { classify, clock, policy });
    await expect(attempt).rejects.toBeInstanceOf(DeliveryTimeoutError);
    // Tries at 0, 25 s and 50 s; a fourth at 75 s would be past the 60 s deadline.
    expect(startedAt).toEqual([0, 25_000, 50_000]);
    expect(clock.now()).toBe(50_000);
  });

  it("fails at once on a permanent failure", async () => {
    const clock = new VirtualClock();
    const error = new TypeError("bad request");
    const { operation, startedAt } = failingThen([error], "ok", clock);
    await expect(deliverWithRetry(operation, { classify, clock, policy })).rejects.toBe(error);
    expect(startedAt).toHaveLength(1);
  });

  it("stops waiting when the signal aborts", async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    const { operation, startedAt } = failingThen([transient(), transient()], "ok", clock);
    const attempt = deliverWithRetry(
      async () => {
        controller.abort(new Error("shutting down"));
        return await operation();
      },
      { classify, clock, policy, signal: controller.signal },
    );
    await expect(attempt).rejects.toThrow();
    expect(startedAt).toHaveLength(1);
  });
});

describe("SendGate", () => {
  it("keeps every call to a rate-limited chat out of the retry_after window, other chats unaffected", async () => {
    const clock = new VirtualClock();
    const gate = new SendGate(classify, clock);
    const log: string[] = [];
    const first = deliverWithRetry(failingThen([rateLimited(2)], "answer", clock).operation, {
      classify,
      clock,
      policy,
      gate,
      key: "chat-1",
    });
    const apology = gate.run("chat-1", async () => {
      log.push(`chat-1 notice at ${clock.now()}`);
    });
    const other = gate.run("chat-2", async () => {
      log.push(`chat-2 at ${clock.now()}`);
    });
    await Promise.all([first, apology, other]);
    expect(await first).toBe("answer");
    expect(log).toContain("chat-2 at 0");
    // The notice queued behind the rate-limited answer waited out the 2 s window.
    expect(log).toContain("chat-1 notice at 2000");
  });

  it("tryRun skips while a chat's lane is busy or its window is open", async () => {
    const clock = new VirtualClock();
    const gate = new SendGate(classify, clock);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const busy = gate.run("chat", () => held);
    expect(gate.tryRun("chat", async () => "typing")).toBeUndefined();
    release();
    await busy;
    await expect(gate.run("chat", () => Promise.reject(rateLimited(5)))).rejects.toBeInstanceOf(
      ScriptedFailure,
    );
    expect(gate.openAt("chat")).toBe(5000);
    expect(gate.tryRun("chat", async () => "typing")).toBeUndefined();
    clock.time = 5000;
    await expect(gate.tryRun("chat", async () => "typing")).resolves.toBe("typing");
  });
});
