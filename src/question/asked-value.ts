import { foldEnglish } from "../text/segment.ts";
import { type AskedType, asksCve, byHowMuch, numbersIn, type QuestionAnalysis } from "./analyze-question.ts";
import {
  asksForLanguage,
  asksForPath,
  hasNewName,
  hasNewPersonName,
  hasNewPlaceName,
  namesNewLanguage,
  newChinesePlace,
  pathValue,
} from "./answer-names.ts";
import { choiceAsked } from "./asked-types.ts";
import { asksLabel, countsThings, durationUnit, withoutNonCounts } from "./counted-numbers.ts";
import { monthNames, monthNamesInFull } from "./time-reference.ts";

/**
 * Whether a text holds a value of the type a question asks for, which the question does not
 * already give: a price for "how much does it cost", a span of time for "how long", a date for
 * "when", a name the question does not mention for "who". Types with no value of their own
 * (reason, yes/no, other) are satisfied by any text; the evidence gate then relies on coverage.
 */

// ("one" alone is as often a pronoun — "if you need one" — so only "only one", "just one" count.)
const numberWords =
  /\b(?:(?:only|just|exactly|a single|at least|at most) one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|dozens|half|twice|double|triple)\b/i;
// Chinese numerals, but not a bare 一 ("一个", "一看" are "a", "one look") or 半.
const chineseNumber = /[两二三四五六七八九十百千万亿]|一[百千万亿]/u;
// An amount: a currency sign or word next to its number ("$8/month", "35 块钱", "199元", "20 刀"),
// a number the text calls a price ("5499 这个价格", "售价 199", "priced at 499"), a number a
// buying verb says was paid ("淘宝购买正版授权才 40 多一年"). A rate word alone ("每年", "per month") or 元 inside a word (单元) is no price.
const currency =
  /[$¥€£₩]\s?\d|\d[\d,.]*\s?(?:k|m|bn|b|thousand|million|billion|trillion)?\s?(?:dollars?|usd|rmb|yuan|euros?|pounds?|cents?|bucks)\b|[\d零一二三四五六七八九十百千两][\d,.零一二三四五六七八九十百千两]*\s?(?:万|亿)?\s?(?:美元|美金|元|块钱|块|刀|欧元|英镑|日元|人民币)|\d[\d,.]*\s?(?:这个|的)?(?:价格|售价|价钱)|(?:价格|售价|价钱|定价|到手价|卖|只要|仅需)\s?(?:为|是|约|仅|只要)?\s?\d|\b(?:priced at|sells? for|retails? for)\s+(?:about |around |just |only )?\d|(?:购买|买|花了?|付了?|订阅)[^，。,；;！？!?\d]{0,8}?(?:才|只要|仅|大概|约)\s?\d+(?![\d.]|\s?(?:个|台|件|张|本|款|次|天|年|月|小时|分钟|人|位|%|寸|公里|斤|克)|\s?(?:GB|TB|G|T|mm|km|kg|g)\b)/i;
// A question asking which version(s), and a version as written: dotted ("23.05.2", "1.82-slim"),
// with a v ("v3"), a capitalised name's number ("Swift 5", "iOS 17"), or the number something is
// moved to ("更新到了 2", "upgraded to 5").
const asksVersion = /\bversions?\b|版本/iu;

/** "Which versions …", "哪个版本": a version is asked for, not a count ("how many versions", "几个版本"). */
export function asksForVersion(analysis: Pick<QuestionAnalysis, "askedTypes">, question: string): boolean {
  return (
    analysis.askedTypes.includes("quantity") &&
    asksVersion.test(question) &&
    !/\bhow many\b|多少|几个/iu.test(question)
  );
}
// (evidence-values.ts `writtenVersion` is the stricter reading that tells a window names some
// version, where the asked value is not read: a dotted number only after a name, a v or "to".)
const versionWritten =
  /(?<![\w.])(\d+\.\d+(?:\.\d+)*)(?![\d%])|(?<![\w.])(v\d+(?:\.\d+)*)\b|(?<=\b(?:[A-Z]|[a-z]{1,3}[A-Z])[A-Za-z]*\s?|(?:\b[Tt]o|到了?|至)\s*v?)(\d+)(?![\w.%]|\s*(?:percent|seconds?|minutes?|hours?|days?|weeks?|months?|years?|users?|people|times|ms|[KMGT]B)\b)/gu;

