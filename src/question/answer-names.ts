import {
  chinesePersonNames,
  chinesePlaceNames,
  foldEnglish,
  properNouns,
  segmenterGeneration,
  taughtNamesIn,
} from "../text/segment.ts";
import { isKnownEnglishWord } from "./known-words.ts";
import { monthNamesInFull } from "./time-reference.ts";

/**
 * Whether a text names what a "who", "which" or "where" question asks for and the question does
 * not already name: a person, a company or product, a place, a human language, a path.
 */

// A place after a word of location ("位于杭州市", "搬到深圳"); names of places count as names too.
const chinesePlace =
  /(?:在|到|去|从|于|位于|来自|搬到|落户)[\u4e00-\u9fff]{1,6}(?:省|市|县|区|州|岛|群岛|国|镇|村|湾|山|湖|街|路|机场|港|大学|园区|总部)/u;

export const asksForLanguage =
  /\b(?:which|what) languages?\b|\binto (?:which|what)\b|哪(?:种|门|个)语言|什么语言|哪国语言/iu;
const humanLanguages =
  /\b(?:Chinese|English|Japanese|Korean|French|German|Spanish|Portuguese|Russian|Italian|Arabic|Hindi|Dutch|Turkish|Vietnamese|Thai|Indonesian|Polish|Ukrainian|Persian|Hebrew|Swedish)\b|中文|英文|日文|韩文|法文|德文|俄文|汉语|英语|日语|韩语|法语|德语|西班牙语|葡萄牙语|俄语|意大利语|阿拉伯语/gu;

/** The text names a human language the question does not. */
export function namesNewLanguage(text: string, question: string): boolean {
  for (const match of text.matchAll(humanLanguages)) if (!question.includes(match[0])) return true;
  return false;
}

export const asksForPath =
  /\b(?:which|what) (?:directory|folder|path|file)\b|哪个(?:目录|文件夹|路径|文件)|什么(?:目录|文件夹|路径)/iu;
