import { describe, expect, it } from "vitest";
import {
  renderAnswer,
  renderClosestStories,
  renderDraft,
  renderFullPassages,
} from "../../../adapters/telegram/render-telegram.ts";
import { en } from "../../../adapters/texts/en.ts";
import { textsFor } from "../../../adapters/texts/languages.ts";
import { zh } from "../../../adapters/texts/zh.ts";
import type { Answer, Citation } from "../../../src/answer/answer-types.ts";

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    id: `c${n}`,
    docId: `d${n}`,
    publication: "AI Weekly",
    title: "Issue 12",
    story: `Story ${n}`,
    date: "2025-05-01",
    url: `https://example.com/${n}`,
    path: `data/${n}.md`,
    quote: "",
    ...overrides,
  };
}

function answer(overrides: Partial<Answer>): Answer {
  return {
    question: "q",
    answered: true,
    coverage: "full",
    text: "Answer [1].",
    lang: "en",
    citations: [citation(1)],
    related: [],
    answerer: "extractive",
    ...overrides,
  };
}

describe("renderAnswer", () => {
  it.each([
    {
      name: "text with markers and a linked source",
      input: answer({}),
      expected: [
        'Answer [1].\n\n<b>Sources</b>\n[1] AI Weekly — <a href="https://example.com/1">Story 1</a>, 2025-05-01',
      ],
    },
    {
      name: "escapes & < > in text, publication, story, and quotes in href",
      input: answer({
        text: 'Use <b> & "quotes" [1]',
        citations: [
          citation(1, { publication: "A&B <Weekly>", story: "x < y", url: 'https://e.com/?q="a"&b=<c>' }),
        ],
      }),
      expected: [
        'Use &lt;b&gt; &amp; "quotes" [1]\n\n<b>Sources</b>\n' +
          '[1] A&amp;B &lt;Weekly&gt; — <a href="https://e.com/?q=&quot;a&quot;&amp;b=&lt;c&gt;">x &lt; y</a>, 2025-05-01',
      ],
    },
    {
      name: "no link without URL, no date without date, issue title when story is empty",
      input: answer({ citations: [citation(1, { url: null, date: null, story: " ", title: "Issue 9" })] }),
      expected: ["Answer [1].\n\n<b>Sources</b>\n[1] AI Weekly — Issue 9"],
    },
    {
      name: "an unsafe URL scheme is not linked",
      input: answer({ citations: [citation(1, { url: "javascript:alert(1)" })] }),
      expected: ["Answer [1].\n\n<b>Sources</b>\n[1] AI Weekly — Story 1, 2025-05-01"],
    },
    {
      name: "sources in citation order, duplicates once",
      input: answer({ text: "A [2] B [1]", citations: [citation(2), citation(1), citation(2)] }),
      expected: [
        "A [2] B [1]\n\n<b>Sources</b>\n" +
          '[1] AI Weekly — <a href="https://example.com/1">Story 1</a>, 2025-05-01\n' +
          '[2] AI Weekly — <a href="https://example.com/2">Story 2</a>, 2025-05-01',
      ],
    },
    {
      name: "not answered: the text, then related stories",
      input: answer({
        answered: false,
        coverage: "none",
        text: "The briefs do not cover Mars.",
        citations: [],
        related: [
          { publication: "Space & Co", title: "Issue 3", story: "Moon", date: null, url: "https://s.com/m" },
        ],
      }),
      expected: [
        'The briefs do not cover Mars.\n\n<b>Related stories in the briefs</b>\n• Space &amp; Co — <a href="https://s.com/m">Moon</a>',
      ],
    },
    {
      name: "not answered with empty text still says so",
      input: answer({ answered: false, coverage: "none", text: "", citations: [], related: [] }),
      expected: ["The briefs do not cover this."],
    },
    {
      name: "Chinese answers get Chinese headings",
      input: answer({ lang: "zh", text: "阿里发布了 Qwen 3 [1]。" }),
      expected: [
        '阿里发布了 Qwen 3 [1]。\n\n<b>来源</b>\n[1] AI Weekly — <a href="https://example.com/1">Story 1</a>, 2025-05-01',
      ],
    },
  ])("$name", ({ input, expected }) => {
    expect(renderAnswer(input, textsFor(input.lang))).toEqual(expected);
  });

  it("splits long answers into parts within the limit, between paragraphs", () => {
    const paragraph = "word & word ".repeat(30).trim();
    const text = Array.from({ length: 10 }, () => paragraph).join("\n\n");
    const parts = renderAnswer(answer({ text }), en, 1000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1000);
      // Each part starts at a paragraph (or at the sources heading), never mid-sentence.
      expect(part.startsWith("word") || part.startsWith("<b>Sources</b>")).toBe(true);
      // Never a broken entity at a boundary.
      expect(part).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
    }
    expect(parts.at(-1)).toContain("<b>Sources</b>");
  });

  it("cuts a single huge paragraph without breaking entities or tags", () => {
    const text = "&<>".repeat(2000);
    const parts = renderAnswer(answer({ text }), en, 500);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(500);
      expect(part).not.toMatch(/&(?!amp;|lt;|gt;)|&(amp|lt|gt)$/);
    }
    const body = parts.join("").split("<b>Sources</b>")[0] ?? "";
    expect(body.replace(/\s/g, "")).toBe("&amp;&lt;&gt;".repeat(2000));
  });
});

