import { describe, expect, it } from "vitest";
import { packMessageParts, splitPlainText } from "../../../adapters/telegram/split-message.ts";
import { escapeHtml } from "../../../adapters/telegram/telegram-html.ts";

const line = (text: string) => ({ html: escapeHtml(text), text });

describe("splitPlainText", () => {
  it.each([
    { name: "short text stays whole", text: "hello world", limit: 20, expected: ["hello world"] },
    {
      name: "prefers a paragraph break",
      text: "aaaa bbbb\n\ncccc",
      limit: 12,
      expected: ["aaaa bbbb", "cccc"],
    },
    { name: "then a line break", text: "aaaaaa\nbb cc", limit: 10, expected: ["aaaaaa", "bb cc"] },
    {
      name: "but not one in the first half",
      text: "aa\nbbbbbb cc",
      limit: 10,
      expected: ["aa\nbbbbbb", "cc"],
    },
    { name: "then a space", text: "aaaa bbbb cccc", limit: 10, expected: ["aaaa bbbb", "cccc"] },
    {
      name: "hard cut when there is no boundary",
      text: "abcdefghij",
      limit: 4,
      expected: ["abcd", "efgh", "ij"],
    },
    { name: "keeps surrogate pairs whole", text: "😀😀😀", limit: 3, expected: ["😀", "😀", "😀"] },
  ])("$name", ({ text, limit, expected }) => {
    expect(splitPlainText(text, limit)).toEqual(expected);
  });

  it("measures with the given function (escaped length)", () => {
    const pieces = splitPlainText("&&&&&&", 10, (text) => escapeHtml(text).length);
    expect(pieces).toEqual(["&&", "&&", "&&"]);
  });
});

describe("packMessageParts", () => {
  it("packs whole paragraphs while they fit", () => {
    expect(packMessageParts([[line("one")], [line("two")], [line("three")]], 12)).toEqual([
      "one\n\ntwo",
      "three",
    ]);
  });

  it("breaks an oversized paragraph between lines", () => {
    const paragraph = [line("aaaa"), line("bbbb"), line("cccc")];
    expect(packMessageParts([paragraph], 10)).toEqual(["aaaa\nbbbb", "cccc"]);
  });

  it("cuts an oversized line into escaped pieces", () => {
    const parts = packMessageParts([[{ html: "<b>x</b>", text: "x" }], [line("<<<<<<<<")]], 12);
    expect(parts).toEqual(["<b>x</b>", "&lt;&lt;&lt;", "&lt;&lt;&lt;", "&lt;&lt;"]);
  });

  it("drops empty paragraphs", () => {
    expect(packMessageParts([[], [line("")], [line("x")]], 10)).toEqual(["x"]);
  });
});
