import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  ContextActionsBlock,
  ContextBlock,
  MarkdownBlock,
  SlackBlock,
} from "../../../adapters/slack/slack-blocks.ts";
import { en } from "../../../adapters/texts/en.ts";
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

function contextTexts(params: Record<string, unknown>): string[] {
  return blocksOf(params)
    .filter((block): block is ContextBlock => block.type === "context")
    .flatMap((block) => block.elements.map((element) => element.text));
}

function markdownTexts(params: Record<string, unknown>): string[] {
  return blocksOf(params)
    .filter((block): block is MarkdownBlock => block.type === "markdown")
    .map((block) => block.text);
}

/** Final answers: posts and updates that carry the feedback buttons. */
function answers(harness: HttpHarness) {
  return harness.api.calls.filter(
    (call) =>
      (call.method === "chat.postMessage" || call.method === "chat.update") &&
      call.response?.body.ok === true &&
      blocksOf(call.params).some((block) => block.type === "context_actions"),
  );
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

  it("answers an app_mention in its thread: status at once, then the cited answer with feedback buttons", async () => {
    const result = await harness.postEvent(eventEnvelope(appMention()));
    expect(result.status).toBe(200);

    const answer = await harness.api.waitFor(() => answers(harness)[0]);
    const [status] = harness.api.callsTo("assistant.threads.setStatus");
    expect(status?.params).toMatchObject({
      channel_id: "CGENERAL",
      thread_ts: "1721000000.000100",
      status: en.searching,
      loading_messages: en.loadingMessages,
    });
    expect(status?.atMs).toBeLessThanOrEqual(answer.atMs);
    expect(answer.method).toBe("chat.postMessage");
    expect(answer.token).toBe("xoxb-test-bot-token-0000");
    expect(answer.params).toMatchObject({ channel: "CGENERAL", thread_ts: "1721000000.000100" });
    expect(markdownTexts(answer.params)).toEqual(["WebGPU shipped in Firefox 141 \\[1\\]."]);
    expect(contextTexts(answer.params)).toEqual([
      "<https://example.com/webgpu?a=1&amp;b=2|[1] Frontend Focus — Firefox ships WebGPU>, 2025-07-22\n" +
        "“Firefox 141 ships WebGPU on Windows.”",
    ]);
    expect(answer.params.text).toContain("WebGPU shipped in Firefox 141 [1].");
    expect(answer.params.text).toContain("[1] Frontend Focus — Firefox ships WebGPU");
    const feedback = blocksOf(answer.params).find((block) => block.type === "context_actions");
    expect(feedback).toMatchObject({
      elements: [{ type: "feedback_buttons", action_id: "answer_feedback" }],
    });
    expect(harness.api.callsTo("chat.postMessage")).toHaveLength(1);

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
    await harness.api.waitFor(() => answers(harness)[0]);
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
    await harness.api.waitFor(() => answers(harness)[0]);
    await settle(150);
    expect(harness.service.answerRequests).toHaveLength(1);
    expect(harness.api.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("answers a mention once when Slack also delivers it as a message in a thread the bot answered", async () => {
    await harness.postEvent(eventEnvelope(appMention()));
    await harness.api.waitFor(() => answers(harness)[0]);

    // In a thread the bot answered, a plain message would be answered; one that mentions the bot
    // arrives twice (message.channels and app_mention) and must be answered once.
    const followUp = {
      text: "<@UBOTBRIEF> and Safari?",
      ts: "1721000002.000300",
      thread_ts: "1721000000.000100",
    };
    await harness.postEvent(eventEnvelope(channelMessage(followUp)));
    await harness.postEvent(eventEnvelope(appMention(followUp)));
    await harness.api.waitFor(() => answers(harness)[1]);
    await settle(150);
    expect(harness.service.answerRequests.map((request) => request.question)).toEqual([
      "what happened with WebGPU?",
      "and Safari?",
    ]);
    expect(harness.api.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("continues a thread it answered when a plain follow-up arrives there, and ignores other threads", async () => {
    await harness.postEvent(eventEnvelope(appMention()));
    await harness.api.waitFor(() => answers(harness)[0]);

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
    await harness.api.waitFor(() => answers(harness)[1]);
    await settle(150);

    expect(
      harness.service.answerRequests.map((request) => [request.question, request.conversationId]),
    ).toEqual([
      ["what happened with WebGPU?", "slack:CGENERAL:1721000000.000100"],
      ["and Safari?", "slack:CGENERAL:1721000000.000100"],
    ]);
    expect(harness.api.callsTo("chat.postMessage")[1]?.params.thread_ts).toBe("1721000000.000100");
  });

  it("answers a direct message in the DM, top level: a placeholder, then the answer in its place", async () => {
    await harness.postEvent(eventEnvelope(directMessage()));
    const answer = await harness.api.waitFor(() => answers(harness)[0]);
    const placeholder = harness.api.callsTo("chat.postMessage")[0];
    expect(placeholder?.params).toMatchObject({ channel: "DHUMAN1", text: en.searching });
    expect(placeholder?.params).not.toHaveProperty("thread_ts");
    expect(answer.method).toBe("chat.update");
    expect(answer.params.ts).toBe(placeholder?.response?.body.ts);
    expect(harness.service.answerRequests[0]?.conversationId).toBe("slack:DHUMAN1");
  });

  it("answers a DM sent in a thread (the assistant panel) inside that thread, with a title and status", async () => {
    await harness.postEvent(
      eventEnvelope(directMessage({ ts: "1721000005.000600", thread_ts: "1721000004.000000" })),
    );
    await harness.api.waitFor(() => answers(harness)[0]);
    expect(harness.api.callsTo("chat.postMessage")[0]?.params.thread_ts).toBe("1721000004.000000");
    expect(harness.api.callsTo("assistant.threads.setTitle")[0]?.params).toMatchObject({
      channel_id: "DHUMAN1",
      thread_ts: "1721000004.000000",
      title: "what happened with WebGPU?",
    });
    expect(harness.api.callsTo("assistant.threads.setStatus")).toHaveLength(1);
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
    await harness.postEvent(
      eventEnvelope(directMessage({ ts: "1721000005.000600", thread_ts: "1721000004.000000" })),
    );
    await settle(200);
    expect(harness.service.answerRequests).toHaveLength(0);
    expect(harness.api.callsTo("chat.postMessage")).toHaveLength(0);

    await harness.postEvent(eventEnvelope(appMention({ channel: "CALLOWED" })));
    await harness.api.waitFor(() => answers(harness)[0]);
    expect(harness.api.callsTo("chat.postMessage").map((call) => call.params.channel)).toEqual(["CALLOWED"]);
  });

  it("answers /brief ephemerally: the ack says it is searching, the answer replaces it", async () => {
    let release: () => void = () => {};
    harness.service.answerWith = async (request) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return answerFixture({ question: request.question });
    };
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
    expect(ack.status).toBe(200);
    expect(JSON.parse(ack.text)).toMatchObject({ response_type: "ephemeral", text: en.searching });
    expect(harness.api.responseUrlPosts).toHaveLength(0);

    release();
    const post = await harness.api.waitFor(() => harness.api.responseUrlPosts[0]);
    expect(post.path).toBe("/response/cmd-1");
    expect(post.body).toMatchObject({ response_type: "ephemeral", replace_original: true });
    expect(markdownTexts(post.body)).toEqual(["WebGPU shipped in Firefox 141 \\[1\\]."]);
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

  it("records feedback_buttons clicks with question, answer and chunk ids; the last click counts", async () => {
    await harness.postEvent(eventEnvelope(appMention()));
    const answer = await harness.api.waitFor(() => answers(harness)[0]);
    const feedback = blocksOf(answer.params).find(
      (block): block is ContextActionsBlock => block.type === "context_actions",
    );
    const buttons = feedback?.elements[0];
    const answerTs = answer.response?.body.ts;

    const click = (value: string | undefined, id: string) => ({
      type: "block_actions",
      user: { id: "UHUMAN2", username: "someone", team_id: "T0000TEAM" },
      api_app_id: "A0000APP",
      team: { id: "T0000TEAM", domain: "test" },
      container: { type: "message", message_ts: answerTs, channel_id: "CGENERAL", is_ephemeral: false },
      channel: { id: "CGENERAL", name: "general" },
      message: { type: "message", ts: answerTs, thread_ts: "1721000000.000100", text: "WebGPU…" },
      trigger_id: "trigger-2",
      response_url: harness.api.responseUrl(id),
      actions: [
        {
          type: "feedback_buttons",
          block_id: "feedback",
          action_id: "answer_feedback",
          value,
          action_ts: "1721000010.000000",
        },
      ],
    });
    expect(
      (await harness.postForm({ payload: JSON.stringify(click(buttons?.positive_button.value, "c1")) }))
        .status,
    ).toBe(200);
    await harness.api.waitFor(() => harness.api.responseUrlPosts[0]);
    await harness.postForm({ payload: JSON.stringify(click(buttons?.negative_button.value, "c2")) });
    await harness.api.waitFor(() => harness.api.responseUrlPosts[1]);

    expect(harness.api.responseUrlPosts.map((post) => post.body)).toEqual([
      expect.objectContaining({
        response_type: "ephemeral",
        replace_original: false,
        text: en.feedbackRecorded("up"),
      }),
      expect.objectContaining({ text: en.feedbackRecorded("down") }),
    ]);
    const entry = {
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      platform: "slack",
      user: "UHUMAN2",
      conversationId: "slack:CGENERAL:1721000000.000100",
      question: "what happened with WebGPU?",
      answer: "WebGPU shipped in Firefox 141 [1].",
      chunkIds: ["chunk-webgpu-1"],
    };
    expect(harness.service.feedback).toEqual([
      { ...entry, rating: "up" },
      { ...entry, rating: "down" },
    ]);
  });

  it("streams a generated answer with chat.startStream/appendStream/stopStream, then updates it to the final message", async () => {
    harness.service.answerWith = async (request) => {
      for (let index = 1; index <= 6; index += 1) {
        request.onPartial?.(`${"Streamed words ".repeat(index * 10)}`);
        await settle(30);
      }
      return answerFixture({ answerer: "openai", text: "Final streamed answer [1]." });
    };
    await harness.postEvent(eventEnvelope(appMention()));
    const final = await harness.api.waitFor(() => answers(harness)[0]);
    const [start] = harness.api.callsTo("chat.startStream");
    expect(start?.params).toMatchObject({
      channel: "CGENERAL",
      thread_ts: "1721000000.000100",
      recipient_user_id: "UHUMAN1",
      recipient_team_id: "T0000TEAM",
    });
    expect(harness.api.callsTo("chat.appendStream").length).toBeGreaterThan(0);
    const [stop] = harness.api.callsTo("chat.stopStream");
    const streamTs = String(start?.response?.body.ts);
    expect(harness.api.messages.get(streamTs)?.streamed.trim()).toBe("Streamed words ".repeat(60).trim());
    expect(stop?.atMs).toBeLessThanOrEqual(final.atMs);
    expect(final.method).toBe("chat.update");
    expect(final.params.ts).toBe(streamTs);
    expect(markdownTexts(final.params)).toEqual(["Final streamed answer \\[1\\]."]);
    expect(contextTexts(final.params)).toHaveLength(1);
    expect(harness.api.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("without Slack's streaming methods, posts the partial text and edits it with throttled chat.update", async () => {
    harness.api.supportsStreaming = false;
    harness.service.answerWith = async (request) => {
      for (let index = 1; index <= 12; index += 1) {
        request.onPartial?.(`${"Part of the answer ".repeat(index * 12)}`);
        await settle(50);
      }
      return answerFixture({ answerer: "openai", text: "Final streamed answer [1]." });
    };
    await harness.postEvent(eventEnvelope(appMention()));
    const final = await harness.api.waitFor(() => answers(harness)[0]);
    expect(harness.api.callsTo("chat.startStream")[0]?.response?.body.error).toBe("unknown_method");
    const [posted] = harness.api.callsTo("chat.postMessage");
    expect(String(posted?.params.text)).toMatch(/^(Part of the answer ?)+$/);
    const updates = harness.api.callsTo("chat.update");
    const partials = updates.slice(0, -1);
    // 12 partials over ~600 ms or more with a 200 ms interval: a few edits, fewer than 12 (a slower
    // machine only means fewer). Timing itself belongs in the benchmark, not here.
    expect(partials.length).toBeLessThanOrEqual(6);
    for (const partial of partials) expect(String(partial.params.text)).toMatch(/^(Part of the answer ?)+$/);
    expect(final.params.ts).toBe(posted?.response?.body.ts);
    expect(markdownTexts(final.params)).toEqual(["Final streamed answer \\[1\\]."]);
  });

  it("posts an apology in the thread when the service fails", async () => {
    harness.service.answerWith = async () => {
      throw new Error("store unreadable");
    };
    await harness.postEvent(eventEnvelope(appMention()));
    const apology = await harness.api.waitFor(() => harness.api.callsTo("chat.postMessage")[0]);
    expect(apology.params.text).toBe(en.apology);
    expect(apology.params.thread_ts).toBe("1721000000.000100");
    expect(blocksOf(apology.params).some((block) => block.type === "context_actions")).toBe(false);
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
    expect(answers(harness)).toHaveLength(1);
    expect(harness.service.answerRequests).toHaveLength(1);
  });

  it("replaces streamed partial text with an apology when the answer fails part-way", async () => {
    harness.service.answerWith = async (request) => {
      request.onPartial?.("The first half of an answer, long enough to be sent to Slack at once. ".repeat(4));
      await settle(350);
      throw new Error("model connection reset");
    };
    await harness.postEvent(eventEnvelope(appMention()));
    const apology = await harness.api.waitFor(() =>
      harness.api.callsTo("chat.update").find((call) => String(call.params.text).startsWith("Sorry")),
    );
    const streamTs = harness.api.callsTo("chat.startStream")[0]?.response?.body.ts;
    expect(apology.params.ts).toBe(streamTs);
    expect(harness.api.callsTo("chat.stopStream")).toHaveLength(1);
  });

  it("waits out a 429 Retry-After and retries a 5xx before posting", async () => {
    harness.api.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    harness.api.failNext("assistant.threads.setStatus", { status: 503 });
    await harness.postEvent(eventEnvelope(appMention()));
    await harness.api.waitFor(() => answers(harness)[0], 5_000);

    const posts = harness.api.callsTo("chat.postMessage");
    expect(posts).toHaveLength(2);
    expect((posts[1]?.atMs ?? 0) - (posts[0]?.atMs ?? 0)).toBeGreaterThanOrEqual(950);
    expect(harness.api.callsTo("assistant.threads.setStatus")).toHaveLength(2);
    expect(markdownTexts(posts[1]?.params ?? {})).toEqual(["WebGPU shipped in Firefox 141 \\[1\\]."]);
  });
});
