import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Jieba } from "@node-rs/jieba";
import { stampOf } from "../lexicon/cedict.ts";
import {
  compareCodePoints,
  readCache,
  SortedLines,
  sectionedText,
  writeCache,
} from "../lexicon/sorted-lines.ts";

/**
 * jieba without loading its dictionary. Building jieba from its 350,000-word dictionary takes
 * ~0.2 s, most of a one-shot `ask`, which segments a few hundred characters (the question, the
 * Chinese translations of its words). A segmentation of a text depends only on the dictionary
 * words that occur in that text (jieba's word graph, its HMM check of unknown runs and its
 * search-mode sub-words all look up substrings of the text) and on the dictionary's total
 * frequency (every word costs log(freq / total)). So a text is segmented exactly as the whole
 * dictionary would segment it by a jieba built from just those words plus one placeholder entry,
 * which no text can hold, that carries the rest of the total. The words are found by binary
 * search in a sorted copy of the dictionary, built once into `node_modules/.cache`.
 *
 * Words taught at run time (`teach`) follow jieba's own rules for them: a word already in the
 * dictionary keeps its tag and takes the new frequency; the total is the sum over all words.
 */

const cacheFormat = 1;

/**
 * Tag-free placeholder of the rest of the total: private-use characters, which jieba never reads
 * as part of a word (its word pattern is Han characters, Latin letters, digits and a few signs).
 */
const placeholderWord = "\ue000\ue001";

interface SortedDictionary {
  words: SortedLines;
  /** Sum of the dictionary's frequencies, as jieba computes its total. */
  total: number;
  /** Longest word, in UTF-16 code units. */
  longest: number;
}

/** A dictionary line: frequency and tag (jieba's `word freq tag`). */
interface Entry {
  freq: number;
  tag: string;
}

function parseEntry(value: string): Entry {
  const space = value.indexOf(" ");
  return space < 0
    ? { freq: Number(value) || 0, tag: "" }
    : { freq: Number(value.slice(0, space)) || 0, tag: value.slice(space + 1) };
}

/** jieba's dictionary as sorted `word<TAB>freq tag` lines, after a section of totals. */
function buildLayout(dictionaryText: string): string {
  // jieba keeps a repeated word's first tag and last frequency.
  const entries = new Map<string, Entry>();
  for (const line of dictionaryText.split("\n")) {
    const [word, freqText, tag] = line.trim().split(/\s+/);
    if (word === undefined || word === "") continue;
    const freq = freqText === undefined ? 0 : Number.parseInt(freqText, 10) || 0;
    const existing = entries.get(word);
    if (existing === undefined) entries.set(word, { freq, tag: tag ?? "" });
    else existing.freq = freq;
  }
  let total = 0;
  let longest = 0;
  const lines: string[] = [];
  for (const [word, { freq, tag }] of entries) {
    total += freq;
    longest = Math.max(longest, word.length);
    lines.push(`${word}\t${freq} ${tag}`);
  }
  // Code point order is the order of the UTF-8 bytes SortedLines searches in.
  lines.sort(compareCodePoints);
  // The totals section is sorted too: "longest" before "total".
  return `longest\t${longest}\ntotal\t${total}\n\n${lines.join("\n")}`;
}

let sorted: SortedDictionary | null | undefined;

/** jieba's own dictionary file (what `@node-rs/jieba/dict.js` reads, without its IDF table). */
export function dictionaryPath(): string {
  return createRequire(import.meta.url).resolve("@node-rs/jieba/dict.txt");
}

