import {
  chinesePersonNames,
  chinesePlaceNames,
  foldEnglish,
  properNouns,
  segmenterGeneration,
  taughtNamesIn,
} from "../text/segment.ts";
import { type AskedType, numbersIn, type QuestionAnalysis } from "./analyze-question.ts";
import { isKnownEnglishWord } from "./known-words.ts";
import { monthNamesInFull } from "./time-reference.ts";

/**
 * Whether a text holds a value of the type a question asks for, which the question does not
 * already give: a price for "how much does it cost", a span of time for "how long", a date for
 * "when", a name the question does not mention for "who". Types with no value of their own
 * (reason, yes/no, other) are satisfied by any text; the evidence gate then relies on coverage.
 */

const numberWords =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|dozens|half|twice|double|triple)\b/i;
// Chinese numerals, but not a bare 一 ("一个", "一看" are "a", "one look") or 半.
const chineseNumber = /[两二三四五六七八九十百千万亿]|一[百千万亿]/u;
// An amount: a currency sign or word next to its number ("$8/month", "35 块钱", "199元", "20 刀"),
// a number the text calls a price ("5499 这个价格", "售价 199", "priced at 499"), a number a
// buying verb says was paid ("淘宝购买正版授权才 40 多一年"), or free. A rate word alone ("每年", "per month") or 元 inside a word (单元) is no price.
const currency =
  /[$¥€£₩]\s?\d|\d[\d,.]*\s?(?:k|m|bn|b|thousand|million|billion|trillion)?\s?(?:dollars?|usd|rmb|yuan|euros?|pounds?|cents?|bucks)\b|[\d零一二三四五六七八九十百千两][\d,.零一二三四五六七八九十百千两]*\s?(?:万|亿)?\s?(?:美元|美金|元|块钱|块|刀|欧元|英镑|日元|人民币)|\bfree\b|免费|\d[\d,.]*\s?(?:这个|的)?(?:价格|售价|价钱)|(?:价格|售价|价钱|定价|到手价|卖|只要|仅需)\s?(?:为|是|约|仅|只要)?\s?\d|\b(?:priced at|sells? for|retails? for)\s+(?:about |around |just |only )?\d|(?:购买|买|花了?|付了?|订阅)[^，。,；;！？!?\d]{0,8}?(?:才|只要|仅|大概|约)\s?\d+(?![\d.]|\s?(?:个|台|件|张|本|款|次|天|年|月|小时|分钟|人|位|%|寸|公里|斤|克)|\s?(?:GB|TB|G|T|mm|km|kg|g)\b)/i;
const percent =
  /\d\s?%|\bper ?cent\b|百分之|[一二三四五六七八九\d]成\b|\bhalf\b|一半|(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand|several|many)\s)\s?times\b|\btwice\b|\d\s?[x×](?![\w-])|(?:[\d一二两三四五六七八九十百千几]|(?<!整)数)\s?倍/i;
const durationUnit =
  /\d[\d,.]*\s?(?:-\s?)?(?:seconds?|secs?|s\b|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|decades?|ms\b)|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|half an?)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b|\b(?:decade|year|month|week|day|hour|minute)-long\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|multi)-(?:year|month|week|day|hour|minute)\b|[\d零一二三四五六七八九十百两半几]+\s?(?:秒|分钟|分|小时|个小时|天|日|周|星期|个月|月|年)|半(?:小时|天|年)|\bovernight\b|\bhalf an hour\b|\b(?:once|twice|thrice|\d+ times?) (?:a|per|every) (?:day|week|month|year)\b|\b(?:daily|weekly|monthly|biweekly|fortnightly|hourly)\b|每[天周月年日]|每隔|一[周天月年][一两二三四五\d]次/i;
// A rate: "every three weeks", "twice a month", "每过三周", "一周两次", "weekly".
const frequencyUnit =
  /\bevery\s+(?:other\s+|few\s+|couple of\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)?\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|morning|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:once|twice|thrice|\d+ times?|(?:one|two|three|four|five|six|ten) times) (?:a|an|per|every|each) \w+|\b(?:daily|weekly|monthly|quarterly|yearly|annually|biweekly|fortnightly|hourly|nightly)\b|\bper (?:day|week|month|year|hour)\b|每(?:过|隔)?\s*[\d零一二三四五六七八九十两半几]*\s*(?:个)?(?:秒|分钟|小时|天|日|周|星期|礼拜|个?月|季度|年|晚|早)|[一二两三四五六七八九十\d]+\s*(?:天|周|个?月|年|小时)\s*[一二两三四五六七八九十\d]+\s*次/i;
