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
import type {
  ContextActionsBlock,
  ContextBlock,
  SectionBlock,
  SlackBlock,
} from "../../../adapters/slack/slack-blocks.ts";
import { splitText } from "../../../adapters/slack/split-text.ts";
import { en } from "../../../adapters/texts/en.ts";
import { zh } from "../../../adapters/texts/zh.ts";
import type { Citation, RelatedStory } from "../../../src/answer/answer-types.ts";
import { blockErrors } from "../../wire/slack-rules.ts";
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
  it("renders a markdown body, one context line per source with its quote, feedback buttons and a text fallback", () => {
    const message = renderAnswer(
      answerFixture({ text: "First para with <tags> & *stars* more [1].\n\nSecond para." }),
      en,
      { feedback: { ref: "r1", chunkIds: ["chunk-webgpu-1"] } },
    );
    expect(message.blocks.map((block) => block.type)).toEqual([
      "markdown",
      "divider",
      "context",
      "context_actions",
    ]);
    expect(message.blocks[0]).toEqual({
      type: "markdown",
      text: "First para with &lt;tags&gt; &amp; \\*stars\\* more \\[1\\].\n\nSecond para.",
    });
    expect(contexts(message.blocks)[0]?.elements[0]?.text).toBe(
      "<https://example.com/webgpu?a=1&amp;b=2|[1] Frontend Focus — Firefox ships WebGPU>, 2025-07-22\n" +
        "“Firefox 141 ships WebGPU on Windows.”",
    );
    const feedback = message.blocks.at(-1) as ContextActionsBlock;
    const buttons = feedback.elements[0];
    expect(buttons?.type).toBe("feedback_buttons");
    expect(buttons?.positive_button.text.text).toBe("👍");
    expect(decodeFeedbackReference(buttons?.positive_button.value)).toEqual({
      ref: "r1",
      chunkIds: ["chunk-webgpu-1"],
      rating: "up",
      language: "en",
    });
    expect(decodeFeedbackReference(buttons?.negative_button.value)?.rating).toBe("down");
    expect(message.text).toBe(
      "First para with &lt;tags&gt; &amp; *stars* more [1].\n\nSecond para.\n\nSources:\n" +
        "[1] Frontend Focus — Firefox ships WebGPU, 2025-07-22, https://example.com/webgpu?a=1&amp;b=2",
    );
    expect(blockErrors(message.blocks)).toEqual([]);
  });

  it("uses the asker's language for headings, fallback and button labels", () => {
    const message = renderAnswer(
      answerFixture({ lang: "zh", text: "火狐发布了 WebGPU [1]。", related: [related()] }),
      zh,
      { feedback: { ref: "r", chunkIds: [] } },
    );
    expect(message.text).toContain("来源:");
    expect(sections(message.blocks)).toContain(`*${zh.closestStoriesHeading}*`);
    const buttons = (message.blocks.at(-1) as ContextActionsBlock).elements[0];
    expect(buttons?.positive_button.accessibility_label).toBe(zh.feedbackLabels.helpful);
  });

  it("omits buttons without a feedback reference", () => {
    expect(renderAnswer(answerFixture(), en).blocks.some((block) => block.type === "context_actions")).toBe(
      false,
    );
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
          coverage: "none",
          text: "The briefs do not cover Zig 1.0.",
          citations: [],
          related: relatedStories,
        }),
        en,
      );
      expect(message.blocks[0]).toEqual({ type: "markdown", text: "The briefs do not cover Zig 1.0." });
      expect(contexts(message.blocks)).toHaveLength(expectedContexts);
      if (expectedContexts > 0) {
        expect(sections(message.blocks)[0]).toBe("*Related stories in the briefs*");
        expect(message.text).toContain("Related stories in the briefs:\nNode Weekly — npm 11");
      }
    },
  );

  it("falls back to a standard sentence when a not-answered text is empty", () => {
    const message = renderAnswer(
      answerFixture({ answered: false, coverage: "none", text: "", citations: [] }),
      zh,
    );
    expect(message.blocks[0]).toEqual({ type: "markdown", text: zh.notCovered });
  });

  it.each([
    { name: "long answer", paragraphs: 40, paragraphLength: 900, citations: 3, lang: "en" },
    {
      name: "huge answer and many sources",
      paragraphs: 400,
      paragraphLength: 900,
      citations: 60,
      lang: "en",
    },
    { name: "huge Chinese answer", paragraphs: 300, paragraphLength: 900, citations: 10, lang: "zh" },
    { name: "one unbroken word", paragraphs: 1, paragraphLength: 30_000, citations: 1, lang: "en" },
  ] as const)(
    "$name: passes Slack's block rules (50 blocks, 3000 per section, 12,000 markdown)",
    ({ paragraphs, paragraphLength, citations, lang }) => {
      const unit = lang === "zh" ? "芯片*&" : "0&*";
      const text = Array.from({ length: paragraphs }, (_, index) =>
        `${index}${unit}`.repeat(Math.ceil(paragraphLength / 3)).slice(0, paragraphLength),
      ).join("\n\n");
      const answer = answerFixture({
        lang,
        text,
        citations: Array.from({ length: citations }, (_, index) =>
          citation({ n: index + 1, id: `c${index}`, quote: "A long quoted sentence & more. ".repeat(40) }),
        ),
      });
      const message = renderAnswer(answer, lang === "zh" ? zh : en, { feedback: { ref: "r", chunkIds: [] } });
      expect(blockErrors(message.blocks)).toEqual([]);
      expect(message.blocks.at(-1)?.type).toBe("context_actions");
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
      text: "So far &lt;b&gt; &amp;",
      blocks: [{ type: "markdown", text: "So far &lt;b&gt; &amp; …" }],
    });
  });

  it("keeps a very long partial inside one markdown block within the limits", () => {
    const partial = renderPartial("word* ".repeat(5_000));
    expect(partial.blocks).toHaveLength(1);
    expect(blockErrors(partial.blocks)).toEqual([]);
  });

  it("renders a notice as one escaped section", () => {
    expect(renderNotice("a < b")).toEqual({
      text: "a &lt; b",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "a &lt; b" } }],
    });
  });
});

describe("the fake's Slack rules", () => {
  it.each([
    ["51 blocks", Array.from({ length: 51 }, () => ({ type: "divider" }))],
    ["a 3001-character section", [{ type: "section", text: { type: "mrkdwn", text: "x".repeat(3001) } }]],
    [
      "12,001 markdown characters",
      [
        { type: "markdown", text: "x".repeat(6001) },
        { type: "markdown", text: "x".repeat(6000) },
      ],
    ],
    ["an unknown block", [{ type: "fancy" }]],
    ["an empty context", [{ type: "context", elements: [] }]],
    [
      "feedback buttons without a value",
      [
        {
          type: "context_actions",
          elements: [
            {
              type: "feedback_buttons",
              action_id: "a",
              positive_button: { text: { type: "plain_text", text: "y" } },
              negative_button: { text: { type: "plain_text", text: "n" }, value: "n" },
            },
          ],
        },
      ],
    ],
  ])("refuses %s", (_name, blocks) => {
    expect(blockErrors(blocks).length).toBeGreaterThan(0);
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
