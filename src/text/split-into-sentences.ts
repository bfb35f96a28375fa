/**
 * Sentence splitting for English and Chinese. English ends at . ! ? followed by space and an
 * upper-case letter, digit, quote or CJK; Chinese ends at 。！？； (and full-width ！？) with no
 * space needed. Abbreviations such as "Mr." "U.S." "e.g." and decimals do not end sentences. A
 * run of footnote markers between run-together digest items ("… [2] - Next item") ends one too.
 */

const abbreviations = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sr",
  "jr",
  "st",
  "vs",
  "etc",
  "e.g",
  "i.e",
  "inc",
  "ltd",
  "co",
  "corp",
  "u.s",
  "u.k",
  "no",
  "fig",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
]);

const chineseEnd = new Set(["。", "！", "？", "；", "!", "?"]);
const closers = new Set(["”", "’", '"', "'", ")", "）", "」", "』", "】", "》"]);

export function splitIntoSentences(text: string): string[] {
  const sentences: string[] = [];
  const chars = Array.from(text);
  let start = 0;
  let index = 0;
  const push = (end: number) => {
    const sentence = chars.slice(start, end).join("").trim();
    if (sentence.length > 0) sentences.push(sentence);
    start = end;
  };
  while (index < chars.length) {
    const char = chars[index]!;
    if (char === "\n") {
      push(index + 1);
      index += 1;
      continue;
    }
    // Machine-written digests run their items together, each closed by its footnote markers:
    // "…global reach [2] - Nadella expresses… [2] Group 2 - TCL…". A marker run followed by a
    // bullet, a "Group N" label or a capital letter ends the sentence (the markers stay with it).
    if (char === "[") {
      const run = /^((?:\[\d{1,3}\])+)\s+(?:[-–—]\s|Group\s*\d|\p{Lu})/u.exec(
        chars.slice(index, index + 32).join(""),
      );
      if (run !== null && index > start && !/[.!?。！？；]\s*$/u.test(chars.slice(start, index).join(""))) {
        const end = index + Array.from(run[1]!).length;
        push(end);
        index = end;
        continue;
      }
    }
    const isChinese =
      chineseEnd.has(char) &&
      (char === "。" || char === "！" || char === "？" || char === "；" || isCjk(chars[index - 1]));
    // "苹果在try! Swift上发布了…", "收购了Yahoo! Japan": a Latin "!" inside a name in Chinese prose.
    if ((char === "!" || char === "?") && insideNameInChinese(chars, index)) {
      index += 1;
      continue;
    }
    const isLatin = char === "." || char === "!" || char === "?";
    if (isChinese || isLatin) {
      let end = index + 1;
      while (
        end < chars.length &&
        (closers.has(chars[end]!) || chineseEnd.has(chars[end]!) || chars[end] === ".")
      )
        end += 1;
      if (isChinese && !isLatin) {
        push(end);
        index = end;
        continue;
      }
      // Latin punctuation: needs whitespace (or CJK / end) after, and not an abbreviation or decimal.
      const next = chars[end];
      if (next === undefined) {
        push(end);
        index = end;
        continue;
      }
      if (isCjk(next)) {
        push(end);
        index = end;
        continue;
      }
      if (/\s/.test(next)) {
        let look = end;
        while (look < chars.length && /\s/.test(chars[look]!)) look += 1;
        const following = chars[look];
        const word = wordBefore(chars, index).toLowerCase();
        const isAbbreviation = char === "." && (abbreviations.has(word) || /^[a-z]$/i.test(word));
        if (
          !isAbbreviation &&
          (following === undefined || /[\p{Lu}\p{N}"“‘'([\u3400-\u9fff]/u.test(following))
        ) {
          push(end);
          index = end;
          continue;
        }
      }
    }
    index += 1;
  }
  push(chars.length);
  return sentences;
}

function isCjk(char: string | undefined): boolean {
  return char !== undefined && /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/u.test(char);
}

function wordBefore(chars: string[], index: number): string {
  let start = index;
  while (start > 0 && /[\p{L}.]/u.test(chars[start - 1]!)) start -= 1;
  return chars.slice(start, index).join("");
}

/** A "!" or "?" closing a Latin word that follows Chinese, and followed by another Latin word. */
function insideNameInChinese(chars: readonly string[], index: number): boolean {
  let start = index;
  while (start > 0 && /[A-Za-z0-9]/.test(chars[start - 1]!)) start -= 1;
  if (start === index) return false;
  let before = start - 1;
  while (before >= 0 && chars[before] === " ") before -= 1;
  if (before < 0 || !isCjk(chars[before])) return false;
  let after = index + 1;
  while (after < chars.length && chars[after] === " ") after += 1;
  return after > index + 1 && after < chars.length && /[A-Za-z]/.test(chars[after]!);
}
