import { describe, expect, it } from "vitest";
import { isKnownEnglishWord } from "../../src/question/known-words.ts";

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
