import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ContextBlock, SectionBlock, SlackBlock } from "../../../adapters/slack/slack-blocks.ts";
import { fakeBotId, fakeBotUserId } from "../../wire/slack-web-api-server.ts";
import {
  answerFixture,
  appMention,
  channelMessage,
  directMessage,
  eventEnvelope,
  type HttpHarness,
  settle,
  startHttpHarness,
} from "./slack-test-harness.ts";

function blocksOf(params: Record<string, unknown>): SlackBlock[] {
  return (params.blocks ?? []) as SlackBlock[];
}

function sectionTexts(params: Record<string, unknown>): string[] {
  return blocksOf(params)
    .filter((block): block is SectionBlock => block.type === "section")
    .map((block) => block.text.text);
}

function contextTexts(params: Record<string, unknown>): string[] {
  return blocksOf(params)
    .filter((block): block is ContextBlock => block.type === "context")
    .flatMap((block) => block.elements.map((element) => element.text));
}

describe("Slack adapter, HTTP mode, at the wire", () => {
  let harness: HttpHarness;
  beforeEach(async () => {
    harness = await startHttpHarness();
    harness.service.answerWith = async (request) => answerFixture({ question: request.question });
  });
  afterEach(async () => {
    await harness.close();
  });

  it("calls auth.test with the bot token on start and mounts POST /slack/events", () => {
    expect(harness.api.callsTo("auth.test")).toHaveLength(1);
    expect(harness.api.callsTo("auth.test")[0]?.token).toBe("xoxb-test-bot-token-0000");
    expect(harness.adapter.routes()).toEqual([
      expect.objectContaining({ method: "POST", path: "/slack/events" }),
    ]);
    expect(harness.adapter.isRunning()).toBe(true);
  });

  it("answers the url_verification challenge", async () => {
    const result = await harness.postEvent({
      type: "url_verification",
      token: "x",
      challenge: "challenge-42",
    });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toEqual({ challenge: "challenge-42" });
  });

  it("rejects a bad signature, a stale timestamp and a far-future timestamp with 401, and answers none", async () => {
    const envelope = eventEnvelope(appMention());
    expect((await harness.postEvent(envelope, { secret: "wrong-secret" })).status).toBe(401);
    expect((await harness.postEvent(envelope, { signature: "v0=00" })).status).toBe(401);
    const now = Math.floor(Date.now() / 1000);
    expect((await harness.postEvent(envelope, { timestampSeconds: now - 6 * 60 })).status).toBe(401);
    expect((await harness.postEvent(envelope, { timestampSeconds: now + 6 * 60 })).status).toBe(401);
    expect(
      (await harness.postRaw("{}", "application/json", { headers: { "x-slack-signature": "" } })).status,
    ).toBe(401);
    await settle(100);
    expect(harness.service.answerRequests).toHaveLength(0);
    expect(harness.api.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("answers an app_mention in a thread: placeholder first, then chat.update with the cited answer", async () => {
    const result = await harness.postEvent(eventEnvelope(appMention()));
    expect(result.status).toBe(200);

    const update = await harness.api.waitFor(() => harness.api.callsTo("chat.update")[0]);
    const [placeholder] = harness.api.callsTo("chat.postMessage");
    expect(placeholder?.params).toMatchObject({
      channel: "CGENERAL",
      thread_ts: "1721000000.000100",
      text: "Searching the briefs…",
    });
    expect(placeholder?.token).toBe("xoxb-test-bot-token-0000");
    // The update must edit exactly the placeholder, whose ts the fake API handed out.
    const placeholderTs = placeholder?.response?.body.ts;
    expect(placeholderTs).toMatch(/^\d+\.\d+$/);
    expect(update.params).toMatchObject({ channel: "CGENERAL", ts: placeholderTs });
    expect(harness.api.callsTo("chat.postMessage")).toHaveLength(1);

    expect(sectionTexts(update.params)).toEqual(["WebGPU shipped in Firefox 141 [1]."]);
    expect(contextTexts(update.params)).toEqual([
      "<https://example.com/webgpu?a=1&amp;b=2|[1] Frontend Focus — Firefox ships WebGPU>, 2025-07-22",
    ]);
    expect(update.params.text).toContain("WebGPU shipped in Firefox 141 [1].");
    expect(update.params.text).toContain("[1] Frontend Focus — Firefox ships WebGPU");
    const actions = blocksOf(update.params).find((block) => block.type === "actions");
    expect(actions).toMatchObject({
      elements: [{ action_id: "feedback_up" }, { action_id: "feedback_down" }],
    });

    expect(harness.service.answerRequests).toHaveLength(1);
    expect(harness.service.answerRequests[0]).toMatchObject({
      question: "what happened with WebGPU?",
      conversationId: "slack:CGENERAL:1721000000.000100",
    });
  });

  it("answers a mention inside an existing thread in that thread, with the thread's conversation id", async () => {
    await harness.postEvent(
      eventEnvelope(appMention({ ts: "1721000009.000900", thread_ts: "1721000000.000100" })),
    );
    await harness.api.waitFor(() => harness.api.callsTo("chat.update")[0]);
    expect(harness.api.callsTo("chat.postMessage")[0]?.params.thread_ts).toBe("1721000000.000100");
    expect(harness.service.answerRequests[0]?.conversationId).toBe("slack:CGENERAL:1721000000.000100");
  });

  it("never answers the same event_id twice, even when Slack retries with X-Slack-Retry-Num", async () => {
    const envelope = eventEnvelope(appMention(), "EvRETRIED01");
    expect((await harness.postEvent(envelope)).status).toBe(200);
    const retry = await harness.postEvent(envelope, {
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(retry.status).toBe(200);
    expect((await harness.postEvent(envelope, { headers: { "x-slack-retry-num": "2" } })).status).toBe(200);
    await harness.api.waitFor(() => harness.api.callsTo("chat.update")[0]);
    await settle(150);
    expect(harness.service.answerRequests).toHaveLength(1);
    expect(harness.api.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("answers a mention once when Slack also delivers it as a message in a thread the bot answered", async () => {
    await harness.postEvent(eventEnvelope(appMention()));
    await harness.api.waitFor(() => harness.api.callsTo("chat.update")[0]);

    // In a thread the bot answered, a plain message would be answered; one that mentions the bot
    // arrives twice (message.channels and app_mention) and must be answered once.
    const followUp = {
      text: "<@UBOTBRIEF> and Safari?",
      ts: "1721000002.000300",
      thread_ts: "1721000000.000100",
    };
    await harness.postEvent(eventEnvelope(channelMessage(followUp)));
    await harness.postEvent(eventEnvelope(appMention(followUp)));
    await harness.api.waitFor(() => harness.api.callsTo("chat.update")[1]);
    await settle(150);
    expect(harness.service.answerRequests.map((request) => request.question)).toEqual([
      "what happened with WebGPU?",
      "and Safari?",
    ]);
    expect(harness.api.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("continues a thread it answered when a plain follow-up arrives there, and ignores other threads", async () => {
    await harness.postEvent(eventEnvelope(appMention()));
    await harness.api.waitFor(() => harness.api.callsTo("chat.update")[0]);

    await harness.postEvent(
      eventEnvelope(
        channelMessage({ text: "and Safari?", ts: "1721000002.000300", thread_ts: "1721000000.000100" }),
      ),
    );
    await harness.postEvent(
      eventEnvelope(
        channelMessage({ text: "unrelated", ts: "1721000003.000400", thread_ts: "1721999999.000000" }),
      ),
    );
    await harness.postEvent(
      eventEnvelope(channelMessage({ text: "top-level chatter", ts: "1721000004.000500" })),
    );
    await harness.api.waitFor(() => harness.api.callsTo("chat.update")[1]);
    await settle(150);

    expect(
      harness.service.answerRequests.map((request) => [request.question, request.conversationId]),
    ).toEqual([
      ["what happened with WebGPU?", "slack:CGENERAL:1721000000.000100"],
      ["and Safari?", "slack:CGENERAL:1721000000.000100"],
    ]);
    expect(harness.api.callsTo("chat.postMessage")[1]?.params.thread_ts).toBe("1721000000.000100");
  });

  it("answers a direct message in the DM, top level, with conversation id slack:<channel>", async () => {
    await harness.postEvent(eventEnvelope(directMessage()));
    await harness.api.waitFor(() => harness.api.callsTo("chat.update")[0]);
    const placeholder = harness.api.callsTo("chat.postMessage")[0];
    expect(placeholder?.params.channel).toBe("DHUMAN1");
    expect(placeholder?.params).not.toHaveProperty("thread_ts");
    expect(harness.service.answerRequests[0]?.conversationId).toBe("slack:DHUMAN1");
  });

  it("answers a DM sent in a thread inside that thread", async () => {
    await harness.postEvent(
      eventEnvelope(directMessage({ ts: "1721000005.000600", thread_ts: "1721000004.000000" })),
    );
    await harness.api.waitFor(() => harness.api.callsTo("chat.update")[0]);
    expect(harness.api.callsTo("chat.postMessage")[0]?.params.thread_ts).toBe("1721000004.000000");
    expect(harness.service.answerRequests[0]?.conversationId).toBe("slack:DHUMAN1:1721000004.000000");
  });

  it("ignores its own messages and other bots' messages", async () => {
    await harness.postEvent(eventEnvelope(directMessage({ user: fakeBotUserId, bot_id: fakeBotId })));
    await harness.postEvent(eventEnvelope(directMessage({ user: fakeBotUserId, ts: "1721000006.000700" })));
    await harness.postEvent(
      eventEnvelope(directMessage({ subtype: "bot_message", bot_id: "BOTHER", user: undefined, ts: "1.2" })),
    );
    await harness.postEvent(eventEnvelope(directMessage({ bot_id: "BOTHER", user: "UOTHERBOT", ts: "1.3" })));
    await harness.postEvent(eventEnvelope(appMention({ bot_id: "BOTHER", user: "UOTHERBOT", ts: "1.4" })));
    await settle(200);
    expect(harness.service.answerRequests).toHaveLength(0);
    expect(harness.api.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("answers only in allowed channels; DMs follow allowDms", async () => {
    await harness.close();
    harness = await startHttpHarness({ allowedChannels: ["CALLOWED"], allowDms: false });
    harness.service.answerWith = async () => answerFixture();

    await harness.postEvent(eventEnvelope(appMention({ channel: "COTHER" })));
    await harness.postEvent(eventEnvelope(directMessage()));
    await settle(200);
    expect(harness.service.answerRequests).toHaveLength(0);
    expect(harness.api.callsTo("chat.postMessage")).toHaveLength(0);

    await harness.postEvent(eventEnvelope(appMention({ channel: "CALLOWED" })));
    await harness.api.waitFor(() => harness.api.callsTo("chat.update")[0]);
    expect(harness.api.callsTo("chat.postMessage").map((call) => call.params.channel)).toEqual(["CALLOWED"]);
  });

  it("answers /brief ephemerally through the response_url, acking at once", async () => {
    let release: () => void = () => {};
    harness.service.answerWith = async (request) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return answerFixture({ question: request.question });
    };
    const started = Date.now();
    const ack = await harness.postForm({
      command: "/brief",
      text: "what about  WebGPU &amp; Safari?",
      channel_id: "CGENERAL",
      channel_name: "general",
      user_id: "UHUMAN1",
      team_id: "T0000TEAM",
      response_url: harness.api.responseUrl("cmd-1"),
      trigger_id: "trigger-1",
    });
    // The ack returns while the answer is still being produced.
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(ack.status).toBe(200);
    expect(JSON.parse(ack.text)).toMatchObject({ response_type: "ephemeral", text: "Searching the briefs…" });
    expect(harness.api.responseUrlPosts).toHaveLength(0);

    release();
    const post = await harness.api.waitFor(() => harness.api.responseUrlPosts[0]);
    expect(post.path).toBe("/response/cmd-1");
    expect(post.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(sectionTexts(post.body)).toEqual(["WebGPU shipped in Firefox 141 [1]."]);
    expect(harness.service.answerRequests[0]).toMatchObject({
      question: "what about WebGPU & Safari?",
      conversationId: "slack:CGENERAL:command:UHUMAN1",
    });
    expect(harness.api.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("acks /brief outside the allowed channels with an empty 200 and answers nothing", async () => {
    await harness.close();
    harness = await startHttpHarness({ allowedChannels: ["CALLOWED"] });
    harness.service.answerWith = async () => answerFixture();
    const ack = await harness.postForm({
      command: "/brief",
      text: "anything?",
      channel_id: "COTHER",
      channel_name: "other",
      user_id: "UHUMAN1",
      team_id: "T0000TEAM",
      response_url: harness.api.responseUrl("cmd-2"),
      trigger_id: "trigger-3",
    });
    expect(ack).toEqual({ status: 200, text: "" });
    await settle(150);
    expect(harness.service.answerRequests).toHaveLength(0);
    expect(harness.api.responseUrlPosts).toHaveLength(0);
  });

  it("records a 👍 click with question, answer and chunk ids, and thanks the user", async () => {
    await harness.postEvent(eventEnvelope(appMention()));
    const update = await harness.api.waitFor(() => harness.api.callsTo("chat.update")[0]);
    const actions = blocksOf(update.params).find((block) => block.type === "actions");
    const upButton = actions?.type === "actions" ? actions.elements[0] : undefined;
    expect(upButton?.action_id).toBe("feedback_up");

    const payload = {
      type: "block_actions",
      user: { id: "UHUMAN2", username: "someone", team_id: "T0000TEAM" },
      api_app_id: "A0000APP",
      team: { id: "T0000TEAM", domain: "test" },
      container: {
        type: "message",
        message_ts: update.params.ts,
        channel_id: "CGENERAL",
        is_ephemeral: false,
      },
      channel: { id: "CGENERAL", name: "general" },
      message: { type: "message", ts: update.params.ts, thread_ts: "1721000000.000100", text: "WebGPU…" },
      trigger_id: "trigger-2",
      response_url: harness.api.responseUrl("click-1"),
      actions: [
        {
          type: "button",
          block_id: "feedback",
          action_id: "feedback_up",
          value: upButton?.value,
          action_ts: "1721000010.000000",
        },
      ],
    };
    const result = await harness.postForm({ payload: JSON.stringify(payload) });
    expect(result.status).toBe(200);

    const thanks = await harness.api.waitFor(() => harness.api.responseUrlPosts[0]);
    expect(thanks.body).toMatchObject({
      response_type: "ephemeral",
      replace_original: false,
      text: "Thanks for the feedback!",
    });
    expect(harness.service.feedback).toEqual([
      {
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        platform: "slack",
        user: "UHUMAN2",
        conversationId: "slack:CGENERAL:1721000000.000100",
        rating: "up",
        question: "what happened with WebGPU?",
        answer: "WebGPU shipped in Firefox 141 [1].",
        chunkIds: ["chunk-webgpu-1"],
      },
    ]);
  });

  it("streams partials as throttled chat.update calls, and the final update carries the blocks", async () => {
    harness.service.answerWith = async (request) => {
      for (let index = 1; index <= 12; index += 1) {
        request.onPartial?.(`Part ${index} of the answer`);
        await settle(50);
      }
      return answerFixture({ answerer: "openai", text: "Final streamed answer [1]." });
    };
    await harness.postEvent(eventEnvelope(appMention()));
    await harness.api.waitFor(() =>
      harness.api.callsTo("chat.update").find((call) => String(call.params.text).startsWith("Final")),
    );
    const updates = harness.api.callsTo("chat.update");
    const partials = updates.slice(0, -1);
    // 12 partials over ~600 ms with a 200 ms interval: a few edits, far fewer than 12. The bounds
    // leave room for a loaded machine; without throttling there are ~12 edits ~50 ms apart.
    expect(partials.length).toBeGreaterThanOrEqual(2);
    expect(partials.length).toBeLessThanOrEqual(6);
    for (const partial of partials) expect(String(partial.params.text)).toMatch(/^Part \d+ of the answer …$/);
    const gaps = partials.slice(1).map((call, index) => call.atMs - (partials[index]?.atMs ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(120);
    const final = updates.at(-1);
    expect(sectionTexts(final?.params ?? {})).toEqual(["Final streamed answer [1]."]);
    expect(contextTexts(final?.params ?? {})).toHaveLength(1);
  });

  it("replaces the placeholder with an apology when the service fails", async () => {
    harness.service.answerWith = async () => {
      throw new Error("store unreadable");
    };
    await harness.postEvent(eventEnvelope(appMention()));
    const update = await harness.api.waitFor(() => harness.api.callsTo("chat.update")[0]);
    expect(update.params.text).toMatch(/^Sorry, something went wrong/);
    const placeholder = harness.api.callsTo("chat.postMessage")[0];
    expect(placeholder?.params.text).toBe("Searching the briefs…");
    expect(update.params.ts).toBe(placeholder?.response?.body.ts);
    expect(blocksOf(update.params).some((block) => block.type === "actions")).toBe(false);
    expect(harness.api.callsTo("chat.update")).toHaveLength(1);
  });

  it("posts a hint instead of asking the service when the mention has no question", async () => {
    await harness.postEvent(eventEnvelope(appMention({ text: "<@UBOTBRIEF>" })));
    const hint = await harness.api.waitFor(() => harness.api.callsTo("chat.postMessage")[0]);
    expect(String(hint.params.text)).toMatch(/^Ask me something about the briefs/);
    expect(hint.params.thread_ts).toBe("1721000000.000100");
    await settle(100);
    expect(harness.service.answerRequests).toHaveLength(0);
  });

  it("stop() lets an answer under way finish, then refuses new requests with 503", async () => {
    let release: () => void = () => {};
    harness.service.answerWith = async (request) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return answerFixture({ question: request.question });
    };
    await harness.postEvent(eventEnvelope(appMention()));
    await harness.api.waitFor(() => harness.service.answerRequests.length === 1);

    let stopped = false;
    const stopping = harness.adapter.stop().then(() => {
      stopped = true;
    });
    await settle(100);
    expect(stopped).toBe(false);
    expect(harness.adapter.isRunning()).toBe(false);
    expect((await harness.postEvent(eventEnvelope(appMention({ ts: "1721000100.000100" })))).status).toBe(
      503,
    );

    release();
    await stopping;
    expect(harness.api.callsTo("chat.update")).toHaveLength(1);
    expect(harness.service.answerRequests).toHaveLength(1);
  });

  it("replaces streamed partial text with an apology when the answer fails part-way", async () => {
    harness.service.answerWith = async (request) => {
      request.onPartial?.("The first half of an answer");
      await settle(350);
      throw new Error("model connection reset");
    };
    await harness.postEvent(eventEnvelope(appMention()));
    await harness.api.waitFor(() =>
      harness.api.callsTo("chat.update").find((call) => String(call.params.text).startsWith("Sorry")),
    );
    await settle(250);
    const texts = harness.api.callsTo("chat.update").map((call) => String(call.params.text));
    expect(texts[0]).toBe("The first half of an answer …");
    expect(texts.at(-1)).toMatch(/^Sorry, something went wrong/);
  });

  it("waits out a 429 Retry-After and retries a 5xx before posting", async () => {
    harness.api.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    harness.api.failNext("chat.update", { status: 503 });
    await harness.postEvent(eventEnvelope(appMention()));
    await harness.api.waitFor(() => harness.api.callsTo("chat.update")[1], 5_000);

    const posts = harness.api.callsTo("chat.postMessage");
    expect(posts).toHaveLength(2);
    expect((posts[1]?.atMs ?? 0) - (posts[0]?.atMs ?? 0)).toBeGreaterThanOrEqual(950);
    const updates = harness.api.callsTo("chat.update");
    expect(updates).toHaveLength(2);
    expect(sectionTexts(updates[1]?.params ?? {})).toEqual(["WebGPU shipped in Firefox 141 [1]."]);
  });
});
