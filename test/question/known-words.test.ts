import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../src/question/analyze-question.ts";
import { isKnownEnglishWord, isKnownWord } from "../../src/question/known-words.ts";
import { addTaughtNames } from "../../src/text/segment.ts";

describe("isKnownEnglishWord", () => {
  it("knows a word by its dictionary form, -ied and -ier forms too", () => {
    expect(isKnownEnglishWord("queried")).toBe(true);
    expect(isKnownEnglishWord("copied")).toBe(true);
    expect(isKnownEnglishWord("happier")).toBe(true);
    expect(isKnownEnglishWord("removed")).toBe(true);
  });

  it("does not know a tool's lower-case name", () => {
    expect(isKnownEnglishWord("libconsensus")).toBe(false);
    expect(isKnownEnglishWord("miniupnp")).toBe(false);
  });
});

describe("isKnownWord", () => {
  it("knows a Chinese common word the dictionary holds, not a name, whatever jieba tags it", () => {
    // jieba's dictionary tags 卫星 (satellite) and 孤儿 (orphan) as people's names.
    expect(isKnownWord("卫星")).toBe(true);
    expect(isKnownWord("孤儿")).toBe(true);
    expect(isKnownWord("论文")).toBe(true);
    expect(isKnownWord("北京")).toBe(false);
    expect(isKnownWord("华为")).toBe(false);
    expect(isKnownWord("queried")).toBe(true);
    expect(isKnownWord("libconsensus")).toBe(false);
  });

  it("does not know a word taught as a name", () => {
    expect(isKnownWord("孤儿")).toBe(true);
    addTaughtNames(["孤儿"]);
    expect(isKnownWord("孤儿")).toBe(false);
  });

  it("keeps a question's common words out of the names its answer must hold", () => {
    const question = "关于卫星的那篇论文作者是谁？";
    const names = (known?: (word: string) => boolean) =>
      analyzeQuestion(question, known).specifics.map((specific) => specific.text);
    expect(names()).toContain("卫星");
    expect(names(isKnownWord)).not.toContain("卫星");
    expect(names(isKnownWord)).not.toContain("论文");
  });
});
