import { loadEnglishForms } from "../paraphrase/english-forms.ts";
import { loadWordNet } from "../paraphrase/wordnet.ts";
import { foldEnglish } from "../text/segment.ts";
import { personSenses, personSteps } from "./answer-tuning.ts";

/**
 * Asked nouns an answer tells in other words, by the kind of thing it names: "how many people"
 * by a count of any kind of person ("66 individuals", "40 signatories"), "what is the difference",
 * "有什么区别" by a contrast ("Combine 支持 Backpressure，而 RxSwift 不支持"). Part of the evidence
 * gate's head check (evidence-values.ts `headIn`).
 */

/** Asked nouns that any kind of person answers ("how many people" — individuals, developers). */
const personHeads = new Set(["people", "peopl", "person", "persons"]);

const personKinds = new Map<string, boolean>();

/** Asked nouns a contrast answers, as the question's tokens are folded. */
const differenceHeads = new Set(
  ["区别", "不同", "差别", "差异", "difference", "differences", "distinction"].flatMap((word) => [
    word,
    foldEnglish(word),
  ]),
);
const contrast =
  /而(?!且|已|言)|但是?|却|相比|相较|不同于|不像|反之|\bwhereas\b|\bwhile\b|\bunlike\b|\bbut\b|\binstead\b|\bcompared (?:to|with)\b|\brather than\b|\bin contrast\b/iu;

/**
 * Whether a text names a kind of person in an English noun (WordNet: a leading sense of the word
 * is, a few steps up its kind-of tree, "person": individuals, signatories, developers, staff).
 */
export function namesKindOfPerson(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z]{3,}/g) ?? [];
  return words.some((word) => {
    let known = personKinds.get(word);
    if (known === undefined) {
      known = isKindOfPerson(word);
      personKinds.set(word, known);
    }
    return known;
  });
}

function isKindOfPerson(word: string): boolean {
  const wordnet = loadWordNet();
  const forms = loadEnglishForms();
  for (const lemma of forms.baseForms(word)) {
    const nouns = wordnet.senses(lemma).find(({ pos }) => pos === "n")?.synsets ?? [];
    let frontier = nouns.slice(0, personSenses);
    for (let step = 0; step <= personSteps && frontier.length > 0; step += 1) {
      const synsets = frontier.map((id) => wordnet.synset(id)).filter((synset) => synset !== undefined);
      if (synsets.some((synset) => synset.words.includes("person"))) return true;
      frontier = synsets.flatMap((synset) => synset.broader);
    }
  }
  return false;
}

/** Whether an asked noun is one any kind of person answers. */
export function isPersonHead(token: string): boolean {
  return personHeads.has(token);
}

/**
 * Whether a text tells the asked noun by its kind: true or false for a person or difference
 * head, undefined for any other noun (checked by its own word).
 */
export function toldByKind(token: string, text: string): boolean | undefined {
  if (personHeads.has(token)) return namesKindOfPerson(text);
  if (differenceHeads.has(token) && contrast.test(text)) return true;
  return undefined;
}
