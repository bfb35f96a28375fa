import { accessSync, constants } from "node:fs";
import type { LanguageBridge } from "../briefbot.ts";
import type { ChunkStore } from "../store/store.ts";
import { type LearnedPair, learnPairs } from "./learn-pairs.ts";
import { Lexicon } from "./lexicon.ts";

const pairsSetting = "learned_pairs";

/**
 * The lexicon as the core uses it, with the bilingual pairs learned from ingested briefs kept in
 * the store, so every process (and every bot replica) expands queries with the same pairs that
 * enriched the chunks.
 */
export async function createLexiconBridge(
  store: ChunkStore,
  options: { extraGlossaryPath?: string | undefined } = {},
): Promise<LanguageBridge> {
  // A missing operator glossary still stops the start, as before the lexicon was loaded lazily.
  if (options.extraGlossaryPath !== undefined) accessSync(options.extraGlossaryPath, constants.R_OK);
  const known = new Map<string, LearnedPair>();
  // Built on first use: reading CC-CEDICT and the glossary is most of a `docs` call's start-up,
  // and `docs`, `remove` or an unchanged re-ingest never look a word up.
  let loaded: Lexicon | undefined;
  const lexicon = (): Lexicon => {
    if (loaded === undefined) {
      loaded = Lexicon.load({ extraGlossaryPath: options.extraGlossaryPath });
      if (known.size > 0) loaded.addPairs([...known.values()]);
    }
    return loaded;
  };
  /** Add the pairs saved in the store that this process does not know yet. */
  const takeStoredPairs = async () => {
    const stored = await store.readSetting(pairsSetting);
    if (stored === null) return;
    const fresh: LearnedPair[] = [];
    try {
      for (const pair of JSON.parse(stored) as LearnedPair[]) {
        const key = `${pair.zh}\u0000${pair.en}`;
        if (known.has(key)) continue;
        known.set(key, pair);
        fresh.push(pair);
      }
    } catch {
      // A damaged setting only costs the learned pairs; the next ingest writes it again.
    }
    // Pairs taken before the lexicon is built are added when it is (below).
    if (fresh.length > 0) loaded?.addPairs(fresh);
  };
  await takeStoredPairs();
  let changed = false;
  return {
    load: () => {
      lexicon();
    },
    expandQuery: (question, isIndexed) => lexicon().expandQuery(question, isIndexed),
    enrichmentTerms: (text) => lexicon().enrichmentTerms(text),
    glossEntities: (text, targetLang) => lexicon().glossEntities(text, targetLang),
    learnFromText(text) {
      const fresh = learnPairs(text).filter((pair) => !known.has(`${pair.zh}\u0000${pair.en}`));
      if (fresh.length === 0) return;
      for (const pair of fresh) known.set(`${pair.zh}\u0000${pair.en}`, pair);
      lexicon().addPairs(fresh);
      changed = true;
    },
    async persist() {
      if (!changed) return;
      // Another process may have saved pairs since: keep theirs too.
      await takeStoredPairs();
      await store.writeSetting(pairsSetting, JSON.stringify([...known.values()]));
      changed = false;
    },
    refresh: takeStoredPairs,
  };
}
