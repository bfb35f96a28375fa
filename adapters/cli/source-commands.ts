import type { Briefbot } from "../../src/briefbot.ts";
import type { Config } from "../../src/config.ts";
import { BriefbotError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import { emptyIngestReport } from "../../src/pipeline/empty-ingest-report.ts";
import type { IngestPhase, IngestReport } from "../../src/pipeline/ingest-paths.ts";
import { mergeInto } from "../../src/sources/merge-ingest-reports.ts";
import { parseInterval } from "../../src/sources/poll-schedule.ts";
import type { SourcePoller } from "../../src/sources/source-poller.ts";
import { tellFollowers } from "./follow-commands.ts";
import { renderIngestDetails, renderPollOutcomes, renderSources } from "./render-ingest-report.ts";

/**
 * The CLI commands for URL sources: `subscribe`, `unsubscribe`, `sources`, `poll`, and the URL
 * half of `ingest`. Registered in main.ts; the work is the core's SourcePoller.
 */

export interface SourceCommandContext {
  args: string[];
  values: {
    db?: string | undefined;
    json?: boolean | undefined;
    name?: string | undefined;
    every?: string | undefined;
    all?: boolean | undefined;
  };
  config: Config;
  logger: Logger;
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Whether an `ingest` argument is a URL rather than a path. */
export function isUrl(argument: string): boolean {
  return /^https?:\/\//i.test(argument);
}

async function withPoller<T>(
  context: SourceCommandContext,
  run: (poller: SourcePoller, briefbot: Briefbot) => Promise<T>,
): Promise<T> {
  const [{ createBriefbot }, { openSourcePoller }] = await Promise.all([
    import("../../src/create-briefbot.ts"),
    import("../../src/sources/open-source-poller.ts"),
  ]);
  const briefbot = await createBriefbot({
    config: context.config,
    logger: context.logger,
    databaseUri: context.values.db,
  });
  try {
    const poller = await openSourcePoller(briefbot, context.config, context.values.db);
    try {
      return await run(poller, briefbot);
    } finally {
      await poller.registry.close();
    }
  } finally {
    await briefbot.close();
  }
}

/**
 * `ingest`'s arguments: files and directories through the file pipeline, URLs fetched once.
 * One merged report, in the documented shape.
 */
export async function ingestArguments(
  briefbot: Briefbot,
  context: Pick<SourceCommandContext, "args" | "config" | "values">,
  onProgress: (phase: IngestPhase, done: number, total: number) => void,
): Promise<IngestReport> {
  const urls = context.args.filter(isUrl);
  const paths = context.args.filter((argument) => !isUrl(argument));
  const report = paths.length > 0 ? await briefbot.ingest(paths, { onProgress }) : emptyIngestReport();
  if (urls.length > 0) {
    const { SourcePoller } = await import("../../src/sources/source-poller.ts");
    const { MemorySourceRegistry } = await import("../../src/sources/memory-source-registry.ts");
    // Fetching once needs no subscription, so nothing is written to the sources table.
    const poller = new SourcePoller({
      registry: new MemorySourceRegistry(),
      ingest: (inputs) => briefbot.ingestFetched(inputs, { onProgress }),
      limits: {
        timeoutMs: context.config.BRIEFBOT_FETCH_TIMEOUT * 1000,
        maxBytes: context.config.BRIEFBOT_FETCH_MAX_MB * 1024 * 1024,
      },
      holder: "cli",
    });
    for (const url of urls) mergeInto(report, await poller.fetchOnce(url));
  }
  return report;
}

/** The poller `serve` runs, unless BRIEFBOT_POLL=false (a cron job runs `briefbot poll` instead). */
export async function openPollerForServe(
  briefbot: Briefbot,
  context: Pick<SourceCommandContext, "config" | "values">,
): Promise<SourcePoller | undefined> {
  if (!context.config.BRIEFBOT_POLL) return undefined;
  const { openSourcePoller } = await import("../../src/sources/open-source-poller.ts");
  return openSourcePoller(briefbot, context.config, context.values.db);
}

/** Lines after `ingest`'s summary: what was added and what was skipped, and why. */
export function printIngestDetails(report: IngestReport): void {
  for (const line of renderIngestDetails(report)) print(line);
}

async function subscribeCommand(context: SourceCommandContext): Promise<number> {
  const url = context.args[0];
  if (!url || context.args.length > 1)
    throw new BriefbotError(
      "INPUT_INVALID",
      'subscribe needs one feed or archive URL, e.g. briefbot subscribe https://example.com/feed --name "Example" --every 1h',
    );
  const everySeconds = context.values.every === undefined ? undefined : parseInterval(context.values.every);
  return withPoller(context, async (poller, briefbot) => {
    const { subscription, created } = await poller.subscribe(url, {
      name: context.values.name,
      everySeconds,
    });
    // The first poll right away: the operator sees at once whether the URL works and what it holds.
    const report = created ? await poller.pollDue({ ids: [subscription.id] }) : null;
    await tellFollowers(briefbot, context, report?.added ?? []);
    const after = (await poller.registry.find(subscription.id)) ?? subscription;
    if (context.values.json) {
      print(JSON.stringify({ created, subscription: after, poll: report }));
    } else if (!created) {
      print(`Already subscribed: ${after.name} (${after.url}) [${after.id}]. See briefbot sources.`);
    } else {
      print(`Subscribed to ${after.name} (${after.url}) [${after.id}].`);
      for (const line of renderPollOutcomes(report as NonNullable<typeof report>))
        print(`First poll — ${line}`);
      if (report !== null) printIngestDetails(report);
      print(`Next run: ${after.poll.nextRunAt}.`);
    }
    return report?.sources.some((source) => source.status === "failed") ? 1 : 0;
  });
}

async function unsubscribeCommand(context: SourceCommandContext): Promise<number> {
  const reference = context.args.join(" ").trim();
  if (!reference)
    throw new BriefbotError(
      "INPUT_INVALID",
      "unsubscribe needs a source id, URL or name (see briefbot sources)",
    );
  return withPoller(context, async (poller) => {
    const removed = await poller.unsubscribe(reference);
    if (context.values.json) print(JSON.stringify({ removed }));
    else if (removed === null) print(`No subscription matches "${reference}". See briefbot sources.`);
    else
      print(
        `Unsubscribed from ${removed.name} (${removed.url}). Its issues stay in the store; briefbot remove deletes an issue.`,
      );
    return removed === null ? 1 : 0;
  });
}

async function sourcesCommand(context: SourceCommandContext): Promise<number> {
  return withPoller(context, async (poller) => {
    const subscriptions = await poller.registry.list();
    if (context.values.json) print(JSON.stringify({ sources: subscriptions }));
    else print(renderSources(subscriptions, new Date()));
    return 0;
  });
}

async function pollCommand(context: SourceCommandContext): Promise<number> {
  return withPoller(context, async (poller, briefbot) => {
    const report = await poller.pollDue({ all: context.values.all === true });
    await tellFollowers(briefbot, context, report.added);
    if (context.values.json) print(JSON.stringify(report));
    else {
      for (const line of renderPollOutcomes(report)) print(line);
      printIngestDetails(report);
    }
    return report.sources.some((source) => source.status === "failed") ? 1 : 0;
  });
}

export const sourceCommands: Record<string, (context: SourceCommandContext) => Promise<number>> = {
  subscribe: subscribeCommand,
  unsubscribe: unsubscribeCommand,
  sources: sourcesCommand,
  poll: pollCommand,
};

export const sourceUsage = `  briefbot subscribe <url> [--name N] [--every 1h]
                                        follow a feed (RSS, Atom, JSON Feed) or archive page
  briefbot sources [--json]             subscriptions: last fetch, last new issue, next run, errors
  briefbot unsubscribe <id|url|name>
  briefbot poll [--all] [--json]        fetch the sources that are due (for cron); --all: every one
`;
