import { matchesBeforeTails } from "../text/bracket-matches.ts";
import { isStopword, segmentWords } from "../text/segment.ts";

/**
 * Learning Chinese–English name pairs where a newsletter states them itself: a name followed by its
 * other-language form in parentheses ("天赐材料（Tinci）", "Tencent (腾讯)"), and the source lines of
 * bilingual issues that print each story title twice ("(English Source: Wall Street Journal)" in the
 * English half, "(英文来源: 华尔街日报)" in the Chinese half). Pure: text in, pairs out.
 */

/** One learned equivalence. */
export interface LearnedPair {
  /** Chinese form, e.g. "天赐材料". */
  zh: string;
  /** English form as written, e.g. "Tinci". */
  en: string;
  /** Which pattern produced it; parenthesised pairs are more reliable than positional ones. */
  via: "parenthesis" | "parallel-source";
}

const cjk = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
// Chinese company and product names are mostly two jieba words of four characters (宁德/时代, 天赐/材料);
// walking further back mostly picks up the verb before the name (看好宁德时代).
const maxChineseChars = 4;
const maxEnglishWords = 5;

// Chinese run, optional space, opening bracket (half- or full-width), Latin content, closing bracket.
const chineseThenEnglish = new RegExp(`([${cjk}]+)\\s?[(（]([^()（）${cjk}]{1,60})[)）]`, "gu");
// Latin text, optional space, bracket with only Chinese (a middle dot allowed for foreign names).
const englishThenChinese = new RegExp(
  `([A-Za-z0-9][^()（）${cjk}\\n]{0,80}?)\\s?[(（]([${cjk}·]{2,12})[)）]`,
  "gu",
);

// What `englishThenChinese` can match: a bracketed Chinese tail, before it text without brackets,
// Chinese or line breaks (then perhaps one space or line break).
const chineseTail = new RegExp(`[(（][${cjk}·]{2,12}[)）]`, "gu");
const beforeChineseTail = new RegExp(`[^()（）${cjk}\\n]`, "u");
const space = /\s/;

// Bracketed notes that are not names: "(Credit: X)", "(in Chinese)", "(twice per week)".
const annotationWords =
  /\b(?:credit|credits|source|photo|image|via|note|translated|translation|updated|ibid|sic|etc|e\.g|i\.e|see|in chinese|in english|per|part|left|right|center)\b/i;

// Words that end a Chinese name when walking back from the bracket: verbs and prepositions that
// typically introduce a name ("投资了天赐材料", "据宁德时代").
const nameBoundaryWords = new Set(
  (
    "投资 收购 包括 例如 比如 宣布 表示 认为 就是 还有 以及 来自 出自 使用 推出 发布 成立 加入 成为 作为 通过 根据 " +
    "对于 关于 其中 旗下 联合 携手 合作 支持 称 据 由 向 给 让 被 将 把 对 从 在 和 与 及 或 是 的 了 即 如 像 叫 名为 称为 简称"
  ).split(" "),
);

function isPlausibleEnglishName(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[A-Za-z][A-Za-z0-9 .&'’+-]*$/.test(trimmed)) return false; // no colons, digits-first, quotes
  if (trimmed.split(/\s+/).length > maxEnglishWords) return false;
  if (annotationWords.test(trimmed)) return false;
  // Ordinary prose in brackets is mostly lower-case function words; names are not.
  const words = trimmed.split(/\s+/);
  const stopwordCount = words.filter((word) => isStopword(word.toLowerCase())).length;
  return stopwordCount === 0 || (words.length >= 3 && stopwordCount === 1 && /^[A-Z]/.test(trimmed));
}

/** The name at the end of a Chinese run: trailing jieba words back to a verb or preposition. */
function trailingChineseName(run: string): string | undefined {
  const words = segmentWords(run);
  let name = "";
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const word = words[index] ?? "";
    if (nameBoundaryWords.has(word) || isStopword(word)) break;
    if (name.length > 0 && [...(word + name)].length > maxChineseChars) break;
    name = word + name;
  }
  return [...name].length >= 2 ? name : undefined;
}

