import { loadEnglishForms } from "../paraphrase/english-forms.ts";
import { loadWordNet, type PartOfSpeech } from "../paraphrase/wordnet.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";
import { isStopword } from "../text/segment.ts";

/**
 * The verbs of an English question, read with WordNet, for the answerer:
 * - their opposites: "accepted" against "turned down", "hire" against "fire", "rise" against
 *   "fall". A sentence giving a package that someone "initially turned down" does not say what the
 *   package they "finally accepted" was worth, though it holds a sum, the name and the company; the
 *   evidence gate (evidence-gate.ts) takes a value from it only when it also says what the
 *   question says;
 * - the action a "how did X propose to …" question asks about, whose telling ("Ingala proposes
 *   generating …") is the method the answer needs.
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

interface QuestionVerb {
  word: string;
  index: number;
  /** Its dictionary forms that WordNet knows as verbs. */
  lemmas: string[];
  /** The word opens a phrasal verb with the next ("lay off"). */
  phrasal: boolean;
}

/**
 * The verbs of an English question, told by their inflection ("accepted", "hiring") or an
 * auxiliary shortly before them ("did … raise", "to hire"); a word after a determiner is a noun
 * ("was in the package"), whatever verb it could be.
 */
function questionVerbs(words: readonly string[]): QuestionVerb[] {
  const wordnet = loadWordNet();
  const forms = loadEnglishForms();
  const verbs: QuestionVerb[] = [];
  words.forEach((word, index) => {
    if (word.length < 3 || isStopword(word)) return;
    const lemmas = forms
      .baseForms(word)
      .filter((lemma) => wordnet.senses(lemma).some(({ pos }) => pos === verbal));
    const inflected = lemmas.some((lemma) => lemma !== word);
    // "did the company open": an auxiliary a few words before, with its subject between.
    const led = words.slice(Math.max(0, index - 3), index).some((before) => verbLeads.has(before));
    const determined = determiners.has(words[index - 1] ?? "");
    if (lemmas.length === 0 || determined || !(inflected || led)) return;
    const next = words[index + 1];
    const phrasal =
      next !== undefined && lemmas.some((lemma) => wordnet.senses(`${lemma} ${next}`).length > 0);
    verbs.push({ word, index, lemmas, phrasal });
  });
  return verbs;
}

/** A verb's forms: its dictionary forms, their regular inflections and irregular forms. */
function formsOf(word: string, lemmas: readonly string[]): Set<string> {
  const forms = loadEnglishForms();
  const own = new Set([word, ...lemmas.flatMap((lemma) => [lemma, ...inflections(lemma)])]);
  for (const lemma of lemmas) for (const variant of forms.variants(lemma)) own.add(variant);
  return own;
}

const questionWords = (question: string) => question.toLowerCase().match(/[a-z]+(?:-[a-z]+)*/g) ?? [];

/**
 * The opposed words of an English question (none for a Chinese one: no antonym source). Only verbs:
 * adjectives' opposites ("new" and "old", "first" and "last") sit side by side in answers too
 * often, and a noun ("package") must not lend its verb's antonym ("unbox").
 */
export function opposedWords(question: string): OpposedWord[] {
  return opposedAmong(questionVerbs(questionWords(question)));
}

function opposedAmong(verbs: readonly QuestionVerb[]): OpposedWord[] {
  if (verbs.length === 0) return [];
  const wordnet = loadWordNet();
  const result: OpposedWord[] = [];
  const seen = new Set<string>();
  for (const { word, lemmas, phrasal } of verbs) {
    // A phrasal verb ("lay off") is opposed as a whole, not through its verb ("lay" / "stand").
    if (seen.has(word) || phrasal) continue;
    seen.add(word);
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
    if (opposites.size === 0) continue;
    const own = formsOf(word, lemmas);
    // A word opposed to itself through another sense ("close" as "near" and as "shut") says nothing.
    for (const form of own) opposites.delete(form);
    if (opposites.size > 0) result.push({ word, forms: [...own], opposites: [...opposites] });
  }
  return result;
}

/**
 * The forms of the verb a "how did X propose to …" question asks about (its first verb after "how"
 * and the auxiliary), for finding the sentence that tells the method: "Ingala proposes generating a
 * single state object …". Empty when the question is not such a "how" question or is Chinese.
 */
export function askedActionForms(question: string): string[] {
  return englishHowQuestion.test(question) ? actionFormsAmong(questionVerbs(questionWords(question))) : [];
}

const englishHowQuestion =
  /^\s*how\s+(?:did|does|do|can|could|would|will|should|is|are|was|were|has|have)\b/i;

