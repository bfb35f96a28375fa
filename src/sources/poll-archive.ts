import { describeError, ServiceError } from "../errors.ts";
import { emptyIngestReport, type FetchedInput, type IngestReport } from "../pipeline/ingest-paths.ts";
import { archiveLinks } from "./archive-links.ts";
import { classifyBody } from "./classify-body.ts";
import type { FetchLimits, FetchResult, Validators } from "./fetch-url.ts";
import { mergeInto } from "./merge-ingest-reports.ts";
import type { PollState } from "./subscription.ts";

/** Issue pages fetched from one archive page per poll: a new archive is read over a few polls, politely. */
export const archiveFetchesPerPoll = 10;

/**
 * One poll of a newsletter's web archive page: fetch the issue links not fetched before (a few
 * per poll) and ingest them as pages. Updates `state.seenLinks`. `complete` is false while links
 * remain, so the caller does not keep validators that would make the next poll a 304.
 */
export async function pollArchive(
  page: Extract<FetchResult, { status: "fetched" }>,
  state: PollState,
  using: {
    fetch: (url: string, validators: Validators | null, limits: FetchLimits) => Promise<FetchResult>;
    limits: FetchLimits;
    ingest: (inputs: FetchedInput[]) => Promise<IngestReport>;
  },
): Promise<{ report: IngestReport; complete: boolean }> {
  const links = archiveLinks(new TextDecoder().decode(page.body), page.url);
  const seen = new Set(state.seenLinks);
  const report = emptyIngestReport();
  const inputs: FetchedInput[] = [];
  for (const link of links.filter((candidate) => !seen.has(candidate)).slice(0, archiveFetchesPerPoll)) {
    try {
      const result = await using.fetch(link, null, using.limits);
      seen.add(link);
      if (result.status === "not-modified") continue;
      const extension = classifyBody(result.body, result.contentType);
      if (extension === ".html" || extension === ".pdf")
        inputs.push({ path: link, extension, bytes: result.body, pageUrl: result.url });
      else
        report.skipped.push({
          path: link,
          reason: "not a newsletter",
          detail: result.contentType || "binary",
        });
    } catch (error) {
      // Gone for good (404, 410…): do not ask again. Anything else is retried next poll.
      if (error instanceof ServiceError && !error.retryable) seen.add(link);
      report.errors.push({ path: link, error: describeError(error) });
    }
  }
  // Remember the links still on the page: the list stays as long as the page, not forever.
  state.seenLinks = links.filter((link) => seen.has(link));
  mergeInto(report, inputs.length > 0 ? await using.ingest(inputs) : emptyIngestReport());
  return { report, complete: links.every((link) => seen.has(link)) };
}
