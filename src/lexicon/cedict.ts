import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { foldEnglish } from "../text/segment.ts";
import {
  compareCodePoints,
  readCache,
  type SectionedText,
  SortedLines,
  sectionedText,
  writeCache,
} from "./sorted-lines.ts";

/**
 * CC-CEDICT (CC BY-SA 4.0, MDBG) as two compact maps: Chinese word → cleaned English glosses, and
 * folded English gloss → Chinese words. We read the `cc-cedict` package's data file directly rather
 * than through its API: importing the package builds typed-array indexes for every entry (~4 s), while
 * one JSON.parse of its data plus our own pass takes a few hundred ms. The result is cached on disk
 * (node_modules/.cache) and later processes search it in place (sorted-lines.ts).
 */

/** One Chinese headword with the glosses that survive cleaning, best first. */
export interface CedictEntry {
  /** Short English glosses, e.g. ["Tencent"] or ["partner", "associate"]. */
  glosses: string[];
  /** True when CEDICT marks the word as a name (capitalised pinyin): companies, places, people. */
  proper: boolean;
  /** jieba corpus frequency (0 when jieba does not know the word); lower means more specific. */
  frequency: number;
}

/** Read-only view of the dictionary used by the lexicon. */
export interface CedictDictionary {
  /** Entry for a simplified (or traditional) Chinese word, if CEDICT has one with usable glosses. */
  lookup(word: string): CedictEntry | undefined;
  /**
   * Chinese words whose gloss is exactly this folded English phrase (tokens of `tokenize`, space-joined),
   * best first: primary sense before secondary ones, then more frequent words first.
   */
  reverse(foldedEnglish: string): readonly string[];
  /** Number of headwords, for diagnostics. */
  readonly size: number;
  /** Every headword marked as a name (`proper`), for indexes over names; optional. */
  properWords?(): readonly string[];
}

type RawEntry = [string, string, string, string | string[], number[], number[]];

// Bumped whenever cleaning rules or the cache layout change so stale caches are rebuilt.
// 7: lines sorted by code point, the order of their UTF-8 bytes; a section line (sorted-lines.ts).
const cacheFormat = 7;
const maxGlossWords = 4;
const maxReverseCandidates = 4;

// Senses that never help retrieval: cross-references, surnames, classifiers, pronunciation notes.
const uselessSense =
  /^(?:(?:old |archaic |erhua |japanese |korean |same as |also )?variant of|surname |cl:|see |see also|abbr\. for|abbr\. of|used in|classifier for|also pr\.|also written|also called|pr\. |\(bound form\)$|\(old\)|\(archaic\)|\(literary\)|\(classical\)|\(dialect\)|\(cantonese\)|\(onom\.\)|\(taiwan\)|\(tw\)|\(hk\)|\(buddhism\)|\(taoism\)|\(vulgar\)|\(euphemism\)|\(obsolete\))/i;