function actionFormsAmong(verbs: readonly QuestionVerb[]): string[] {
  const verb = verbs.find((candidate) => candidate.index >= 2);
  return verb === undefined ? [] : [...formsOf(verb.word, verb.lemmas)];
}

/** Regular inflections of a word: -s, -ed, -ing (with a final e dropped). */
function inflections(lemma: string): string[] {
  if (lemma.includes(" ")) return [];
  const stem = lemma.endsWith("e") ? lemma.slice(0, -1) : lemma;
  return [`${lemma}s`, `${lemma}es`, `${stem}ed`, `${stem}ing`, `${lemma}d`];
}

/** A pattern for a word or phrase with its first word inflected ("turned down", "refusing"). */
function phrasePattern(phrase: string): string {
  const [first = "", ...rest] = phrase.split(" ");
  const forms = loadEnglishForms();
  const firstForms = [first, ...inflections(first), ...forms.variants(first)];
  const head = `(?:${[...new Set(firstForms)].map(escapeRegExp).join("|")})`;
  return [head, ...rest.map(escapeRegExp)].join("\\s+");
}

// How a sentence tells a method: "by hooking …", "通过 hook msg_send 实现", "方法是…".
const methodMarkers = /\bby\s+[a-z]+ing\b|通过|借助|利用|依靠|方法是|办法是|做法是|方式是/iu;

/** Chinese "how" questions asking for a method (not 怎么会 "how come", 怎么样 "how is it", 怎么看). */
const chineseMethodQuestion =
  /怎么(?!会|样|看|说)|如何(?!看|评价)|怎样(?!看)|用什么(?:方式|方法|办法|手段)|靠什么|通过什么/u;

/** Whether a question asks how something was done (a method), in English or Chinese. */
export function asksMethod(question: string): boolean {
  return readQuestionVerbs(question).asksMethod;
}

/**
 * Whether a sentence tells a method: "by …ing", 通过/借助/利用…, or the asked action itself
 * ("Ingala proposes generating …" for "How did Ingala propose to …").
 */
export function tellsMethod(text: string, actionForms: readonly string[]): boolean {
  return methodMarkers.test(text) || (actionForms.length > 0 && patternOf([...actionForms]).test(text));
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

// Asking for what a flaw leaves alone: "safe from", "unaffected by", "immune to", "not vulnerable".
const unaffectedAsked = /\b(?:safe from|unaffected by|immune to|protected from|not vulnerable)\b/iu;

// "not", "never", and the "t" of "wasn't" as the question's words split it.
const negations = new Set(["not", "never", "t", "no"]);

/** The text tells a verb the question negates, and never negated ("affected" for "not affected"). */
export function tellsUnnegated(text: string, negated: readonly string[][]): boolean {
  const lower = text.toLowerCase();
  return negated.some((forms) => {
    const told = [...lower.matchAll(new RegExp(patternOf(forms).source, "giu"))];
    if (told.length === 0) return false;
    return told.every(
      (match) =>
        !/(?:\b(?:not|never|no|nor)|n['’]t)\s+(?:\w+\s+)?$/u.test(
          lower.slice(Math.max(0, (match.index ?? 0) - 24), match.index),
        ),
    );
  });
}

export interface QuestionVerbs {
  opposed: OpposedWord[];
  /**
   * Forms of the verbs the question negates ("which versions were not affected"): a sentence
   * telling one only unnegated ("affected versions 23.02 through 23.05") tells the opposite.
   */
  negated: string[][];
  /** Forms of the action a "how" question asks about (`askedActionForms`). */
  actionForms: string[];
  /** The question asks how something was done (a method), in English or Chinese. */
  asksMethod: boolean;
}

/** Everything the answerer reads from a question's verbs, the verbs found once. */
export function readQuestionVerbs(question: string): QuestionVerbs {
  const words = questionWords(question);
  const verbs = questionVerbs(words);
  const actionForms = englishHowQuestion.test(question) ? actionFormsAmong(verbs) : [];
  const negated = verbs
    .filter(({ index }) => words.slice(Math.max(0, index - 2), index).some((before) => negations.has(before)))
    .map(({ word, lemmas }) => [...formsOf(word, lemmas)]);
  // "Which versions are safe from the bug" asks for the ones not affected.
  if (unaffectedAsked.test(question))
    negated.push(["affect", "affects", "affected", "affecting", "vulnerable"]);
  return {
    opposed: opposedAmong(verbs),
    negated,
    actionForms,
    asksMethod: actionForms.length > 0 || chineseMethodQuestion.test(question),
  };
}