const asksRatio = /比例|比率|\bratios?\b|\baspect\b/iu;
const ratioValue = /(?<![\d:：.])\d{1,3}\s?[:：]\s?\d{1,3}(?![\d:：])/u;

// Free is a price, though no number says so; not the answer to how much a price changed.
const free = /\bfree(?! of\b)|免费/iu;
// "By how much did Apple cut the price", "费用下调了多少": the size of a change of an amount.
const asksAmountChange =
  /\bby how much\b|\bhow much (?:did|was|were|has|have|had|will)\b.*\b(?:cut|lower|reduc|rais|increas|drop|slash|hik)|(?:下调|上调|下降|上涨|降价|涨价|降低|减少|提高|增加|便宜)了?多少/iu;
const percent =
  /\d\s?%|\bper ?cent\b|百分之|[一二三四五六七八九\d]成\b|\bhalf\b|一半|(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand|several|many)\s)\s?times\b|\btwice\b|\d\s?[x×](?![\w-])|(?:[\d一二两三四五六七八九十百千几]|(?<!整)数)\s?倍/i;
// "How much faster", "降低了多少": a change told as its two ends answers ("from 8.14 seconds to
// 2.59 seconds", "从 120ms 降到 40ms").
const asksChange = new RegExp(
  `${byHowMuch.source}|\\bhow much (?:smaller|larger|bigger|faster|slower|cheaper|higher|lower|shorter|longer|better)\\b|(?:提升|提高|降低|减少|增加|缩短|加快|减小|增长)了?多少`,
  "iu",
);
const fromTo =
  /\b(?:from|of)\s+(?:about\s+|around\s+|roughly\s+)?\d[\d.,]*\s*[\p{L}%]*\s+to\s+(?:about\s+|around\s+|roughly\s+)?\d|从\s*(?:约)?\d[\d.,]*\s*[\p{L}%]*\s*(?:降低?|减少?|提升|提高|升|增加?|缩短|下降|上升)?(?:到|至)\s*(?:约)?\d/iu;
// A rate: "every three weeks", "twice a month", "每过三周", "一周两次", "weekly".
const frequencyUnit =
  /\bevery\s+(?:other\s+|few\s+|couple of\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)?\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|morning|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:once|twice|thrice|\d+ times?|(?:one|two|three|four|five|six|ten) times) (?:a|an|per|every|each) \w+|\b(?:daily|weekly|monthly|quarterly|yearly|annually|biweekly|fortnightly|hourly|nightly)\b|\bper (?:day|week|month|year|hour)\b|每(?:过|隔)?\s*[\d零一二三四五六七八九十两半几]*\s*(?:个)?(?:秒|分钟|小时|天|日|周|星期|礼拜|个?月|季度|年|晚|早)|[一二两三四五六七八九十\d]+\s*(?:天|周|个?月|年|小时)\s*[一二两三四五六七八九十\d]+\s*次/i;
const distanceUnit =
  /\d[\d,.]*\s?(?:km|kilomet(?:er|re)s?|miles?|meters?|metres?|m\b|feet|ft|公里|千米|英里|米)/i;
// (Not "weight" or 重量 alone: a transaction's weight is counted in weight units; 多重 only as the
// question's end, not 多重签名.)
const asksWeight =
  /\bhow heavy\b|\bhow much (?:does|did|do) (?:\w+ ){1,4}weigh\b|多重(?=\s*(?:[？?]|$|呢|吗|啊))|多少克|多少公斤|多沉/iu;
