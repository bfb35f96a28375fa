import { describe, expect, it } from "vitest";
import { trimToClause } from "../../src/answer/trim-sentence.ts";
import { analyzeQuestion } from "../../src/question/analyze-question.ts";
import { tokenize } from "../../src/text/segment.ts";

const trim = (sentence: string, question: string) =>
  trimToClause(
    sentence,
    analyzeQuestion(question),
    question,
    tokenize(question).map((term) => ({ term, weight: 1 })),
  );

describe("trimToClause", () => {
  it("keeps Chinese clauses joined as written, with no space after their commas", () => {
    const sentence = `${"周末在家整理了一下书架和桌面，".repeat(3)}笔试一共有 2713 人参加，录取人数 500，${"后面还有体能检测、政审和体检，".repeat(3)}最后上岸了。`;
    const trimmed = trim(sentence, "笔试一共有多少人参加？");
    expect(trimmed).toContain("2713");
    expect(trimmed).not.toMatch(/， /u);
  });

  it("keeps a space between Latin clauses", () => {
    const sentence = `${"The team spent the week on unrelated cleanup work in the repository, ".repeat(3)}and 2713 people took the written test, ${"while the rest of the schedule moved to the following month as planned, ".repeat(3)}in the end.`;
    const trimmed = trim(sentence, "How many people took the written test?");
    expect(trimmed).toContain("2713 people took the written test");
    expect(trimmed).toMatch(/, \S/u);
  });
});