// What a usable gloss looks like once notes are stripped: plain words, no stray quotes or brackets.
const plainGloss = /^[A-Za-z0-9][A-Za-z0-9 '’.&+-]*$/;

/** Strip CEDICT notation from one sense and split it into usable short glosses. */
export function cleanSense(sense: string, proper: boolean): string[] {
  if (uselessSense.test(sense.trim())) return [];
  const glosses: string[] = [];
  // An all-caps acronym in brackets ("gross domestic product (GDP)") is itself the best gloss.
  for (const match of sense.matchAll(/\(([A-Z][A-Z0-9&]{1,9})\)/g)) {
    if (match[1] !== undefined) glosses.push(match[1]);
  }
  let text = sense
    .replace(/\[[^\]]*\]/g, " ") // pinyin of cross-references
    .replace(/\S*[\u3400-\u9fff]\S*/gu, " ") // embedded hanzi such as 阿里巴巴 or 老闆|老板
    .replace(/\([^)]*\)/g, " ") // notes: (literary), (of time), (1964-)
    .replace(/\s+/g, " ")
    .trim();
  const akaNames: string[] = [];
  if (proper) {
    // "Ma Yun, aka Jack Ma, Chinese billionaire…" → "Ma Yun" plus alias "Jack Ma".
    for (const match of text.matchAll(/\baka ([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3})/g)) {
      if (match[1] !== undefined) akaNames.push(match[1]);
    }
    text = text.split(/ ?, ?/)[0] ?? "";
    // "Microsoft Corporation" also answers to "Microsoft".
    const shortName = text.replace(/ (?:Corporation|Corp\.?|Inc\.?|Company|Co\.|Ltd\.?|Group|Limited)$/, "");
    if (shortName !== text && shortName.length > 1) akaNames.push(shortName);
  }
  text = text
    .replace(/^(?:to|a|an|the) /i, "")
    .replace(/[\s,;:.!?]+$/g, "")
    .replace(/^[\s,;:.]+/g, "")
    .trim();
  if (plainGloss.test(text) && text.split(" ").length <= maxGlossWords && !/^\d+$/.test(text))
    glosses.push(text);
  glosses.push(...akaNames);
  return glosses;
}

/** Turn one CEDICT entry's raw definitions into cleaned, deduplicated glosses. */
export function cleanDefinitions(definitions: readonly string[], proper: boolean): string[] {
  const result: string[] = [];
  for (const definition of definitions) {
    for (const sense of definition.split(/; /)) {
      for (const gloss of cleanSense(sense, proper)) {
        if (!result.some((existing) => existing.toLowerCase() === gloss.toLowerCase())) result.push(gloss);
      }
    }
  }
  return result;
}

/**
 * The compact form, also the on-disk cache: one line per headword, `word<TAB>P|C<TAB>frequency<TAB>glosses`
 * (glosses separated by "|"), a blank line, then one line per folded English gloss,
 * `folded<TAB>word|word…`. Lines are parsed only when looked up, so loading is a string split.
 */
interface CompactData {
  entryLines: string[];
  reverseLines: string[];
}

