import { createRequire } from "node:module";
import { looksLikeChinesePersonName, surnameOf } from "./chinese-surnames.ts";
import { tokenize } from "./segment.ts";

/**
 * Chinese people's names and their romanised (pinyin) spelling. English briefs about Chinese tech
 * write its people as "Yang Zhilin" or "Zhilin Yang"; a Chinese question writes 杨植麟, which no
 * dictionary holds. A word that reads as a person's name (a common surname and a short given name)
 * is romanised with pinyin-pro's surname readings (曾 as Zeng, 覃 as Qin), so the question finds and
 * checks the English telling.
 */

type PinyinFunction = (text: string, options: Record<string, unknown>) => string[];
let pinyinFunction: PinyinFunction | undefined;

/** pinyin-pro, loaded on the first name (~35 ms): most commands never romanise one. */
function pinyin(): PinyinFunction {
  pinyinFunction ??= (createRequire(import.meta.url)("pinyin-pro") as { pinyin: PinyinFunction }).pinyin;
  return pinyinFunction;
}

const romanised = new Map<string, RomanisedName | undefined>();

export interface RomanisedName {
  /** The surname in pinyin, lower case, no tones: "yang", "ouyang". */
  surname: string;
  /** The given name as English writes it, syllables joined: "zhilin". */
  given: string;
}

/** The pinyin of a person's name ("杨植麟" → yang / zhilin), or undefined when it does not read as one. */
export function romaniseChineseName(word: string): RomanisedName | undefined {
  if (romanised.has(word)) return romanised.get(word);
  let result: RomanisedName | undefined;
  const surname = looksLikeChinesePersonName(word) ? surnameOf(word) : undefined;
  if (surname !== undefined) {
    const syllables = pinyin()(word, { toneType: "none", mode: "surname", type: "array", v: false });
    const surnameSyllables = syllables.slice(0, surname.length).join("");
    const given = syllables.slice(surname.length).join("");
    if (/^[a-zü]+$/u.test(surnameSyllables + given))
      result = { surname: surnameSyllables.replace(/ü/gu, "u"), given: given.replace(/ü/gu, "u") };
  }
  romanised.set(word, result);
  return result;
}

/** A romanised name as search tokens, the given name first (it tells one Wang from another). */
export function romanisedTerms(word: string): string[] | undefined {
  const name = romaniseChineseName(word);
  return name === undefined ? undefined : tokenize(`${name.given} ${name.surname}`);
}

/** A romanised name as English writes it: "Yang Zhilin". */
export function romanisedDisplay(word: string): string | undefined {
  const name = romaniseChineseName(word);
  if (name === undefined) return undefined;
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return `${capital(name.surname)} ${capital(name.given)}`;
}
