import { describeError, InputError, ServiceError } from "../errors.ts";
import { shortHash } from "../pipeline/build-chunks.ts";
import { emptyIngestReport, type FetchedInput, type IngestReport } from "../pipeline/ingest-paths.ts";
import { classifyBody } from "./classify-body.ts";
import { type FetchLimits, type FetchResult, fetchUrl, type Validators } from "./fetch-url.ts";
import { mergeInto } from "./merge-ingest-reports.ts";
import { pollArchive } from "./poll-archive.ts";
import { backoffSeconds, defaultEverySeconds } from "./poll-schedule.ts";
import type { PollState, SourceRegistry, Subscription } from "./subscription.ts";

/** How long a poller holds a source: longer than one poll can take (timeouts × archive fetches + ingest). */
export const leaseSeconds = 900;

/** How one source's poll went. */
export interface SourceOutcome {
  id: string;
  name: string;
  url: string;
  /** `busy`: another poller (replica) holds the source right now. */
  status: "new issues" | "unchanged" | "not modified" | "failed" | "busy";
  added: number;
  error: string | null;
  nextRunAt: string | null;
}

/** An ingest report over every polled source, plus one line per source. */
export interface PollReport extends IngestReport {
  sources: SourceOutcome[];
}

export interface SourcePollerOptions {
  registry: SourceRegistry;
  /** Ingests fetched bytes exactly like files (Briefbot.ingestFetched). */
  ingest: (inputs: FetchedInput[]) => Promise<IngestReport>;
  limits: FetchLimits;
  /** Who this poller is, for leases: unique per process. */
  holder: string;
  now?: () => Date;
  random?: () => number;
  /** The HTTP GET; default `fetchUrl`. */
  fetch?: (url: string, validators: Validators | null, limits: FetchLimits) => Promise<FetchResult>;
}

/**
 * Subscriptions and their polling: fetch each due source once, with its validators, under a
 * lease so one replica polls it; ingest what is new through the normal pipeline; record what
 * happened and when to come back. A failing source is reported and rescheduled with backoff;
 * it never stops the others.
 */
export class SourcePoller {
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly fetch: NonNullable<SourcePollerOptions["fetch"]>;

