import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Briefbot } from "../../src/briefbot.ts";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { LanceSourceRegistry } from "../../src/sources/lancedb-source-registry.ts";
import { SourcePoller } from "../../src/sources/source-poller.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";
import { atomFeed, FeedServer, rssFeed } from "./feed-server.ts";

const chipItems = [
  {
    guid: "chips-1",
    title: "Chip Notes 1: Arm licenses a core",
    date: "Tue, 03 Mar 2026 08:00:00 GMT",
    body: "Arm licensed its newest processor core to three phone makers this week.",
  },
  {
    guid: "chips-2",
    title: "Chip Notes 2: fab yields",
    date: "Tue, 10 Mar 2026 08:00:00 GMT",
    body: "Foundry yields at the new node improved to seventy percent in the spring.",
  },
];

const archivePage = `<!doctype html><html><body><nav><a href="/">Home</a><a href="/about">About</a></nav>
<h1>Grid Letter archive</h1><ul>
<li><a href="/p/grid-letter-2">Grid Letter 2</a></li>
<li><a href="/p/grid-letter-1">Grid Letter 1</a> (<a href="/p/grid-letter-1#comments">comments</a>)</li>
<li><a href="/p/grid-map.png">The map</a></li><li><a href="/p/grid-chart">The chart</a></li><li><a href="https://elsewhere.example/p/x">elsewhere</a></li>
</ul></body></html>`;

