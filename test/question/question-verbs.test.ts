import { describe, expect, it } from "vitest";
import {
  askedActionForms,
  asksMethod,
  opposedWords,
  readQuestionVerbs,
  tellsMethod,
  tellsTheOpposite,
  tellsUnnegated,
} from "../../src/question/question-verbs.ts";

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

describe("the action a how question asks about", () => {
  it("is the first verb after how and its auxiliary, in all its forms", () => {
    const forms = askedActionForms("How did Dana Whitfield propose to cut the memory the app needs?");
    expect(forms).toEqual(expect.arrayContaining(["propose", "proposes", "proposed"]));
    expect(askedActionForms("How many accounts did she sync?")).toEqual([]);
  });

  it("asks for a method in English and Chinese, not for an opinion or a cause", () => {
    expect(asksMethod("How does the tool detect crashes?")).toBe(true);
    expect(asksMethod("这个工具是怎么检测闪退的？")).toBe(true);
    expect(asksMethod("你怎么看这个工具？")).toBe(false);
    expect(asksMethod("怎么会闪退？")).toBe(false);
  });

  it("finds the method told by a marker or by the asked action", () => {
    const forms = askedActionForms("How did Dana Whitfield propose to cut the memory the app needs?");
    expect(tellsMethod("Whitfield proposes sharing one cache across accounts.", forms)).toBe(true);
    expect(tellsMethod("It cuts memory by sharing one cache.", [])).toBe(true);
    expect(tellsMethod("通过 hook 启动函数来检测闪退。", [])).toBe(true);
    expect(tellsMethod("Memory grows with every account.", forms)).toBe(false);
  });
});

describe("negated verbs", () => {
  it("tell the opposite where a sentence tells them only unnegated", () => {
    const { negated } = readQuestionVerbs("Which Orbit versions were not affected by the crash?");
    expect(tellsUnnegated("The crash affected Orbit versions 2.1 through 2.4.", negated)).toBe(true);
    expect(tellsUnnegated("Versions 2.5 and later are not affected.", negated)).toBe(false);
    expect(tellsUnnegated("It affected 2.1 to 2.4; 2.5 is not affected.", negated)).toBe(false);
    // "Safe from" asks for the versions not affected too.
    const safe = readQuestionVerbs("Which Orbit versions are safe from the crash bug?").negated;
    expect(tellsUnnegated("The crash affected Orbit versions 2.1 through 2.4.", safe)).toBe(true);
    expect(tellsUnnegated("Versions 2.5 and later are not affected.", safe)).toBe(false);
    expect(readQuestionVerbs("Which Orbit versions were affected by the crash?").negated).toEqual([]);
  });

  it("are negated by a contraction inside a word too (can't, won’t)", () => {
    const { negated } = readQuestionVerbs("What can a client do if it can't find a route?");
    expect(tellsUnnegated("When a client can't find a route, it opens a direct link.", negated)).toBe(false);
    expect(tellsUnnegated("When a client can’t find a route, it opens a direct link.", negated)).toBe(false);
    expect(tellsUnnegated("The client found a route at once.", negated)).toBe(true);
    const plans = readQuestionVerbs("Who said he had no plans to drop the work?").negated;
    expect(tellsUnnegated('Dana replied, "I have no plans on dropping the work."', plans)).toBe(false);
  });
});
