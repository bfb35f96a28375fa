import { afterEach, describe, expect, it } from "vitest";
import type { Adapter } from "../../../adapters/adapter.ts";
import { createSlackAdapter } from "../../../adapters/slack/slack-adapter.ts";
import { silentLogger } from "../../../src/logger.ts";
import { FakeSlackSocketServer } from "../../wire/slack-socket-server.ts";
import { FakeSlackWebApi } from "../../wire/slack-web-api-server.ts";
import {
  answerFixture,
  appMention,
  botToken,
  eventEnvelope,
  FakeBriefbotService,
} from "./slack-test-harness.ts";

describe("Slack adapter, Socket Mode, at the wire", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  });

  it("connects via apps.connections.open, acks the envelope, and answers the mention in its thread", async () => {
    const api = await FakeSlackWebApi.start();
    cleanups.push(() => api.close());
    const socket = await FakeSlackSocketServer.start();
    cleanups.push(() => socket.close());
    api.socketUrl = socket.url;
    const service = new FakeBriefbotService();
    service.answerWith = async (request) => answerFixture({ question: request.question });

    const adapter: Adapter = createSlackAdapter({
      service,
      botToken,
      appToken: "xapp-1-test-app-token-0000",
      apiUrl: api.apiUrl.replace(/\/$/, ""), // the missing trailing slash is added by the adapter
      logger: silentLogger(),
      webApiRetry: { retries: 1, minTimeoutMs: 10, maxTimeoutMs: 20 },
    });
    cleanups.unshift(() => adapter.stop());
    expect(adapter.routes()).toEqual([]);

    await adapter.start();
    expect(adapter.isRunning()).toBe(true);
    const open = api.callsTo("apps.connections.open");
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe("xapp-1-test-app-token-0000");
    expect(socket.connectionCount).toBe(1);

    await socket.sendEvent("envelope-1", eventEnvelope(appMention({ channel: "CSOCKET" })));
    const ack = await socket.waitForAck("envelope-1");
    expect(ack.envelope_id).toBe("envelope-1");

    const answer = await api.waitFor(() => api.callsTo("chat.postMessage")[0]);
    expect(api.callsTo("assistant.threads.setStatus")[0]?.params).toMatchObject({ channel_id: "CSOCKET" });
    expect(answer.params).toMatchObject({ channel: "CSOCKET", thread_ts: "1721000000.000100" });
    expect(answer.token).toBe(botToken);
    expect(String(answer.params.text)).toContain("WebGPU shipped in Firefox 141 [1].");
    expect(service.answerRequests[0]?.conversationId).toBe("slack:CSOCKET:1721000000.000100");

    await adapter.stop();
    expect(adapter.isRunning()).toBe(false);
    await api.waitFor(() => socket.connectionCount === 0);
  });
});
