import { loadEnglishForms } from "../paraphrase/english-forms.ts";
import { loadWordNet, type PartOfSpeech } from "../paraphrase/wordnet.ts";
import { isStopword } from "../text/segment.ts";

/**
 * What a question's verbs and adjectives say, and their opposites: "accepted" against "turned
 * down", "hire" against "fire", "rise" against "fall". A sentence giving a package that someone
 * "initially turned down" does not say what the package they "finally accepted" was worth, though
 * it holds a sum, the name and the company. WordNet's antonyms (of a word's leading senses) tell
 * such a sentence from an answer; the evidence gate (evidence-gate.ts) takes the value from it only
 * when it also says what the question says.
 */

export interface OpposedWord {
  /** The question's word as written, lower case ("accepted"). */
  word: string;
  /** Its dictionary forms and their inflections: where the sentence says it too. */
  forms: string[];
  /** Antonyms of its leading senses, as WordNet writes them ("refuse", "turn down"). */
  opposites: string[];
}

/**
 * Leading senses per part of speech whose antonyms count. 2: the senses a question's verb is
 * almost always used in ("accept" an offer, "accept" a fact); later ones are rare uses whose
 * antonyms ("accept" a mate) would stop answers for nothing.
 */
export const antonymSenses = 2;

// Words before a verb's bare form or participle: "did he accept", "to hire", "was fired".
const verbLeads = new Set(
  "did does do to will would has have had can could should might must was were is are be been being not never finally first initially later eventually".split(
    " ",
  ),
);

const determiners = new Set(
  "the a an this that these those its his her their my our your each every".split(" "),
);

const verbal: PartOfSpeech = "v";

/**
 * The opposed words of an English question (none for a Chinese one: no antonym source). Only verbs,
 * told by their inflection ("accepted", "hiring") or the word before them ("did … raise", "to
 * hire"): adjectives' opposites ("new" and "old", "first" and "last") sit side by side in answers
 * too often, and a noun ("package") must not lend its verb's antonym ("unbox").
 */
export function opposedWords(question: string): OpposedWord[] {
  const words = question.toLowerCase().match(/[a-z]+(?:-[a-z]+)*/g) ?? [];
  if (words.length === 0) return [];
  const wordnet = loadWordNet();
  const forms = loadEnglishForms();
  const result: OpposedWord[] = [];
  const seen = new Set<string>();
  words.forEach((word, index) => {
    if (seen.has(word) || word.length < 3 || isStopword(word)) return;
    seen.add(word);
    const lemmas = forms
      .baseForms(word)
      .filter((lemma) => wordnet.senses(lemma).some(({ pos }) => pos === verbal));
    const inflected = lemmas.some((lemma) => lemma !== word);
    // "did the company open": an auxiliary a few words before, with its subject between.
    const led = words.slice(Math.max(0, index - 3), index).some((before) => verbLeads.has(before));
    // A word after a determiner is a noun ("was in the package"), whatever verb it could be.
    const determined = determiners.has(words[index - 1] ?? "");
    if (lemmas.length === 0 || determined || !(inflected || led)) return;
    // A phrasal verb ("lay off") is opposed as a whole, not through its verb ("lay" / "stand").
    const next = words[index + 1];
    if (next !== undefined && lemmas.some((lemma) => wordnet.senses(`${lemma} ${next}`).length > 0)) return;
    const opposites = new Set<string>();
    for (const lemma of lemmas)
      for (const { pos, synsets } of wordnet.senses(lemma)) {
        if (pos !== verbal) continue;
        // "can" (to fire) is mostly a modal; a stop word opposes nothing.
        for (const id of synsets.slice(0, antonymSenses))
          for (const antonym of wordnet.synset(id)?.antonyms ?? [])
            for (const opposite of wordnet.synset(antonym)?.words ?? [])
              if (!isStopword(opposite) && opposite.length >= 3) opposites.add(opposite);
      }
    if (opposites.size === 0) return;
    const own = new Set([word, ...lemmas.flatMap((lemma) => [lemma, ...inflections(lemma)])]);
    for (const lemma of lemmas) for (const variant of forms.variants(lemma)) own.add(variant);
    // A word opposed to itself through another sense ("close" as "near" and as "shut") says nothing.
    for (const form of own) opposites.delete(form);
    if (opposites.size > 0) result.push({ word, forms: [...own], opposites: [...opposites] });
  });
  return result;
}

/** Regular inflections of a word: -s, -ed, -ing (with a final e dropped). */
function inflections(lemma: string): string[] {
  if (lemma.includes(" ")) return [];
  const stem = lemma.endsWith("e") ? lemma.slice(0, -1) : lemma;
  return [`${lemma}s`, `${lemma}es`, `${stem}ed`, `${stem}ing`, `${lemma}d`];
}

const escapePattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A pattern for a word or phrase with its first word inflected ("turned down", "refusing"). */
function phrasePattern(phrase: string): string {
  const [first = "", ...rest] = phrase.split(" ");
  const forms = loadEnglishForms();
  const firstForms = [first, ...inflections(first), ...forms.variants(first)];
  const head = `(?:${[...new Set(firstForms)].map(escapePattern).join("|")})`;
  return [head, ...rest.map(escapePattern)].join("\\s+");
}

const compiled = new Map<string, RegExp>();

function patternOf(words: string[]): RegExp {
  const key = words.join("|");
  let pattern = compiled.get(key);
  if (pattern === undefined) {
    pattern = new RegExp(`\\b(?:${words.map(phrasePattern).join("|")})\\b`, "i");
    compiled.set(key, pattern);
  }
  return pattern;
}

/**
 * Whether a text says the opposite of one of the question's words and not the word itself:
 * "turned down a $1.5 billion package" for "the package he accepted".
 */
export function tellsTheOpposite(text: string, opposed: readonly OpposedWord[]): boolean {
  return opposed.some((entry) => patternOf(entry.opposites).test(text) && !patternOf(entry.forms).test(text));
}
