import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describeError } from "../src/errors.ts";
import type { Adapter, HttpRoute } from "./adapter.ts";

/**
 * The one HTTP server of `briefbot serve`: adapters' webhook routes plus `GET /healthz`, which
 * answers 200 when the store can be read and every adapter is running, 503 otherwise, and
 * `GET /readyz`, which also checks the state and reports the store version and state driver.
 */
export interface ServeHttpOptions {
  port: number;
  host?: string;
  adapters: Adapter[];
  checkStore: () => Promise<void>;
  /** For `/readyz`: the store's version and the state driver (throws when either is unreachable). */
  readiness?: () => Promise<{ storeVersion: string; stateDriver: string }>;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(options: ServeHttpOptions): Promise<RunningHttpServer> {
  const routes = new Map<string, HttpRoute>();
  for (const adapter of options.adapters) {
    for (const route of adapter.routes()) routes.set(`${route.method} ${route.path}`, route);
  }
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (request.method === "GET" && (path === "/healthz" || path === "/readyz")) {
      void (path === "/healthz" ? health(options) : readiness(options)).then(({ status, body }) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      });
      return;
    }
    const route = routes.get(`${request.method} ${path}`);
    if (route === undefined) {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
      return;
    }
    Promise.resolve(route.handle(request, response)).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readiness(
  options: ServeHttpOptions,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { status, body } = await health(options);
  if (options.readiness === undefined) return { status, body };
  try {
    const { storeVersion, stateDriver } = await options.readiness();
    return { status, body: { ...body, storeVersion, stateDriver, state: "ok" } };
  } catch (error) {
    return {
      status: 503,
      body: { ...body, status: "unhealthy", state: `unreachable: ${(error as Error).message}` },
    };
  }
}

async function health(options: ServeHttpOptions): Promise<{ status: number; body: Record<string, unknown> }> {
  let store = "ok";
  try {
    await options.checkStore();
  } catch (error) {
    // Masked: a store URI can carry credentials (s3://key:secret@…), and /healthz is public.
    store = `unreachable: ${describeError(error)}`;
  }
  const adapters = Object.fromEntries(
    options.adapters.map((adapter) => [adapter.name, adapter.isRunning() ? "running" : "stopped"]),
  );
  const healthy = store === "ok" && Object.values(adapters).every((state) => state === "running");
  return { status: healthy ? 200 : 503, body: { status: healthy ? "ok" : "unhealthy", store, adapters } };
}