describe("evidence under each source", () => {
  const passage =
    "Chip makers met in Taipei. Alibaba released Qwen 3 with open weights under Apache 2.0. Prices fell.";

  it("quotes the passage sentence the answer relies on, in an expandable blockquote", () => {
    const [part] = renderAnswer(
      answer({
        text: "Alibaba released Qwen 3 with open weights [1].",
        citations: [citation(1, { quote: passage })],
      }),
      en,
    );
    expect(part).toContain(
      '[1] AI Weekly — <a href="https://example.com/1">Story 1</a>, 2025-05-01\n' +
        "<blockquote expandable>Alibaba released Qwen 3 with open weights under Apache 2.0.</blockquote>",
    );
  });

  it("escapes the quote like the rest of the message", () => {
    const [part] = renderAnswer(answer({ citations: [citation(1, { quote: "A <b> & c." })] }), en);
    expect(part).toContain("<blockquote expandable>A &lt;b&gt; &amp; c.</blockquote>");
  });

  it("a partial answer keeps its sources; an uncovered one shows related stories instead", () => {
    const related = [{ publication: "P", title: "T", story: "S", date: null, url: null }];
    const partial = renderAnswer(answer({ answered: false, coverage: "partial", related }), zh)[0];
    expect(partial).toContain(`<b>${zh.sourcesHeading}</b>`);
    expect(partial).not.toContain(zh.relatedHeading);
    const none = renderAnswer(answer({ answered: false, coverage: "none", citations: [], related }), zh)[0];
    expect(none).toContain(`<b>${zh.relatedHeading}</b>`);
  });

  it("More sources shows the full passages; Closest stories the related ones, in the asker's language", () => {
    const [more] = renderFullPassages([citation(1, { quote: "Prices fell.", passage })], zh);
    expect(more).toContain(`<b>${zh.moreSourcesHeading}</b>`);
    expect(more).toContain(`<blockquote expandable>${passage}</blockquote>`);
    const [closest] = renderClosestStories(
      [{ publication: "P&Q", title: "T", story: "S", date: "2025-01-02", url: null }],
      en,
    );
    expect(closest).toBe(`<b>${en.closestStoriesHeading}</b>\n• P&amp;Q — S, 2025-01-02`);
  });

  it("drafts are escaped HTML like the final message", () => {
    expect(renderDraft("a < b & c\n\nnext")).toBe("a &lt; b &amp; c\n\nnext");
  });
});
