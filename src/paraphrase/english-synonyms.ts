import type { WeightedTerm } from "../store/store.ts";
import { isStopword, tokenize } from "../text/segment.ts";
import type { EnglishForms } from "./english-forms.ts";
import type { PartOfSpeech, Synset, WordNet } from "./wordnet.ts";

/**
 * English paraphrase terms for a question from WordNet: for each content word (and each two-word
 * phrase WordNet knows, "let go", "lay off"), the sense its neighbours in the question support —
 * the sense whose words, gloss and neighbouring synsets share the most words with the rest of the
 * question — expands to that sense's other words, their word family (derivations: "lay off" →
 * "layoff"), for verbs the narrower ways of doing it (troponyms: "dismiss" → "lay off"), and for
 * nouns one step of the kind-of tree ("handbook" → reference, manual). A word no neighbour
 * disambiguates is not expanded (see `fallbackSynonym`). Irregular forms (went/go) join at nearly
 * full weight.
 */

/** Weights relative to the asker's own words (1). Chosen on the dev sets and the bench's own paraphrases. */
export const englishWeights = {
  /** Another form of the same word (bought for buy): the same word, barely less than the original. */
  irregularForm: 0.9,
  /** A synonym in the sense the question's other words support: about a translation's worth. */
  supportedSynonym: 0.5,
  /** A derivation (layoff for lay off) of a supported sense: same idea, other part of speech. */
  supportedFamily: 0.45,
  /** A narrower verb (lay off for dismiss) of a supported sense. */
  supportedNarrower: 0.3,
  /** A kind of the noun, found through its definition (election for vote), that the question supports. */
  definedBy: 0.3,
  /**
   * One step down or up WordNet's kind-of tree from a supported noun sense: its kinds (handbook →
   * manual, guidebook) and what it is a kind of (board → committee). As low as a narrower verb: a
   * kind is not the thing, but a question asking in general words often means one of them.
   */
  supportedKind: 0.3,
  /**
   * The most frequent sense when nothing in the question chose one. 0 = off: on the dev sets every
   * such guess (team → squad, nobody → cipher, 文摘 → 消化) moved a right passage down, none up;
   * WordNet's single sense of a word is no safer (its senses are of nouns and verbs only).
   */
  fallbackSynonym: 0,
  fallbackFamily: 0,
} as const;

/** Words with more senses than this expand only when the question supports one of them. */
export const fallbackMaxSenses = 3;
/**
 * Words with more senses than this (go, come, take, make, last) are too general to expand at all:
 * their neighbours nearly always "support" some sense by accident.
 */
export const maxSenses = 12;
/**
 * Least support for choosing a sense: a question word in the sense's own words or gloss counts 2,
 * one in a neighbouring synset's words or gloss counts 1, so one direct hit or two indirect ones.
 */
export const minimumSupport = 2;
const expandedPartsOfSpeech = new Set(["n", "v"]);

// The word before tells a noun ("one thread", "the fire") from a verb ("to thread", "will fire").
const beforeNoun = new Set(
  "a an the one two three its their his her our my your this that these those each every some any no new".split(
    " ",
  ),
);
const beforeVerb = new Set("to will would can could should may might must did does do not".split(" "));

/** A part of speech the previous word implies, if it implies one. */
function partOfSpeechHint(previous: string | undefined): PartOfSpeech | undefined {
  if (previous === undefined) return undefined;
  if (beforeNoun.has(previous) || /^\d/.test(previous)) return "n";
  if (beforeVerb.has(previous)) return "v";
  return undefined;
}
/**
 * A phrase whose first word has more senses than this (go, get, take, make) is not looked up,
 * unless it is a phrase with a noun of at most `maxPhraseSenses` ("take place", not "take on").
 */
export const lightVerbSenses = 25;
/** A two-word phrase with at most this many senses needs no support from the rest of the question. */
export const maxPhraseSenses = 2;
/** Synsets defined by a noun that are looked at (the head-word index lists up to hundreds for "person"). */
export const maxDefinedBy = 20;
/** Shorter synonyms are mostly abbreviations (ca for California) or bits of names. */
export const minimumSynonymLength = 4;
/** At most this many paraphrase terms per question word, so one word cannot flood the query. */
export const maxTermsPerWord = 6;