const issuePage = (title: string, date: string, text: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${date}</p><p>${text}</p></article></body></html>`;

describe("polling subscribed sources into the store", () => {
  const server = new FeedServer();
  let directory: string;
  let briefbot: Briefbot;
  let registry: LanceSourceRegistry;
  let poller: SourcePoller;
  let clock = new Date("2026-03-20T08:00:00.000Z");

  beforeAll(async () => {
    await server.start();
    server.routes.set("/chips.xml", {
      body: rssFeed("Chip Notes", chipItems),
      contentType: "application/rss+xml",
      etag: true,
    });
    server.routes.set("/grid.atom", {
      body: atomFeed("Battery Letter", [
        {
          id: "battery-1",
          title: "Battery Letter: sodium-ion prices",
          updated: "2026-03-11T07:30:00Z",
          body: "Sodium-ion cell prices fell again in March orders from storage integrators.",
        },
      ]),
      contentType: "application/atom+xml",
      lastModified: "Wed, 11 Mar 2026 07:30:00 GMT",
      gzip: true,
    });
    server.routes.set("/news.json", {
      body: JSON.stringify({
        version: "https://jsonfeed.org/version/1.1",
        title: "Robot Digest",
        items: [
          {
            id: "robots-1",
            url: "https://robots.example/1",
            title: "Robot Digest 1",
            date_published: "2026-03-12T09:00:00Z",
            content_text: "Warehouse robot orders doubled among logistics firms.",
          },
        ],
      }),
      contentType: "application/feed+json",
    });
    server.routes.set("/broken.xml", { body: "", contentType: "", status: 500 });
    server.routes.set("/malformed.xml", {
      body: '<?xml version="1.0"?><rss><channel><title>Bad</title><item><title>x</ti',
      contentType: "application/rss+xml",
    });
    server.routes.set("/archive", { body: archivePage, contentType: "text/html", etag: true });
    server.routes.set("/p/grid-letter-1", {
      body: issuePage(
        "Grid Letter 1",
        "March 2, 2026",
        "Utilities wait two years for large power transformers.",
      ),
      contentType: "text/html",
    });
    server.routes.set("/p/grid-letter-2", {
      body: issuePage(
        "Grid Letter 2",
        "March 9, 2026",
        "Grid operators approved new interconnection rules for storage.",
      ),
      contentType: "text/html",
    });
    server.routes.set("/p/grid-chart", {
      body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]),
      contentType: "image/png",
    });

    directory = await mkdtemp(join(tmpdir(), "briefbot-poll-"));
    const embedder = createHashingEmbedder();
    briefbot = new Briefbot({ store: await LanceChunkStore.open({ uri: directory, embedder }), embedder });
    registry = await LanceSourceRegistry.open(directory);
    poller = new SourcePoller({
      registry,
      ingest: (inputs) => briefbot.ingestFetched(inputs),
      limits: { timeoutMs: 10_000, maxBytes: 1024 * 1024 },
      holder: "test-poller",
      now: () => clock,
      random: () => 0.5,
    });
    for (const path of [
      "/chips.xml",
      "/grid.atom",
      "/news.json",
      "/broken.xml",
      "/malformed.xml",
      "/archive",
    ]) {
      const { created } = await poller.subscribe(server.url(path), { everySeconds: 3600 });
      expect(created).toBe(true);
    }
  });

  afterAll(async () => {
    await registry.close();
    await briefbot.close();
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it("ingests every working source and reports the failing ones without stopping", async () => {
    const report = await poller.pollDue();
    const outcome = (path: string) => report.sources.find((source) => source.url === server.url(path));
    expect(outcome("/chips.xml")).toMatchObject({ status: "new issues", added: 2, error: null });
    expect(outcome("/grid.atom")).toMatchObject({ status: "new issues", added: 1 });
    expect(outcome("/news.json")).toMatchObject({ status: "new issues", added: 1 });
    expect(outcome("/archive")).toMatchObject({ status: "new issues", added: 2 });
    expect(outcome("/broken.xml")).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/HTTP 500/),
    });
    expect(outcome("/malformed.xml")).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/not a readable feed/),
    });
    expect(report.errors.map((error) => error.path).sort()).toEqual([
      server.url("/broken.xml"),
      server.url("/malformed.xml"),
    ]);
    expect(report.skipped).toEqual([
      { path: server.url("/p/grid-chart"), reason: "not a newsletter", detail: "image/png" },
    ]);
    // Navigation, assets, other sites and #comments duplicates are not fetched.
    expect(server.requestsTo("/about")).toEqual([]);
    expect(server.requestsTo("/p/grid-map.png")).toEqual([]);
    expect(server.requestsTo("/p/grid-letter-1")).toHaveLength(1);

    const titles = (await briefbot.documents()).map((document) => [
      document.publication,
      document.title,
      document.date,
    ]);
    expect(titles).toEqual(
      expect.arrayContaining([
        ["Chip Notes", "Chip Notes 2: fab yields", "2026-03-10"],
        ["Battery Letter", "Battery Letter: sodium-ion prices", "2026-03-11"],
        ["Robot Digest", "Robot Digest 1", "2026-03-12"],
        [expect.any(String), "Grid Letter 1", "2026-03-02"],
      ]),
    );
    expect(titles).toHaveLength(6);

    // Backoff: failed once, retried after 300 s × (½ + ½·0.5) = 225 s, not in an hour.
    const broken = await registry.find(server.url("/broken.xml"));
    expect(broken?.poll).toMatchObject({ failures: 1, nextRunAt: "2026-03-20T08:03:45.000Z" });
    const chips = await registry.find(server.url("/chips.xml"));
    expect(chips?.poll).toMatchObject({
      kind: "feed",
      failures: 0,
      lastError: null,
      lastNewIssueAt: "2026-03-20T08:00:00.000Z",
      nextRunAt: "2026-03-20T09:00:00.000Z",
    });
  });

  it("polls only what is due", async () => {
    clock = new Date("2026-03-20T08:05:00.000Z");
    const report = await poller.pollDue();
    expect(report.sources.map((source) => source.url).sort()).toEqual([
      server.url("/broken.xml"),
      server.url("/malformed.xml"),
    ]);
    // Second failure in a row: 600 s × 0.75.
    expect((await registry.find(server.url("/broken.xml")))?.poll).toMatchObject({
      failures: 2,
      nextRunAt: "2026-03-20T08:12:30.000Z",
    });
  });

  it("makes conditional requests the next time and writes nothing when nothing changed", async () => {
    const before = await briefbot.documents();
    const chunksBefore = await briefbot.store.countChunks();
    const requestsBefore = server.requests.length;
    clock = new Date("2026-03-20T09:30:00.000Z");
    const report = await poller.pollDue();
    const sent = server.requests.slice(requestsBefore);
    const to = (path: string) => sent.filter((request) => request.path === path);
    expect(to("/chips.xml")[0]?.headers["if-none-match"]).toMatch(/^"/);
    expect(to("/chips.xml")[0]?.status).toBe(304);
    expect(to("/grid.atom")[0]?.headers["if-modified-since"]).toBe("Wed, 11 Mar 2026 07:30:00 GMT");
    expect(to("/grid.atom")[0]?.status).toBe(304);
    expect(to("/archive")[0]?.status).toBe(304);
    expect(to("/p/grid-letter-1")).toEqual([]);
    expect(report.added).toEqual([]);
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { path: server.url("/chips.xml"), reason: "not modified", detail: "HTTP 304" },
        { path: server.url("/news.json"), reason: "unchanged", detail: "Robot Digest 1" },
      ]),
    );
    expect(report.chunks_added + report.chunks_removed).toBe(0);
    expect(await briefbot.documents()).toEqual(before);
    expect(await briefbot.store.countChunks()).toBe(chunksBefore);
  });

  it("ingests a new item on the next poll, and the next answer cites it", async () => {
    server.routes.set("/chips.xml", {
      body: rssFeed("Chip Notes", [
        {
          guid: "chips-3",
          title: "Chip Notes 3: RISC-V tablets",
          date: "Tue, 17 Mar 2026 08:00:00 GMT",
          body: "A tablet maker shipped the first RISC-V tablet with a Ningbo-designed processor.",
        },
        ...chipItems,
      ]),
      contentType: "application/rss+xml",
      etag: true,
    });
    clock = new Date("2026-03-20T11:00:00.000Z");
    const report = await poller.pollDue();
    expect(report.added.map((issue) => issue.title)).toEqual(["Chip Notes 3: RISC-V tablets"]);
    const answer = await briefbot.answer({
      question: "Who shipped a RISC-V tablet?",
      conversationId: "poll",
    });
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]).toMatchObject({
      title: "Chip Notes 3: RISC-V tablets",
      url: "https://example.com/chips-3",
    });
  });

  it("does not poll a source another replica holds", async () => {
    const chips = await registry.find(server.url("/chips.xml"));
    if (chips === null) throw new Error("subscribed above");
    const other = await LanceSourceRegistry.open(directory);
    try {
      expect(
        await other.tryLease(chips.id, "other-replica", clock, new Date(clock.getTime() + 600_000)),
      ).toBe(true);
      const report = await poller.pollDue({ ids: [chips.id] });
      expect(report.sources).toEqual([expect.objectContaining({ status: "busy" })]);
    } finally {
      await other.close();
    }
  });

  it("ingest <url> fetches once and keeps no subscription", async () => {
    server.routes.set("/one-off", {
      body: issuePage(
        "Solar Note",
        "March 14, 2026",
        "Perovskite modules passed a damp-heat certification test.",
      ),
      contentType: "text/html; charset=utf-8",
    });
    const report = await poller.fetchOnce(server.url("/one-off"));
    expect(report.added).toEqual([expect.objectContaining({ title: "Solar Note", date: "2026-03-14" })]);
    expect(await registry.find(server.url("/one-off"))).toBeNull();
    const document = (await briefbot.documents()).find((entry) => entry.title === "Solar Note");
    expect(document?.url).toBe(server.url("/one-off"));
  });
});
