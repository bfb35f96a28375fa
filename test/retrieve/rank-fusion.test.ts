import { describe, expect, it } from "vitest";
import { diversify } from "../../src/retrieve/diversify.ts";
import { reciprocalRankFusion } from "../../src/retrieve/rank-fusion.ts";

describe("reciprocalRankFusion", () => {
  it("rewards items found by both lists", () => {
    const scores = reciprocalRankFusion([
      { ids: ["a", "b", "c"], weight: 1 },
      { ids: ["c", "b", "d"], weight: 1 },
    ]);
    const order = [...scores.entries()].sort((left, right) => right[1] - left[1]).map(([id]) => id);
    expect(order.slice(0, 2).sort()).toEqual(["b", "c"]);
    expect(scores.get("a")).toBeCloseTo(1 / 61, 10);
  });

  it("weights lists", () => {
    const scores = reciprocalRankFusion([
      { ids: ["a"], weight: 1 },
      { ids: ["b"], weight: 0.5 },
    ]);
    expect(scores.get("a")! / scores.get("b")!).toBeCloseTo(2, 10);
  });

  it("handles empty lists", () => {
    expect(reciprocalRankFusion([]).size).toBe(0);
  });
});

describe("diversify", () => {
  it.each([
    [["a1", "a2", "a3", "b1"], 2, ["a1", "a2", "b1", "a3"]],
    [["a1", "a2", "a3", "b1", "c1"], 1, ["a1", "b1", "c1", "a2", "a3"]],
    [[], 2, []],
  ])("%j with cap %i", (items, cap, expected) => {
    expect(diversify(items, (item) => item[0]!, cap)).toEqual(expected);
  });
});
