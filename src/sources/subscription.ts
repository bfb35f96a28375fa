/**
 * A subscribed source: a feed (RSS 2.0, Atom, JSON Feed) or a newsletter's web archive page, and
 * what the poller remembers about it between runs. Kept in the store so it survives restarts and
 * every replica sees the same list.
 */
export interface Subscription {
  /** Stable id: a short hash of the URL. */
  id: string;
  /** The URL as subscribed. */
  url: string;
  /** A name for listings; defaults to the host and path. */
  name: string;
  /** Seconds between polls. */
  everySeconds: number;
  /** ISO timestamp of the subscription. */
  createdAt: string;
  poll: PollState;
}

/** What the last polls found. Every field starts null (or empty) for a new subscription. */
export interface PollState {
  /** What the URL turned out to be on the first successful fetch. */
  kind: "feed" | "archive" | null;
  /** Validators of the last 200 answer, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  /** ISO timestamps. */
  lastFetchAt: string | null;
  lastNewIssueAt: string | null;
  nextRunAt: string;
  /** The last poll's error, or null after a success. */
  lastError: string | null;
  /** Failed polls in a row, for backoff. */
  failures: number;
  /** Issue links of an archive page that were fetched already (each is fetched once). */
  seenLinks: string[];
}

/** Who holds the right to poll a source, and until when (so a crashed poller's lease runs out). */
export interface Lease {
  holder: string;
  /** ISO timestamp. */
  until: string;
}

/**
 * Where subscriptions live. Narrow on purpose so a shared state store can back it later; every
 * driver passes the same contract suite (test/sources/source-registry-contract.ts).
 */
export interface SourceRegistry {
  list(): Promise<Subscription[]>;
  /** By id or URL; null when absent. */
  find(reference: string): Promise<Subscription | null>;
  /** Adds a subscription; returns false (and changes nothing) when the URL is subscribed already. */
  add(subscription: Subscription): Promise<boolean>;
  /** Returns whether it was there. */
  remove(id: string): Promise<boolean>;
  /** Replaces the poll state of a subscription (no-op when it was removed meanwhile). */
  recordPoll(id: string, state: PollState): Promise<void>;
  /**
   * Takes the polling lease of a source for `holder` until `until`, when nobody else holds an
   * unexpired one at `now`. At most one caller wins, across processes sharing the store.
   */
  tryLease(id: string, holder: string, now: Date, until: Date): Promise<boolean>;
  /** Gives the lease up early (after a poll), when `holder` still holds it. */
  releaseLease(id: string, holder: string): Promise<void>;
  close(): Promise<void>;
}