export function findPackageFile(packageName: string, relativePath: string): string | undefined {
  const require = createRequire(import.meta.url);
  const searchPaths = require.resolve.paths(packageName) ?? [];
  for (const base of [...searchPaths, join(process.cwd(), "node_modules")]) {
    const candidate = join(base, packageName, relativePath);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function parseJiebaFrequencies(path: string | undefined, wanted: ReadonlySet<string>): Map<string, number> {
  const frequencies = new Map<string, number>();
  if (path === undefined) return frequencies;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const firstSpace = line.indexOf(" ");
    if (firstSpace <= 0) continue;
    const word = line.slice(0, firstSpace);
    if (!wanted.has(word)) continue;
    frequencies.set(word, Number.parseInt(line.slice(firstSpace + 1), 10) || 0);
  }
  return frequencies;
}

const englishWordPattern = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** The same folding `tokenize` applies to English (kept here without NFKC/CJK handling: it runs 300k times). */
export function foldEnglishPhrase(phrase: string): string {
  const words: string[] = [];
  for (const match of phrase.toLowerCase().matchAll(englishWordPattern)) words.push(foldEnglish(match[0]));
  return words.join(" ");
}

function buildCompactData(cedictPath: string, jiebaPath: string | undefined): CompactData {
  const text = readFileSync(cedictPath, "utf8");
  const parsed = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as { all: RawEntry[] };
  // Merge the entries of one headword (different readings), keeping name senses and common senses apart
  // so we can later decide which dominates (小米: Xiaomi vs millet; 老板: boss vs the brand Robam).
  const merged = new Map<string, { proper: string[]; common: string[] }>();
  const crossReferences = new Map<string, string>();
  for (const [traditional, simplified, pinyin, definitions] of parsed.all) {
    const proper = /^[A-Z]/.test(pinyin);
    const definitionList = typeof definitions === "string" ? [definitions] : definitions;
    const glosses = cleanDefinitions(definitionList, proper);
    if (glosses.length === 0) {
      // "深圳: see 深圳市[Shen1 zhen4 Shi4]" — borrow the target's glosses later.
      const target = /^see ([\u3400-\u9fff]+)(?:\|([\u3400-\u9fff]+))?\[/u.exec(definitionList[0] ?? "");
      if (target?.[1] !== undefined) crossReferences.set(simplified, target[2] ?? target[1]);
      continue;
    }
    for (const headword of new Set([simplified, traditional])) {
      const slot = merged.get(headword) ?? { proper: [], common: [] };
      (proper ? slot.proper : slot.common).push(...glosses);
      merged.set(headword, slot);
    }
  }
  for (const [word, target] of crossReferences) {
    const targetSlot = merged.get(target);
    if (targetSlot !== undefined && !merged.has(word)) merged.set(word, targetSlot);
  }
  const frequencies = parseJiebaFrequencies(jiebaPath, new Set(merged.keys()));
  const entryLines: string[] = [];
  // Reverse candidates per folded gloss: [word, rank of the gloss within the word's glosses, frequency]
  const reverseCandidates = new Map<string, Array<[string, number, number]>>();
  const simplifiedWords = new Set(parsed.all.map((entry) => entry[1]));
  for (const [word, slot] of merged) {
    const frequency = frequencies.get(word) ?? 0;
    // A common word that also names a brand (老板/Robam) stays a common word; a rare one (当当) is a name.
    const proper = slot.proper.length > 0 && (slot.common.length === 0 || frequency < 2000);
    const ordered = proper ? [...slot.proper, ...slot.common] : [...slot.common, ...slot.proper];
    const glosses = [...new Set(ordered)];
    entryLines.push(`${word}\t${proper ? "P" : "C"}\t${frequency}\t${glosses.join("|")}`);
    // Single characters are too ambiguous to stand for an English word; traditional duplicates waste slots.
    if ([...word].length < 2 || !simplifiedWords.has(word) || !/^[\u3400-\u9fff]+$/u.test(word)) continue;
    glosses.slice(0, 4).forEach((gloss, rank) => {
      const folded = foldEnglishPhrase(gloss);
      if (folded.length === 0 || folded.split(" ").length > 3) return;
      const list = reverseCandidates.get(folded) ?? [];
      if (!list.some(([existing]) => existing === word)) list.push([word, rank, frequency]);
      reverseCandidates.set(folded, list);
    });
  }
  const reverseLines: string[] = [];
  for (const [folded, candidates] of reverseCandidates) {
    // Primary sense first, then the commoner word: "partner" → 伙伴 before 合伙人 before 伙计.
    // Words jieba knows (frequency > 0) before obscure ones such as idiom fragments.
    candidates.sort(
      (left, right) => left[1] - right[1] || Number(right[2] > 0) - Number(left[2] > 0) || right[2] - left[2],
    );
    const words = candidates.slice(0, maxReverseCandidates).map(([word]) => word);
    reverseLines.push(`${folded}\t${words.join("|")}`);
  }
  return { entryLines, reverseLines };
}

class CompactCedict implements CedictDictionary {
  private readonly entries: SortedLines;
  private readonly reverseIndex: SortedLines;
  private readonly parsedEntries = new Map<string, CedictEntry | null>();
  private readonly parsedReverse = new Map<string, readonly string[]>();

  /** The cache layout: entry lines, a blank line, reverse lines (each section sorted). */
  constructor({ source, sections }: SectionedText) {
    const [entries, reverse] = sections;
    this.entries = new SortedLines(source, entries?.begin ?? 0, entries?.end ?? 0);
    this.reverseIndex = new SortedLines(source, reverse?.begin ?? 0, reverse?.end ?? 0);
  }

  get size(): number {
    return this.entries.size;
  }

  lookup(word: string): CedictEntry | undefined {
    const cached = this.parsedEntries.get(word);
    if (cached !== undefined) return cached ?? undefined;
    const line = this.entries.find(word);
    const entry =
      line === undefined
        ? null
        : (() => {
            const [flag, frequency, glosses] = line.split("\t");
            return {
              glosses: (glosses ?? "").split("|"),
              proper: flag === "P",
              frequency: Number(frequency) || 0,
            };
          })();
    // Once the entries are a map (an ingest), a miss costs less than remembering it: most of an
    // ingest's lookups are misses (every run of 2–4 jieba words is tried as a name).
    if (entry === null && this.entries.inMemory) return undefined;
    // Memoised, misses included: queries repeat the same few hundred words.
    if (this.parsedEntries.size > 50_000) this.parsedEntries.clear();
    this.parsedEntries.set(word, entry);
    return entry ?? undefined;
  }

  properWords(): readonly string[] {
    return this.entries.keysWhere((value) => value.startsWith("P\t"));
  }

  reverse(foldedEnglish: string): readonly string[] {
    const cached = this.parsedReverse.get(foldedEnglish);
    if (cached !== undefined) return cached;
    const line = this.reverseIndex.find(foldedEnglish);
    const words = line === undefined ? [] : line.split("|");
    // Query expansion probes every 2–5 word span of a question, mostly misses; remember those too.
    if (this.parsedReverse.size > 50_000) this.parsedReverse.clear();
    this.parsedReverse.set(foldedEnglish, words);
    return words;
  }
}

/** Serialise build output in the layout `CompactCedict` reads; lines sorted so keys can be binary-searched. */
function layout(data: CompactData): string {
  // Code point order is the byte order `<` sees in SortedLines' binary text; a tab sorts before
  // every key character, so whole-line order equals key order.
  const entries = [...data.entryLines].sort(compareCodePoints);
  const reverse = [...data.reverseLines].sort(compareCodePoints);
  return `${entries.join("\n")}\n\n${reverse.join("\n")}`;
}

const emptyDictionary: CedictDictionary = { lookup: () => undefined, reverse: () => [], size: 0 };

/** A cache header naming the format and the size and time of each source file, so a change rebuilds it. */
export function stampOf(paths: Array<string | undefined>, label = `briefbot-cedict ${cacheFormat}`): string {
  const parts = paths.map((path) => {
    if (path === undefined) return "none";
    const stats = statSync(path);
    return `${stats.size}:${Math.round(stats.mtimeMs)}`;
  });
  return `${label} ${parts.join(" ")}`;
}

let loaded: CedictDictionary | undefined;

/**
 * The process-wide CC-CEDICT dictionary, built on first use. Returns an empty dictionary when the
 * `cc-cedict` package data cannot be found (the glossary still works).
 */
export function loadCedict(options: { useCache?: boolean } = {}): CedictDictionary {
  if (loaded !== undefined) return loaded;
  const cedictPath = findPackageFile("cc-cedict", join("data", "all.js"));
  if (cedictPath === undefined) {
    loaded = emptyDictionary;
    return loaded;
  }
  const jiebaPath = findPackageFile("@node-rs/jieba", "dict.txt");
  const sourceStamp = stampOf([cedictPath, jiebaPath]);
  const cachePath = join(
    dirname(dirname(dirname(cedictPath))),
    ".cache",
    "briefbot",
    `cedict-compact-${cacheFormat}.tsv`,
  );
  const useCache = options.useCache ?? true;
  let laidOut = useCache ? readCache(cachePath, sourceStamp) : undefined;
  if (laidOut === undefined) {
    const built = layout(buildCompactData(cedictPath, jiebaPath));
    if (useCache) writeCache(cachePath, sourceStamp, built);
    laidOut = sectionedText(built);
  }
  loaded = new CompactCedict(laidOut);
  return loaded;
}
