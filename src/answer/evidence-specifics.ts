import type { Specific } from "../question/analyze-question.ts";
import { isKnownEnglishWord } from "../question/known-words.ts";
import type { WeightedTerm } from "../store/store.ts";
import { remembered } from "../text/remembered.ts";
import { tagWords, tokenize } from "../text/segment.ts";
import { namesAllowingOneMissing } from "./answer-tuning.ts";
import { flatWords, type PassageContext, yearsHeld } from "./passage-context.ts";
import {
  cjk,
  looksLikePinyin,
  numberWritten,
  referenceNumber,
  versionWritten,
  wholeNameTranslated,
} from "./specific-spellings.ts";

export { cjk, looksLikePinyin } from "./specific-spellings.ts";

/**
 * Whether a window holds what a question is about: its specifics (names, versions, numbers,
 * quoted phrases), in the window, its story title, or more loosely elsewhere in the issue.
 * Part of the evidence gate (evidence-gate.ts).
 */

/** A token or one of its translations (the plan's terms that stand for it) is among `tokens`. */
export function found(
  token: string,
  tokens: ReadonlySet<string>,
  translations: Map<string, string[]>,
): boolean {
  if (tokens.has(token)) return true;
  return (translations.get(token) ?? []).some((translation) => tokens.has(translation));
}

/**
 * Whether tokens hold a specific, or its translation. A name is there when its last word is (a
 * surname, "Parka" of "Project Parka"); versions, numbers and quoted phrases, which tell one thing
 * from its neighbour (iPhone 15 from 16), need every word.
 */
export function specificHeld(
  specific: Specific,
  tokens: ReadonlySet<string>,
  translations: Map<string, string[]>,
): boolean {
  // A name of several words is held by its last ("Musk" for "Elon Musk"); one written as a single
  // word of joined parts ("XcodeCleaner-SwiftUI", "async-http-client") needs every part: its
  // last alone ("SwiftUI") names something else.
  const joinedParts = !cjk.test(specific.text) && !/\s/u.test(specific.text.trim());
  const needed = specific.kind === "name" && !joinedParts ? specific.tokens.slice(-1) : specific.tokens;
  if (needed.every((token) => found(token, tokens, translations))) return true;
  // "iPhoneX" for "iPhone X": a name of several words written as one.
  const joined = joinedTokens(specific);
  return joined.length > 0 && joined.every((token) => tokens.has(token));
}

/** Entries each memo of this module keeps before it starts afresh. */
const maxRemembered = 10_000;
const joinedMemo = new Map<string, string[]>();

/** The tokens of a name of several words written without spaces (none for a one-word name). */
function joinedTokens(specific: Specific): string[] {
  return remembered(
    joinedMemo,
    specific.text,
    (text) => (/\s/u.test(text.trim()) ? tokenize(text.replace(/\s+/gu, "")) : []),
    maxRemembered,
  );
}

/**
 * A name of three or more Latin words ("Swift Community Podcast") is written in the story, whole
 * or without its first word (a plural last word too); one of two whose last is an everyday word
 * ("Claude Code") whole. Shorter names, names in Chinese characters
 * and names with digits are looked for by their tokens as before (a person's surname alone stands
 * for them after the first mention).
 */
function nameWrittenWhole(specific: Specific, context: PassageContext): boolean {
  if (cjk.test(specific.text)) return true;
  const words = flatWords(specific.text).trim();
  // Written as a phrase of the story, its last word plural too.
  const writes = (phrase: string) =>
    context.writtenText.includes(` ${phrase} `) || context.writtenText.includes(` ${phrase}s `);
  // "Port of Valen" is written "Valen's port" too, and a name after "of" that is no everyday word
  // ("Valen") stands for it as a surname does ("Department of Justice" needs all its words).
  const ofName = / of (?:the )?/u.exec(words);
  if (ofName !== null) {
    const head = words.slice(0, ofName.index);
    const core = words.slice(ofName.index + ofName[0].length);
    return writes(words) || writes(`${core} ${head}`) || (!core.includes(" ") && !isKnownEnglishWord(core));
  }
  const rest = words.slice(words.indexOf(" ") + 1);
  // Two words whose last is an everyday one ("Claude Code", "Swift Playgrounds"): that word alone
  // may be anyone's ("trained on code"), so the whole name must be written.
  if (/^[\p{L}]+ [\p{L}]+$/u.test(words)) return !isKnownEnglishWord(rest) || writes(words);
  if (!/^[\p{L}]+(?: [\p{L}]+){2,}$/u.test(words)) return true;
  // A question often adds its context's name as a qualifier ("the Swift Core Team" for "the Core
  // Team", "Arm China CEO" for "China CEO"): the name without its first word is written too.
  return writes(words) || writes(rest);
}

