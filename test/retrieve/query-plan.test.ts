import { describe, expect, it } from "vitest";
import { planQuery, spellingVariants } from "../../src/retrieve/query-plan.ts";

describe("planQuery", () => {
  it("keeps the question's own words at full weight and drops question words", () => {
    const plan = planQuery("What did Tencent say about games?");
    expect(plan.terms.filter((term) => term.weight === 1).map((term) => term.term)).toEqual([
      "tencent",
      "game",
    ]);
  });

  it("adds the other folded form of words whose base ends in e, tied to the word", () => {
    const terms = planQuery("What did DeepSeek release?").terms;
    expect(terms).toContainEqual({ term: "releas", weight: 0.9, concept: "release" });
    expect(planQuery("Who released it?").terms).toContainEqual({
      term: "release",
      weight: 0.9,
      concept: "releas",
    });
  });
});

describe("spellingVariants", () => {
  it.each([
    ["price", "pric"],
    ["creat", "create"],
  ])("%s ↔ %s", (term, variant) => {
    expect(spellingVariants([{ term, weight: 1 }])).toEqual([{ term: variant, weight: 0.9, concept: term }]);
  });

  it.each(["free", "make", "data", "gpt4", "腾讯"])("leaves %s alone", (term) => {
    expect(spellingVariants([{ term, weight: 1 }])).toEqual([]);
  });
});
