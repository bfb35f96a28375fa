import { closeSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Sorted `key<TAB>value` lines, searched by binary search, for the built dictionaries (CC-CEDICT,
 * WordNet). A cache file is not read whole: each probe of a search reads a few hundred bytes at
 * its position, so a question's few hundred lookups touch kilobytes of the 22 MB of caches
 * (reading and decoding them whole was ~0.3–0.6 s CPU of every question on a busy machine). A
 * process that looks up many words (an ingest) reads a section whole into a hash map.
 *
 * Text is kept as its UTF-8 bytes, one character per byte ("binary" text, Node's latin1), so file
 * positions and string positions agree; keys are compared in that form (UTF-8 bytes sort in code
 * point order, so the lines are sorted with `compareCodePoints`) and values decoded when returned.
 */

/** `text` as binary text (its UTF-8 bytes, one character each). */
export function binaryText(text: string): string {
  return isAscii(text) ? text : Buffer.from(text, "utf8").toString("latin1");
}

/** The text a binary text holds. */
export function textOfBinary(binary: string): string {
  return isAscii(binary) ? binary : Buffer.from(binary, "latin1").toString("utf8");
}

const nonAscii = /[^\x00-\x7f]/;

function isAscii(text: string): boolean {
  return !nonAscii.test(text);
}

/** Code point order (that of UTF-8 bytes); `<` on strings compares UTF-16 code units instead. */
export function compareCodePoints(left: string, right: string): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const leftUnit = left.charCodeAt(index);
    const rightUnit = right.charCodeAt(index);
    if (leftUnit === rightUnit) continue;
    // Surrogates (0xD800–0xDFFF) stand for code points above 0xFFFF: after 0xE000–0xFFFF.
    const leftSurrogate = leftUnit >= 0xd800 && leftUnit <= 0xdfff;
    const rightSurrogate = rightUnit >= 0xd800 && rightUnit <= 0xdfff;
    if (leftSurrogate !== rightSurrogate) return leftSurrogate ? 1 : -1;
    return leftUnit - rightUnit;
  }
  return left.length - right.length;
}

/** Binary text held in memory, or in a file read piece by piece until it pays to read it whole. */
export class LinesSource {
  private text: string | undefined;
  private readonly blocks = new Map<number, string>();

  private constructor(
    text: string | undefined,
    private readonly file: { descriptor: number; offset: number } | undefined,
    /** Length in bytes (= binary characters). */
    readonly length: number,
  ) {
    this.text = text;
  }

  static inMemory(binary: string): LinesSource {
    return new LinesSource(binary, undefined, binary.length);
  }

  static inFile(descriptor: number, offset: number, length: number): LinesSource {
    return new LinesSource(undefined, { descriptor, offset }, length);
  }

  /** Binary text of [begin, end). */
  slice(begin: number, end: number): string {
    const from = Math.max(0, begin);
    const to = Math.min(this.length, end);
    if (to <= from) return "";
    if (this.text !== undefined) return this.text.slice(from, to);
    const first = Math.floor(from / blockSize);
    const last = Math.floor((to - 1) / blockSize);
    if (first === last) return this.block(first).slice(from - first * blockSize, to - first * blockSize);
    let text = "";
    for (let block = first; block <= last; block += 1) text += this.block(block);
    return text.slice(from - first * blockSize, to - first * blockSize);
  }

  /** Position of the first `character` in [from, end), or -1. */
  indexOf(character: string, from: number, end: number): number {
    if (this.text !== undefined) {
      const found = this.text.indexOf(character, from);
      return found < 0 || found >= end ? -1 : found;
    }
    for (let block = Math.floor(from / blockSize); block * blockSize < end; block += 1) {
      const base = block * blockSize;
      const found = this.block(block).indexOf(character, Math.max(0, from - base));
      if (found >= 0) return base + found < end ? base + found : -1;
    }
    return -1;
  }

  /** Position of the last `character` in [low, before), or -1. */
  lastIndexOf(character: string, before: number, low: number): number {
    if (before <= low) return -1;
    if (this.text !== undefined) {
      const found = this.text.lastIndexOf(character, before - 1);
      return found < low ? -1 : found;
    }
    for (
      let block = Math.floor((before - 1) / blockSize);
      block >= 0 && (block + 1) * blockSize > low;
      block -= 1
    ) {
      const base = block * blockSize;
      const found = this.block(block).lastIndexOf(character, before - 1 - base);
      if (found >= 0) return base + found >= low ? base + found : -1;
    }
    return -1;
  }