export function translationsOf(terms: WeightedTerm[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const term of terms) {
    if (term.concept === undefined) continue;
    const list = map.get(term.concept) ?? [];
    list.push(term.term);
    map.set(term.concept, list);
  }
  return map;
}

/**
 * Whether the specifics are there. A specific written in one language, with no translation, cannot
 * be checked against a passage in the other: it is left out rather than failing every passage.
 */
export interface SpecificsCheck {
  /** Every checkable specific is there (names may be elsewhere in the passage). */
  hold: boolean;
  /** How many were found in the window or its story title. */
  anchored: number;
  /** The question names only its source ("Tw93's weekly"), which the issue confirms. */
  onlyTheSource?: boolean;
}

const placeMemo = new Map<string, boolean>();

/** A word jieba tags as a place (欧洲, 深圳); read once per word, not once per window. */
function isChinesePlace(text: string): boolean {
  return remembered(
    placeMemo,
    text,
    (word) => {
      const words = tagWords(word);
      return words.length === 1 && words[0]!.tag === "ns";
    },
    maxRemembered,
  );
}

/** A passage may write the name as the question does: a Latin name anywhere, a Chinese one in Chinese. */
function writtenAsAsked(specific: Specific, context: PassageContext): boolean {
  return !cjk.test(specific.text) || context.lang !== "en";
}

const linkTokensMemo = new Map<string, Set<string>>();

