import type { WeightedTerm } from "../store/store.ts";
import { matchesBeforeTails } from "../text/bracket-matches.ts";
import { tokenize } from "../text/segment.ts";

/**
 * Aliases the briefs define themselves: a name followed by its abbreviation in brackets
 * ("Contemporary Amperex Technology (CATL)", "large language models (LLMs)") or the reverse
 * ("CATL (Contemporary Amperex Technology)"). Chinese–English pairs ("大模型（LLM）") are learned
 * by the lexicon's `learnPairs`; this covers same-language abbreviations. Pure: text in, pairs out.
 */

export interface Alias {
  /** The abbreviation as written, e.g. "CATL". */
  short: string;
  /** The full name as written, e.g. "Contemporary Amperex Technology". */
  long: string;
}

/** Abbreviation (folded token) → full names (search tokens), and full name (tokens joined) → abbreviations. */
export interface AliasTable {
  byShort: Map<string, string[][]>;
  byLong: Map<string, string[]>;
  /** Longest full name in tokens, to bound the phrase scan. */
  longest: number;
}

/** An alias stands for the name as a translation of a name would: high, but below the word itself. */
export const aliasWeight = 0.6;
const maxNameWords = 6;

const nameThenShort =
  /((?:[A-Za-z][\w&'’.-]*\s+){0,5}[A-Za-z][\w&'’.-]*)\s*[(（]([A-Z][A-Za-z0-9&]{1,9}?)s?[)）]/g;
// What `nameThenShort` can match: an abbreviation in brackets, and before it words and spaces.
const abbreviationTail = /[(（][A-Z][A-Za-z0-9&]{1,10}[)）]/g;
const nameCharacter = /[\w&'’.\-\s]/;
const shortThenName =
  /\b([A-Z][A-Z0-9&]{1,9})\s*[(（]((?:[A-Za-z][\w&'’.-]*\s+){1,5}[A-Za-z][\w&'’.-]*)[)）]/g;

/**
 * Whether `short` abbreviates the end of `words`: its letters are the initials of the last few
 * words (a word may give more than one letter: "Amperex Technology" → "AT", "TinyML"). Returns the
 * words it abbreviates, or undefined.
 */
export function abbreviatedWords(short: string, words: readonly string[]): string[] | undefined {
  const letters = short.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  if (letters.length < 2) return undefined;
  for (let start = Math.max(0, words.length - maxNameWords); start < words.length; start += 1) {
    const candidate = words.slice(start);
    if (candidate.length < 2) break;
    if ((candidate[0]?.[0] ?? "").toLowerCase() !== letters[0]) continue;
    // Each word's initial must appear, in order; other letters may come from inside words.
    let position = 0;
    let matches = true;
    for (const word of candidate) {
      const initial = (word[0] ?? "").toLowerCase();
      if (/^(?:of|and|the|for|&)$/i.test(word)) continue;
      const found = letters.indexOf(initial, position);
      if (found < 0) {
        matches = false;
        break;
      }
      position = found + 1;
    }
    if (matches && position >= letters.length - 1) return candidate;
  }
  return undefined;
}

export function learnAliases(text: string): Alias[] {
  const aliases: Alias[] = [];
  const nameThenShortMatches = matchesBeforeTails(text, nameThenShort, abbreviationTail, (character) =>
    nameCharacter.test(character),
  );
  for (const match of nameThenShortMatches) {
    const [, before = "", short = ""] = match;
    const words = abbreviatedWords(short, before.trim().split(/\s+/));
    if (words !== undefined) aliases.push({ short, long: words.join(" ") });
  }
  for (const match of text.matchAll(shortThenName)) {
    const [, short = "", long = ""] = match;
    const words = long.trim().split(/\s+/);
    if (abbreviatedWords(short, words)?.length === words.length) aliases.push({ short, long });
  }
  const seen = new Set<string>();
  return aliases.filter((alias) => {
    const key = `${alias.short}\t${alias.long.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function buildAliasTable(aliases: readonly Alias[]): AliasTable {
  const table: AliasTable = { byShort: new Map(), byLong: new Map(), longest: 1 };
  for (const alias of aliases) {
    const [short] = tokenize(alias.short);
    const long = tokenize(alias.long);
    if (short === undefined || long.length < 2) continue;
    const names = table.byShort.get(short) ?? [];
    if (!names.some((name) => name.join(" ") === long.join(" "))) names.push(long);
    table.byShort.set(short, names);
    const key = long.join(" ");
    const shorts = table.byLong.get(key) ?? [];
    if (!shorts.includes(short)) shorts.push(short);
    table.byLong.set(key, shorts);
    table.longest = Math.max(table.longest, long.length);
  }
  return table;
}

/**
 * The abbreviation for a full name the question spells out, and the full name for an abbreviation
 * the index does not hold (`known`): an abbreviation the briefs use themselves ("AI") is searched
 * as it is, since its spelled-out words match many passages that are not about it.
 */
export function aliasExpansions(
  question: string,
  table: AliasTable,
  known: (term: string) => boolean = () => false,
): WeightedTerm[] {
  if (table.byShort.size === 0) return [];
  const tokens = tokenize(question);
  const terms: WeightedTerm[] = [];
  const add = (term: string, concept: string, supported: boolean) =>
    terms.push({ term, weight: aliasWeight, concept, source: "alias", senseSupported: supported });
  for (const token of tokens) {
    if (known(token)) continue;
    const names = table.byShort.get(token) ?? [];
    // An abbreviation the briefs spell out two different ways is ambiguous (PM: prime minister, product manager).
    for (const name of names) for (const term of name) add(term, token, names.length === 1);
  }
  for (let start = 0; start < tokens.length; start += 1) {
    for (let length = Math.min(table.longest, tokens.length - start); length >= 2; length -= 1) {
      const shorts = table.byLong.get(tokens.slice(start, start + length).join(" "));
      if (shorts === undefined) continue;
      for (const short of shorts) add(short, tokens[start] ?? short, shorts.length === 1);
      break;
    }
  }
  return terms;
}