  /**
   * One block of the file, read once: the first steps of every binary search probe the same few
   * blocks, and its last steps stay inside one.
   */
  private block(index: number): string {
    let text = this.blocks.get(index);
    if (text === undefined) {
      const file = this.file as { descriptor: number; offset: number };
      const size = Math.min(blockSize, this.length - index * blockSize);
      const buffer = Buffer.allocUnsafe(size);
      const read = readSync(file.descriptor, buffer, 0, size, file.offset + index * blockSize);
      text = buffer.toString("latin1", 0, read);
      this.blocks.set(index, text);
    }
    return text;
  }

  /** The whole text, read once. */
  whole(): string {
    if (this.text === undefined) {
      const file = this.file as { descriptor: number; offset: number };
      const buffer = Buffer.allocUnsafe(this.length);
      const read = readSync(file.descriptor, buffer, 0, this.length, file.offset);
      this.text = buffer.toString("latin1", 0, read);
      this.blocks.clear();
      closeSync(file.descriptor);
    }
    return this.text;
  }
}

/** Bytes a file is read in (a page). */
const blockSize = 4096;

/**
 * Lookups a `SortedLines` answers by binary search in the file before it reads its section whole
 * into a hash map: a question makes a few hundred; an ingest millions (most of them misses), for
 * which a map lookup is ~20 times cheaper (CC-CEDICT lookups were 2.8 of 12.7 s CPU of ingesting
 * 2 MB of the shared archive; building the map costs ~0.2 s once).
 */
const mapAfterLookups = 20_000;

/**
 * Lookups answered by reading the file piece by piece before it is read whole (kept as binary
 * text, searched in memory): each lookup reads and decodes a few blocks (~60 µs; the 669 glossary
 * names the lexicon checks at every start took 48 ms), while reading CC-CEDICT's 7.8 MB cache whole
 * takes ~10 ms and makes a lookup ~18 µs (measured on this 2-core machine). 200: about where the
 * two cost the same; a question's own few dozen lookups stay below it.
 */
const wholeAfterLookups = 200;

/** One sorted section [begin, end) of a `LinesSource`. */
export class SortedLines {
  /** Every line's value by key (both decoded), once the process has looked up enough keys. */
  private map: Map<string, string> | undefined;
  private lookups = 0;

  constructor(
    private readonly source: LinesSource,
    private readonly begin: number,
    private readonly end: number,
    /** Lookups after which the section is read into a map (never, for a caller that stops first). */
    private readonly mapAfter = mapAfterLookups,
  ) {}

  /** True once lookups go to a map in memory (cheap, misses included). */
  get inMemory(): boolean {
    return this.map !== undefined;
  }

  /** Number of lines (diagnostics: reads the section whole). */
  get size(): number {
    return this.entries().size;
  }

  private entries(): Map<string, string> {
    if (this.map === undefined) {
      const map = new Map<string, string>();
      const text = textOfBinary(this.source.whole().slice(this.begin, this.end));
      let position = 0;
      while (position < text.length) {
        let newline = text.indexOf("\n", position);
        if (newline < 0) newline = text.length;
        const tab = text.indexOf("\t", position);
        if (tab >= 0 && tab < newline) map.set(text.slice(position, tab), text.slice(tab + 1, newline));
        else map.set(text.slice(position, newline), "");
        position = newline + 1;
      }
      this.map = map;
    }
    return this.map;
  }

  /** The line (binary, without its newline) starting at `start`. */
  private lineAt(start: number): string {
    const newline = this.source.indexOf("\n", start, this.end);
    return this.source.slice(start, newline < 0 ? this.end : newline);
  }

  /** Start of the line holding position `middle` (at least `low`, itself a line start). */
  private lineStartAt(middle: number, low: number): number {
    const newline = this.source.lastIndexOf("\n", middle, low);
    return newline < 0 ? low : newline + 1;
  }

