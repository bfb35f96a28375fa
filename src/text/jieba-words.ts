import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Jieba } from "@node-rs/jieba";
import { dictionaryPath, LightSegmenter } from "./jieba-dictionary.ts";
import { remembered } from "./remembered.ts";

/**
 * jieba's words: the process's one jieba (or the light segmenter standing in for it, see
 * jieba-dictionary.ts), the words taught to it at run time, and its segmentations, remembered.
 * `tokenize` and the name readers in segment.ts are built on these.
 */

let jieba: Jieba | undefined;
/** Counts the times words were added to jieba: a segmentation made in another generation may differ. */
let dictionaryGeneration = 0;
/** Words taught since the last segmentation, applied (in order) before the next one. */
const pendingWords: string[] = [];
/** Every word taught so far, in order: what the whole dictionary gets when it is loaded. */
const taughtWords: string[] = [];
/** Segments a few hundred characters without jieba's whole dictionary (`jieba-dictionary.ts`). */
let light: LightSegmenter | undefined | null;

/**
 * The jieba that segments `text`. While a process has segmented little (a question, the Chinese
 * translations of its words), one built from the words `text` holds, which segments exactly as
 * the whole dictionary would; past that budget (an ingest), jieba with its whole dictionary
 * (~200 ms to load). English-only work pays for neither.
 */
function segmenter(text: string): Jieba {
  if (pendingWords.length > 0) {
    taughtWords.push(...pendingWords);
    jieba?.loadDict(new TextEncoder().encode(pendingWords.join("\n")));
    if (light) light.teach(pendingWords);
    pendingWords.length = 0;
    dictionaryGeneration += 1;
    // New words (and the dictionary's new total frequency) can change any segmentation.
    searchWordsMemo.clear();
    plainWordsMemo.clear();
  }
  if (jieba !== undefined) return jieba;
  if (light === undefined && process.env.BRIEFBOT_LIGHT_SEGMENTER !== "false") {
    light = LightSegmenter.create() ?? null;
    light?.teach(taughtWords);
  }
  if (light?.affords(text)) return light.segmenterFor(text);
  const { Jieba } = createRequire(import.meta.url)("@node-rs/jieba") as typeof import("@node-rs/jieba");
  jieba = Jieba.withDict(readFileSync(dictionaryPath()));
  if (taughtWords.length > 0) jieba.loadDict(new TextEncoder().encode(taughtWords.join("\n")));
  light = null;
  return jieba;
}

/**
 * jieba's words per Chinese run, remembered: an ingest segments each passage three times (search
 * text, hashed vector, enrichment), and queries repeat. Keyed by the run; emptied whenever words
 * are added to jieba, and when full (a crude bound, enough for one document's runs at a time).
 */
const searchWordsMemo = new Map<string, string[]>();
const plainWordsMemo = new Map<string, string[]>();
export const maxMemoRuns = 50_000;

/** jieba's search-mode words of one Chinese run (shorter words inside long ones too). */
export function searchWords(run: string): string[] {
  return remembered(searchWordsMemo, run, (text) => segmenter(text).cutForSearch(text, true), maxMemoRuns);
}

/**
 * Identifies jieba's dictionary as segmentations see it, for callers that remember results made
 * from jieba's words: undefined while added words wait to be loaded (the next segmentation loads
 * them), else a number that changes whenever words are added.
 */
export function segmenterGeneration(): number | undefined {
  return pendingWords.length > 0 ? undefined : dictionaryGeneration;
}

/**
 * Add words (company names, products) so jieba keeps them whole; duplicates are harmless. `nz` (a proper noun) for names; a term that is no name ("地址通告"
 * for "address advertisements") is taught as a plain noun, so it does not pass for a name.
 */
export function addSegmenterWords(words: Iterable<string>, tag: "nz" | "n" = "nz"): void {
  for (const word of words) {
    if (!/^[\u3400-\u9fff]{2,}$/u.test(word)) continue;
    pendingWords.push(`${word} 50000 ${tag}`);
  }
}

/**
 * Chinese words known to name something (a glossary entry or a pair whose English is a name):
 * jieba keeps its own tag for a word its dictionary already holds (滴滴, 网易 as plain nouns), so
 * these are names whatever jieba tags them (`taughtNamesIn`).
 */
export function addTaughtNames(words: Iterable<string>): void {
  for (const word of words) if (/^[\u3400-\u9fff]{2,}$/u.test(word)) taughtNames.add(word);
}

/** Chinese names taught as names (glossary entries, names learned beside their English). */
const taughtNames = new Set<string>();

/** Whether a Chinese word was taught as a name (a glossary entry, a name learned beside its English). */
export function isTaughtName(word: string): boolean {
  return taughtNames.has(word);
}

/**
 * The Chinese words of a text that were taught as names, whatever jieba tags them ("来自滴滴法务
 * 团队": jieba's own dictionary holds 滴滴 as a plain noun). For reading an answer's names.
 */
export function taughtNamesIn(text: string): string[] {
  if (taughtNames.size === 0) return [];
  return taggedChineseWords(text.normalize("NFKC"), (_tag, word) => taughtNames.has(word));
}

/** Plain jieba words of a Chinese text (no search-mode sub-words), for lexicon lookups. */
export function segmentWords(text: string): string[] {
  // A copy: callers may change the array they get.
  return [
    ...remembered(
      plainWordsMemo,
      text.normalize("NFKC"),
      (run) => segmenter(run).cut(run, true),
      maxMemoRuns,
    ),
  ];
}

/** Jieba's words of a Chinese text with their part-of-speech tags (n noun, v verb, nr person…). */
export function tagWords(text: string): Array<{ word: string; tag: string }> {
  const normalised = text.normalize("NFKC");
  return segmenter(normalised).tag(normalised, true);
}

/** Chinese words of two characters or more whose jieba tag `keep` accepts. */
export function taggedChineseWords(text: string, keep: (tag: string, word: string) => boolean): string[] {
  const words: string[] = [];
  for (const run of text.match(/[\u3400-\u9fff]+/gu) ?? [])
    for (const { tag, word } of segmenter(run).tag(run, true))
      if (word.length >= 2 && keep(tag, word)) words.push(word);
  return words;
}
