import { describe, expect, it } from "vitest";
import { stripIncompleteMarker, validateCitations } from "../../src/answer/validate-citations.ts";

describe("validateCitations (3 passages)", () => {
  it.each([
    [
      "plain markers kept",
      "Nvidia shipped it [1]. AMD too [2].",
      "Nvidia shipped it [1]. AMD too [2].",
      [1, 2],
      [],
    ],
    ["grouped markers split", "Both shipped [1, 3].", "Both shipped [1][3].", [1, 3], []],
    ["adjacent markers kept", "Both shipped [1][2].", "Both shipped [1][2].", [1, 2], []],
    ["unknown marker removed with its space", "Claim [4]. Other [2].", "Claim. Other [2].", [2], [4]],
    ["zero removed", "Claim [0].", "Claim.", [], [0]],
    ["unknown number inside a group dropped", "Claim [2, 7].", "Claim [2].", [2], [7]],
    ["ranges expanded", "Claims [1-3].", "Claims [1][2][3].", [1, 2, 3], []],
    [
      "full-width brackets normalised",
      "英伟达发布了新芯片【1】，AMD 也是［2］。",
      "英伟达发布了新芯片[1]，AMD 也是[2]。",
      [1, 2],
      [],
    ],
    ["Chinese separators", "两家都发布了 [1、2]。", "两家都发布了 [1][2]。", [1, 2], []],
    ["duplicates counted once", "A [1]. B [1].", "A [1]. B [1].", [1], []],
    ["repeated number inside a group collapsed", "A [2, 2].", "A [2].", [2], []],
    ["no markers at all", "No citations here.", "No citations here.", [], []],
    ["non-numeric brackets untouched", "See [note] and [a1].", "See [note] and [a1].", [], []],
  ])("%s", (_name, input, text, cited, removed) => {
    expect(validateCitations(input, 3)).toEqual({ text, cited, removed });
  });

  it("treats every marker as unknown when there are no passages", () => {
    expect(validateCitations("Claim [1].", 0)).toEqual({ text: "Claim.", cited: [], removed: [1] });
  });
});

describe("stripIncompleteMarker", () => {
  it.each([
    ["Nvidia shipped [", "Nvidia shipped"],
    ["Nvidia shipped [1", "Nvidia shipped"],
    ["Nvidia shipped [1, ", "Nvidia shipped"],
    ["发布了【2", "发布了"],
    ["Nvidia shipped [1]", "Nvidia shipped [1]"],
    ["Nvidia shipped [1].", "Nvidia shipped [1]."],
    ["no marker", "no marker"],
  ])("%j → %j", (input, expected) => {
    expect(stripIncompleteMarker(input)).toBe(expected);
  });
});
