import { describe, expect, it } from "vitest";
import { checkMessageText, checkReplyMarkup, parseTelegramHtml } from "./telegram-rules.ts";

/** The fake Bot API is only as strict as these checks; they must refuse what Telegram refuses. */
describe("Telegram rules the fake enforces", () => {
  it.each([
    ["an unknown tag", "<div>x</div>"],
    ["an unclosed tag", "<b>x"],
    ["crossed tags", "<b><i>x</b></i>"],
    ["a bare <", "a < b"],
    ["a bare &", "a & b"],
    ["an unknown entity", "&nbsp;"],
    ["an unknown attribute", '<a href="https://e.com" target="x">y</a>'],
  ])("refuses HTML with %s", (_name, html) => {
    expect(parseTelegramHtml(html)).toHaveProperty("error");
  });

  it("accepts the tags briefbot sends and measures the text after entity parsing", () => {
    const html =
      '<b>S</b> <a href="https://e.com/?a=1&amp;b=2">x &lt; y</a>\n<blockquote expandable>q</blockquote>';
    expect(parseTelegramHtml(html)).toEqual({ text: "S x < y\nq" });
    expect(checkMessageText(`<b>${"&amp;".repeat(4096)}</b>`, "HTML")).toEqual({ plain: "&".repeat(4096) });
    expect(checkMessageText("x".repeat(4097), undefined)).toEqual({
      error: "Bad Request: message is too long",
    });
    expect(checkMessageText("", undefined)).toHaveProperty("error");
    expect(checkMessageText("", undefined, { allowEmpty: true })).toEqual({ plain: "" });
  });

  it("refuses more than 100 buttons and callback data over 64 bytes", () => {
    const button = (data: string) => ({ text: "b", callback_data: data });
    expect(checkReplyMarkup({ inline_keyboard: [[button("x".repeat(64))]] })).toBeNull();
    expect(checkReplyMarkup({ inline_keyboard: [[button("é".repeat(33))]] })).toBe(
      "Bad Request: BUTTON_DATA_INVALID",
    );
    const rows = Array.from({ length: 11 }, () => Array.from({ length: 10 }, () => button("d")));
    expect(checkReplyMarkup({ inline_keyboard: rows })).toBe("Bad Request: reply markup is too long");
  });
});