const weightUnit =
  /\d[\d,.]*\s?(?:g\b|grams?|kg\b|kilo(?:gram)?s?|lbs?\b|pounds?|ounces?|oz\b|tons?|tonnes?|克|公斤|千克|斤|吨)/iu;
const asksDataSize =
  /多大(?:的)?(?:运行)?(?:内存|存储|容量|硬盘|显存|闪存)|(?:内存|存储|容量|显存)(?:是|有)?多大|\bhow much (?:ram|memory|storage|disk space|vram)\b|\bhow (?:big|large) (?:is|was) (?:the|its) (?:ram|memory|storage|disk)\b/iu;
const dataSize =
  /\d[\d,.]*\s?(?:[KMGTP]i?B|[GT]\b|[GT](?=[+/]))|\b\d+\s?\+\s?\d+\s?(?:G|GB)?\b|\d+\s?(?:千兆|兆|字节)/u;
const yearOrMonth =
  /\b(?:1[89]\d\d|20\d\d)s?\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d|\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(?:january|february|march|april|june|july|august|september|october|november|december)\b|\d{4}\s*年|\d{1,2}\s*月|月\s*\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,2}月|(?:今年|去年|明年|前年|上个?月|下个?月|本月|第[一二三四五六七八九十\d]+天)|\b(?:last (?:week|month|year|quarter)|next (?:week|month|year|quarter)|this (?:month|year)|(?:first|last|same|that) (?:day|week|month|year|quarter) of|in (?:the )?(?:spring|summer|autumn|fall|winter))\b|\b(?:q[1-4]|h[12])\b/i;

// A time told from another ("two weeks after the release", "三个月后", "a year ago"): when.
const relativeTime = new RegExp(
  `(?:${durationUnit.source})\\s*(?:after|later|before|from now|away|ago|之后|以后|后|以前|前)`,
  "iu",
);

// A time told by an event ("更多细节要等到今年的 Google I/O 大会", "will ship at the Orbit Summit"):
// when, as the brief tells it.
const eventTime =
  /(?:等到|要到|直到|会在|将在|将于|届时)[^，。；,;]{0,16}?(?:大会|发布会|峰会|开发者大会)|\b(?:at|during|until|before|after)\s+(?:this year's\s+|next year's\s+|the upcoming\s+|the next\s+|the\s+)?(?:[A-Z][\w/.-]*\s+){1,3}(?:[Cc]onference|[Ss]ummit|[Kk]eynote)\b/u;

// "哪一天", "on what date": a day is asked, and a month or year alone does not give it.
const asksDay =
  /哪[一几]?天|几号|几月几[日号]|具体(?:的)?日期|\b(?:which|what) (?:exact |specific )?(?:day|date)s?\b|\bexact date\b/iu;
const dayOfMonth = new RegExp(
  String.raw`\b(?:${monthNames})\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${monthNamesInFull.join("|")})\b|` +
    String.raw`\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\bthe \d{1,2}(?:st|nd|rd|th)\b|\d{1,2}\s*[日号]|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b|(?:星期|周|礼拜)[一二三四五六日天]|昨天|今天|前天|当天`,
  "iu",
);

// "At what time", 几点: a time of day is asked, and a date does not give it.
const asksClockTime = /\bwhat time\b(?!\s+(?:of|period|frame|zone))|几点|什么时刻/iu;
const clockTime =
  /\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|\b\d{1,2}:\d{2}\b|\b(?:noon|midnight)\b|\d{1,2}\s*[点時时](?:\d{1,2}\s*分|半)?|\d{1,2}\s*[:：]\s*\d{2}/iu;

