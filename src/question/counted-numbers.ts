import { monthNamesInFull } from "./time-reference.ts";

/**
 * Numbers that count nothing, for a "how many" question: a label of one of a series, a date, and
 * — where the question counts things other than time — a share or a span of time.
 */

// A span of time: "18 months", "half an hour", "三周", "每天".
export const durationUnit =
  /\d[\d,.]*\s?(?:-\s?)?(?:seconds?|secs?|s\b|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|decades?|ms\b)|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|half an?)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b|\b(?:decade|year|month|week|day|hour|minute)-long\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|multi)-(?:year|month|week|day|hour|minute)\b|[\d零一二三四五六七八九十百两半几]+\s?(?:个多|多)?(?:秒|分钟|分|小时|个小时|天|日|周|星期|个月|月|年)|半(?:小时|天|年)|\bovernight\b|\bhalf an hour\b|\b(?:once|twice|thrice|\d+ times?) (?:a|per|every) (?:day|week|month|year)\b|\b(?:daily|weekly|monthly|biweekly|fortnightly|hourly)\b|每[天周月年日]|每隔|一[周天月年][一两二三四五\d]次/i;
const everyDuration = new RegExp(durationUnit.source, "giu");

// A number naming one of a series is a label, not a count: "episode 7", "Newsletter #276",
// "PR 1234", "BIP 30", "week 3", an edition named by its year ("Europe 2026", "WWDC 2020"), an ordinal ("第 7 期", "第三种方法"; "第三次" counts times), a version ("v3.5.26", "1.34.1"), a list's "（一）" or
// "二、". "How many episodes" is not answered by "in episode 7".
const labelNumber =
  /\b(?:episodes?|issues?|newsletters?|editions?|numbers?|no\.|parts?|chapters?|seasons?|volumes?|vol\.|versions?|prs?|pull requests?|bips?|keps?|ceps?|ses?|cves?|rounds?|weeks?|days?|steps?|phases?|levels?|tiers?|pages?|sections?|figures?|fig\.|tables?|items?|lines?|rooms?|slots?)\s*#?\d[\d.-]*|#\d+|第\s*[\d一二三四五六七八九十百]+(?!\s*次)|\bv\d+(?:\.\d+)*\b|\b\d+\.\d+\.\d+\b|(?<=\b[A-Z][\w+&-]*\s)(?:19|20)\d\d\b|[（(][一二三四五六七八九十\d]{1,3}[）)]|(?<![\d一二三四五六七八九十])[一二三四五六七八九十]{1,3}、/giu;

// A year or a day of a month dates something; it counts nothing ("closed on May 15", "in 2020",
// "2019年", "5月22日", "2026-05-15").
const dateNumber = new RegExp(
  [
    "\\b(?:in|since|by|from|until|till|during|before|after|around|of|for|through|throughout|early|late|mid)[\\s-]+(?:1[89]|20)\\d\\d\\b",
    `\\b(?:${monthNamesInFull.join("|")}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+(?:1[89]|20)\\d\\d)?`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${monthNamesInFull.join("|")})\\b(?:,?\\s+(?:1[89]|20)\\d\\d)?`,
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
export function withoutNonCounts(text: string, countsThings: boolean, asksLabel = false): string {
  // "Which issue number …", "which versions …" ask for the label itself.
  const bare = (asksLabel ? text : text.replace(labelNumber, " ")).replace(dateNumber, " ");
  if (!countsThings) return bare;
  return bare.replace(shareNumber, " ").replace(everyDuration, " ");
}

/** The question counts things other than time ("how many votes", not "how many months"). */
export function countsThings(question: string): boolean {
  return countAsked.test(question) && !timeCountAsked.test(question);
}

/** The question asks for the number of one of a series ("which issue number", "第几期"). */
export function asksLabel(question: string): boolean {
  return /\b(?:which|what)\s+(?:[\w-]+\s+)?(?:issue|episode|edition|version|chapter|part|season|pr|pull request|bip|kep)\s+(?:number|no\b|#)|\b(?:which|what)\s+(?:[\w-]+\s+){0,2}(?:versions?|releases?)\b|哪(?:个|些)?版本|版本号|第几[期集章篇季]/iu.test(
    question,
  );
}