/** The name just before a bracket in English: its capitalised words, or one or two plain words. */
function trailingEnglishName(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  const picked: string[] = [];
  for (let index = words.length - 1; index >= 0 && picked.length < maxEnglishWords; index -= 1) {
    const word = (words[index] ?? "").replace(/^[“"'‘(]+|[”"'’,;:.]+$/g, "");
    const capitalised = /^[A-Z0-9]/.test(word);
    const connector = picked.length > 0 && /^(?:of|and|&|de|von)$/.test(word);
    if (word.length === 0 || !/^[A-Za-z0-9][A-Za-z0-9.&'’+-]*$/.test(word)) break;
    if (capitalised || connector) {
      picked.unshift(word);
      continue;
    }
    // A lower-case term ("involution (内卷)") only counts when it stands alone before the bracket.
    if (picked.length === 0 && !isStopword(word.toLowerCase())) {
      const before = words[index - 1]?.toLowerCase() ?? "";
      if (index === 0 || isStopword(before) || /[,;:.]$/.test(before)) picked.unshift(word);
    }
    break;
  }
  while (picked.length > 0 && /^(?:of|and|&|de|von)$/.test(picked[0] ?? "")) picked.shift();
  // At a sentence start every word is capitalised: "Shares of Tencent (腾讯)" is not a name, and we
  // cannot tell it from "Bank of China (中国银行)", so a connector there makes us give up.
  const firstIndex = words.length - picked.length;
  const atSentenceStart = firstIndex <= 0 || /[.!?]["”’]?$/.test(words[firstIndex - 1] ?? "");
  if (atSentenceStart && picked.some((word) => /^(?:of|and|&|de|von)$/.test(word))) return undefined;
  return picked.length > 0 ? picked.join(" ") : undefined;
}

function learnFromParentheses(text: string, pairs: LearnedPair[]): void {
  for (const match of text.matchAll(chineseThenEnglish)) {
    const [, run = "", english = ""] = match;
    if (!isPlausibleEnglishName(english)) continue;
    const zh = trailingChineseName(run);
    if (zh !== undefined) pairs.push({ zh, en: english.trim(), via: "parenthesis" });
  }
  const englishThenChineseMatches = matchesBeforeTails(
    text,
    englishThenChinese,
    chineseTail,
    (character) => beforeChineseTail.test(character),
    (character) => space.test(character),
  );
  for (const match of englishThenChineseMatches) {
    const [, before = "", chinese = ""] = match;
    const en = trailingEnglishName(before);
    if (en !== undefined && isPlausibleEnglishName(en)) pairs.push({ zh: chinese, en, via: "parenthesis" });
  }
}

// "(English Source: The China Guys)" / "(Chinese Source: 36Kr)" and "(英文来源: 华尔街日报)" / "（中文来源：投中网）".
const englishSourceLine = /\((?:English|Chinese) Source:\s*([^)\n]+)\)/g;
const chineseSourceLine = /[(（](?:英文|中文)来源[:：]\s*([^)）\n]+)[)）]/gu;

/**
 * Bilingual issues print every story twice with its source in brackets; the n-th English source names
 * the same outlet as the n-th Chinese one. We only trust the pairing when both halves list the same
 * number of sources, and only keep pairs where the Chinese side is actually written in Chinese.
 */
function learnFromParallelSources(text: string, pairs: LearnedPair[]): void {
  const englishSources = [...text.matchAll(englishSourceLine)].map((match) => (match[1] ?? "").trim());
  const chineseSources = [...text.matchAll(chineseSourceLine)].map((match) => (match[1] ?? "").trim());
  if (englishSources.length === 0 || englishSources.length !== chineseSources.length) return;
  englishSources.forEach((en, index) => {
    const zh = chineseSources[index] ?? "";
    if (!new RegExp(`[${cjk}]`, "u").test(zh) || new RegExp(`[${cjk}]`, "u").test(en)) return;
    if (en.length > 0 && zh.length <= 12) pairs.push({ zh, en, via: "parallel-source" });
  });
}

/**
 * Name pairs stated by the text itself, deduplicated. Meant to be run on each ingested issue; the
 * result goes to `Lexicon.addPairs`.
 */
export function learnPairs(text: string): LearnedPair[] {
  const normalised = text.normalize("NFC");
  const pairs: LearnedPair[] = [];
  learnFromParentheses(normalised, pairs);
  learnFromParallelSources(normalised, pairs);
  const seen = new Set<string>();
  return pairs.filter((pair) => {
    const key = `${pair.zh}\t${pair.en.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
