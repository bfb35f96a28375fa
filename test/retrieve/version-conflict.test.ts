import { describe, expect, it } from "vitest";
import { askedVersions, conflictsWithAsked } from "../../src/retrieve/version-conflict.ts";
import { tokenize } from "../../src/text/segment.ts";

const terms = (question: string) => tokenize(question).map((term) => ({ term, weight: 1 }));
const searchText = (text: string) => tokenize(text).join(" ");

describe("version conflicts", () => {
  it("reads the dotted versions among the question's own words", () => {
    expect(askedVersions(terms("When is Code Freeze for Orbit 1.33?"))).toEqual(["1.33"]);
    expect(askedVersions(terms("What changed in Quill v5.5?"))).toEqual(["5.5"]);
    expect(askedVersions([{ term: "1.33", weight: 0.5 }])).toEqual([]);
    expect(askedVersions(terms("What did iOS 13 add?"))).toEqual([]);
  });

  it("finds a passage about another release of the same series", () => {
    const asked = askedVersions(terms("When is Code Freeze for Orbit 1.33?"));
    expect(conflictsWithAsked(asked, searchText("The Orbit 1.35 cycle starts; Code Freeze is Nov 6."))).toBe(
      true,
    );
    expect(conflictsWithAsked(asked, searchText("Orbit 1.33 Code Freeze is March 20."))).toBe(false);
    // A patch of the asked release, listed with the others, is no telling of it.
    expect(
      conflictsWithAsked(asked, searchText("Orbit 1.35 starts. Patch releases v1.34.1, v1.33.5 are out.")),
    ).toBe(true);
    // Another series, or no version at all, is no conflict.
    expect(conflictsWithAsked(asked, searchText("Quill 2.4 shipped a new parser."))).toBe(false);
    expect(conflictsWithAsked(asked, searchText("Code Freeze is next week."))).toBe(false);
    expect(conflictsWithAsked([], searchText("Orbit 1.35 starts."))).toBe(false);
  });
});
