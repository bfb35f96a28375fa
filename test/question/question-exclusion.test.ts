import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../src/question/analyze-question.ts";
import { exclusionOf } from "../../src/question/question-exclusion.ts";
import { extractiveAsker, passage } from "../answer/answer-fixtures.ts";

describe("exclusionOf", () => {
  it("reads a leading English clause up to its comma", () => {
    expect(exclusionOf("Besides the free tier, what does a Pro plan include?")).toEqual({
      phrase: "the free tier",
      rest: "what does a Pro plan include?",
    });
    expect(exclusionOf("Apart from Rust, which languages does the compiler target?")?.phrase).toBe("Rust");
  });

  it("reads a name excluded inside the question", () => {
    expect(exclusionOf("Which carmakers other than Volvo joined the charging alliance?")).toEqual({
      phrase: "Volvo",
      rest: "Which carmakers joined the charging alliance?",
    });
  });

  it("reads 除了 … 之外 and 除了 … 还", () => {
    expect(exclusionOf("除了降价之外，这次更新还有什么变化？")?.phrase).toBe("降价");
    expect(exclusionOf("除了 Figma 还有哪些设计工具支持插件？")?.phrase).toBe("Figma");
  });

  it("finds nothing in questions that exclude nothing", () => {
    expect(exclusionOf("What else did the release change?")).toBeNull();
    expect(exclusionOf("Other than that, what did the team ship?")).toBeNull();
    expect(exclusionOf("What is the difference between HTTP/2 and HTTP/3?")).toBeNull();
  });

  it("keeps an excluded name out of the specifics an answer must hold", () => {
    const names = (question: string) => analyzeQuestion(question).specifics.map((specific) => specific.text);
    expect(names("Apart from Volvo, which carmakers joined the Ionway charging alliance?")).not.toContain(
      "Volvo",
    );
    expect(names("Apart from Volvo, which carmakers joined the Ionway charging alliance?")).toContain(
      "Ionway",
    );
  });
});

describe("an answer to an 'apart from' question", () => {
  it("is not the sentence that only repeats what the asker excluded", async () => {
    const plan = passage(
      "p1",
      "Plans",
      "Every member gets the weekly digest by e-mail. Paying members also get a private forum and a monthly live call with the editors.",
    );
    const other = passage("o1", "Elsewhere", "The weekly digest went out late because of a mail outage.");
    const ask = extractiveAsker([plan, other]);
    const draft = await ask([plan, other], "Apart from the weekly digest, what do paying members get?");
    expect(draft.answered).toBe(true);
    expect(draft.text).toContain("private forum");
    expect(draft.text).not.toMatch(/^Every member gets the weekly digest/);
  });
});