export const pathValue = /(?:^|[\s(（"“'`])[.~]?[\w.-]*\/[\w.-]+(?:\/[\w.-]*)*/u;

// Capitalised words that name no one and nothing a "who"/"which"/"where" asks for: days, months,
// holidays and nationalities ("a Chinese New Year holiday shift" names no manager).
const notAnswerNames = new Set(
  (
    `monday tuesday wednesday thursday friday saturday sunday ${monthNamesInFull.join(" ")} ` +
    "new year years eve day christmas easter thanksgiving spring summer autumn fall winter festival holiday " +
    "american british chinese english french german italian spanish japanese korean indian russian european asian african canadian australian brazilian mexican dutch swiss swedish israeli taiwanese singaporean vietnamese thai indonesian turkish saudi emirati ukrainian polish irish"
  )
    .split(" ")
    .map(foldEnglish),
);

// The question's names, read once per question (and jieba dictionary): the gate asks about every
// sentence it weighs.
let namesOf: { question: string; generation: number; names: ReadonlySet<string> } | undefined;
function namesOfQuestion(question: string): ReadonlySet<string> {
  const generation = segmenterGeneration();
  // Words waiting to be taught to jieba: the next segmentation may differ, so nothing is kept.
  if (generation === undefined) return questionNames(question);
  if (namesOf?.question !== question || namesOf.generation !== generation)
    namesOf = { question, generation, names: questionNames(question) };
  return namesOf.names;
}

// The question's names, and every capitalised word in it: one opening the question ("Antoine
// Poinsot 公布的…", "Kaslin Fields …") is a name the asker gives, not grammar.
function questionNames(question: string): Set<string> {
  const names = new Set(properNouns(question));
  for (const match of question.normalize("NFKC").matchAll(/\b[A-Z][\p{L}\p{N}&'’.-]*[\p{L}\p{N}]/gu))
    names.add(foldEnglish(match[0].toLowerCase()));
  return names;
}

const bodyWords = new Set(
  "team committee group program programme project release lead shadow board council office department community foundation summit conference meeting working special interest"
    .split(" ")
    .map((word) => foldEnglish(word)),
);

export function hasNewName(text: string, question: string): boolean {
  const asked = namesOfQuestion(question);
  const isNew = (name: string) =>
    !notAnswerNames.has(name) && !asked.has(name) && ![...asked].some((known) => known.includes(name));
  // "the Kubernetes v1.37 Release Team": a capitalised word for a kind of body or role names no
  // one by itself (a real name holds another word: "Team Liquid" is found by "liquid").
  if (properNouns(text).some((name) => isNew(name) && !bodyWords.has(name))) return true;
  // A company the glossary names (滴滴, 网易) that jieba's dictionary holds as a plain noun.
  if (taughtNamesIn(text).some((name) => isNew(name) && !question.includes(name))) return true;
  // Chinese text keeps names in Latin letters, often in lower case ("完全迁移到 pnpm"): a Latin word
  // beside Chinese that no English dictionary holds is a name.
  for (const match of text.matchAll(latinBesideChinese)) {
    const word = match[1] ?? match[2] ?? "";
    if (!isKnownEnglishWord(word) && isNew(foldEnglish(word.toLowerCase())) && !question.includes(word))
      return true;
  }
  return false;
}

const latinBesideChinese =
  /(?<=[\u3400-\u9fff]\s?)([a-z][a-z0-9+-]{1,30})(?![\w.])|(?<![\w.])([a-z][a-z0-9+-]{1,30})(?=\s?[\u3400-\u9fff])/gu;

/**
 * A place the question does not name: a capitalised name in Latin script ("Lisbon"), or a word
 * jieba tags as a place in Chinese (夏威夷) — not any Chinese name, since a series' or a product's
 * name is no answer to "where".
 */
export function hasNewPlaceName(text: string, question: string): boolean {
  // With the Chinese taken out, the names left are Latin ones.
  if (hasNewName(text.replace(/[\u3400-\u9fff]+/gu, " "), question)) return true;
  return chinesePlaceNames(text).some((place) => !question.includes(place) && !notAnswerNames.has(place));
}

export function newChinesePlace(text: string, question: string): boolean {
  for (const match of text.matchAll(new RegExp(chinesePlace.source, "gu")))
    if (!question.includes(match[0])) return true;
  return false;
}

// A person's name in Latin letters: two to four capitalised words ("Allen Wu", "Jean-Luc van
// Dam", "Brian McQueen"), or a handle ("@jpbetz").
const latinPersonName =
  /(?<![\p{L}\d])\p{Lu}[\p{Ll}'’]+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?[\p{Ll}]+)?(?:\s+(?:(?:van|von|de|der|da|di|le|la|bin|al)\s+)?\p{Lu}[\p{Ll}'’]+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?[\p{Ll}]+)?){1,3}(?![\p{L}\d])|(?<![\w@])@[A-Za-z][\w-]{1,38}/gu;

/**
 * A person the question does not name: a full name in Latin letters with none of the question's
 * names in it and not only days, months or nationalities, or a handle; or a Chinese person's name.
 */
export function hasNewPersonName(text: string, question: string): boolean {
  const asked = namesOfQuestion(question);
  for (const match of text.matchAll(latinPersonName)) {
    const words = match[0]
      .replace(/^@/, "")
      .split(/\s+/)
      .map((word) => foldEnglish(word.toLowerCase()));
    // "The Verge", "In March": a capitalised function word opens a sentence, not a name.
    if (words.some((word) => sentenceOpeners.has(word))) continue;
    // A run holding one of the question's names is that thing ("Orbit Bitcoin" for "Orbit") — save
    // a name after the role the question asks about ("Release Lead Ryota" for "who is the Release
    // Lead"): the words after it, one no dictionary holds or a full name, are the person.
    const lastAsked = words.findLastIndex((word) => asked.has(word));
    if (lastAsked >= 0) {
      const after = match[0].split(/\s+/).slice(lastAsked + 1);
      const person =
        after.length > 0 &&
        words.slice(0, lastAsked + 1).some((word) => roleTitleWords.has(word)) &&
        !after.some((word) => notPersonWords.has(foldEnglish(word.toLowerCase()))) &&
        (after.length >= 2 || !isKnownEnglishWord(after[0]!));
      if (person) return true;
      continue;
    }
    if (words.every((word) => notAnswerNames.has(word))) continue;
    // Three or more dictionary words are a title ("Common Expression Language", "Swift Package
    // Index"); a person's full name of dictionary words ("Grace Hopper") has two.
    if (words.length >= 3 && match[0].split(/\s+/).every((word) => isKnownEnglishWord(word))) continue;
    // A word that names an organisation, an event or a region makes no person ("KubeCon North
    // America", "Working Group", "Linux Foundation").
    if (words.some((word) => notPersonWords.has(word))) continue;
    return true;
  }
  // "Developer 0xB10C", "developer instagibbs", "开发者 Zawy": after a role word, a word no
  // dictionary holds is the person's handle.
  for (const match of [
    ...text.matchAll(roleThenHandle),
    ...text.matchAll(chineseRoleThenHandle),
    ...text.matchAll(doneByHandle),
  ]) {
    const handle = (match[1] ?? match[2])!;
    // An acronym after the role ("users API", "developers SDK") is no one's handle.
    if (/^[A-Z0-9_-]+$/.test(handle)) continue;
    if (!isKnownEnglishWord(handle) && !asked.has(foldEnglish(handle.toLowerCase()))) return true;
  }
  return chinesePersonNames(text).some((name) => !question.includes(name));
}

/** The last word of a role's title ("Release Lead", "Editor-in-Chief", "CEO"), folded. */
const roleTitleWords = new Set(
  "lead leader chair chairman chairwoman ceo cto cfo coo founder cofounder co-founder editor author maintainer manager director head president host owner creator chief".split(
    " ",
  ),
);

const roleThenHandle =
  /\b(?:developers?|engineers?|maintainers?|contributors?|researchers?|reviewers?|authors?|users?)\s+([A-Za-z0-9][\w-]{2,38})(?![\w-])/giu;

// "由 rkrux 编写", "hosted by glozow": whom a deed is done by, as a handle in lower case too.
const doneByHandle =
  /(?:由|被)\s*([A-Za-z0-9][\w.-]{1,38}?)\s*(?:编写|撰写|开发|发起|提出|维护|主持|发布|创建|创办|设计|实现|发现|报告|整理|翻译|负责)|\b(?:written|authored|hosted|led|maintained|created|proposed|reported|discovered|developed|founded|run|organi[sz]ed)\s+by\s+([a-z0-9][\w.-]{2,38})(?![\w-])/gu;

// "开发者 Zawy", "研究员 0xB10C": a Latin handle after a Chinese role word.
const chineseRoleThenHandle =
  /(?:开发者|开发人员|工程师|研究员|研究者|维护者|贡献者|作者|程序员|设计师)\s*([A-Za-z0-9][\w-]{2,38})(?![\w-])/gu;

const notPersonWords = new Set(
  (
    "group team committee council board foundation institute university college school association society " +
    "inc corp corporation company labs lab ventures capital partners fund bank systems technologies software " +
    "project summit conference con meetup festival week day days award awards prize " +
    "north south east west america americas europe asia africa pacific atlantic middle kingdom states union " +
    // Products, stores and media ("App Store", "Google Play", "Visual Studio", "Swift Weekly").
    "app apps store play studio cloud services service platform framework kit sdk console browser " +
    "engine edition beta weekly newsletter podcast blog magazine channel radio"
  )
    .split(" ")
    .map(foldEnglish),
);

const sentenceOpeners = new Set(
  "the a an in on at for of and but or if as by with from to after before this that these those our its their his her my we he she they it there here when while during".split(
    " ",
  ),
);