const latinWord = /[a-z][a-z'’-]*[a-z]|[a-z]/g;

interface Candidate {
  term: string;
  weight: number;
  /** A synonym of a word or phrase WordNet gives one sense ("take place" → happen). */
  soleSense?: boolean;
}

const tokenMemo = new Map<string, string[]>();

/** Search tokens of a WordNet word (memoised: the same few thousand words recur). */
function wordTokens(word: string): string[] {
  let tokens = tokenMemo.get(word);
  if (tokens === undefined) {
    tokens = tokenize(word);
    if (tokenMemo.size > 50_000) tokenMemo.clear();
    tokenMemo.set(word, tokens);
  }
  return tokens;
}

/** The search token a WordNet word becomes, or undefined for phrases that are not one search word. */
function singleToken(word: string): string | undefined {
  // "force out" is not "force": a phrase is one search word only if it is one word.
  if (/\s/.test(word)) return undefined;
  const tokens = wordTokens(word);
  return tokens.length === 1 ? tokens[0] : undefined;
}

/**
 * Words compared for sense support are cut to their first four letters (truncation stemming), so
 * "employee" supports a gloss that says "employment" and "workers" one that says "work"; shorter
 * words are compared whole. (Five letters missed worker/work; three matched too much.)
 */
export const supportPrefixLength = 4;

function supportKey(token: string): string {
  return /^[a-z]/.test(token) ? token.slice(0, supportPrefixLength) : token;
}

interface Signature {
  /** Tokens of the synset's own words and gloss. */
  direct: Set<string>;
  /** Tokens of its neighbouring synsets' words and glosses. */
  neighbours: Set<string>;
}

const signatureMemo = new WeakMap<Synset, Signature>();
const directMemo = new WeakMap<Synset, Set<string>>();

/** A synset's own words and gloss as support keys (no neighbours: cheap enough for many candidates). */
function directSignature(synset: Synset): Set<string> {
  let direct = directMemo.get(synset);
  if (direct === undefined) {
    direct = new Set<string>(synset.gloss.map(supportKey));
    for (const word of synset.words) for (const token of wordTokens(word)) direct.add(supportKey(token));
    directMemo.set(synset, direct);
  }
  return direct;
}

/** What a sense is "about": its words and gloss, and those of its neighbouring synsets. */
function signature(wordnet: WordNet, synset: Synset): Signature {
  const memo = signatureMemo.get(synset);
  if (memo !== undefined) return memo;
  const direct = directSignature(synset);
  const neighbours = new Set<string>();
  for (const id of [...synset.related, ...synset.narrower]) {
    const neighbour = wordnet.synset(id);
    if (neighbour === undefined) continue;
    for (const word of neighbour.words)
      for (const token of wordTokens(word)) neighbours.add(supportKey(token));
    for (const token of neighbour.gloss) neighbours.add(supportKey(token));
  }
  const result = { direct, neighbours };
  signatureMemo.set(synset, result);
  return result;
}

export interface EnglishExpansionOptions {
  wordnet: WordNet;
  forms: EnglishForms;
  /** Question words that carry no topic (question words such as "which", "say"). */
  isQuestionWord: (token: string) => boolean;
}

/** WordNet and irregular-form expansions of an English question, each tied to the own token it stands for. */
export function englishExpansions(question: string, options: EnglishExpansionOptions): WeightedTerm[] {
  const { wordnet, forms } = options;
  const words = (question.normalize("NFKC").toLowerCase().match(latinWord) ?? []).map((word) =>
    word.replace(/’/g, "'").replace(/'s$/, ""),
  );
  const content = words.filter((word) => !isStopword(word) && !options.isQuestionWord(word));
  const contextTokens = new Set(content.flatMap((word) => tokenize(word)));
  const result: WeightedTerm[] = [];
  const emitted = new Set<string>(contextTokens);
  const emit = (
    concept: string,
    candidates: Candidate[],
    supported: boolean,
    source: "wordnet" | "morphology",
  ) => {
    let count = 0;
    for (const { term, weight, soleSense } of candidates.sort((left, right) => right.weight - left.weight)) {
      if (count >= maxTermsPerWord) break;
      // Abbreviations ("ca", "calif", "c.p.u") match far more than the word they shorten.
      if (emitted.has(term) || isStopword(term) || term.length < 2) continue;
      if (source === "wordnet" && (term.length < minimumSynonymLength || term.includes("."))) continue;
      emitted.add(term);
      result.push({
        term,
        weight,
        concept,
        source,
        senseSupported: supported,
        ...(soleSense === true ? { soleSense } : {}),
      });
      count += 1;
    }
  };
  // WordNet's senses of some lemmas, all parts of speech together.
  const sensesOf = (lemmas: readonly string[]) =>
    lemmas.flatMap((lemma) => wordnet.senses(lemma)).reduce((sum, { synsets }) => sum + synsets.length, 0);
  // Irregular forms first: they are the same word.
  for (const word of content) {
    const concept = singleToken(word);
    if (concept === undefined) continue;
    // Light verbs (get/got, take/took, mean/meant) say little; their forms only add noise.
    if (sensesOf(forms.baseForms(word)) > maxSenses) continue;
    const variants = forms
      .variants(word)
      .map((variant) => singleToken(variant))
      // A form that only adds a letter or two (goes → "goe", top → "topp") is regular, or a rare
      // spelling: the stemmer already folds the regular ones.
      .filter(
        (term): term is string =>
          term !== undefined &&
          term !== concept &&
          !(term.startsWith(concept) && term.length - concept.length < 3),
      )
      .map((term) => ({ term, weight: englishWeights.irregularForm }));
    emit(concept, variants, true, "morphology");
  }
  // Phrases first ("lay off" before "lay"), then single words not inside a phrase.
  const spans: Array<{
    lemma: string[];
    concept: string;
    own: Set<string>;
    phrase: boolean;
    hint?: PartOfSpeech;
  }> = [];
  const covered = new Set<number>();
  for (let index = 0; index + 1 < words.length; index += 1) {
    const [first, second] = [words[index] ?? "", words[index + 1] ?? ""];
    if (isStopword(first) || options.isQuestionWord(first)) continue;
    const lemmas = forms.baseForms(first).map((base) => `${base} ${second}`);
    const known = lemmas.filter((lemma) => wordnet.senses(lemma).length > 0);
    // "go to", "get up", "take on": phrases of the lightest verbs are as vague as the verbs …
    // … unless the phrase itself means one thing with a noun ("take place": happen, occur; not
    // "go to", which WordNet reads as "attend").
    if (
      sensesOf(forms.baseForms(first)) > lightVerbSenses &&
      (isStopword(second) || sensesOf(known) > maxPhraseSenses)
    )
      continue;
    // A verb phrase ("lay off") stands for its verb, a noun phrase ("potato chip") for its head noun.
    const verbal = known.some((lemma) => wordnet.senses(lemma).some(({ pos }) => pos === "v"));
    const concept = singleToken(verbal ? first : second);
    if (known.length === 0 || concept === undefined) continue;
    spans.push({
      lemma: known,
      concept,
      own: new Set([...tokenize(first), ...tokenize(second)]),
      phrase: true,
    });
    covered.add(index).add(index + 1);
  }
  words.forEach((word, index) => {
    if (covered.has(index) || isStopword(word) || options.isQuestionWord(word)) return;
    const concept = singleToken(word);
    if (concept === undefined) return;
    const known = forms.baseForms(word).filter((lemma) => wordnet.senses(lemma).length > 0);
    if (known.length > 0)
      spans.push({
        lemma: known,
        concept,
        own: new Set(tokenize(word)),
        phrase: false,
        hint: partOfSpeechHint(words[index - 1]),
      });
  });
  for (const span of spans) {
    const ownKeys = new Set([...span.own].map(supportKey));
    const context = new Set(
      [...contextTokens].map(supportKey).filter((key) => key.length >= 3 && !ownKeys.has(key)),
    );
    const senses = span.lemma.flatMap((lemma) =>
      wordnet
        .senses(lemma)
        .filter(({ pos }) => span.hint === undefined || pos === span.hint)
        .flatMap(({ pos, synsets }) =>
          synsets.map((id, rank) => ({ lemma, id, rank, pos, synset: wordnet.synset(id) })),
        ),
    );
    if (senses.length > maxSenses) continue;
    let best: (typeof senses)[number] | undefined;
    // A phrase is half-disambiguated already: one indirect hit is enough to pick among its senses.
    let bestSupport = (span.phrase ? 1 : minimumSupport) - 1;
    for (const sense of senses) {
      if (sense.synset === undefined) continue;
      const { direct, neighbours } = signature(wordnet, sense.synset);
      let support = 0;
      for (const token of context) support += direct.has(token) ? 2 : neighbours.has(token) ? 1 : 0;
      if (support > bestSupport) {
        best = sense;
        bestSupport = support;
      }
    }
    // A phrase WordNet knows with at most two senses is its own context ("potato chip").
    if (best === undefined && span.phrase && senses.length <= maxPhraseSenses)
      best = senses.find((sense) => sense.rank === 0);
    const supported = best !== undefined;
    if (best === undefined) {
      // No neighbour chose a sense: only a word with few senses, by its most frequent one, and
      // only if the fallback is weighted at all.
      if (englishWeights.fallbackSynonym === 0 || senses.length === 0 || senses.length > fallbackMaxSenses)
        continue;
      best = senses.find((sense) => sense.rank === 0);
    }
    const synset = best?.synset;
    // Nouns and verbs carry the topic; adjective and adverb synonyms (new → young) were noise.
    if (best === undefined || synset === undefined || !expandedPartsOfSpeech.has(best.pos)) continue;
    const weights = {
      synonym: supported ? englishWeights.supportedSynonym : englishWeights.fallbackSynonym,
      family: supported ? englishWeights.supportedFamily : englishWeights.fallbackFamily,
    };
    const candidates: Candidate[] = [];
    const lemmaIndex = synset.words.indexOf(best.lemma);
    const soleSense = senses.length === 1;
    for (const word of synset.words) {
      const term = singleToken(word);
      if (term !== undefined && !span.own.has(term))
        candidates.push({ term, weight: weights.synonym, soleSense });
    }
    for (const { from, word } of synset.derived) {
      const term = singleToken(word);
      const ofThisWord = from === lemmaIndex;
      if (term !== undefined && !span.own.has(term))
        candidates.push({ term, weight: ofThisWord ? weights.family : weights.family * 0.8 });
    }
    if (synset.pos === "v") {
      for (const id of synset.narrower) {
        const narrower = wordnet.synset(id);
        for (const word of narrower?.words ?? []) {
          const term = singleToken(word);
          if (term !== undefined && !span.own.has(term))
            candidates.push({ term, weight: englishWeights.supportedNarrower });
        }
        for (const { word } of narrower?.derived ?? []) {
          const term = singleToken(word);
          if (term !== undefined && !span.own.has(term))
            candidates.push({ term, weight: englishWeights.supportedNarrower });
        }
      }
    }
    if (synset.pos === "n" && supported) {
      // What it is a kind of first: one synset, which a long list of kinds must not crowd out.
      for (const id of [...synset.broader, ...synset.narrower]) {
        for (const word of wordnet.synset(id)?.words ?? []) {
          const term = singleToken(word);
          if (term !== undefined && !span.own.has(term))
            candidates.push({ term, weight: englishWeights.supportedKind });
        }
      }
    }
    // Kinds of a noun found through their definitions ("vote" → election, "emblem" → logo), when
    // their own words or gloss share something with the rest of the question.
    if (synset.pos === "n") {
      for (const id of wordnet.definedBy(span.concept).slice(0, maxDefinedBy)) {
        const kind = wordnet.synset(id);
        if (kind === undefined) continue;
        const direct = directSignature(kind);
        const support = [...context].filter((key) => direct.has(key)).length;
        if (support === 0) continue;
        for (const word of kind.words) {
          const term = singleToken(word);
          if (term !== undefined && !span.own.has(term))
            candidates.push({ term, weight: englishWeights.definedBy });
        }
      }
    }
    emit(span.concept, candidates, supported, "wordnet");
  }
  return result;
}
