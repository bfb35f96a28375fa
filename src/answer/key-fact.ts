import type { QuestionAnalysis } from "../question/analyze-question.ts";
import { figureTypes } from "../question/asked-value.ts";
import { monthNamesInFull } from "../question/time-reference.ts";

/**
 * The asked figure or date of a quote in the other language, written in the asker's language:
 * "They covered 4,183.8 kilometers" answers 跑了多远 with "4183.8 公里"; "出货75万颗" answers
 * "how many" with "750,000". The quote stays as written; this line only restates its key fact,
 * and only where the units and the number's scale are known (no guessing at other words).
 */

type Lang = "en" | "zh";

const englishScale: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  mn: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
};

const chineseScale: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8, 万亿: 1e12 };

type UnitKind = "duration" | "distance" | "counted";

// Units both ways: the English words (plural and singular in one pattern), the Chinese words,
// and how each language writes the unit.
const units: Array<{ english: RegExp; chinese: string[]; zh: string; en: string; kind: UnitKind }> = [
  {
    english: /^(?:kilomet(?:er|re)s?|km)$/i,
    chinese: ["公里", "千米"],
    zh: "公里",
    en: "km",
    kind: "distance",
  },
  { english: /^(?:miles?)$/i, chinese: ["英里"], zh: "英里", en: "miles", kind: "distance" },
  { english: /^(?:met(?:er|re)s?|m)$/i, chinese: ["米"], zh: "米", en: "m", kind: "distance" },
  { english: /^(?:seconds?|secs?|s)$/i, chinese: ["秒"], zh: "秒", en: "seconds", kind: "duration" },
  { english: /^(?:minutes?|mins?)$/i, chinese: ["分钟"], zh: "分钟", en: "minutes", kind: "duration" },
  { english: /^(?:hours?|hrs?)$/i, chinese: ["个小时", "小时"], zh: "小时", en: "hours", kind: "duration" },
  { english: /^(?:days?)$/i, chinese: ["天"], zh: "天", en: "days", kind: "duration" },
  { english: /^(?:weeks?)$/i, chinese: ["周"], zh: "周", en: "weeks", kind: "duration" },
  { english: /^(?:months?)$/i, chinese: ["个月"], zh: "个月", en: "months", kind: "duration" },
  { english: /^(?:years?)$/i, chinese: ["年"], zh: "年", en: "years", kind: "duration" },
  { english: /^(?:gigawatts?|gw)$/i, chinese: [], zh: "吉瓦", en: "GW", kind: "counted" },
  { english: /^(?:megawatts?|mw)$/i, chinese: [], zh: "兆瓦", en: "MW", kind: "counted" },
  { english: /^(?:tokens?)$/i, chinese: [], zh: "token", en: "tokens", kind: "counted" },
  { english: /^(?:languages?)$/i, chinese: [], zh: "种语言", en: "languages", kind: "counted" },
  { english: /^(?:people|persons?)$/i, chinese: ["人"], zh: "人", en: "people", kind: "counted" },
];

const currencies: Array<[RegExp, string, string]> = [
  [/^\$|^(?:dollars?|usd)$/i, "美元", "$"],
  [/^(?:yuan|rmb)$|^¥/i, "元", "yuan"],
  [/^€|^(?:euros?)$/i, "欧元", "€"],
  [/^£|^(?:pounds?)$/i, "英镑", "£"],
];

const chineseCurrencies: Array<[string, string]> = [
  ["美元", "$"],
  ["美金", "$"],
  ["元", "yuan"],
  ["块钱", "yuan"],
  ["欧元", "€"],
  ["英镑", "£"],
];

// Month names as an English date writes them ("March"), from the time references' own list.
const months = monthNamesInFull.map((name) => name[0]!.toUpperCase() + name.slice(1));
// A number right after a month name is a day of a date ("August 16").
const afterMonthName = new RegExp(`(?:${months.join("|")})\\s*$`, "i");

/** A number written the way its language writes large numbers: 7.5e5 → "75万" / "750,000". */
export function writeNumber(value: number, lang: Lang): string {
  const round = (number: number) => Number(number.toPrecision(12)).toString();
  if (lang === "zh") {
    if (value >= 1e8) return `${round(value / 1e8)}亿`;
    if (value >= 1e4) return `${round(value / 1e4)}万`;
    return round(value);
  }
  if (value >= 1e9 && value % 1e7 === 0) return `${round(value / 1e9)} billion`;
  if (value >= 1e6 && value % 1e4 === 0) return `${round(value / 1e6)} million`;
  return Number.isInteger(value) ? value.toLocaleString("en-US") : round(value);
}

const englishFigure =
  /([$€£¥])?\s?(\d[\d,]*(?:\.\d+)?)\s?(k|m|mn|b|bn|t|thousand|million|billion|trillion)?\b\s?(%|per ?cent|percent)?(?:\s?([A-Za-z]+))?/gi;

const chineseFigure =
  /(\d[\d,]*(?:\.\d+)?)\s?(万亿|千|万|亿)?\s?(%|美元|美金|元|块钱|欧元|英镑|公里|千米|英里|米|秒|分钟|个小时|小时|天|周|个月|年|人)?/gu;

type FigureKind = "percentage" | "money" | "duration" | "distance" | "bare" | "counted";

interface Figure {
  kind: FigureKind;
  written: string;
}

