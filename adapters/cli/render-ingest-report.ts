import type { IngestReport, SkipReason } from "../../src/pipeline/ingest-paths.ts";
import { formatInterval } from "../../src/sources/poll-schedule.ts";
import type { PollReport } from "../../src/sources/source-poller.ts";
import type { Subscription } from "../../src/sources/subscription.ts";
import { timeAgo } from "../../src/store-coverage.ts";

/** Listed one by one up to this many per group; the rest are counted, so a big run stays readable. */
const listedPerGroup = 10;

const skipTitles: Record<SkipReason, string> = {
  unchanged: "unchanged (already in the store)",
  ignored: "ignored (not a file type briefbot reads)",
  "not an issue": "not a newsletter issue (README, LICENSE, .briefbotignore…)",
  "not a newsletter": "not a newsletter",
  "not modified": "not modified since the last fetch (HTTP 304)",
};

/** What was added and what was skipped and why, below the one-line summary. */
export function renderIngestDetails(report: IngestReport): string[] {
  const lines: string[] = [];
  if (report.added.length > 0) {
    lines.push(`Added ${report.added.length}:`);
    lines.push(
      ...limited(
        report.added.map((issue) => `  + ${issue.date ?? "undated"}  ${issue.publication} — ${issue.title}`),
      ),
    );
  }
  const byReason = new Map<SkipReason, IngestReport["skipped"]>();
  for (const skip of report.skipped) byReason.set(skip.reason, [...(byReason.get(skip.reason) ?? []), skip]);
  for (const [reason, skips] of byReason) {
    lines.push(`Skipped ${skips.length}, ${skipTitles[reason]}:`);
    lines.push(
      ...limited(
        skips.map(
          (skip) => `  - ${skip.path}${skip.detail && reason !== "not modified" ? `  (${skip.detail})` : ""}`,
        ),
      ),
    );
  }
  return lines;
}

function limited(lines: string[]): string[] {
  if (lines.length <= listedPerGroup) return lines;
  return [
    ...lines.slice(0, listedPerGroup),
    `  … and ${lines.length - listedPerGroup} more (--json lists all)`,
  ];
}

/** One line per polled source. */
export function renderPollOutcomes(report: PollReport): string[] {
  if (report.sources.length === 0) return ["No source is due. (briefbot poll --all polls every source now.)"];
  return report.sources.map((source) => {
    const result =
      source.status === "new issues"
        ? `${source.added} new issue${source.added === 1 ? "" : "s"}`
        : source.status === "busy"
          ? "skipped: another replica is polling it"
          : source.status === "failed"
            ? `failed: ${source.error}`
            : source.status;
    return `${source.name}: ${result}`;
  });
}

/** `briefbot sources`: one block per subscription. */
export function renderSources(subscriptions: Subscription[], now: Date): string {
  if (subscriptions.length === 0)
    return "No subscriptions. Add one with: briefbot subscribe <feed or archive URL>";
  const when = (iso: string | null) =>
    iso === null ? "never" : `${iso.slice(0, 16).replace("T", " ")}Z (${timeAgo(Date.parse(iso), now)})`;
  const lines: string[] = [];
  for (const subscription of subscriptions) {
    const { poll } = subscription;
    const next = Date.parse(poll.nextRunAt);
    const nextText =
      next <= now.getTime()
        ? "due now"
        : `${poll.nextRunAt.slice(0, 16).replace("T", " ")}Z (in ${inTime(next - now.getTime())})`;
    lines.push(
      `${subscription.name}  [${subscription.id}]${poll.kind ? `  ${poll.kind}` : ""}  every ${formatInterval(subscription.everySeconds)}`,
      `  ${subscription.url}`,
      `  last fetch: ${when(poll.lastFetchAt)}; last new issue: ${when(poll.lastNewIssueAt)}; next run: ${nextText}`,
    );
    if (poll.lastError !== null)
      lines.push(
        `  last error: ${poll.lastError}${poll.failures > 0 ? ` (${poll.failures} failure${poll.failures === 1 ? "" : "s"} in a row)` : ""}`,
      );
  }
  return lines.join("\n");
}

function inTime(milliseconds: number): string {
  const minutes = Math.round(milliseconds / 60_000);
  if (minutes < 60) return `${Math.max(1, minutes)} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}