// A place after a word of location ("位于杭州市", "搬到深圳"); names of places count as names too.
const chinesePlace =
  /(?:在|到|去|从|于|位于|来自|搬到|落户)[\u4e00-\u9fff]{1,6}(?:省|市|县|区|州|岛|群岛|国|镇|村|湾|山|湖|街|路|机场|港|大学|园区|总部)/u;
const distanceUnit =
  /\d[\d,.]*\s?(?:km|kilomet(?:er|re)s?|miles?|meters?|metres?|m\b|feet|ft|公里|千米|英里|米)/i;
const yearOrMonth =
  /\b(?:1[89]\d\d|20\d\d)s?\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d|\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(?:january|february|march|april|june|july|august|september|october|november|december)\b|\d{4}\s*年|\d{1,2}\s*月|月\s*\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,2}月|(?:今年|去年|明年|前年|上个?月|下个?月|本月|第[一二三四五六七八九十\d]+天)|\b(?:last (?:week|month|year|quarter)|next (?:week|month|year|quarter)|this (?:month|year)|(?:first|last|same|that) (?:day|week|month|year|quarter) of|in (?:the )?(?:spring|summer|autumn|fall|winter))\b|\b(?:q[1-4]|h[12])\b/i;

function withoutGivenYears(text: string, given: ReadonlySet<string>): string {
  if (![...given].some((number) => /^(?:1[89]\d\d|20\d\d)$/.test(number))) return text;
  // With the year given, "this year" (今年) tells no more of when than the question does.
  return text
    .replace(/\b(?:1[89]\d\d|20\d\d)\b/g, (year) => (given.has(year) ? " " : year))
    .replace(/\bthis year(?:['’]s)?\b|今年/giu, " ");
}

// A number naming one of a series is a label, not a count: "episode 7", "Newsletter #276",
// "PR 1234", "BIP 30", "week 3", "第 7 期". "How many episodes" is not answered by "in episode 7".
const labelNumber =
  /\b(?:episodes?|issues?|newsletters?|editions?|numbers?|no\.|parts?|chapters?|seasons?|volumes?|vol\.|versions?|prs?|pull requests?|bips?|keps?|ceps?|ses?|cves?|rounds?|weeks?|days?|steps?|phases?|levels?|tiers?|pages?|sections?|figures?|fig\.|tables?|items?|lines?|rooms?|slots?)\s*#?\d[\d.-]*|#\d+|第\s*[\d一二三四五六七八九十百]+\s*[期集章节回届篇季卷号]/giu;

// A year or a day of a month dates something; it counts nothing ("closed on May 15", "in 2020",
// "2019年", "5月22日", "2026-05-15").
const dateNumber = new RegExp(
  [
    "\\b(?:in|since|by|from|until|till|during|before|after|around|of|early|late|mid)[\\s-]+(?:1[89]|20)\\d\\d\\b",
    `\\b(?:${monthNamesInFull.join("|")}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+(?:1[89]|20)\\d\\d)?`,
    `\\b\\d{1,2}\\s+(?:${monthNamesInFull.join("|")})\\b(?:\\s+(?:1[89]|20)\\d\\d)?`,
    "\\b(?:1[89]|20)\\d\\d-\\d{2}-\\d{2}\\b",
    "(?:1[89]|20)\\d\\d\\s*年",
    "\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号]",
  ].join("|"),
  "giu",
);
// A share is no count of things: "how many users" is not answered by "30% of users".
const shareNumber = /\d[\d.,]*\s?(?:%|percent\b|per cent\b)|百分之[\d一二三四五六七八九十百点.]+/giu;
// The question counts things ("how many", "多少个/名/位…", "几个"), rather than asking "how much".
const countAsked =
  /\bhow many\b|多少(?:个|名|位|家|款|种|次|项|条|台|件|篇|部|辆|人|期|集|颗)|几(?:个|名|位|家|款|种|次|项|条|台|件|篇|部|辆|期|集)/iu;

// …unless what it counts is time ("how many months", "多少天").
const timeCountAsked =
  /\bhow many (?:seconds|minutes|hours|days|weeks|months|years|decades)\b|多少(?:秒|分钟|小时|天|周|个月|年)|几(?:秒|分钟|小时|天|周|个月|年)/iu;

/**
 * The text without the numbers that count nothing: labels of one of a series (see
 * `labelNumber`), dates, and — for a question counting things other than time — shares and
 * spans of time ("during the first four months" counts no votes).
 */
function withoutNonCounts(text: string, countsThings: boolean): string {
  const bare = text.replace(labelNumber, " ").replace(dateNumber, " ");
  if (!countsThings) return bare;
  return bare.replace(shareNumber, " ").replace(new RegExp(durationUnit.source, "giu"), " ");
}

const asksForLanguage =
  /\b(?:which|what) languages?\b|\binto (?:which|what)\b|哪(?:种|门|个)语言|什么语言|哪国语言/iu;
const humanLanguages =
  /\b(?:Chinese|English|Japanese|Korean|French|German|Spanish|Portuguese|Russian|Italian|Arabic|Hindi|Dutch|Turkish|Vietnamese|Thai|Indonesian|Polish|Ukrainian|Persian|Hebrew|Swedish)\b|中文|英文|日文|韩文|法文|德文|俄文|汉语|英语|日语|韩语|法语|德语|西班牙语|葡萄牙语|俄语|意大利语|阿拉伯语/gu;

/** The text names a human language the question does not. */
function namesNewLanguage(text: string, question: string): boolean {
  for (const match of text.matchAll(humanLanguages)) if (!question.includes(match[0])) return true;
  return false;
}

const asksForPath =
  /\b(?:which|what) (?:directory|folder|path|file)\b|哪个(?:目录|文件夹|路径|文件)|什么(?:目录|文件夹|路径)/iu;
const pathValue = /(?:^|[\s(（"“'`])[.~]?[\w.-]*\/[\w.-]+(?:\/[\w.-]*)*/u;

function hasNewNumber(text: string, given: ReadonlySet<string>): boolean {
  const numbers = numbersIn(text);
  if (numbers.some((number) => !given.has(number))) return true;
  return numbers.length === 0 && (numberWords.test(text) || chineseNumber.test(text));
}

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

function hasNewName(text: string, question: string): boolean {
  const asked = namesOfQuestion(question);
  const isNew = (name: string) =>
    !notAnswerNames.has(name) && !asked.has(name) && ![...asked].some((known) => known.includes(name));
  if (properNouns(text).some(isNew)) return true;
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
function hasNewPlaceName(text: string, question: string): boolean {
  // With the Chinese taken out, the names left are Latin ones.
  if (hasNewName(text.replace(/[\u3400-\u9fff]+/gu, " "), question)) return true;
  return chinesePlaceNames(text).some((place) => !question.includes(place) && !notAnswerNames.has(place));
}

function newChinesePlace(text: string, question: string): boolean {
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
function hasNewPersonName(text: string, question: string): boolean {
  const asked = namesOfQuestion(question);
  for (const match of text.matchAll(latinPersonName)) {
    const words = match[0]
      .replace(/^@/, "")
      .split(/\s+/)
      .map((word) => foldEnglish(word.toLowerCase()));
    // "The Verge", "In March": a capitalised function word opens a sentence, not a name.
    if (words.some((word) => sentenceOpeners.has(word))) continue;
    // A run holding one of the question's names is that thing ("Orbit Bitcoin" for "Orbit").
    if (words.some((word) => asked.has(word)) || words.every((word) => notAnswerNames.has(word))) continue;
    // Three or more dictionary words are a title ("Common Expression Language", "Swift Package
    // Index"); a person's full name of dictionary words ("Grace Hopper") has two.
    if (words.length >= 3 && match[0].split(/\s+/).every((word) => isKnownEnglishWord(word))) continue;
    // A word that names an organisation, an event or a region makes no person ("KubeCon North
    // America", "Working Group", "Linux Foundation").
    if (words.some((word) => notPersonWords.has(word))) continue;
    return true;
  }
  // "Developer 0xB10C", "developer instagibbs": after a role word, a word no dictionary holds is
  // the person's handle.
  for (const match of text.matchAll(roleThenHandle)) {
    const handle = match[1]!;
    // An acronym after the role ("users API", "developers SDK") is no one's handle.
    if (/^[A-Z0-9_-]+$/.test(handle)) continue;
    if (!isKnownEnglishWord(handle) && !asked.has(foldEnglish(handle.toLowerCase()))) return true;
  }
  return chinesePersonNames(text).some((name) => !question.includes(name));
}

const roleThenHandle =
  /\b(?:developers?|engineers?|maintainers?|contributors?|researchers?|reviewers?|authors?|users?)\s+([A-Za-z0-9][\w-]{2,38})(?![\w-])/giu;

const notPersonWords = new Set(
  (
    "group team committee council board foundation institute university college school association society " +
    "inc corp corporation company labs lab ventures capital partners fund bank systems technologies software " +
    "project summit conference con meetup festival week day days award awards prize " +
    "north south east west america americas europe asia africa pacific atlantic middle kingdom states union"
  )
    .split(" ")
    .map(foldEnglish),
);

const sentenceOpeners = new Set(
  "the a an in on at for of and but or if as by with from to after before this that these those our its their his her my we he she they it there here when while during".split(
    " ",
  ),
);

export function holdsAskedValue(
  text: string,
  type: AskedType,
  analysis: Pick<QuestionAnalysis, "givenNumbers"> & Partial<Pick<QuestionAnalysis, "asksForPerson">>,
  question: string,
): boolean {
  const given = new Set(analysis.givenNumbers);
  switch (type) {
    case "money":
      return currency.test(text) && hasNewNumber(text, given);
    case "percentage":
      return percent.test(text);
    case "duration":
      return durationUnit.test(text);
    case "distance":
      return distanceUnit.test(text);
    case "frequency":
      return frequencyUnit.test(text);
    case "place":
      return hasNewPlaceName(text, question) || newChinesePlace(text, question);
    case "quantity":
      return hasNewNumber(
        withoutNonCounts(text, countAsked.test(question) && !timeCountAsked.test(question)),
        given,
      );
    case "date":
      // A year the question gives ("looking back at 2025, when did …") is not the date asked for.
      return yearOrMonth.test(withoutGivenYears(text, given));
    case "person":
    case "name":
      // "从哪个目录读取", "which folder": a path answers ("读取 .github/workflows/ 里面的文件").
      if (asksForPath.test(question) && pathValue.test(text)) return true;
      // "翻译成了哪种语言", "which language": a human language's name answers, though as a
      // nationality word it names no one elsewhere ("translated into the Chinese language").
      if (asksForLanguage.test(question) && namesNewLanguage(text, question)) return true;
      return analysis.asksForPerson === true ? hasNewPersonName(text, question) : hasNewName(text, question);
    default:
      return true;
  }
}

/** Whether a text holds a value of any of the types asked for. */
export function holdsAnyAskedValue(text: string, analysis: QuestionAnalysis, question: string): boolean {
  return analysis.askedTypes.some((type) => holdsAskedValue(text, type, analysis, question));
}

/** Types whose value is a figure: a number, with a currency, unit or share. */
export const figureTypes: ReadonlySet<AskedType> = new Set([
  "money",
  "percentage",
  "quantity",
  "duration",
  "frequency",
  "distance",
]);

/** Types whose value can be checked in a sentence (a partial reply names what is missing). */
export function isCheckable(type: AskedType): boolean {
  return !["reason", "yesno", "other"].includes(type);
}

/** Where values of the asked types sit in a text (character offsets), for proximity checks. */
export function askedValuePositions(text: string, analysis: QuestionAnalysis): number[] {
  const positions: number[] = [];
  const given = new Set(analysis.givenNumbers);
  for (const type of analysis.askedTypes) {
    const pattern =
      type === "date"
        ? new RegExp(yearOrMonth.source, "gi")
        : figureTypes.has(type)
          ? /\d[\d,.]*|[两二三四五六七八九十百千万亿]+/gu
          : undefined;
    if (pattern === undefined) continue;
    for (const match of text.matchAll(pattern)) {
      if (given.has(match[0].replace(/,/g, ""))) continue;
      positions.push(match.index ?? 0);
    }
  }
  return positions;
}

// Words that say a detail is not given: "did not disclose", "undisclosed", "no details yet",
// "not seeing any details on licensing", 未透露, 没有公布, 尚不清楚.
const declining =
  /\b(?:did|does|do|has|have|had|would|will|could|is|are|was|were)\s*(?:not|n't)\s+(?:yet\s+)?(?:disclose|disclosed|reveal|revealed|say|said|specify|specified|share|shared|comment|confirm|confirmed|give|given|provide|provided|announce|announced|release|released|public|known|clear|available)\b|\b(?:undisclosed|unspecified|unannounced|unnamed)\b|\b(?:remains?|is|are|still) (?:unknown|unclear)\b|\bno (?:further |more |public )?(?:details?|word|information|timeline|pricing)\b|\b(?:not|n't)\s+(?:seeing|seen|found|aware of|got|have)\s+(?:any\s+)?(?:details?|information|word)\b|未(?:透露|公布|披露|说明|公开|确认|宣布|提及)|没有?(?:透露|公布|披露|说明|公开|给出|提到)|不详|尚不清楚|尚未(?:公布|确定|披露|宣布|透露)|暂无|不得而知|并未(?:透露|公布|披露|说明)/i;

/**
 * The clauses of a text that say a detail is withheld ("but I'm not seeing any details yet on
 * licensing"), for checking whether the withheld detail is the one asked about.
 */
export function decliningClauses(text: string): string[] {
  return text
    .split(/[,;，；、:：]|\bbut\b|\bthough\b|但是?|不过/iu)
    .filter((clause) => declining.test(clause));
}