function figuresFromEnglish(text: string, given: ReadonlySet<string>): Figure[] {
  const figures: Figure[] = [];
  for (const match of text.matchAll(englishFigure)) {
    const [, symbol, digits, scale, percent, word] = match;
    const bare = digits!.replace(/,/g, "");
    if (given.has(bare)) continue;
    // A year alone is a date, and a day after a month name is part of one.
    if (!symbol && !scale && !percent && /^(?:19|20)\d\d$/.test(bare)) continue;
    if (afterMonthName.test(text.slice(0, match.index))) continue;
    const value = Number(bare) * (scale ? (englishScale[scale.toLowerCase()] ?? 1) : 1);
    if (!Number.isFinite(value)) continue;
    const number = writeNumber(value, "zh");
    if (percent) {
      figures.push({ kind: "percentage", written: `${number}%` });
      continue;
    }
    const currency = currencies.find(([pattern]) => pattern.test(symbol ?? "") || pattern.test(word ?? ""));
    if (currency) {
      figures.push({ kind: "money", written: `${number}${currency[1]}` });
      continue;
    }
    const unit = word === undefined ? undefined : units.find((candidate) => candidate.english.test(word));
    if (unit) {
      figures.push({ kind: unit.kind, written: `${number} ${unit.zh}` });
      continue;
    }
    figures.push({ kind: scale ? "counted" : "bare", written: number });
  }
  return figures;
}

function figuresFromChinese(text: string, given: ReadonlySet<string>): Figure[] {
  const figures: Figure[] = [];
  const normalised = text.normalize("NFKC");
  for (const match of normalised.matchAll(chineseFigure)) {
    const [, digits, scale, unit] = match;
    const bare = digits!.replace(/,/g, "");
    if (given.has(bare)) continue;
    if (unit === "年" && /^(?:19|20)\d\d$/.test(bare)) continue;
    // A month or day of a date ("5月", "7日") is no figure.
    if (/^\s*[月日号]/u.test(normalised.slice((match.index ?? 0) + match[0].length))) continue;
    const value = Number(bare) * (scale ? (chineseScale[scale] ?? 1) : 1);
    if (!Number.isFinite(value)) continue;
    const number = writeNumber(value, "en");
    if (unit === "%") {
      figures.push({ kind: "percentage", written: `${number}%` });
      continue;
    }
    const currency = chineseCurrencies.find(([name]) => name === unit);
    if (currency) {
      figures.push({
        kind: "money",
        written: currency[1] === "yuan" ? `${number} yuan` : `${currency[1]}${number}`,
      });
      continue;
    }
    const english =
      unit === undefined ? undefined : units.find((candidate) => candidate.chinese.includes(unit));
    if (english) {
      figures.push({ kind: english.kind, written: `${number} ${english.en}` });
      continue;
    }
    figures.push({ kind: scale ? "counted" : "bare", written: number });
  }
  return figures;
}

/** The figure that answers the asked type: a price for money, a span for "how long"; a count takes any, a unit first. */
function figureFor(figures: Figure[], analysis: QuestionAnalysis): string | null {
  for (const type of analysis.askedTypes) {
    const wanted =
      type === "money" || type === "percentage" || type === "distance"
        ? [type]
        : type === "duration" || type === "frequency"
          ? ["duration"]
          : type === "quantity"
            ? ["counted", "percentage", "money", "distance", "duration", "bare"]
            : [];
    for (const kind of wanted) {
      const figure = figures.find((candidate) => candidate.kind === kind);
      if (figure !== undefined) return figure.written;
    }
  }
  return null;
}

function dateFromEnglish(text: string): string | null {
  const monthPattern = months.join("|");
  const dayMonthYear = text.match(
    new RegExp(`\\b(${monthPattern})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:19|20)\\d\\d))?\\b`, "i"),
  );
  const monthIndex = (name: string) =>
    months.findIndex((month) => month.toLowerCase() === name.toLowerCase()) + 1;
  if (dayMonthYear) {
    const [, month, day, year] = dayMonthYear;
    return `${year ? `${year}年` : ""}${monthIndex(month!)}月${day}日`;
  }
  const monthYear = text.match(new RegExp(`\\b(${monthPattern})(?:\\s+((?:19|20)\\d\\d))?\\b`, "i"));
  if (monthYear) {
    const [, month, year] = monthYear;
    return `${year ? `${year}年` : ""}${monthIndex(month!)}月`;
  }
  const year = text.match(/\b((?:19|20)\d\d)\b/);
  return year ? `${year[1]}年` : null;
}

function dateFromChinese(text: string): string | null {
  const match = text.normalize("NFKC").match(/(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?/u);
  if (match) {
    const [, year, month, day] = match;
    const name = months[Number(month) - 1];
    if (name === undefined) return null;
    return [day, name, year].filter(Boolean).join(" ");
  }
  const year = text.match(/(\d{4})\s*年/u);
  return year ? year[1]! : null;
}

/**
 * The key fact of `text` (in `from`) for an asker reading `to`, or null when the asked type has
 * no figure or date, or none can be written with certainty.
 */
export function keyFact(text: string, analysis: QuestionAnalysis, from: Lang, to: Lang): string | null {
  if (from === to) return null;
  const given = new Set(analysis.givenNumbers);
  if (analysis.askedTypes.some((type) => figureTypes.has(type))) {
    const figures = from === "en" ? figuresFromEnglish(text, given) : figuresFromChinese(text, given);
    const figure = figureFor(figures, analysis);
    if (figure !== null) return figure;
  }
  if (analysis.askedTypes.includes("date"))
    return from === "en" ? dateFromEnglish(text) : dateFromChinese(text);
  return null;
}
