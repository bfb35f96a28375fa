import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findPackageFile } from "../lexicon/cedict.ts";

/**
 * Traditional ↔ simplified Chinese folding by character, from OpenCC's character tables (the
 * `opencc-js` package ships them). A search word is folded character by character: words are
 * short, and the phrase tables only matter for choosing among several traditional forms of one
 * simplified character, which we settle by asking the index which form it holds. The two tables
 * (~5k entries each) are read on the first Chinese question, in a few milliseconds.
 */

export interface ChineseScript {
  /** The simplified form of a word (unchanged when it has no traditional characters). */
  toSimplified(word: string): string;
  /** Traditional forms of a simplified word: each character's first form, and with its other forms. */
  toTraditional(word: string): string[];
}

function readTable(name: string): Map<string, string[]> {
  const table = new Map<string, string[]>();
  const path = findPackageFile("opencc-js", join("dist", "esm-lib", "dict", `${name}.js`));
  if (path === undefined) return table;
  const source = readFileSync(path, "utf8");
  const body = source.slice(source.indexOf('"') + 1, source.lastIndexOf('"'));
  for (const entry of body.split("|")) {
    const [from, ...to] = entry.split(" ");
    if (from !== undefined && to.length > 0 && [...from].length === 1) table.set(from, to);
  }
  return table;
}

let loaded: ChineseScript | undefined;

export function loadChineseScript(): ChineseScript {
  if (loaded !== undefined) return loaded;
  const toSimple = readTable("TSCharacters");
  const toTraditional = readTable("STCharacters");
  loaded = {
    toSimplified: (word) => [...word].map((character) => toSimple.get(character)?.[0] ?? character).join(""),
    toTraditional(word) {
      const characters = [...word];
      const first = characters.map((character) => toTraditional.get(character)?.[0] ?? character).join("");
      const forms = new Set([first]);
      // One variant per ambiguous character (干 → 幹/乾): enough for two-to-four-character words.
      characters.forEach((character, index) => {
        for (const other of toTraditional.get(character)?.slice(1, 3) ?? []) {
          const variant = [...first];
          variant[index] = other;
          forms.add(variant.join(""));
        }
      });
      forms.delete(word);
      return [...forms];
    },
  };
  return loaded;
}
