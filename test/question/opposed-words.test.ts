import { describe, expect, it } from "vitest";
import { opposedWords, tellsTheOpposite } from "../../src/question/opposed-words.ts";

const oppositesOf = (question: string) =>
  Object.fromEntries(opposedWords(question).map((entry) => [entry.word, entry.opposites]));

describe("opposed words", () => {
  it("finds a verb's antonyms by its inflection or the auxiliary before it", () => {
    expect(oppositesOf("How much was the offer she finally accepted?").accepted).toEqual(
      expect.arrayContaining(["refuse", "turn down", "decline"]),
    );
    expect(oppositesOf("How many engineers did the startup hire?").hire).toEqual(
      expect.arrayContaining(["fire", "dismiss"]),
    );
  });

  it("leaves nouns, adjectives and the first word of a phrasal verb alone", () => {
    expect(oppositesOf("What was in the package?")).toEqual({});
    expect(oppositesOf("Which new model is cheaper?")).toEqual({});
    expect(oppositesOf("How many people did Acme lay off?").lay).toBeUndefined();
  });

  it("drops opposites that are stop words ('can' as 'fire')", () => {
    expect(oppositesOf("How many engineers did the startup hire?").hire).not.toContain("can");
  });

  it("tells a sentence about the opposite event from one that says the question's word", () => {
    const opposed = opposedWords("How much was the offer she finally accepted?");
    expect(tellsTheOpposite("She initially turned down a $2 million offer.", opposed)).toBe(true);
    expect(tellsTheOpposite("She refused the first offer of $2 million.", opposed)).toBe(true);
    expect(tellsTheOpposite("She accepted a $3 million offer.", opposed)).toBe(false);
    expect(tellsTheOpposite("She turned down $2 million, then accepted $3 million.", opposed)).toBe(false);
  });
});
