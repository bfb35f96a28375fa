import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findPackageFile } from "../lexicon/cedict.ts";

/**
 * English word forms the light stemmer cannot fold: irregular verbs (went/go, bought/buy) and
 * irregular plurals (mice/mouse, criteria/criterion), from RosaeNLG's WordNet-derived lists
 * (`english-verbs-irregular`, `english-plurals-list`), and the base-form candidates WordNet's own
 * "morphy" tries (detachment rules) for looking a word up. Loaded on first use (~200 kB).
 */

export interface EnglishForms {
  /** Other forms of the same word: base → irregular forms, irregular form → base. */
  variants(word: string): string[];
  /** Candidate dictionary forms of a word, the word itself first. */
  baseForms(word: string): string[];
}

// WordNet morphy's detachment rules (suffix → replacement), nouns, verbs and adjectives together.
const detachments: Array<[string, string]> = [
  ["ses", "s"],
  ["xes", "x"],
  ["zes", "z"],
  ["ches", "ch"],
  ["shes", "sh"],
  ["men", "man"],
  ["ies", "y"],
  // Beyond morphy's list: "queried" → "query", "happier" → "happy" (its exception files miss many).
  ["ied", "y"],
  ["ier", "y"],
  ["iest", "y"],
  ["es", "e"],
  ["es", ""],
  ["s", ""],
  ["ed", "e"],
  ["ed", ""],
  ["ing", "e"],
  ["ing", ""],
  ["er", ""],
  ["est", ""],
  ["er", "e"],
  ["est", "e"],
];

function readJson<T>(packageName: string, file: string): T | undefined {
  const path = findPackageFile(packageName, join("dist", file));
  if (path === undefined) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return undefined;
  }
}

let verbs: Record<string, string[][]> | undefined;

/** The irregular verbs, base form → [past, past participle] per conjugation; read once. */
export function irregularVerbs(): Record<string, string[][]> {
  verbs ??= readJson<Record<string, string[][]>>("english-verbs-irregular", "verbs.json") ?? {};
  return verbs;
}

let loaded: EnglishForms | undefined;

export function loadEnglishForms(): EnglishForms {
  if (loaded !== undefined) return loaded;
  const related = new Map<string, Set<string>>();
  const base = new Map<string, Set<string>>();
  const link = (lemma: string, form: string) => {
    if (lemma === form || form.length === 0) return;
    for (const [from, to] of [
      [lemma, form],
      [form, lemma],
    ] as const) {
      const set = related.get(from) ?? new Set<string>();
      set.add(to);
      related.set(from, set);
    }
    const lemmas = base.get(form) ?? new Set<string>();
    lemmas.add(lemma);
    base.set(form, lemmas);
  };
  for (const [lemma, conjugations] of Object.entries(irregularVerbs())) {
    for (const forms of conjugations) for (const form of forms) link(lemma, form);
  }
  const plurals = readJson<Record<string, string>>("english-plurals-list", "plurals.json") ?? {};
  for (const [singular, plural] of Object.entries(plurals)) link(singular, plural);
  loaded = {
    variants: (word) => [...(related.get(word) ?? [])],
    baseForms(word) {
      const forms = [word];
      forms.push(...(base.get(word) ?? []));
      for (const [suffix, replacement] of detachments) {
        if (word.length > suffix.length + 2 && word.endsWith(suffix))
          forms.push(word.slice(0, -suffix.length) + replacement);
      }
      // "stopped" → "stop": a doubled final consonant.
      const doubled = /([b-df-hj-np-tv-z])\1(?:ed|ing|er|est)$/.exec(word);
      if (doubled !== null) forms.push(word.slice(0, doubled.index + 1));
      return [...new Set(forms)];
    },
  };
  return loaded;
}
