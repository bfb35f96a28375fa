import type { Briefbot } from "../briefbot.ts";
import type { Logger } from "../logger.ts";
import { runOnce } from "../state/run-once.ts";

/** Longer than ingesting the sample briefs takes; a replica that dies holding it frees it then. */
const sampleLockMs = 10 * 60 * 1000;

/**
 * `briefbot start` on an empty store ingests the sample briefs. Replicas starting together on one
 * store race for a lock in the shared state, so at most one ingests; the others serve and see the
 * issues within the store's consistency interval.
 */
export async function ingestSampleOnce(
  briefbot: Briefbot,
  sampleDirectory: string,
  logger: Logger,
): Promise<boolean> {
  if ((await briefbot.overview()).documents > 0) return false;
  const ran = await runOnce(briefbot.state, "sample-ingest", { ttlMs: sampleLockMs }, async () => {
    // Another replica may have finished between the check and the lock.
    if ((await briefbot.overview()).documents > 0) return;
    logger.info({ path: sampleDirectory }, "the store is empty: ingesting the sample briefs");
    const report = await briefbot.ingest([sampleDirectory]);
    logger.info({ documents: report.documents, chunks: report.chunks_added }, "sample briefs ingested");
  });
  if (!ran) logger.info("another replica is ingesting the sample briefs");
  return ran;
}
