import { describe, expect, it } from "vitest";
import { asksForStories } from "../../src/answer/story-list.ts";
import type { RetrievedPassage } from "../../src/store/chunk-record.ts";
import { extractiveAsker, passage } from "./answer-fixtures.ts";

// Stories of one issue, in order.
const story = (id: string, title: string, text: string, storyIndex: number) =>
  passage(id, title, text, { docId: "doc-1", storyIndex });

describe("asksForStories", () => {
  it.each([
    "Which articles about Orbit Review did the weekly recommend?",
    "What tools for tracing did the issue mention?",
    "周刊推荐过哪些 Rust 相关的工具？",
    "讲代码评审的文章有哪些？",
    "Which issue covered the Quillbox launch?",
    "哪一期讲了 Quillbox？",
  ])("%s asks for stories", (question) => {
    expect(asksForStories(question)).toBe(true);
  });

  it.each([
    "Which company bought the studio?",
    "这个工具是谁写的？",
    "What did the article say about pricing?",
    "Which issue number had the editor announced as the last one?",
    // 应用场景 are a thing's uses, not apps.
    "这个新接口有哪些应用场景？",
  ])("%s asks for one fact", (question) => {
    expect(asksForStories(question)).toBe(false);
  });
});

describe("a list of the stories about the question", () => {
  const stories = [
    story(
      "a",
      "Orbit Review in practice",
      "This guide walks a team through Orbit Review step by step for large pull requests.",
      0,
    ),
    story(
      "b",
      "Orbit Review at scale",
      "A long read on running Orbit Review across forty teams without slowing releases.",
      1,
    ),
    story("c", "Fast builds", "The build cache now skips unchanged modules, halving build times.", 2),
  ];
  const askOver = extractiveAsker(stories);
  const ask = (question: string, over: RetrievedPassage[]) => askOver(over, question);

  it("names each story about it, cited, and leaves out the others", async () => {
    const draft = await ask("Which articles about Orbit Review did the weekly recommend for teams?", stories);
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("Orbit Review in practice");
    expect(draft.text).toContain("Orbit Review at scale");
    expect(draft.text).toMatch(/\[1\][\s\S]*\[2\]/);
    expect(draft.text).not.toContain("Fast builds");
  });

  it("gives the usual answer when only one story is about it", async () => {
    const draft = await ask("Which articles about Orbit Review did the weekly recommend for teams?", [
      stories[0]!,
      stories[2]!,
    ]);
    expect(draft.text).not.toContain("•");
  });

  it("names the one story that mentions what was asked when no sentence states more", async () => {
    const single = story("d", "Team tooling", "This guide walks a team through Quillbox step by step.", 3);
    const draft = await ask("Which articles in the briefs mention Quillbox?", [single, stories[2]!]);
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("Team tooling");
    expect(draft.text).not.toContain("Fast builds");
  });

  it("names the issue and its date for a which-issue question", async () => {
    const draft = await ask("Which issue covered Orbit Review for teams?", stories);
    expect(draft.text).toContain("Issue 1, 2025-01-02");
  });
});
