import type { Specific } from "../question/analyze-question.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";

/**
 * How a specific may be written in a brief, beyond its tokens: a version next to its name
 * ("Node.js 19", "Dart2.6正式版"), a share as a share, a pull request by its number, a romanised
 * Chinese name in characters. Part of the evidence gate's specifics check (evidence-specifics.ts).
 */

export const cjk = /[\u3400-\u9fff]/u;

/**
 * A version's number belongs to its name: "Swift" in a story title and "iPhone 6" in the sentence
 * do not make "Swift 6". The version holds when written as one phrase ("Swift 6", "Node.js 19",
 * "PR #133604"), or when its number stands somewhere not taken by another name ("133604: Fix …").
 */
export function versionWritten(specific: Specific, text: string): boolean {
  const words = specific.text.split(/[\s._-]+/u).filter(Boolean);
  if (words.length < 2) return true;
  const normalised = text.normalize("NFKC");
  // A short suffix may follow a word ("Node.js 19" for "Node 19"); Chinese may follow the number
  // with no space ("Dart2.6正式版").
  const phrase = words.map(escapeRegExp).join("(?:[._-][a-z]{1,3})?[\\s._#-]*");
  if (new RegExp(`${phrase}(?![\\p{Script=Latin}\\d])`, "iu").test(normalised)) return true;
  // The whole trailing number ("25.1" of "Core 25.1", not its last part).
  const number = specific.text.match(/(\d+(?:\.\d+)*)\s*$/u)?.[1] ?? words[words.length - 1]!;
  if (!/^\d/.test(number)) return true;
  const first = words[0]!.toLowerCase();
  for (const match of normalised.matchAll(new RegExp(`(?<![\\d.])${escapeRegExp(number)}(?![\\d])`, "gu"))) {
    // A count or a share ("30%", "6 个 word", "$30") is not the version's number; a year's 年 is
    // no count ("JetBrains 发布了 2019 年开发者调查" for "JetBrains 2019").
    const after = normalised.slice((match.index ?? 0) + match[0].length);
    const yearMarked = /^(?:19|20)\d\d$/u.test(number) && /^\s*年/u.test(after);
    if ((countFollows.test(after) && !yearMarked) || /[$¥€£]\s*$/u.test(normalised.slice(0, match.index)))
      continue;
    const before = normalised.slice(0, match.index).match(/([\p{L}][\p{L}\d.+-]*)[\s#-]*$/u)?.[1];
    // (A word ending the sentence before — "… February. 1.33 alpha 1" — names no version.)
    if (
      before === undefined ||
      before.endsWith(".") ||
      !/\p{Lu}/u.test(before) ||
      before.toLowerCase().startsWith(first)
    )
      return true;
  }
  return false;
}

// What follows a number that counts or measures something: a unit, a share, a measure word.
const countFollows =
  /^(?:\.\d)|^\s*(?:%|[xX×]\b|个|年|月|日|天|人|元|万|亿|倍|位|款|家|次|条|项|名|种|分钟|小时|秒|percent|per\b|times\b|years?\b|months?\b|days?\b|hours?\b|minutes?\b|people\b|users?\b|million\b|billion\b|[kKmMgGtT]?[bB]\b|GB|MB|TB|ms\b|s\b)/u;

/** A share is written as one ("10%", "10 percent"), not as a 10 of something else. */
export function numberWritten(specific: Specific, text: string): boolean {
  const share = specific.text.match(/^(\d+(?:\.\d+)?)\s?%$/);
  if (share === null) return true;
  return new RegExp(`(?<![\\d.])${escapeRegExp(share[1]!)}\\s?(?:%|per ?cent|percent)`, "iu").test(text);
}

/**
 * A romanised name whose part the lexicon translates to the whole name in Chinese ("Zeng" of "Zeng
 * Yuqun" → 曾毓群), written in the window: the name is there though its last word has no
 * translation of its own.
 */
export function wholeNameTranslated(
  specific: Specific,
  windowText: string,
  translations: Map<string, string[]>,
): boolean {
  // Only a romanised Chinese name: "Code Review" is not found by 代码, a translation of "code".
  if (cjk.test(specific.text) || !looksLikePinyin(specific.text)) return false;
  return specific.tokens.some((token) =>
    (translations.get(token) ?? []).some(
      (translation) => cjk.test(translation) && translation.length >= 2 && windowText.includes(translation),
    ),
  );
}

/** The number of a pull request or issue a specific names ("PR 139010", "issue #31", "#4521"). */
export function referenceNumber(specific: Specific): string | undefined {
  return /^(?:(?:PR|PRs|pull request|pull|issue|issues|bug|ticket)\s*#?|#)(\d{2,})$/i.exec(
    specific.text.trim(),
  )?.[1];
}

// A pinyin syllable: an initial (or none) and a final, tone marks folded away.
const pinyinSyllable =
  "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)";
const pinyinWord = new RegExp(`^(?:${pinyinSyllable})+$`, "i");

/** Whether every word of a Latin name reads as pinyin syllables ("Zeng Yuqun", "Lei Jun"). */
export function looksLikePinyin(text: string): boolean {
  const words = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/['’]s$/u, "")
    .split(/[\s'’-]+/u)
    .filter(Boolean);
  return words.length > 0 && words.every((word) => pinyinWord.test(word));
}