// Times told relative to the issue ("this year", "last week", 今年, 上个月).
const issueRelativeTime =
  /\b(?:this|last|next) (?:week|month|year|quarter)(?:['’]s)?\b|今年|去年|明年|前年|本周|上周|下周|本月|上个?月|下个?月/giu;

/**
 * The text without the times the question itself gives: its years, and "this year" when a year
 * is given (今年 tells no more of when than the question does), or any issue-relative time the
 * question says itself ("On what dates is it taking place this year?" is not answered by "…which
 * I'm co-organizing this year").
 */
function withoutGivenTimes(text: string, given: ReadonlySet<string>, question = ""): string {
  const questionTimes = new Set(
    [...question.matchAll(issueRelativeTime)].map((match) => match[0].toLowerCase().replace(/['’]s$/, "")),
  );
  let told = text;
  if (questionTimes.size > 0)
    told = told.replace(issueRelativeTime, (time) =>
      questionTimes.has(time.toLowerCase().replace(/['’]s$/, "")) ? " " : time,
    );
  if (![...given].some((number) => /^(?:1[89]\d\d|20\d\d)$/.test(number))) return told;
  return told
    .replace(/\b(?:1[89]\d\d|20\d\d)\b/g, (year) => (given.has(year) ? " " : year))
    .replace(/\bthis year(?:['’]s)?\b|今年/giu, " ");
}

function hasNewNumber(text: string, given: ReadonlySet<string>, question = ""): boolean {
  const numbers = numbersIn(text);
  if (numbers.some((number) => !given.has(number))) return true;
  if (numbers.length > 0) return false;
  // A number word the question says itself ("the four open seats") is given, not told.
  const asked = new Set(numberWordsIn(question));
  return numberWordsIn(text).some((word) => !asked.has(word)) || chineseNumber.test(text);
}

const everyNumberWord = new RegExp(numberWords.source, "giu");

/** The number words of a text, in lower case ("Four seats" → "four"). */
function numberWordsIn(text: string): string[] {
  return [...text.matchAll(everyNumberWord)].map((match) => match[0].toLowerCase());
}

export function holdsAskedValue(
  text: string,
  type: AskedType,
  analysis: Pick<QuestionAnalysis, "givenNumbers"> & Partial<Pick<QuestionAnalysis, "asksForPerson">>,
  question: string,
): boolean {
  const given = new Set(analysis.givenNumbers);
  // "Which CVE", "CVE 编号": an identifier the question does not give ("CVE-2025-1974").
  if (asksCve.test(question))
    return [...text.matchAll(/CVE-\d{4}-\d{4,}/giu)].some(
      (match) => !question.toUpperCase().includes(match[0].toUpperCase()),
    );
  switch (type) {
    case "money":
      if (free.test(text) && !asksAmountChange.test(question)) return true;
      return currency.test(text) && hasNewNumber(withoutNonCounts(text, false), given);
    case "percentage":
      return (
        percent.test(text) ||
        // "以什么比例运行", "what aspect ratio": a ratio written as one ("16：9", "3:2").
        (asksRatio.test(question) && ratioValue.test(text)) ||
        // (Not years: "made from 2016 to 2018" is no change of a figure.)
        (asksChange.test(question) && fromTo.test(withoutNonCounts(text, false))) ||
        // "By how much did they cut the price?": by an amount too ("下调了 390 元").
        (asksAmountChange.test(question) &&
          currency.test(text) &&
          hasNewNumber(withoutNonCounts(text, false), given))
      );
    case "duration":
      return durationUnit.test(text);
    case "distance":
      return distanceUnit.test(text);
    case "frequency":
      return frequencyUnit.test(text);
    case "place":
      return hasNewPlaceName(text, question) || newChinesePlace(text, question);
    case "quantity":
      // "How heavy", "多重": a weight, in its unit ("179g", "1.2 公斤"), not any number.
      if (asksWeight.test(question)) return weightUnit.test(text);
      // "多大内存", "how much storage": a size in bytes ("12GB", "256G", "16+512"), not any number.
      if (asksDataSize.test(question)) return dataSize.test(text);
      // "哪个 Rust Bitcoin 版本", "which version fixed it": a version as written answers, not a
      // size or a pull request's number ("the 80-byte maximum", "#2949").
      if (asksForVersion({ askedTypes: [type] }, question) && !asksLabel(question))
        return [...withoutNonCounts(text, false, true).matchAll(versionWritten)].some(
          (match) => !given.has((match[1] ?? match[2] ?? match[3] ?? "").replace(/^v/iu, "")),
        );
      // A label ("版本号是多少", "which issue number") is written in digits: "两种" is no version.
      if (asksLabel(question)) {
        const bare = withoutNonCounts(text, false, true);
        // "Which versions": a version is written as one — "23.05.2", "v3", "Swift 5" — not "30 seconds".
        if (asksVersion.test(question))
          return [...bare.matchAll(versionWritten)].some(
            (match) => !given.has((match[1] ?? match[2] ?? match[3] ?? "").replace(/^v/iu, "")),
          );
        return numbersIn(bare).some((number) => !given.has(number));
      }
      return hasNewNumber(
        withoutNonCounts(text, countsThings(question), asksLabel(question)),
        given,
        question,
      );
    case "date":
      // A year the question gives ("looking back at 2025, when did …") is not the date asked for.
      if (asksClockTime.test(question)) return clockTime.test(text);
      if (asksDay.test(question)) return dayOfMonth.test(withoutGivenTimes(text, given, question));
      return (
        yearOrMonth.test(withoutGivenTimes(text, given, question)) ||
        relativeTime.test(text) ||
        eventTime.test(text)
      );
    case "person":
    case "name":
      // "从哪个目录读取", "which folder": a path answers ("读取 .github/workflows/ 里面的文件").
      if (asksForPath.test(question) && pathValue.test(text)) return true;
      // "翻译成了哪种语言", "which language": a human language's name answers, though as a
      // nationality word it names no one elsewhere ("translated into the Chinese language").
      if (asksForLanguage.test(question) && namesNewLanguage(text, question)) return true;
      return analysis.asksForPerson === true ? hasNewPersonName(text, question) : hasNewName(text, question);
    case "choice": {
      // One of the two answers, in any form ("rejected" for "reject", 开源 for 开源还是闭源).
      const offered = choiceAsked.exec(question);
      if (offered === null) return true;
      const [english1, english2, chinese1, chinese2] = offered.slice(1);
      // (The characters around 还是 are the two words: "是开源还是闭源的" offers 开源 and 闭源.)
      if (chinese1 !== undefined && chinese2 !== undefined)
        return text.includes(chinese1.slice(-2)) || text.includes(chinese2.slice(0, 2));
      const stems = [english1, english2].map((word) => foldEnglish((word ?? "").toLowerCase()));
      const words = (text.toLowerCase().match(/[a-z][\w-]*/g) ?? []).map((word) => foldEnglish(word));
      return words.some((word) => stems.includes(word));
    }
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
  /\b(?:did|does|do|has|have|had|would|will|could|is|are|was|were)\s*(?:not|n't)\s+(?:yet\s+)?(?:disclose|disclosed|reveal|revealed|say|said|specify|specified|share|shared|comment|confirm|confirmed|give|given|provide|provided|announce|announced|release|released|public|known|clear|available)\b|\b(?:undisclosed|unspecified|unannounced|unnamed)\b|\b(?:remains?|is|are|still) (?:unknown|unclear)\b|\bno (?:further |more |public )?(?:details?|word|information|timeline|pricing)\b|\b(?:not|n't)\s+(?:seeing|seen|found|aware of|got|have)\s+(?:any\s+)?(?:details?|information|word)\b|未(?:透露|公布|披露|说明|公开(?!的)|确认(?!的)|宣布|提及)|没有?(?:透露|公布|披露|说明|公开|给出|提到)|不详|尚不清楚|尚未(?:公布|确定|披露|宣布|透露)|暂无|不得而知|并未(?:透露|公布|披露|说明)/i;

/**
 * The clauses of a text that say a detail is withheld ("but I'm not seeing any details yet on
 * licensing"), for checking whether the withheld detail is the one asked about.
 */
export function decliningClauses(text: string): string[] {
  return text
    .split(/[,;，；、:：]|\bbut\b|\bthough\b|但是?|不过/iu)
    .filter((clause) => declining.test(clause));
}
