import cliProgress from "cli-progress";
import type { IngestPhase } from "../../src/pipeline/ingest-paths.ts";

/**
 * Ingest progress on stderr: a bar on a terminal, nothing otherwise (logs and pipes stay clean).
 */
export function createIngestProgress(enabled: boolean): {
  update: (phase: IngestPhase, done: number, total: number) => void;
  stop: () => void;
} {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: " {phase} [{bar}] {value}/{total}",
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let currentPhase: IngestPhase | null = null;
  return {
    update(phase, done, total) {
      if (!started) {
        bar.start(Math.max(total, 1), done, { phase: phase.padEnd(5) });
        started = true;
      }
      if (phase !== currentPhase) {
        currentPhase = phase;
        bar.setTotal(Math.max(total, 1));
      }
      bar.update(done, { phase: phase.padEnd(5) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
