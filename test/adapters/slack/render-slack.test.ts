import { describe, expect, it } from "vitest";
import {
  decodeFeedbackReference,
  encodeFeedbackReference,
} from "../../../adapters/slack/feedback-reference.ts";
import { escapeMrkdwn, mrkdwnLink } from "../../../adapters/slack/mrkdwn.ts";
import {
  citationLine,
  relatedLine,
  renderAnswer,
  renderNotice,
  renderPartial,
} from "../../../adapters/slack/render-slack.ts";
import type { ContextBlock, SectionBlock, SlackBlock } from "../../../adapters/slack/slack-blocks.ts";
import { splitText } from "../../../adapters/slack/split-text.ts";
import type { Citation, RelatedStory } from "../../../src/answer/answer-types.ts";
import { answerFixture } from "./slack-test-harness.ts";

function citation(overrides: Partial<Citation> = {}): Citation {
  return {
    n: 1,
    id: "c1",
    docId: "d1",
    publication: "TLDR",
    title: "TLDR 2025-01-02",
    story: "Deno 2 released",
    date: "2025-01-02",
    url: "https://example.com/deno",
    path: "x.eml",
    quote: "q",
    ...overrides,
  };
}

function related(overrides: Partial<RelatedStory> = {}): RelatedStory {
  return {
    publication: "Node Weekly",
    title: "Issue 500",
    story: "npm 11",
    date: null,
    url: null,
    ...overrides,
  };
}

const sections = (blocks: SlackBlock[]) =>
  blocks.filter((block): block is SectionBlock => block.type === "section").map((block) => block.text.text);
const contexts = (blocks: SlackBlock[]) =>
  blocks.filter((block): block is ContextBlock => block.type === "context");

describe("escapeMrkdwn", () => {
  it.each([
    ["plain", "plain"],
    ["a & b", "a &amp; b"],
    ["<script>", "&lt;script&gt;"],
    ["<@U123> &amp;", "&lt;@U123&gt; &amp;amp;"],
    ["*bold* stays", "*bold* stays"],
  ])("%j → %j", (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });
});

describe("mrkdwnLink", () => {
  it.each([
    ["https://a.example/x", "Title", "<https://a.example/x|Title>"],
    ["https://a.example/?q=1&r=2", "A & B", "<https://a.example/?q=1&amp;r=2|A &amp; B>"],
    ["https://a.example/a|b", "x", "<https://a.example/a%7Cb|x>"],
    ["https://a.example/", "<b>", "<https://a.example/|&lt;b&gt;>"],
  ])("%s + %j", (url, label, expected) => {
    expect(mrkdwnLink(url, label)).toBe(expected);
  });
});

describe("splitText", () => {
  it.each([
    { name: "short text stays whole", text: "hello", max: 20, expected: ["hello"] },
    {
      name: "prefers paragraph breaks",
      text: "first paragraph here\n\nsecond one",
      max: 25,
      expected: ["first paragraph here", "second one"],
    },
    {
      name: "then line breaks",
      text: "line one is here\nline two is here",
      max: 20,
      expected: ["line one is here", "line two is here"],
    },
    {
      name: "then spaces",
      text: "aaaa bbbb cccc dddd eeee",
      max: 16,
      expected: ["aaaa bbbb cccc", "dddd eeee"],
    },
    {
      name: "hard cut never splits an entity",
      text: `${"x".repeat(14)}&amp;yyyy`,
      max: 16,
      expected: ["x".repeat(14), "&amp;yyyy"],
    },
  ])("$name", ({ text, max, expected }) => {
    const pieces = splitText(text, max);
    expect(pieces).toEqual(expected);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(max);
  });
});

