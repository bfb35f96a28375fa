/** What `briefbot --help` and `briefbot <command> --help` print, and which options each command takes. */

export const usage = `briefbot — ask your tech briefs questions, with cited answers

Usage:
  briefbot start                        ingest data/ if the store is empty, then serve the configured
                                        bots (Telegram, Slack) or open a terminal chat
  briefbot ingest <file|dir|url>... [--json] [--reembed]
  briefbot ask "<question>" [--json] [--source P] [--since D] [--until D]
  briefbot chat                         multi-turn chat; /new starts over, /quit leaves
  briefbot search "<query>" [--json] [--k N] [--source P] [--since D] [--until D]
  briefbot docs [--json]                issues in the store
  briefbot remove <doc-id|path|title> | --source P   [--yes] [--json]
  briefbot eval <file.jsonl> [--k 5] [--json] [--answers]
  briefbot serve                        run the Telegram and Slack bots whose settings are present,
                                        and poll subscribed sources
  briefbot subscribe <url> [--name N] [--every 1h]
                                        follow a feed (RSS, Atom, JSON Feed) or archive page
  briefbot sources [--json]             subscriptions: last fetch, last new issue, next run, errors
  briefbot unsubscribe <id|url|name>
  briefbot poll [--all] [--json]        fetch the sources that are due (for cron); --all: every one
  briefbot maintain [--json]            clean up the store: files of replaced versions, retired
                                        tables, expired state (run from one process at a time)
  briefbot feedback                     every 👍/👎 vote recorded, as JSON Lines

Options:
  --db <uri>     LanceDB location (default: BRIEFBOT_DB or .briefbot/db)
  --json         machine-readable output on stdout (logs stay on stderr)
  --k <n>        results to show (search) or the cut-off for hit@k (eval)
  --answers      eval: also print each item's verdict and answer
  --source <p>   only publications whose name contains p
  --since/--until <YYYY-MM-DD>   date range, inclusive
  --debug        show the stack of an error
  --version      print the version
  briefbot <command> --help       one command's options`;

const common = ["db", "debug", "help"];
const filters = ["source", "since", "until"];

/** Options each command accepts (besides --db, --debug and --help). */
export const commandOptions: Record<string, string[]> = {
  start: [...common],
  ingest: [...common, "json", "reembed"],
  ask: [...common, "json", ...filters],
  chat: [...common, "json", ...filters],
  search: [...common, "json", "k", ...filters],
  docs: [...common, "json"],
  remove: [...common, "json", "source", "yes"],
  eval: [...common, "json", "k", "answers"],
  serve: [...common],
  subscribe: [...common, "json", "name", "every"],
  sources: [...common, "json"],
  unsubscribe: [...common, "json"],
  poll: [...common, "json", "all"],
  maintain: [...common, "json"],
  feedback: [...common],
};

export const commandHelp: Record<string, string> = {
  start: `briefbot start [--db URI]
  Ingest the sample briefs in data/ when the store is empty, then run the configured Telegram
  and/or Slack bots (see briefbot serve), or a terminal chat when no bot token is set.`,
  ingest: `briefbot ingest <file|dir|url>... [--json] [--reembed] [--db URI]
  Read, split, chunk, embed and store newsletters (.txt .md .html .eml .mbox .xml .rss .atom .json
  .pdf; directories recursively; a URL is fetched once). Files unchanged since the last ingest are
  skipped unread. Prints what was added and what was skipped and why. Exit status 1 when one failed.
  --json      print {files, documents, chunks_added, chunks_unchanged, chunks_removed, errors, added, skipped}
  --reembed   rebuild every vector with the configured embedder (no files needed)`,
  ask: `briefbot ask "<question>" [--json] [--source P] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--db URI]
  One cited answer from the briefs. With --json and no question, one question per stdin line
  (text, or {"id", "question"} JSON), one JSON answer per line, each on its own.
  --json      print {question, answered, coverage, answer, lang, citations}
  --source P  only publications whose name contains P
  --since/--until  issue dates, inclusive`,
  chat: `briefbot chat [--json] [--source P] [--since D] [--until D] [--db URI]
  A terminal chat that keeps recent turns (/new starts over, /quit leaves). With stdin not a
  terminal, answers one question per line.`,
  search: `briefbot search "<query>" [--json] [--k N] [--source P] [--since D] [--until D] [--db URI]
  Ranked passages. With --json and no query, one query per stdin line.
  --k N       passages to show (default 10)`,
  docs: `briefbot docs [--json] [--db URI]
  Issues in the store: date, publication, issue, stories, chunks, id.`,
  remove: `briefbot remove <doc-id|path|title> [--yes] [--json] [--db URI]
briefbot remove --source P [--yes] [--json] [--db URI]
  Delete issues and their chunks: one named by id (or its start, see briefbot docs), path or title,
  or every issue of the publications whose name contains P. Removing more than one issue asks for
  confirmation on a terminal; --yes skips it (and is required when stdin is not a terminal).`,
  eval: `briefbot eval <file.jsonl> [--k 5] [--json] [--answers] [--db URI]
  hit@1, hit@k, MRR@10, answered/refused shares by kind and language, latency p50/p95.
  --answers   also print each item's verdict and answer`,
  serve: `briefbot serve [--db URI]
  Run the bots whose settings are present (TELEGRAM_BOT_TOKEN, SLACK_BOT_TOKEN) and the HTTP
  server on PORT (/healthz, /readyz, webhooks).`,
  maintain: `briefbot maintain [--json] [--db URI]
  Clean up the store: delete files of versions replaced longer ago than
  BRIEFBOT_MAINTENANCE_GRACE_SECONDS, drop tables a re-embed retired, remove expired state.
  Run from one process at a time (serve does it on a schedule from one replica).`,
  feedback: `briefbot feedback [--db URI]
  Every 👍/👎 vote recorded in the shared state, one JSON object per line.`,
};
