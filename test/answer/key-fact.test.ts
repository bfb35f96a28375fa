import { describe, expect, it } from "vitest";
import { keyFact, writeNumber } from "../../src/answer/key-fact.ts";
import { analyzeQuestion } from "../../src/question/analyze-question.ts";

function fact(question: string, sentence: string, from: "en" | "zh", to: "en" | "zh") {
  return keyFact(sentence, analyzeQuestion(question), from, to);
}

describe("keyFact", () => {
  it("writes an English distance, span or price in Chinese", () => {
    expect(fact("这辆车加一箱油跑了多远？", "They rode 3,250.5 kilometers on one tank.", "en", "zh")).toBe(
      "3250.5 公里",
    );
    expect(
      fact("这个模型训练了多久？", "A 70 billion parameter model trained for 2.5 months.", "en", "zh"),
    ).toBe("2.5 个月");
    expect(fact("这个项目花了多少钱？", "The project cost $300 billion over four years.", "en", "zh")).toBe(
      "3000亿美元",
    );
  });

  it("writes a Chinese count, price or date in English", () => {
    expect(fact("How many drones will it ship?", "公司计划今年出货45万架无人机。", "zh", "en")).toBe(
      "450,000",
    );
    expect(fact("How much does a subscription cost?", "订阅价格为每年2000美元。", "zh", "en")).toBe("$2,000");
    expect(fact("When does the rule take effect?", "新规定将于2027年3月15日生效。", "zh", "en")).toBe(
      "15 March 2027",
    );
  });

  it("skips the numbers the question gives and the days of a date", () => {
    expect(
      fact("How many users did Photon 3 reach?", "Photon 3 reached 120万 users on 8月3日.", "zh", "en"),
    ).toBe("1.2 million");
    expect(fact("涨了多少？", "Effective August 16, prices rose up to 240%.", "en", "zh")).toBe("240%");
  });

  it("says nothing for the asker's own language or a type with no figure", () => {
    expect(fact("How far did they ride?", "They rode 300 km.", "en", "en")).toBeNull();
    expect(fact("为什么他们离开了？", "They left after 3 years.", "en", "zh")).toBeNull();
  });
});

describe("writeNumber", () => {
  it.each([
    [750_000, "zh", "75万"],
    [178_000_000_000, "zh", "1780亿"],
    [750_000, "en", "750,000"],
    [2_500_000_000, "en", "2.5 billion"],
  ] as const)("%d in %s → %s", (value, lang, written) => {
    expect(writeNumber(value, lang)).toBe(written);
  });
});