describe("citationLine / relatedLine", () => {
  it.each([
    {
      name: "linked with date",
      input: citation(),
      expected: "<https://example.com/deno|[1] TLDR — Deno 2 released>, 2025-01-02",
    },
    {
      name: "no date",
      input: citation({ date: null, n: 3 }),
      expected: "<https://example.com/deno|[3] TLDR — Deno 2 released>",
    },
    {
      name: "no URL → plain text",
      input: citation({ url: null }),
      expected: "[1] TLDR — Deno 2 released, 2025-01-02",
    },
    {
      name: "non-http URL → plain text",
      input: citation({ url: "javascript:alert(1)", date: null }),
      expected: "[1] TLDR — Deno 2 released",
    },
    {
      name: "label is escaped",
      input: citation({ publication: "R&D <Weekly>", story: "a > b", date: null }),
      expected: "<https://example.com/deno|[1] R&amp;D &lt;Weekly&gt; — a &gt; b>",
    },
    {
      name: "empty story falls back to the issue title",
      input: citation({ story: " ", date: null, url: null }),
      expected: "[1] TLDR — TLDR 2025-01-02",
    },
  ])("$name", ({ input, expected }) => {
    expect(citationLine(input)).toBe(expected);
  });

  it.each([
    { input: related(), expected: "Node Weekly — npm 11" },
    {
      input: related({ url: "https://n.example/1", date: "2025-02-03" }),
      expected: "<https://n.example/1|Node Weekly — npm 11>, 2025-02-03",
    },
  ])("related → $expected", ({ input, expected }) => {
    expect(relatedLine(input)).toBe(expected);
  });
});

describe("renderAnswer", () => {
  it("renders sections, one context line per source, feedback buttons and a text fallback", () => {
    const value = encodeFeedbackReference({ ref: "r1", chunkIds: ["chunk-webgpu-1"] });
    const message = renderAnswer(
      answerFixture({ text: "First para with <tags> & more [1].\n\nSecond para." }),
      { feedbackValue: value },
    );
    expect(message.blocks.map((block) => block.type)).toEqual(["section", "divider", "context", "actions"]);
    expect(sections(message.blocks)).toEqual([
      "First para with &lt;tags&gt; &amp; more [1].\n\nSecond para.",
    ]);
    expect(contexts(message.blocks)[0]?.elements[0]?.text).toBe(
      "<https://example.com/webgpu?a=1&amp;b=2|[1] Frontend Focus — Firefox ships WebGPU>, 2025-07-22",
    );
    const actions = message.blocks.at(-1);
    expect(actions).toEqual({
      type: "actions",
      block_id: "feedback",
      elements: [
        {
          type: "button",
          action_id: "feedback_up",
          text: { type: "plain_text", text: "👍", emoji: true },
          value,
        },
        {
          type: "button",
          action_id: "feedback_down",
          text: { type: "plain_text", text: "👎", emoji: true },
          value,
        },
      ],
    });
    expect(message.text).toBe(
      "First para with &lt;tags&gt; &amp; more [1].\n\nSecond para.\n\nSources:\n" +
        "[1] Frontend Focus — Firefox ships WebGPU, 2025-07-22, https://example.com/webgpu?a=1&amp;b=2",
    );
  });

  it("omits buttons without a feedback value", () => {
    expect(renderAnswer(answerFixture()).blocks.some((block) => block.type === "actions")).toBe(false);
  });

  it.each([
    { name: "no related stories", relatedStories: [], expectedContexts: 0 },
    {
      name: "two related stories",
      relatedStories: [related(), related({ story: "pnpm 10" })],
      expectedContexts: 2,
    },
  ])(
    "not answered, $name: says the briefs do not cover it and lists related stories",
    ({ relatedStories, expectedContexts }) => {
      const message = renderAnswer(
        answerFixture({
          answered: false,
          text: "The briefs do not cover Zig 1.0.",
          citations: [],
          related: relatedStories,
        }),
      );
      const texts = sections(message.blocks);
      expect(texts[0]).toBe("The briefs do not cover Zig 1.0.");
      expect(contexts(message.blocks)).toHaveLength(expectedContexts);
      if (expectedContexts > 0) {
        expect(texts[1]).toBe("*Related stories in the briefs:*");
        expect(message.text).toContain("Related stories:\nNode Weekly — npm 11");
      }
    },
  );

  it("falls back to a standard sentence when a not-answered text is empty", () => {
    const message = renderAnswer(answerFixture({ answered: false, text: "", citations: [] }));
    expect(sections(message.blocks)).toEqual(["The briefs do not cover that."]);
  });

  it.each([
    { name: "long answer", paragraphs: 40, paragraphLength: 900, citations: 3 },
    { name: "huge answer and many sources", paragraphs: 400, paragraphLength: 900, citations: 60 },
    { name: "one unbroken word", paragraphs: 1, paragraphLength: 10_000, citations: 1 },
  ])(
    "$name: every section < 3000 chars and at most 50 blocks",
    ({ paragraphs, paragraphLength, citations }) => {
      const text = Array.from({ length: paragraphs }, (_, index) =>
        `${index}&`.repeat(Math.ceil(paragraphLength / 3)).slice(0, paragraphLength),
      ).join("\n\n");
      const answer = answerFixture({
        text,
        citations: Array.from({ length: citations }, (_, index) =>
          citation({ n: index + 1, id: `c${index}` }),
        ),
      });
      const message = renderAnswer(answer, { feedbackValue: "{}" });
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      for (const section of sections(message.blocks)) expect(section.length).toBeLessThan(3000);
      for (const context of contexts(message.blocks)) expect(context.elements.length).toBeLessThanOrEqual(10);
      expect(message.blocks.at(-1)?.type).toBe("actions");
      const sourceLines = contexts(message.blocks).flatMap((block) => block.elements);
      expect(sourceLines).toHaveLength(citations);
      expect(message.text.length).toBeLessThan(4000);
      // Escaping happens before splitting: no piece ends in a broken entity.
      for (const section of sections(message.blocks)) expect(section).not.toMatch(/&(a|am|amp)?$/);
    },
  );
});

