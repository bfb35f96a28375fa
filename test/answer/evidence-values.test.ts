import { describe, expect, it } from "vitest";
import { continuesSentenceBefore, headIn } from "../../src/answer/evidence-values.ts";
import { tokenize } from "../../src/text/segment.ts";

function holdsHead(head: string, sentence: string): boolean {
  const [token] = tokenize(head);
  return headIn(token!, sentence, new Set(tokenize(sentence)), new Map());
}

describe("headIn", () => {
  it("finds the asked noun as written or inflected", () => {
    expect(holdsHead("package", "The packages were split.")).toBe(true);
  });

  it("finds it at the end of an English compound naming a kind of it", () => {
    expect(holdsHead("package", "The agent now depends on a slimmer subpackage.")).toBe(true);
    expect(holdsHead("watch", "The smartwatch ships in May.")).toBe(true);
  });

  it("not inside a longer word that is no kind of it", () => {
    // Too short a head to look for inside words.
    expect(holdsHead("ship", "The relationship ended.")).toBe(false);
    // Too short a prefix.
    expect(holdsHead("range", "The orange crate fell.")).toBe(false);
  });
});

describe("continuesSentenceBefore", () => {
  it.each([
    ["It weighs 65 grams.", true],
    ["And it ships in March.", true],
    ["而这个组件在内部已经用了三年。", true],
    ["同时它也支持安卓。", true],
    ["Orbit ships in March.", false],
    ["而 Orbit 在内部已经用了三年。", false],
  ])("%s → %s", (text, expected) => {
    expect(continuesSentenceBefore(text)).toBe(expected);
  });
});