/** Every word of the name is a word of the story's link (its host and path). */
function namedByLink(specific: Specific, url: string | null | undefined): boolean {
  if (url === undefined || url === null || url === "") return false;
  const tokens = remembered(
    linkTokensMemo,
    url,
    (link) => new Set(tokenize(link.replace(/^[a-z]+:\/\//iu, "").replace(/[^\p{L}\p{N}]+/gu, " "))),
    maxRemembered,
  );
  return specific.tokens.length > 0 && specific.tokens.every((token) => tokens.has(token));
}

/** Latin letters with digits, no number standing alone: "BIP69", "Tw93", "WWDC21" (not "256G", "iOS 17"). */
function isHandle(specific: Specific): boolean {
  return (
    specific.kind !== "name" &&
    /\d/u.test(specific.text) &&
    !/(?:^|\s)\d/u.test(specific.text) &&
    !cjk.test(specific.text)
  );
}

/**
 * A name is there when the alias the briefs define for it is: "GSoC" for "Google Summer of Code"
 * (the alias stands for the name's first word), or every word of "Google Summer of Code" for
 * "GSoC" (each stands for the abbreviation).
 */
function aliasHeld(
  specific: Specific,
  aliasesOf: ReadonlyMap<string, readonly string[]>,
  tokens: ReadonlySet<string>,
): boolean {
  const [first] = specific.tokens;
  const aliases = first === undefined ? undefined : aliasesOf.get(first);
  if (aliases === undefined || aliases.length === 0) return false;
  return specific.tokens.length > 1
    ? aliases.some((alias) => tokens.has(alias))
    : aliases.every((word) => tokens.has(word));
}

/** An edition named by a name and its year ("KubeCon EU 2025"): the name's tokens and the year. */
function editionYear(specific: Specific): { name: string[]; year: string } | undefined {
  const year = specific.tokens.at(-1);
  if (year === undefined || !/^(?:19|20)\d\d$/.test(year) || specific.tokens.length < 2) return undefined;
  const name = specific.tokens.slice(0, -1);
  return name.every((token) => /^\p{L}+$/u.test(token)) ? { name, year } : undefined;
}

export function checkSpecifics(
  specifics: Specific[],
  windowTokens: ReadonlySet<string>,
  windowText: string,
  context: PassageContext,
  translations: Map<string, string[]>,
  /** The name the question is most about (the rarest in the briefs): never the one left missing. */
  rarestName?: Specific,
  /** Defined aliases by the question token they stand for (see `aliasHeld`). */
  aliasesOf?: ReadonlyMap<string, readonly string[]>,
): SpecificsCheck {
  const near = new Set([...windowTokens, ...context.title, ...(context.opening?.tokens ?? [])]);
  const titles = `${context.storyTitle}\n${context.opening?.text ?? ""}`;
  const everywhere = new Set([...near, ...context.wider]);
  const names = specifics.filter(
    (specific) => specific.kind === "name" || (context.lang === "zh" && isHandle(specific)),
  ).length;
  let anchored = 0;
  let missingNames = 0;
  // Specifics that name the source ("according to The Batch", "Tw93 的周刊") are confirmed by the
  // issue's title or publication; the others say what the story is about.
  let aboutTheSource = 0;
  // A name not found in the window counts as missing — unless the story's link names it (a
  // project named only by "github.com/kubernetes/kubernetes/pull/…") or it is a Chinese place asked
  // of an English brief ("在欧洲入股", told by a country or a union the dictionary does not map to
  // it: a qualifier there) — and is fatal when it is the name the question is most about.
  const leftOut = (specific: Specific): "fine" | "missing" | "fatal" => {
    if (namedByLink(specific, context.url)) return "fine";
    if (specific === rarestName && writtenAsAsked(specific, context)) return "fatal";
    if (cjk.test(specific.text) && context.lang === "en" && isChinesePlace(specific.text)) return "fine";
    return "missing";
  };
  for (const specific of specifics) {
    const isName = specific.kind === "name";
    // By its defined alias in the window or story title it anchors the window, as the name itself
    // would; elsewhere in the story it only passes, like a name given in the story's other chunks.
    if (isName && aliasesOf !== undefined && aliasHeld(specific, aliasesOf, near)) {
      anchored += 1;
      continue;
    }
    if (isName && aliasesOf !== undefined && aliasHeld(specific, aliasesOf, everywhere)) continue;
    // "PR 139010", "issue #31": the number names it, in the text ("139010: Reduce …", "#139010")
    // or the story's link (…/pull/139010).
    const reference = referenceNumber(specific);
    if (reference !== undefined) {
      const written = new RegExp(`(?<![\\d.,])#?${reference}(?!\\d|[.,]\\d)`, "u");
      if (written.test(`${windowText}\n${titles}\n${context.url ?? ""}`)) {
        anchored += 1;
        continue;
      }
    }
    // "KubeCon EU 2025", "WWDC 2019": an edition named by its year is held where the story names
    // the event and the year is written or is the ("the SIG Meet & Greet at KubeCon EU").
    const edition = specific.kind === "version" ? editionYear(specific) : undefined;
    if (
      edition?.name.every((token) => found(token, near, translations)) &&
      yearsHeld([edition.year], context)
    ) {
      anchored += 1;
      continue;
    }
    // "US", found as written: its token is the pronoun "us".
    if (specific.written !== undefined) {
      if (new RegExp(specific.written, "u").test(`${windowText}\n${titles}`)) anchored += 1;
      else if (context.lang !== "zh") missingNames += 1;
      continue;
    }
    // A name of several Latin words must be written somewhere in the story: its last word alone
    // ("podcast") may belong to another ("the Swift Unwrapped podcast").
    // (In English passages: a Chinese one may give the name in characters.)
    // (Chinese briefs keep such names in Latin too: "Kubernetes GitHub Admin Team" is not found
    // by 团队, a translation of its last word.)
    const writtenInLatin =
      context.lang === "en" ||
      (context.lang === "zh" && !cjk.test(specific.text) && !looksLikePinyin(specific.text));
    if (isName && writtenInLatin && !nameWrittenWhole(specific, context)) {
      const verdict = leftOut(specific);
      if (verdict === "fatal") return { hold: false, anchored };
      if (verdict === "missing") missingNames += 1;
      continue;
    }
    if (
      (specificHeld(specific, near, translations) ||
        (isName && wholeNameTranslated(specific, windowText, translations))) &&
      (specific.kind !== "version" || versionWritten(specific, `${windowText}\n${titles}`)) &&
      (specific.kind !== "number" || numberWritten(specific, `${windowText}\n${titles}`))
    ) {
      anchored += 1;
      continue;
    }
    // "Bitcoin Core 25.1" where the brief writes "25.1 开始的版本" and names Bitcoin Core in another
    // sentence of the story: the version's number here, its name elsewhere in the story.
    if (
      specific.kind === "version" &&
      specific.tokens.some((token) => /^\d/.test(token)) &&
      specific.tokens.every((token) =>
        /^\d/.test(token)
          ? found(token, near, translations)
          : found(token, everywhere, translations) ||
            (context.publicationWords !== undefined && found(token, context.publicationWords, translations)),
      ) &&
      versionWritten(specific, `${windowText}\n${titles}`)
    ) {
      anchored += 1;
      continue;
    }
    // The source named by a handle or version-like name ("Tw93", "LWKD's notes"): the issue's
    // title or publication confirms it.
    if (specific.tokens.every((token) => found(token, context.source, translations))) {
      aboutTheSource += 1;
      continue;
    }
    // A name, or a work's 《title》, may be given elsewhere in the issue (its opening, the story's
    // other chunks).
    if ((isName || specific.titled === true) && specificHeld(specific, everywhere, translations)) continue;
    // A site is often named only by a link, which the text does not keep.
    if (specific.kind === "site") continue;
    // Written in one language with no translation, it cannot be looked for in the other.
    const inChinese = cjk.test(specific.text);
    const sameLanguage = context.lang === "mixed" || (context.lang === "zh") === inChinese;
    // A translation counts only into the passage's language: a spelling variant ("yuqune" for the
    // pinyin "yuqun") cannot be looked for in Chinese text.
    const translatable = specific.tokens.some((token) =>
      (translations.get(token) ?? []).some((translation) => cjk.test(translation) !== inChinese),
    );
    // Chinese briefs keep product and project names in Latin letters ("Gryphon"); only a romanised
    // Chinese name ("Zeng Yuqun") is written in characters instead. (A handle with digits, "Tw93",
    // often names the source rather than the story, and is left as before.)
    // A single word that happens to read as pinyin ("Pake", "Bruno") is a product's name, kept in
    // Latin like the others; romanised people's names come in two words ("Zeng Yuqun").
    const keptInLatin =
      isName &&
      !inChinese &&
      context.lang === "zh" &&
      (!looksLikePinyin(specific.text) || !/\s/u.test(specific.text.trim()));
    // Numbers are written alike in both languages: "256G", "iPhone 16 Pro", "BIP69" are looked
    // for in a Chinese brief too.
    if (!sameLanguage && !translatable && !keptInLatin && !/\d/u.test(specific.text)) continue;
    // There a handle with digits ("BIP69", "Tw93", which may name the source's author rather
    // than the story) counts as a name: among three, one may be missing.
    if (!isName && !(context.lang === "zh" && isHandle(specific))) return { hold: false, anchored };
    const verdict = leftOut(specific);
    if (verdict === "fatal") return { hold: false, anchored };
    if (verdict === "missing") missingNames += 1;
  }
  if (missingNames > (names >= namesAllowingOneMissing ? 1 : 0)) return { hold: false, anchored };
  // Something of what the question names must be in the window or its story title: a window
  // that confirms none of its specifics could be about anything else the passage mentions. When
  // the question names only its source, the source confirms it.
  const onlyTheSource = aboutTheSource > 0 && aboutTheSource === specifics.length;
  return { hold: specifics.length === 0 || anchored > 0 || onlyTheSource, anchored, onlyTheSource };
}
