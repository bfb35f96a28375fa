import { describe, expect, it } from "vitest";
import {
  type FeedbackClick,
  feedbackClickFromBody,
  feedbackEntryFor,
} from "../../../adapters/slack/feedback-click.ts";
import { encodeFeedbackReference } from "../../../adapters/slack/feedback-reference.ts";
import { RecentAnswers } from "../../../adapters/slack/recent-answers.ts";
import { MemoryStateStore } from "../../../src/state/memory-state.ts";

const now = new Date("2025-03-04T05:06:07.000Z");

function click(overrides: Partial<FeedbackClick> = {}): FeedbackClick {
  return {
    actionId: "feedback_down",
    value: undefined,
    user: "U9",
    channel: "C1",
    messageTs: "200.2",
    threadTs: "100.1",
    messageText: "Shown answer",
    ...overrides,
  };
}

describe("feedbackEntryFor", () => {
  it("uses the remembered question, answer and chunk ids, whichever replica remembered them", async () => {
    const state = new MemoryStateStore();
    const ref = await new RecentAnswers(state).remember({
      conversationId: "slack:C1:100.1",
      question: "Q?",
      answer: "A [1].",
      chunkIds: ["x", "y"],
    });
    const value = encodeFeedbackReference({ ref, chunkIds: ["x"] });
    const otherReplica = new RecentAnswers(state);
    expect(await feedbackEntryFor(click({ actionId: "feedback_up", value }), otherReplica, now)).toEqual({
      at: "2025-03-04T05:06:07.000Z",
      platform: "slack",
      user: "U9",
      conversationId: "slack:C1:100.1",
      rating: "up",
      question: "Q?",
      answer: "A [1].",
      chunkIds: ["x", "y"],
    });
  });

  it.each([
    {
      name: "forgotten answer: chunk ids from the button, answer from the message",
      input: click({ value: encodeFeedbackReference({ ref: "gone", chunkIds: ["x"] }) }),
      expected: {
        conversationId: "slack:C1:100.1",
        question: "",
        answer: "Shown answer",
        chunkIds: ["x"],
        rating: "down",
      },
    },
    {
      name: "foreign value, top-level message",
      input: click({ value: "nonsense", threadTs: undefined }),
      expected: {
        conversationId: "slack:C1:200.2",
        question: "",
        answer: "Shown answer",
        chunkIds: [],
        rating: "down",
      },
    },
    {
      name: "ephemeral message: no channel, no message",
      input: click({ channel: undefined, messageTs: undefined, threadTs: undefined, messageText: undefined }),
      expected: { conversationId: "slack:unknown", question: "", answer: "", chunkIds: [], rating: "down" },
    },
  ])("$name", async ({ input, expected }) => {
    expect(await feedbackEntryFor(input, new RecentAnswers(new MemoryStateStore()), now)).toMatchObject(
      expected,
    );
  });
});

describe("RecentAnswers", () => {
  it("forgets answers after their time to live", async () => {
    let clock = 0;
    const memory = new RecentAnswers(new MemoryStateStore({ now: () => clock }), { ttlMs: 1_000 });
    const old = await memory.remember({ conversationId: "c", question: "a", answer: "", chunkIds: [] });
    clock = 600;
    const recent = await memory.remember({ conversationId: "c", question: "b", answer: "", chunkIds: [] });
    clock = 1_200;
    expect(await memory.recall(old)).toBeUndefined();
    expect((await memory.recall(recent))?.question).toBe("b");
  });
});

describe("feedbackClickFromBody", () => {
  it("reads a block_actions payload", () => {
    expect(
      feedbackClickFromBody({
        type: "block_actions",
        user: { id: "U9" },
        channel: { id: "C1" },
        message: { ts: "200.2", thread_ts: "100.1", text: "hi" },
        actions: [{ action_id: "feedback_up", value: "v" }],
      }),
    ).toEqual({
      actionId: "feedback_up",
      value: "v",
      user: "U9",
      channel: "C1",
      messageTs: "200.2",
      threadTs: "100.1",
      messageText: "hi",
    });
  });

  it.each([{}, { user: { id: "U" }, actions: [] }, { actions: [{ action_id: "x" }] }])(
    "null for %j",
    (body) => {
      expect(feedbackClickFromBody(body)).toBeNull();
    },
  );
});