/** The sorted dictionary, read from its cache or built (once per install); null if unavailable. */
function sortedDictionary(): SortedDictionary | null {
  if (sorted !== undefined) return sorted;
  try {
    const path = dictionaryPath();
    const stamp = stampOf([path], `briefbot-jieba ${cacheFormat}`);
    const cachePath = join(
      dirname(dirname(dirname(path))),
      ".cache",
      "briefbot",
      `jieba-sorted-${cacheFormat}.tsv`,
    );
    let layout = readCache(cachePath, stamp);
    if (layout === undefined) {
      const built = buildLayout(readFileSync(path, "utf8"));
      writeCache(cachePath, stamp, built);
      layout = sectionedText(built);
    }
    const [meta, words] = layout.sections;
    if (meta === undefined || words === undefined) throw new Error("jieba dictionary cache without sections");
    const totals = new SortedLines(layout.source, meta.begin, meta.end);
    sorted = {
      // Never a map of 350,000 words: past the lookup budget, jieba loads its own.
      words: new SortedLines(layout.source, words.begin, words.end, Number.POSITIVE_INFINITY),
      total: Number(totals.find("total")),
      longest: Number(totals.find("longest")),
    };
  } catch {
    sorted = null;
  }
  return sorted;
}

/**
 * Lookups a light segmenter makes before it gives way to the whole dictionary. A lookup is ~1 µs
 * (binary search in the cache file; measured on this 2-core machine), so the budget spends at
 * most ~15 ms, against ~200 ms for building jieba; it stays below the 20,000 lookups after which
 * `SortedLines` reads the whole file into a map. A question (a few hundred characters: ~2,000
 * lookups on the archive) stays well inside it; an ingest leaves it in its first document.
 */
const lookupBudget = 15_000;

/** Segmenters built for one text each from the words it holds, while they are cheaper than jieba. */
export class LightSegmenter {
  private lookups = 0;
  /** Words taught at run time, with the entry jieba holds for them. */
  private readonly taught = new Map<string, Entry>();
  private taughtLongest = 0;
  /** Change of the total the taught words made. */
  private taughtTotal = 0;

  private constructor(
    private readonly dictionary: SortedDictionary,
    private readonly Jieba: typeof import("@node-rs/jieba").Jieba,
  ) {}

  /** A light segmenter, or undefined when the sorted dictionary cannot be read or built. */
  static create(): LightSegmenter | undefined {
    const dictionary = sortedDictionary();
    if (dictionary === null) return undefined;
    const { Jieba } = createRequire(import.meta.url)("@node-rs/jieba") as typeof import("@node-rs/jieba");
    return new LightSegmenter(dictionary, Jieba);
  }

  /** True while segmenting `text` this way stays within the lookup budget. */
  affords(text: string): boolean {
    return this.lookups + text.length * Math.min(text.length, this.longest()) <= lookupBudget;
  }

  /** Add `word freq tag` lines, as jieba's `loadDict` does. */
  teach(lines: readonly string[]): void {
    for (const line of lines) {
      const [word, freqText, tag] = line.split(" ");
      if (word === undefined || word === "") continue;
      const freq = Number(freqText) || 0;
      const known = this.taught.get(word) ?? this.base(word);
      this.taughtTotal += freq - (known?.freq ?? 0);
      this.taught.set(word, { freq, tag: known?.tag ?? tag ?? "" });
      this.taughtLongest = Math.max(this.taughtLongest, word.length);
    }
  }

  /** A jieba that segments `text` as the whole dictionary (with the taught words) would. */
  segmenterFor(text: string): Jieba {
    const lines: string[] = [];
    let held = 0;
    const seen = new Set<string>();
    const longest = this.longest();
    for (let start = 0; start < text.length; start += 1) {
      for (let end = start + 1; end <= Math.min(text.length, start + longest); end += 1) {
        const word = text.slice(start, end);
        if (seen.has(word)) continue;
        seen.add(word);
        const entry = this.taught.get(word) ?? this.base(word);
        if (entry === undefined) continue;
        held += entry.freq;
        lines.push(`${word} ${entry.freq}${entry.tag === "" ? "" : ` ${entry.tag}`}`);
      }
    }
    const total = this.dictionary.total + this.taughtTotal;
    lines.push(`${placeholderWord} ${Math.max(0, total - held)}`);
    return this.Jieba.withDict(Buffer.from(lines.join("\n"), "utf8"));
  }

  private longest(): number {
    return Math.max(this.dictionary.longest, this.taughtLongest);
  }

  private base(word: string): Entry | undefined {
    this.lookups += 1;
    const value = this.dictionary.words.find(word);
    return value === undefined ? undefined : parseEntry(value);
  }
}
