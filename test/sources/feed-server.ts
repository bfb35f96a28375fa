import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

/** One route of the feed server: what it answers and how. */
export interface Route {
  body: string | Uint8Array;
  contentType: string;
  /** Send an ETag (a hash of the body) and honour If-None-Match with 304. */
  etag?: boolean;
  /** Send this Last-Modified and honour If-Modified-Since with 304. */
  lastModified?: string;
  /** Compress the body with gzip when the client accepts it. */
  gzip?: boolean;
  /** Answer with this status instead (500, 404, 429…), with a short text body. */
  status?: number;
  headers?: Record<string, string>;
  /** Redirect (302) to this path. */
  redirectTo?: string;
  /** Wait this long before sending headers. */
  delayMs?: number;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
}

/**
 * A small publisher on port 0 for source tests: feeds and pages with real HTTP validators,
 * 304s, errors, redirects, gzip, slowness. Routes can be changed between polls; every request is
 * recorded with the status it got.
 */
export class FeedServer {
  readonly routes = new Map<string, Route>();
  readonly requests: RecordedRequest[] = [];
  private server: Server | null = null;
  private port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const path = request.url ?? "/";
      const route = this.routes.get(path);
      const answer = (
        status: number,
        headers: Record<string, string | number>,
        body?: string | Uint8Array,
      ) => {
        this.requests.push({ path, headers: request.headers, status });
        response.writeHead(status, headers);
        response.end(body);
      };
      const respond = () => {
        if (route === undefined) return answer(404, { "content-type": "text/plain" }, "not found");
        if (route.redirectTo !== undefined) return answer(302, { location: route.redirectTo });
        if (route.status !== undefined)
          return answer(
            route.status,
            { "content-type": "text/plain", ...route.headers },
            `status ${route.status}`,
          );
        const body = typeof route.body === "string" ? Buffer.from(route.body) : Buffer.from(route.body);
        const headers: Record<string, string | number> = {
          "content-type": route.contentType,
          ...route.headers,
        };
        const etag = `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`;
        if (route.etag) headers.etag = etag;
        if (route.lastModified) headers["last-modified"] = route.lastModified;
        const notModified =
          (route.etag && request.headers["if-none-match"] === etag) ||
          (route.lastModified !== undefined && request.headers["if-modified-since"] === route.lastModified);
        if (notModified) return answer(304, headers);
        if (route.gzip && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
          const compressed = gzipSync(body);
          return answer(
            200,
            { ...headers, "content-encoding": "gzip", "content-length": compressed.length },
            compressed,
          );
        }
        return answer(200, { ...headers, "content-length": body.length }, body);
      };
      if (route?.delayMs)
        setTimeout(() => {
          if (!response.destroyed) respond();
        }, route.delayMs).unref();
      else respond();
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** An RSS 2.0 feed written for the tests. */
export function rssFeed(
  title: string,
  items: Array<{ guid: string; title: string; date: string; body: string }>,
) {
  const entries = items
    .map(
      (item) =>
        `<item><guid>${item.guid}</guid><title>${item.title}</title><link>https://example.com/${item.guid}</link>` +
        `<pubDate>${item.date}</pubDate><description><![CDATA[<p>${item.body}</p>]]></description></item>`,
    )
    .join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>${entries}</channel></rss>`;
}

/** An Atom feed written for the tests. */
export function atomFeed(
  title: string,
  entries: Array<{ id: string; title: string; updated: string; body: string }>,
) {
  const body = entries
    .map(
      (entry) =>
        `<entry><id>${entry.id}</id><title>${entry.title}</title><updated>${entry.updated}</updated>` +
        `<link href="https://example.org/${entry.id}"/><content type="html">&lt;p&gt;${entry.body}&lt;/p&gt;</content></entry>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title>${body}</feed>`;
}