  /** Every key whose value `keep` accepts (reads the section whole). */
  keysWhere(keep: (value: string) => boolean): string[] {
    const keys: string[] = [];
    for (const [key, value] of this.entries()) if (keep(value)) keys.push(key);
    return keys;
  }

  /** The value after the tab on the line whose key equals `key`. */
  find(key: string): string | undefined {
    this.lookups += 1;
    if (this.map !== undefined || this.lookups > this.mapAfter) return this.entries().get(key);
    if (this.lookups === wholeAfterLookups) this.source.whole();
    const value = this.findBinary(binaryText(key));
    return value === undefined ? undefined : textOfBinary(value);
  }

  private findBinary(key: string): string | undefined {
    // Invariant: the line sought, if present, starts in [low, high); `low` is always a line start.
    let low = this.begin;
    let high = this.end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = this.lineStartAt(middle, low);
      const line = this.lineAt(start);
      const tab = line.indexOf("\t");
      const candidate = tab < 0 ? line : line.slice(0, tab);
      if (candidate === key) return tab < 0 ? "" : line.slice(tab + 1);
      if (candidate < key) low = start + line.length + 1;
      else high = start;
    }
    return undefined;
  }
}

/** A laid-out dictionary: its text and the sections ("\n\n"-separated) within it. */
export interface SectionedText {
  source: LinesSource;
  sections: Array<{ begin: number; end: number }>;
}

function sectionsOf(binary: string): SectionedText["sections"] {
  const sections: SectionedText["sections"] = [];
  let begin = 0;
  for (;;) {
    const separator = binary.indexOf("\n\n", begin);
    if (separator < 0) break;
    sections.push({ begin, end: separator });
    begin = separator + 2;
  }
  sections.push({ begin, end: binary.length });
  return sections;
}

/** A layout just built, in memory. */
export function sectionedText(layout: string): SectionedText {
  const binary = binaryText(layout);
  return { source: LinesSource.inMemory(binary), sections: sectionsOf(binary) };
}

/**
 * A cache written by `writeCache`, opened for reading in place, when its first line is
 * `sourceStamp`; undefined when it is missing, stale or unreadable (it is then rebuilt).
 */
export function readCache(cachePath: string, sourceStamp: string): SectionedText | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(cachePath, "r");
    const head = Buffer.alloc(4096);
    const read = readSync(descriptor, head, 0, head.length, 0);
    const text = head.toString("latin1", 0, read);
    const stampEnd = text.indexOf("\n");
    const sectionsEnd = text.indexOf("\n", stampEnd + 1);
    if (stampEnd < 0 || sectionsEnd < 0 || text.slice(0, stampEnd) !== binaryText(sourceStamp)) {
      closeSync(descriptor);
      return undefined;
    }
    // Second line: "sections <begin>-<end> …" (byte positions in the body) and the body length.
    const fields = text.slice(stampEnd + 1, sectionsEnd).split(" ");
    if (fields[0] !== "sections") throw new Error("no section line");
    const length = Number(fields[1]);
    const sections = fields.slice(2).map((field) => {
      const [begin, end] = field.split("-").map(Number);
      return { begin: begin ?? 0, end: end ?? 0 };
    });
    return { source: LinesSource.inFile(descriptor, sectionsEnd + 1, length), sections };
  } catch {
    if (descriptor !== undefined) closeSync(descriptor);
    return undefined;
  }
}

/** Write a layout with its stamp and section line; atomic (a rename), silent when read-only. */
export function writeCache(cachePath: string, sourceStamp: string, layout: string): void {
  try {
    const binary = binaryText(layout);
    const sections = sectionsOf(binary).map(({ begin, end }) => `${begin}-${end}`);
    mkdirSync(dirname(cachePath), { recursive: true });
    const temporaryPath = `${cachePath}.${process.pid}.tmp`;
    writeFileSync(
      temporaryPath,
      Buffer.from(
        `${binaryText(sourceStamp)}\nsections ${binary.length} ${sections.join(" ")}\n${binary}`,
        "latin1",
      ),
    );
    // rename is atomic, so a concurrent process never reads half a file
    renameSync(temporaryPath, cachePath);
  } catch {
    // read-only install: we just rebuild next time
  }
}
