import { describe, expect, it } from "vitest";
import type { Block, SourceIssue } from "../../src/ingest/source-issue.ts";
import { splitIntoStories } from "../../src/ingest/split-into-stories.ts";

const paragraph = (text: string): Block => ({ kind: "paragraph", text });
const heading = (level: number, text: string, url: string | null = null): Block => ({
  kind: "heading",
  level,
  text,
  url,
});

function issueOf(blocks: Block[], title = "Sample Issue"): SourceIssue {
  return { publication: "Sample", title, issueNumber: null, date: null, url: null, key: null, blocks };
}

const longBody =
  "A body paragraph that is long enough to read as prose rather than a headline, and it keeps going with a second clause so that it clearly passes two hundred characters in total length for the heuristic.";

describe("splitIntoStories", () => {
  it.each<[string, Block[], [string, string | null][]]>([
    [
      "headings delimit items; empty section headings and the title heading yield no story",
      [
        heading(1, "Sample Issue"),
        paragraph("Intro words for the issue."),
        heading(2, "Section"),
        heading(3, "Item one", "https://one.example"),
        paragraph("First item text."),
        heading(3, "Item two"),
        paragraph("Second item text."),
      ],
      [
        ["Sample Issue", null],
        ["Item one", "https://one.example"],
        ["Item two", null],
      ],
    ],
    [
      "title line + byline (aggregated feed)",
      [
        paragraph("Site Name"),
        paragraph("Search documents"),
        paragraph("第一个标题？"),
        paragraph("站点· 2030-01-21 10:01"),
        paragraph("第一篇的正文。"),
        paragraph("第二个标题"),
        paragraph("站点· 2030-01-21 09:58"),
        paragraph("第二篇的正文。"),
      ],
      [
        ["第一个标题？", null],
        ["第二个标题", null],
      ],
    ],
    [
      "attributed titles with commentary, footer ends the last item",
      [
        paragraph("Hello readers, here is the week."),
        paragraph("Rockets are getting cheaper” (English Source: Space Daily)"),
        paragraph("My Thoughts: cheaper launches change everything."),
        paragraph("Chips move east” (Chinese Source: Tech Paper)"),
        paragraph("My thoughts: supply chains adapt."),
        paragraph("If you like what you've read, please SUBSCRIBE to the list."),
        paragraph("A second-language edition starts here."),
      ],
      [
        ["Sample Issue", null],
        ["Rockets are getting cheaper", null],
        ["Chips move east", null],
        ["Sample Issue", null],
        // The footer says something in a whole sentence, so it is kept apart, not dropped.
        ["About Sample", null],
      ],
    ],
    [
      "marked headlines (emoji degraded to ??) with SOURCE lines",
      [
        paragraph("Welcome to our weekly brief."),
        paragraph("??Robots learn to fold laundry"),
        paragraph(longBody),
        paragraph("SOURCE: Robot Times"),
        paragraph("?? Batteries get denser"),
        paragraph(longBody),
        paragraph("SOURCE: Cell Weekly"),
      ],
      [
        ["Sample Issue", null],
        ["Robots learn to fold laundry", null],
        ["Batteries get denser", null],
      ],
    ],
    [
      "headline + body + SOURCE line without markers",
      [
        paragraph("Robots learn to fold laundry"),
        paragraph(longBody),
        paragraph("SOURCE: Robot Times"),
        paragraph("Batteries get denser"),
        paragraph(longBody),
        paragraph("SOURCE: Cell Weekly"),
      ],
      [
        ["Robots learn to fold laundry", null],
        ["Batteries get denser", null],
      ],
    ],
    [
      "an essay without headings is one story titled with the issue title",
      [paragraph("First thought."), paragraph("Second thought."), paragraph("Spread the love")],
      [["Sample Issue", null]],
    ],
  ])("%s", (_name, blocks, expected) => {
    const stories = splitIntoStories(issueOf(blocks));
    expect(stories.map((story) => [story.title, story.url])).toEqual(expected);
    for (const story of stories) {
      expect(story.title.trim()).not.toBe("");
      expect(story.text.trim()).not.toBe("");
    }
  });

  it("keeps every content paragraph whole, joined with blank lines", () => {
    const stories = splitIntoStories(
      issueOf([heading(2, "Only item"), paragraph("One sentence. Another sentence."), paragraph("Third.")]),
    );
    expect(stories).toEqual([
      { title: "Only item", url: null, text: "One sentence. Another sentence.\n\nThird." },
    ]);
  });

  it("keeps the attribution of an attributed title as story text", () => {
    const stories = splitIntoStories(
      issueOf([
        paragraph("Alpha” (English Source: One)"),
        paragraph("My Thoughts: a."),
        paragraph("Beta” (English Source: Two)"),
        paragraph("My Thoughts: b."),
      ]),
    );
    expect(stories[0]).toEqual({ title: "Alpha", url: null, text: "English Source: One\n\nMy Thoughts: a." });
  });

  it("drops leading navigation and chrome-titled sections", () => {
    const stories = splitIntoStories(
      issueOf([
        paragraph("Home"),
        paragraph("Newsletters"),
        heading(3, "Real item", "https://r.example"),
        paragraph("Real text."),
        heading(3, "What did you think of this post?"),
        paragraph("Amazing Good Meh Bad"),
      ]),
    );
    expect(stories.map((story) => story.title)).toEqual(["Real item"]);
  });

  it("falls back to a placeholder when the issue title is empty", () => {
    const stories = splitIntoStories(issueOf([paragraph("Text.")], " "));
    expect(stories[0]?.title).toBe("Untitled");
  });
});

describe("newsletter chrome", () => {
  it("keeps informative footers in a closing About story and drops link rows", () => {
    const stories = splitIntoStories(
      issueOf([
        { kind: "heading", level: 2, text: "Chips move east" },
        paragraph("Supply chains adapt to new export rules this quarter."),
        paragraph("New issues will be delivered to your inbox (twice per week). Thanks for reading."),
        paragraph("Unsubscribe | Manage preferences | View in browser"),
      ]),
    );
    expect(stories.map((story) => story.title)).toEqual(["Chips move east", "About Sample"]);
    expect(stories[0]!.text).not.toContain("inbox");
    expect(stories[1]!.text).toBe(
      "New issues will be delivered to your inbox (twice per week). Thanks for reading.",
    );
  });
});
