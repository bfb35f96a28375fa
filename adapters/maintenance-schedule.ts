import type { Briefbot } from "../src/briefbot.ts";
import { describeError } from "../src/errors.ts";
import type { Logger } from "../src/logger.ts";
import { replicaId, takeWindowLease } from "../src/state/run-once.ts";

/**
 * Store clean-up while serving: every replica wakes once per period, and the one that takes the
 * period's lease in the shared state runs `maintain`; the others skip. So clean-up runs once per
 * period however many replicas serve, and never in two processes at once.
 */

/** How often a replica checks whether the period's lease is free (a fraction of the period). */
const checksPerPeriod = 4;

export function scheduleMaintenance(options: {
  briefbot: Briefbot;
  periodMs: number;
  graceMs: number;
  logger: Logger;
}): { stop(): Promise<void> } {
  const { briefbot, periodMs, graceMs, logger } = options;
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running !== undefined) return;
    running = (async () => {
      if (!(await takeWindowLease(briefbot.state, "maintenance", periodMs))) return;
      const report = await briefbot.maintain(graceMs);
      logger.info({ replica: replicaId, ...report }, "store maintenance done");
    })()
      .catch((error: unknown) => logger.warn({ error: describeError(error) }, "store maintenance failed"))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, Math.max(1_000, Math.floor(periodMs / checksPerPeriod)));
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
