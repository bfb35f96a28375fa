import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NetworkError, ServiceError } from "../../src/errors.ts";
import { fetchUrl, retryAfterSeconds, userAgent } from "../../src/sources/fetch-url.ts";
import { FeedServer, rssFeed } from "./feed-server.ts";

// Generous timeouts: a busy CI machine must not turn a slow answer into a failure; only /slow.xml
// (which waits far longer than its timeout) is meant to time out.
const limits = { timeoutMs: 10_000, maxBytes: 64 * 1024 };
const feed = rssFeed("Chip Notes", [
  { guid: "c1", title: "Chip Notes 1", date: "Tue, 03 Mar 2026 08:00:00 GMT", body: "Arm licensed a core." },
]);

describe("fetchUrl against a local publisher", () => {
  const server = new FeedServer();

  beforeAll(async () => {
    await server.start();
    server.routes.set("/etag.xml", { body: feed, contentType: "application/rss+xml", etag: true });
    server.routes.set("/dated.xml", {
      body: feed,
      contentType: "application/rss+xml",
      lastModified: "Tue, 03 Mar 2026 08:00:00 GMT",
    });
    server.routes.set("/moved", { body: "", contentType: "", redirectTo: "/etag.xml" });
    server.routes.set("/gzip.xml", { body: feed, contentType: "application/rss+xml", gzip: true });
    server.routes.set("/broken", { body: "", contentType: "", status: 500 });
    server.routes.set("/busy", { body: "", contentType: "", status: 429, headers: { "retry-after": "120" } });
    server.routes.set("/gone", { body: "", contentType: "", status: 404 });
    server.routes.set("/slow.xml", { body: feed, contentType: "application/rss+xml", delayMs: 30_000 });
    server.routes.set("/huge.xml", { body: "x".repeat(200 * 1024), contentType: "application/rss+xml" });
    server.routes.set("/huge-gzip.xml", {
      body: "x".repeat(200 * 1024),
      contentType: "application/rss+xml",
      gzip: true,
    });
  });

  afterAll(() => server.stop());

  it("sends a descriptive User-Agent and, with validators, answers 304 as not modified", async () => {
    const first = await fetchUrl(server.url("/etag.xml"), null, limits);
    expect(first.status).toBe("fetched");
    if (first.status !== "fetched") return;
    expect(new TextDecoder().decode(first.body)).toBe(feed);
    expect(first.etag).toMatch(/^"/);
    const second = await fetchUrl(server.url("/etag.xml"), { etag: first.etag, lastModified: null }, limits);
    expect(second).toEqual({ status: "not-modified" });
    const [sent1, sent2] = server.requestsTo("/etag.xml");
    expect(sent1?.headers["user-agent"]).toBe(userAgent);
    expect(sent1?.headers["if-none-match"]).toBeUndefined();
    expect(sent2?.headers["if-none-match"]).toBe(first.etag);
    expect(sent2?.status).toBe(304);
  });

  it("uses Last-Modified as If-Modified-Since", async () => {
    const first = await fetchUrl(server.url("/dated.xml"), null, limits);
    if (first.status !== "fetched") throw new Error("expected a body");
    expect(first.lastModified).toBe("Tue, 03 Mar 2026 08:00:00 GMT");
    const second = await fetchUrl(
      server.url("/dated.xml"),
      { etag: null, lastModified: first.lastModified },
      limits,
    );
    expect(second.status).toBe("not-modified");
  });

  it("follows redirects and says where the body came from", async () => {
    const result = await fetchUrl(server.url("/moved"), null, limits);
    if (result.status !== "fetched") throw new Error("expected a body");
    expect(result.url).toBe(server.url("/etag.xml"));
    expect(new TextDecoder().decode(result.body)).toBe(feed);
  });

  it("asks for gzip and decodes it", async () => {
    const result = await fetchUrl(server.url("/gzip.xml"), null, limits);
    if (result.status !== "fetched") throw new Error("expected a body");
    expect(new TextDecoder().decode(result.body)).toBe(feed);
    expect(server.requestsTo("/gzip.xml")[0]?.headers["accept-encoding"]).toMatch(/gzip/);
  });

  it.each([
    ["/broken", 10_000, ServiceError, { status: 500, retryable: true }],
    ["/busy", 10_000, ServiceError, { status: 429, retryable: true, retryAfterSeconds: 120 }],
    ["/gone", 10_000, ServiceError, { status: 404, retryable: false }],
    ["/slow.xml", 500, NetworkError, { message: expect.stringMatching(/did not answer within 0.5 s/) }],
    ["/huge.xml", 10_000, NetworkError, { message: expect.stringMatching(/more than 64 KB/) }],
    ["/huge-gzip.xml", 10_000, NetworkError, { message: expect.stringMatching(/more than 64 KB/) }],
  ])("%s fails with a clear error", async (path, timeoutMs, kind, fields) => {
    const attempt = fetchUrl(server.url(path), null, { ...limits, timeoutMs });
    await expect(attempt).rejects.toBeInstanceOf(kind);
    await expect(attempt).rejects.toMatchObject(fields);
  });

  it.each([
    ["120", 120],
    ["Tue, 01 Dec 2026 00:02:00 GMT", 120],
    ["soon", null],
  ])("Retry-After %s is %s seconds", (value, seconds) => {
    expect(retryAfterSeconds(value, Date.parse("2026-12-01T00:00:00Z"))).toBe(seconds);
  });
});
