import type { IncomingMessage, ServerResponse } from "node:http";
import type { FollowDelivery } from "../src/follow/follow-delivery.ts";

/** An HTTP endpoint an adapter serves on the shared server of `briefbot serve`. */
export interface HttpRoute {
  method: "GET" | "POST";
  /** Exact path, e.g. "/slack/events" or "/telegram/webhook". */
  path: string;
  handle(request: IncomingMessage, response: ServerResponse): void | Promise<void>;
}

/**
 * A chat platform transport (in Bolt's words, a receiver): it moves messages between a platform
 * and `BriefbotService`, nothing more. `serve` mounts its routes, then starts it; SIGINT/SIGTERM stop it.
 */
export interface Adapter {
  readonly name: string;
  /** Routes to mount on the shared HTTP server (webhooks, events). Empty for polling/socket modes. */
  routes(): HttpRoute[];
  start(): Promise<void>;
  stop(): Promise<void>;
  isRunning(): boolean;
  /** Sends follow digests on this platform (through the adapter's own lanes and retries). */
  readonly followDelivery?: FollowDelivery | undefined;
}
