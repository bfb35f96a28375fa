/**
 * A fake Slack Socket Mode endpoint: a `ws` server on 127.0.0.1:<random port>. On connection it
 * says `hello`, like Slack; tests then push envelopes and read the acks the client sends back.
 */

import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export class FakeSlackSocketServer {
  readonly acks: SocketAck[] = [];
  readonly #server: WebSocketServer;
  #connected: Promise<WebSocket>;
  #onConnected: (socket: WebSocket) => void = () => {};

  private constructor(server: WebSocketServer) {
    this.#server = server;
    this.#connected = new Promise((resolve) => {
      this.#onConnected = resolve;
    });
    server.on("connection", (socket) => {
      socket.on("message", (data) => {
        const message = JSON.parse(String(data)) as Partial<SocketAck>;
        if (typeof message.envelope_id === "string") {
          this.acks.push({ envelope_id: message.envelope_id, payload: message.payload });
        }
      });
      socket.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "fake" } }));
      this.#onConnected(socket);
    });
  }

  static async start(): Promise<FakeSlackSocketServer> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    return new FakeSlackSocketServer(server);
  }

  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `ws://127.0.0.1:${port}/`;
  }

  get connectionCount(): number {
    return this.#server.clients.size;
  }

  /** Send an `events_api` envelope, as Slack does for subscribed events. */
  async sendEvent(envelopeId: string, payload: Record<string, unknown>, retryAttempt = 0): Promise<void> {
    const socket = await this.#connected;
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type: "events_api",
        accepts_response_payload: false,
        retry_attempt: retryAttempt,
        retry_reason: "",
        payload,
      }),
    );
  }

  async waitForAck(envelopeId: string, timeoutMs = 3_000): Promise<SocketAck> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ack = this.acks.find((candidate) => candidate.envelope_id === envelopeId);
      if (ack !== undefined) return ack;
      if (Date.now() > deadline) throw new Error(`no ack for envelope ${envelopeId}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    for (const client of this.#server.clients) client.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
