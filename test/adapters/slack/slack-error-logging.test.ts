import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import {
  answerFixture,
  appMention,
  botToken,
  eventEnvelope,
  type HttpHarness,
  startHttpHarness,
} from "./slack-test-harness.ts";

/** A pino logger writing JSON lines into memory (no token-masking hooks, so the adapter itself must not log tokens). */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level: "debug" }, stream), lines };
}

describe("Slack adapter error logging", () => {
  let harness: HttpHarness | undefined;
  afterEach(async () => {
    await harness?.close();
  });

  it("logs a Web API failure that outlasts the retries, and never the bot token", async () => {
    const { logger, lines } = capturingLogger();
    harness = await startHttpHarness({ logger });
    harness.service.answerWith = async () => answerFixture();
    // 1 try + 2 retries for the answer, then the apology attempt (1 + 2) fails too.
    harness.api.failNext("chat.postMessage", { status: 500 }, 6);

    await harness.postEvent(eventEnvelope(appMention()));
    const api = harness.api;
    await api.waitFor(() => lines.some((line) => line.includes("slack: could not post the answer")));
    await api.waitFor(() => api.callsTo("chat.postMessage").length === 6);

    const failure = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.msg === "slack: could not post the answer");
    expect(failure).toMatchObject({ level: 50, channel: "CGENERAL", threadTs: "1721000000.000100" });
    expect(String(failure?.err)).toMatch(/500/);
    expect(lines.join("\n")).not.toContain(botToken);
    expect(lines.join("\n")).not.toContain("xoxb-");
  });
});
