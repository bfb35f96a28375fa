import { describeError } from "../errors.ts";
import type { PollReport } from "./source-poller.ts";

/** How often `serve` looks for due sources. Each source keeps its own schedule; this is only the check. */
export const pollTickSeconds = 60;

export interface PollLoop {
  /** Stops checking; waits for a poll in progress to finish (its writes are atomic either way). */
  stop(): Promise<void>;
}

/**
 * Runs `poll` now and then again `tickMs` after each run ends (never two at once), until
 * stopped. A failed run is reported and the loop goes on.
 */
export function startPollLoop(options: {
  poll: () => Promise<PollReport>;
  tickMs?: number;
  onReport?: (report: PollReport) => void;
  onError?: (message: string) => void;
}): PollLoop {
  const tickMs = options.tickMs ?? pollTickSeconds * 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const run = () => {
    timer = null;
    running = options
      .poll()
      .then(
        (report) => options.onReport?.(report),
        (error: unknown) => options.onError?.(describeError(error)),
      )
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(run, tickMs);
      });
  };
  timer = setTimeout(run, 0);
  return {
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await running;
    },
  };
}
