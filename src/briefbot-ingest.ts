import type { BriefbotOptions } from "./briefbot-options.ts";
import type { IngestOptions, IngestReport } from "./pipeline/ingest-paths.ts";

/**
 * Runs an ingest with the core's helpers wired in: the language bridge enriches each chunk with
 * glosses (and loads its dictionaries before the first parse, since they teach jieba names), and
 * the bridge and paraphraser learn what each issue's text defines, saved once the ingest ends.
 */
export async function ingestWithHelpers(
  helpers: Pick<BriefbotOptions, "store" | "embedder" | "bridge" | "paraphraser">,
  run: (options: IngestOptions) => Promise<IngestReport>,
  options: Pick<IngestOptions, "onProgress" | "signal">,
): Promise<IngestReport> {
  const { bridge, paraphraser } = helpers;
  const learners = [
    bridge?.learnFromText?.bind(bridge),
    paraphraser?.learnFromText?.bind(paraphraser),
  ].filter((learn) => learn !== undefined);
  const report = await run({
    store: helpers.store,
    embedder: helpers.embedder,
    enrich: bridge ? (text) => bridge.enrichmentTerms(text) : undefined,
    beforeFirstParse: bridge?.load ? () => bridge.load?.() : undefined,
    onIssueText:
      learners.length > 0
        ? (text) => {
            for (const learn of learners) learn(text);
          }
        : undefined,
    ...options,
  });
  await bridge?.persist?.();
  await paraphraser?.persist?.();
  return report;
}
