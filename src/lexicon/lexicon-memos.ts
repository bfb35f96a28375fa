import { segmenterGeneration } from "../text/segment.ts";

/** A chunk-enrichment candidate: terms, score, frequency (higher score first, then rarer words). */
export type Candidate = [string[], number, number];

/** Runs split before the name prefixes are worth building. */
const prefixesAfterRuns = 2_000;

/** Entries kept per memo before it starts over (a crude bound: an archive has ~50 thousand runs). */
const maxEntries = 100_000;

/**
 * What the lexicon remembers between calls: an ingest enriches ~10 thousand passages whose words
 * repeat (~250 thousand Chinese words of ~12 thousand distinct ones, ~70 thousand Chinese runs of
 * 45 thousand distinct ones). A run's words depend on jieba's dictionary and on the names known,
 * so they are forgotten when either changes (and not remembered while added words wait to be
 * loaded). A word's enrichment depends only on that word's name and dictionary entry, and a
 * proper noun's Chinese form only on the dictionary, unless their English was segmented by jieba
 * (it had Chinese characters in it): only results made without jieba are remembered.
 */
export class LexiconMemos {
  private generation: number | undefined;
  private readonly runs = new Map<string, readonly string[]>();
  private readonly enrichments = new Map<string, Candidate | undefined>();
  private readonly properChineseWords = new Map<string, string | undefined>();
  /** First two characters of every Chinese name (glossary, learned pairs, CEDICT proper nouns). */
  private prefixes: Set<string> | undefined;
  private runsSplit = 0;

  /** A name was added: runs may join into it and its own enrichment changes; it joins the prefixes. */
  namesChanged(zh: string): void {
    this.runs.clear();
    this.enrichments.delete(zh);
    this.prefixes?.add(zh.slice(0, 2));
  }

  /**
   * The first two characters of every known name, built from `names` once this lexicon has split
   * enough runs to be an ingest (it reads all of CC-CEDICT's headwords, ~0.2 s: a question's
   * few runs do without); undefined before.
   */
  namePrefixes(names: () => Iterable<string>): ReadonlySet<string> | undefined {
    if (this.prefixes === undefined) {
      this.runsSplit += 1;
      if (this.runsSplit < prefixesAfterRuns) return undefined;
      this.prefixes = new Set();
      for (const name of names()) this.prefixes.add(name.slice(0, 2));
    }
    return this.prefixes;
  }

  wordsOfRun(run: string): readonly string[] | undefined {
    return this.current() ? this.runs.get(run) : undefined;
  }

  rememberWordsOfRun(run: string, words: readonly string[]): void {
    if (this.current()) remember(this.runs, run, words);
  }

  /** `make` returns the enrichment and whether it was made without jieba. */
  enrichment(word: string, make: () => [Candidate | undefined, boolean]): Candidate | undefined {
    return rememberedIfFixed(this.enrichments, word, make);
  }

  /** `make` returns the Chinese form and whether it was found without jieba. */
  properChinese(folded: string, make: () => [string | undefined, boolean]): string | undefined {
    return rememberedIfFixed(this.properChineseWords, folded, make);
  }

  /** True when remembered results hold for jieba's dictionary as it is now (forgetting them if not). */
  private current(): boolean {
    const generation = segmenterGeneration();
    if (generation === undefined) return false;
    if (generation !== this.generation) {
      this.forget();
      this.generation = generation;
    }
    return true;
  }

  private forget(): void {
    this.runs.clear();
  }
}

function rememberedIfFixed<T>(memo: Map<string, T>, key: string, make: () => [T, boolean]): T {
  if (memo.has(key)) return memo.get(key) as T;
  const [value, fixed] = make();
  if (fixed) remember(memo, key, value);
  return value;
}

function remember<T>(memo: Map<string, T>, key: string, value: T): void {
  if (memo.size >= maxEntries) memo.clear();
  memo.set(key, value);
}
