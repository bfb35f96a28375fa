import { describe, expect, it } from "vitest";
import {
  escapeAttribute,
  escapeHtml,
  htmlLink,
  htmlToPlainText,
} from "../../../adapters/telegram/telegram-html.ts";

describe("telegram HTML", () => {
  it.each([
    ["a & b", "a &amp; b"],
    ["<b>", "&lt;b&gt;"],
    ['"quoted"', '"quoted"'],
    ["&amp;", "&amp;amp;"],
  ])("escapeHtml(%j) = %j", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it("escapes quotes in attributes", () => {
    expect(escapeAttribute('a"b&c')).toBe("a&quot;b&amp;c");
  });

  it.each([
    ["https://x.com/?a=1&b=2", "T", '<a href="https://x.com/?a=1&amp;b=2">T</a>'],
    [null, "T & U", "T &amp; U"],
    ["not a url", "T", "T"],
    ["ftp://x.com/f", "T", "T"],
  ])("htmlLink(%j, %j)", (url, label, expected) => {
    expect(htmlLink(label, url)).toBe(expected);
  });

  it("turns our HTML back into plain text, keeping link targets", () => {
    const html = '<b>Sources</b>\n[1] A &amp; B — <a href="https://x.com/?a=1&amp;b=2">x &lt; y</a>';
    expect(htmlToPlainText(html)).toBe("Sources\n[1] A & B — x < y (https://x.com/?a=1&b=2)");
  });
});
