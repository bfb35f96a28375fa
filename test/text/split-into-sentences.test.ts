import { describe, expect, it } from "vitest";
import { splitIntoSentences } from "../../src/text/split-into-sentences.ts";

describe("splitIntoSentences", () => {
  it.each([
    ["", []],
    ["One sentence without a stop", ["One sentence without a stop"]],
    ["First one. Second one! Third one?", ["First one.", "Second one!", "Third one?"]],
    ["Mr. Wu met Dr. Lee. They talked.", ["Mr. Wu met Dr. Lee.", "They talked."]],
    [
      "The U.S. market grew 3.5 percent. Then it fell.",
      ["The U.S. market grew 3.5 percent.", "Then it fell."],
    ],
    ["他说：“我们会赢。”然后离开了。", ["他说：“我们会赢。”", "然后离开了。"]],
    ["第一句。第二句！第三句？第四句；", ["第一句。", "第二句！", "第三句？", "第四句；"]],
    ["Tencent grew. 腾讯增长了。Next.", ["Tencent grew.", "腾讯增长了。", "Next."]],
    ['He said "stop." She left.', ['He said "stop."', "She left."]],
    ["line one\nline two", ["line one", "line two"]],
    ["lower case after stop. continues here", ["lower case after stop. continues here"]],
    [
      "Group 1 - Nadella warns of a bubble [2] - He expects growth [2][4] Group 2 - TCL and Sony agree [3]",
      [
        "Group 1 - Nadella warns of a bubble [2]",
        "- He expects growth [2][4]",
        "Group 2 - TCL and Sony agree [3]",
      ],
    ],
    [
      "See note [1] of the report. 他说 [2] 腾讯很好。",
      ["See note [1] of the report.", "他说 [2] 腾讯很好。"],
    ],
  ])("%j", (text, expected) => {
    expect(splitIntoSentences(text)).toEqual(expected);
  });
});

describe("a Latin '!' inside a name in Chinese prose", () => {
  it("does not end the sentence: 在try! Swift上", () => {
    expect(splitIntoSentences("苹果在try! Swift上发布了新框架，它是一个网络框架。下一句。")).toEqual([
      "苹果在try! Swift上发布了新框架，它是一个网络框架。",
      "下一句。",
    ]);
  });

  it("still ends English and Chinese sentences", () => {
    expect(splitIntoSentences("It works! Swift is great.")).toEqual(["It works!", "Swift is great."]);
    expect(splitIntoSentences("这很好用! Next item.")).toEqual(["这很好用!", "Next item."]);
  });
});
