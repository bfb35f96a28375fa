import { describe, expect, it } from "vitest";
import { asksLabel, withoutNonCounts } from "../../src/question/counted-numbers.ts";

describe("numbers that count nothing", () => {
  it("drops labels of a series, unless the question asks for the label itself", () => {
    const text = "He announced that issue 100 would be the last one.";
    expect(withoutNonCounts(text, true)).not.toContain("100");
    expect(asksLabel("Which issue number had he announced as the last?")).toBe(true);
    expect(asksLabel("这是第几期的内容？")).toBe(true);
    expect(asksLabel("How many issues did he write?")).toBe(false);
    expect(withoutNonCounts(text, true, true)).toContain("100");
  });
});
