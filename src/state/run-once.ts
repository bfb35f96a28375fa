import { hostname } from "node:os";
import type { StateStore } from "./state-store.ts";

/**
 * Doing a thing once among replicas that share state: whoever sets the lock key first does it.
 * The lock expires, so a replica that dies holding it does not block the others for ever.
 */

/** This process among the replicas, for lock values and logs. */
export const replicaId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

const namespace = "locks";

/** Run `task` if this replica takes `lock` (held for `ttlMs`); true when it ran here. */
export async function runOnce(
  state: StateStore,
  lock: string,
  options: { ttlMs: number },
  task: () => Promise<void>,
): Promise<boolean> {
  if (!(await state.setIfAbsent(namespace, lock, replicaId, { ttlMs: options.ttlMs }))) return false;
  await task();
  return true;
}

/**
 * Take the lease for the current `periodMs` window: exactly one replica gets each window, so a
 * scheduled job (store clean-up) runs once per period however many replicas serve.
 */
export async function takeWindowLease(
  state: StateStore,
  job: string,
  periodMs: number,
  now: number = Date.now(),
): Promise<boolean> {
  const window = Math.floor(now / periodMs);
  return state.setIfAbsent(namespace, `${job}:${window}`, replicaId, { ttlMs: periodMs * 2 });
}
