import { describe, expect, it } from "vitest";
import { aliasExpansions, buildAliasTable, learnAliases } from "../../src/paraphrase/aliases.ts";
import { feedbackSettings, feedbackTerms } from "../../src/paraphrase/feedback.ts";
import { isQuestionWord } from "../../src/retrieve/query-plan.ts";
import { TermStatistics } from "../../src/retrieve/term-statistics.ts";

describe("aliases the briefs define", () => {
  it("learns a name and its abbreviation in either order, and not ordinary brackets", () => {
    const aliases = learnAliases(
      "Battery maker Contemporary Amperex Technology (CATL) opened a plant. " +
        "Later, WHO (World Health Organization) said so. Sales rose (again) in May (2024).",
    );
    expect(aliases).toContainEqual({ short: "CATL", long: "Contemporary Amperex Technology" });
    expect(aliases).toContainEqual({ short: "WHO", long: "World Health Organization" });
    expect(aliases.map((alias) => alias.short)).not.toContain("again");
    expect(aliases).toHaveLength(2);
  });

  it("expands a spelled-out name to its abbreviation, and an abbreviation the index lacks to its name", () => {
    const table = buildAliasTable(learnAliases("Contemporary Amperex Technology (CATL) opened a plant."));
    const spelled = aliasExpansions("What did Contemporary Amperex Technology open?", table);
    expect(spelled).toContainEqual(
      expect.objectContaining({ term: "catl", concept: "contemporary", source: "alias" }),
    );
    const short = aliasExpansions("What did CATL open?", table, () => false);
    expect(short.map((term) => term.term)).toEqual(["contemporary", "amperex", "technology"]);
    expect(short.every((term) => term.concept === "catl" && term.weight < 1)).toBe(true);
    // The briefs use the abbreviation themselves: search it as it is.
    expect(aliasExpansions("What did CATL open?", table, (term) => term === "catl")).toEqual([]);
  });

  it("marks an abbreviation the briefs spell out two ways as ambiguous", () => {
    const table = buildAliasTable([
      ...learnAliases("The Product Manager (PM) shipped it."),
      ...learnAliases("The Prime Minister (PM) spoke."),
    ]);
    const terms = aliasExpansions("What did the PM say?", table, () => false);
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.every((term) => term.senseSupported === false)).toBe(true);
  });
});

describe("pseudo-relevance feedback", () => {
  const statistics = TermStatistics.fromSearchTexts([
    "battery plant hungary catl cell",
    "battery cell factory europe catl",
    "phone sales record",
    "weather report rain",
    "football cup final",
  ]);
  const question = [
    { term: "battery", weight: 1 },
    { term: "factory", weight: 1 },
    { term: "budget", weight: 1 },
  ];

  it("adds words the leading passages share, low and marked as feedback, when the first pass is weak", () => {
    const terms = feedbackTerms(
      question,
      [
        { searchText: "battery plant hungary catl cell ¶ catl invest", score: 0.3 },
        { searchText: "battery cell factory europe catl", score: 0.35 },
        { searchText: "phone sales record", score: 0.1 },
      ],
      statistics,
      isQuestionWord,
    );
    expect(terms.map((term) => term.term)).toContain("catl");
    // Words of one passage only, and the question's own words, stay out.
    expect(terms.map((term) => term.term)).not.toContain("hungary");
    expect(terms.map((term) => term.term)).not.toContain("battery");
    expect(terms.every((term) => term.source === "feedback" && term.weight <= feedbackSettings.weight)).toBe(
      true,
    );
  });

  it("leaves a strong first pass alone, from the weakness threshold up", () => {
    for (const best of [0.95, feedbackSettings.weakCoverage]) {
      const strong = [
        { searchText: "battery cell factory europe catl", score: best },
        { searchText: "battery plant hungary catl cell", score: 0.3 },
      ];
      expect(feedbackTerms(question, strong, statistics, isQuestionWord)).toEqual([]);
    }
  });
});
