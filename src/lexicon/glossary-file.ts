/**
 * The glossary files: the bundled glossary.tsv and an operator's (`中文<TAB>English|alias` lines),
 * and which of their Chinese names jieba may be taught as words.
 */

/** One glossary line: a Chinese term and its English names, preferred name first. */
export interface GlossaryEntry {
  zh: string;
  en: string[];
}

/** Parse glossary text (`中文<TAB>English[|alias…]`, `#` comments); malformed lines are skipped. */
export function parseGlossary(text: string): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line.length === 0 || line.startsWith("#")) continue;
    const tab = line.indexOf("\t");
    if (tab <= 0) continue;
    const zh = line.slice(0, tab).trim().normalize("NFKC");
    const en = line
      .slice(tab + 1)
      .split("|")
      .map((name) => name.trim())
      .filter((name) => name.length > 0);
    if (zh.length > 0 && en.length > 0) entries.push({ zh, en });
  }
  return entries;
}

// Characters so frequent in ordinary text that teaching jieba a two-character name containing them
// (美的, 大众) would re-segment ordinary sentences ("完美的").
const functionCharacters = new Set([
  ..."的了是在和有不人一大中上下为个我你他她它这那就也都而及与或被把对从以之于其会能要说到着过地得所",
]);

/** Whether jieba may learn a glossary name as one word without re-segmenting ordinary text. */
export function isTeachable(word: string): boolean {
  const characters = [...word];
  if (!/^[\u3400-\u9fff]+$/u.test(word) || characters.length < 2) return false;
  return characters.length >= 3 || !characters.some((character) => functionCharacters.has(character));
}