describe("renderPartial / renderNotice", () => {
  it("marks streaming text as unfinished and escapes it", () => {
    expect(renderPartial("So far <b> & ")).toEqual({
      text: "So far &lt;b&gt; &amp; …",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "So far &lt;b&gt; &amp; …" } }],
    });
  });

  it("keeps a very long partial inside one section", () => {
    const partial = renderPartial("word ".repeat(2_000));
    expect(partial.blocks).toHaveLength(1);
    expect(partial.text.length).toBeLessThan(3000);
  });

  it("renders a notice as one escaped section", () => {
    expect(renderNotice("a < b")).toEqual({
      text: "a &lt; b",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "a &lt; b" } }],
    });
  });
});

describe("feedback reference", () => {
  it.each([
    { ref: "abc", chunkIds: [] },
    { ref: "abc", chunkIds: ["x", "y|z", 'q,"r'] },
  ])("round-trips $chunkIds", (reference) => {
    expect(decodeFeedbackReference(encodeFeedbackReference(reference))).toEqual(reference);
  });

  it("drops trailing chunk ids to stay within Slack's 2000-char button value", () => {
    const chunkIds = Array.from({ length: 100 }, (_, index) => `${"h".repeat(60)}${index}`);
    const value = encodeFeedbackReference({ ref: "r", chunkIds });
    expect(value.length).toBeLessThanOrEqual(2000);
    const decoded = decodeFeedbackReference(value);
    expect(decoded?.chunkIds.length).toBeGreaterThan(20);
    expect(decoded?.chunkIds).toEqual(chunkIds.slice(0, decoded?.chunkIds.length));
  });

  it.each([undefined, "", "not json", "[]", '{"c":["x"]}', "null"])("rejects %j", (value) => {
    expect(decodeFeedbackReference(value)).toBeNull();
  });
});
