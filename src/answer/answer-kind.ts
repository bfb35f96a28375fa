/**
 * What kind of answer a question wants, read from its wording, and whether a sentence has one.
 * Used as a tie-breaker when picking sentences and as part of the evidence gate.
 */
export type AnswerKind = "time" | "number" | "other";

export function answerKindOf(question: string): AnswerKind {
  const text = question.toLowerCase();
  if (/\bwhen\b|\bwhat year\b|\bwhich year\b|\bwhat date\b|什么时候|何时|哪一年|哪年|几月|哪天|多久/.test(text)) return "time";
  if (/\bhow (many|much|long|big|large|fast)\b|\bwhat (percentage|share|proportion)\b|多少|几个|几家|几成|比例|百分/.test(text)) {
    return "number";
  }
  return "other";
}

const timePattern =
  /\b(1[89]\d\d|20\d\d)s?\b|\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b|\b(yesterday|today|tomorrow|week|month|year|quarter|decade|century|day|daily|weekly|monthly|annually|since|until|ago)\b|\d+\s*(年|月|日|天)|[一二三四五六七八九十两]+(年|月|日|天|周)|第.天|今年|去年|明年|当年|那年|以来|之前|之后|每周|每天|每月/i;
const numberPattern = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|dozen|half|twice)\b|[一二三四五六七八九十百千万亿两]/i;

export function sentenceHasKind(sentence: string, kind: AnswerKind): boolean {
  if (kind === "time") return timePattern.test(sentence);
  if (kind === "number") return numberPattern.test(sentence);
  return true;
}
