import type { QueryParaphraser } from "../briefbot.ts";
import type { ChunkStore } from "../store/store.ts";
import { type Alias, type AliasTable, buildAliasTable, learnAliases } from "./aliases.ts";
import { createParaphraser, defaultSources, type ParaphraseSources } from "./paraphraser.ts";

const aliasesSetting = "learned_aliases";

/**
 * The paraphraser as the core uses it, with the aliases learned from ingested briefs kept in the
 * store (like the lexicon's learned pairs), so every process expands with the same aliases.
 * Nothing heavy is loaded here: WordNet and the tables load on the first question expanded.
 */
export async function createParaphraseBridge(
  store: ChunkStore,
  sources: ParaphraseSources = defaultSources,
): Promise<QueryParaphraser> {
  const known = new Map<string, Alias>();
  const stored = sources.aliases ? await store.readSetting(aliasesSetting) : null;
  if (stored !== null) {
    try {
      for (const alias of JSON.parse(stored) as Alias[])
        known.set(`${alias.short}\u0000${alias.long}`, alias);
    } catch {
      // A damaged setting only costs the learned aliases; the next ingest writes it again.
    }
  }
  let table: AliasTable | undefined;
  let changed = false;
  const paraphraser = createParaphraser(sources, () => {
    table ??= buildAliasTable([...known.values()]);
    return table;
  });
  return {
    expand: (question, isKnown) => paraphraser.expand(question, isKnown),
    feedback: (terms, leading, statistics) => paraphraser.feedback(terms, leading, statistics),
    learnFromText(text) {
      if (!sources.aliases) return;
      for (const alias of learnAliases(text)) {
        const key = `${alias.short}\u0000${alias.long}`;
        if (known.has(key)) continue;
        known.set(key, alias);
        table = undefined;
        changed = true;
      }
    },
    async persist() {
      if (!changed) return;
      await store.writeSetting(aliasesSetting, JSON.stringify([...known.values()]));
      changed = false;
    },
  };
}