  constructor(private readonly options: SourcePollerOptions) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.fetch = options.fetch ?? fetchUrl;
  }

  get registry(): SourceRegistry {
    return this.options.registry;
  }

  /** Adds a subscription, due at once. Returns the existing one (created false) for a known URL. */
  async subscribe(
    url: string,
    settings: { name?: string | undefined; everySeconds?: number | undefined } = {},
  ): Promise<{ subscription: Subscription; created: boolean }> {
    const parsed = parseHttpUrl(url);
    const now = this.now().toISOString();
    const subscription: Subscription = {
      id: shortHash(parsed).slice(0, 12),
      url: parsed,
      name: settings.name?.trim() || defaultName(parsed),
      everySeconds: settings.everySeconds ?? defaultEverySeconds,
      createdAt: now,
      poll: {
        kind: null,
        etag: null,
        lastModified: null,
        lastFetchAt: null,
        lastNewIssueAt: null,
        nextRunAt: now,
        lastError: null,
        failures: 0,
        seenLinks: [],
      },
    };
    if (await this.options.registry.add(subscription)) return { subscription, created: true };
    const existing = await this.options.registry.find(parsed);
    return { subscription: existing ?? subscription, created: false };
  }

  async unsubscribe(reference: string): Promise<Subscription | null> {
    const found = await this.findByReference(reference);
    if (found === null) return null;
    await this.options.registry.remove(found.id);
    return found;
  }

  /** By id, URL or exact name. */
  async findByReference(reference: string): Promise<Subscription | null> {
    const direct = await this.options.registry.find(reference);
    if (direct !== null) return direct;
    const all = await this.options.registry.list();
    return (
      all.find((subscription) => subscription.name === reference || subscription.id.startsWith(reference)) ??
      null
    );
  }

  /** Polls the sources that are due (all of them with `all`), one after another. */
  async pollDue(settings: { all?: boolean; ids?: string[] } = {}): Promise<PollReport> {
    const now = this.now().getTime();
    const due = (await this.options.registry.list()).filter((subscription) =>
      settings.ids !== undefined
        ? settings.ids.includes(subscription.id)
        : settings.all === true || Date.parse(subscription.poll.nextRunAt) <= now,
    );
    const total: PollReport = { ...emptyIngestReport(), sources: [] };
    for (const subscription of due) {
      const { outcome, report } = await this.pollOne(subscription);
      total.sources.push(outcome);
      mergeInto(total, report);
    }
    return total;
  }

  /** `briefbot ingest <url>`: fetch once, ingest what it holds (a feed, a page or a PDF), remember nothing. */
  async fetchOnce(url: string): Promise<IngestReport> {
    const parsed = parseHttpUrl(url);
    let result: FetchResult;
    try {
      result = await this.fetch(parsed, null, this.options.limits);
    } catch (error) {
      return { ...emptyIngestReport(), errors: [{ path: parsed, error: describeError(error) }] };
    }
    if (result.status === "not-modified") return emptyIngestReport();
    const extension = classifyBody(result.body, result.contentType);
    if (extension === null) {
      const report = emptyIngestReport();
      report.skipped.push({
        path: parsed,
        reason: "not a newsletter",
        detail: result.contentType || "binary",
      });
      return report;
    }
    return this.options.ingest([
      {
        path: parsed,
        extension,
        bytes: result.body,
        pageUrl: extension === ".html" || extension === ".pdf" ? result.url : undefined,
      },
    ]);
  }

  private async pollOne(
    subscription: Subscription,
  ): Promise<{ outcome: SourceOutcome; report: IngestReport }> {
    const { registry, holder } = this.options;
    const started = this.now();
    const outcome: SourceOutcome = {
      id: subscription.id,
      name: subscription.name,
      url: subscription.url,
      status: "busy",
      added: 0,
      error: null,
      nextRunAt: null,
    };
    const leased = await registry
      .tryLease(subscription.id, holder, started, new Date(started.getTime() + leaseSeconds * 1000))
      .catch(() => false);
    if (!leased) return { outcome, report: emptyIngestReport() };
    const state: PollState = structuredClone(subscription.poll);
    let report = emptyIngestReport();
    try {
      let failure: { message: string; retryAfter: number | null } | null = null;
      try {
        const result = await this.fetch(
          subscription.url,
          { etag: state.etag, lastModified: state.lastModified },
          this.options.limits,
        );
        if (result.status === "not-modified") {
          outcome.status = "not modified";
          report.skipped.push({ path: subscription.url, reason: "not modified", detail: "HTTP 304" });
        } else {
          const extension = classifyBody(result.body, result.contentType);
          if (extension === null)
            throw new Error(
              `${subscription.url} is ${result.contentType || "binary"}, not a feed or an archive page`,
            );
          state.kind ??= extension === ".html" ? "archive" : "feed";
          let complete = true;
          if (state.kind === "archive")
            ({ report, complete } = await pollArchive(result, state, {
              fetch: this.fetch,
              limits: this.options.limits,
              ingest: this.options.ingest,
            }));
          else {
            report = await this.options.ingest([{ path: subscription.url, extension, bytes: result.body }]);
            // The feed itself could not be read: a failure, and its validators are not kept.
            if (report.errors.length > 0) throw new Error(report.errors[0]?.error);
          }
          // An archive with links still to fetch must not be answered 304 next time.
          state.etag = complete ? result.etag : null;
          state.lastModified = complete ? result.lastModified : null;
          outcome.status = report.added.length > 0 ? "new issues" : "unchanged";
        }
      } catch (error) {
        failure = {
          message: describeError(error),
          retryAfter: error instanceof ServiceError ? error.retryAfterSeconds : null,
        };
        if (!report.errors.some((entry) => entry.path === subscription.url))
          report.errors.push({ path: subscription.url, error: failure.message });
      }
      const finished = this.now();
      state.lastFetchAt = finished.toISOString();
      if (failure === null) {
        state.failures = 0;
        state.lastError = report.errors[0] ? `${report.errors[0].path}: ${report.errors[0].error}` : null;
        if (report.added.length > 0) state.lastNewIssueAt = finished.toISOString();
        state.nextRunAt = new Date(finished.getTime() + subscription.everySeconds * 1000).toISOString();
      } else {
        outcome.status = "failed";
        state.failures += 1;
        state.lastError = failure.message;
        const wait = backoffSeconds(state.failures, this.random, failure.retryAfter);
        state.nextRunAt = new Date(finished.getTime() + wait * 1000).toISOString();
      }
      outcome.added = report.added.length;
      outcome.error = state.lastError;
      outcome.nextRunAt = state.nextRunAt;
      await registry.recordPoll(subscription.id, state);
    } catch (error) {
      // The registry itself failed: report it; the lease runs out and the next poll retries.
      outcome.status = "failed";
      outcome.error = describeError(error);
      report.errors.push({ path: subscription.url, error: outcome.error });
    } finally {
      await registry.releaseLease(subscription.id, holder).catch(() => {});
    }
    return { outcome, report };
  }
}

function parseHttpUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(
      url,
      `"${url}" is not a URL; give a feed or archive page address such as https://example.com/feed`,
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new InputError(url, `${url} is not an http(s) address`);
  return parsed.toString();
}

function defaultName(url: string): string {
  const parsed = new URL(url);
  const path = parsed.pathname.replace(/\/+$/, "");
  return `${parsed.host}${path}`;
}
