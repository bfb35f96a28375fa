import { properNouns } from "../text/segment.ts";

/**
 * What kind of answer a question wants, read from its wording, and whether a sentence has one.
 * Used as a tie-breaker when picking sentences and as part of the evidence gate.
 */
export type AnswerKind = "time" | "number" | "entity" | "other";

export function answerKindOf(question: string): AnswerKind {
  const text = question.toLowerCase();
  if (
    /\bwhen\b|\bwhat year\b|\bwhich year\b|\bwhat date\b|什么时候|何时|哪一年|哪年|几月|哪天|多久/.test(text)
  )
    return "time";
  if (
    /\bhow (many|much|long|big|large|fast)\b|\bwhat (percentage|share|proportion)\b|多少|几个|几家|几成|比例|百分/.test(
      text,
    )
  ) {
    return "number";
  }
  if (
    /^\s*who\b|\bwho (is|was|were|are)\b|\bwhose\b|\bwhom\b|\bname of\b|\bwhat is the name\b|谁|哪位|叫什么/.test(
      text,
    )
  )
    return "entity";
  return "other";
}

// Dates and periods specific enough to answer "when": years, months, dated days, "first day of",
// frequencies. Not "yesterday" or a bare "day", which every narrative has.
const timePattern =
  /\b(1[89]\d\d|20\d\d)s?\b|\b(january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b|\b(first|last|next|same|that) (day|week|month|year|quarter)\b|\b(daily|weekly|monthly|annually|quarterly|twice|once|every)\b|\b\d+ (days?|weeks?|months?|years?) (ago|later|after|before)\b|\d+\s*(年|月|日|天|周)|[一二三四五六七八九十两]+(年|月|日|天|周)|第.天|今年|去年|明年|当年|那年|每周|每天|每月|每年/i;
const numberPattern =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|dozen|half|twice)\b|[一二三四五六七八九十百千万亿两]/i;

/** Whether a sentence holds the kind of answer asked for; for "who", a name the question does not already give. */
export function sentenceHasKind(sentence: string, kind: AnswerKind, question = ""): boolean {
  if (kind === "time") return timePattern.test(sentence);
  if (kind === "number") return numberPattern.test(sentence);
  if (kind === "entity") {
    const asked = new Set(properNouns(question));
    return properNouns(sentence).some((name) => !asked.has(name));
  }
  return true;
}
