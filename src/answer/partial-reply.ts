import type { AskedType, QuestionAnalysis } from "../question/analyze-question.ts";
import { asksCve } from "../question/analyze-question.ts";
import { asksForVersion, isCheckable } from "../question/asked-value.ts";
import { capped, shownSentences } from "./answer-composition.ts";
import type { AnswererInput, DraftAnswer } from "./answerer.ts";
import { type EvidenceWindow, isOnSubject } from "./evidence-gate.ts";

/** The replies when no window states the asked fact: partial (the story without the detail) or none. */

export const refusal: DraftAnswer = { answered: false, coverage: "none", text: "", answerer: "extractive" };

const missingDetail: Record<"en" | "zh", Record<AskedType, string>> = {
  en: {
    money: "the price or amount",
    percentage: "the share",
    quantity: "the number",
    duration: "how long",
    frequency: "how often",
    distance: "the distance",
    place: "where",
    date: "when",
    person: "who",
    name: "the name",
    reason: "why",
    choice: "which of the two",
    yesno: "the answer",
    other: "that detail",
  },
  zh: {
    money: "价格或金额",
    percentage: "比例",
    quantity: "具体数字",
    duration: "时长",
    frequency: "频率",
    distance: "距离",
    place: "地点",
    date: "时间",
    person: "是谁",
    name: "名称",
    reason: "原因",
    choice: "是哪一种",
    yesno: "答案",
    other: "这个细节",
  },
};

/** What a partial reply says is missing when the asked noun is: "the number of employees", "许可证". */
function missingHead(analysis: QuestionAnalysis, question: string, lang: "en" | "zh"): string {
  const head = analysis.headTokens[0]!;
  // A Chinese compound comes with its parts ("编程", "语言", "编程语言"): the whole word is said.
  if (lang === "zh") {
    const word = analysis.headTokens
      .reduce((longest, token) => (token.length > longest.length ? token : longest), head)
      // (Said without the measure word a count carries: "产线", not "条产线".)
      .replace(/^(?:条|个|家|位|名|种|台|件|篇|部|辆|张|本|颗|枚|座|所|项|款)(?=[\u4e00-\u9fff]{2})/u, "");
    // A count of people or things is missing, not the things: "没有给出员工人数", "…门店数量".
    if (!analysis.askedTypes.includes("quantity") || /(?:数|量|率|额|价|费|时间|长度|大小)$/u.test(word))
      return word;
    return /(?:员|人|者|工|师|生|家|户)$/u.test(word) ? `${word}人数` : `${word}数量`;
  }
  // The word as the question wrote it ("employees" for the folded "employee").
  const written = question.match(new RegExp(`\\b${head.replace(/[^\w-]/g, "")}[\\w-]*`, "i"))?.[0] ?? head;
  return analysis.askedTypes.includes("quantity") ? `the number of ${written}` : `the ${written}`;
}

/**
 * When no window states the asked fact: a partial reply if the story is there (the question's
 * specifics and words in one window) and what is missing is a checkable detail; else a refusal.
 */
export function partialOrRefusal(
  windows: EvidenceWindow[],
  analysis: QuestionAnalysis,
  input: AnswererInput,
): DraftAnswer {
  const checkable = analysis.askedTypes.some(isCheckable) || analysis.headTokens.length > 0;
  const about = windows.find(
    (window) => isOnSubject(window) && window.sentences.some((sentence) => !sentence.unfitToLead),
  );
  if (!checkable || about === undefined) return refusal;
  const shown = shownSentences(about);
  // "Whose account …" lacks the person, not the account.
  const headMissing = !about.headFound && analysis.headTokens.length > 0 && !analysis.ownedHead;
  const lang = input.lang;
  // An identifier the question asks by its form is said as a question ("which CVE", "是哪个版本").
  const asked = asksCve.test(input.question)
    ? { en: "which CVE", zh: "是哪个 CVE 编号" }[lang]
    : asksForVersion(analysis, input.question)
      ? { en: "which version", zh: "是哪个版本" }[lang]
      : undefined;
  const detail =
    asked ??
    (headMissing ? missingHead(analysis, input.question, lang) : missingDetail[lang][analysis.asked]);
  const quote = shown.map((sentence) => capped(sentence.text)).join(" ");
  // A question word is said ("do not say when", "没有说明是谁"); a noun is given ("the price").
  const asksWh = asked !== undefined || /^(?:who|when|where|why|how)\b|^是谁$/.test(detail);
  const text =
    lang === "zh"
      ? `简报提到了相关内容，但没有${asksWh ? "说明" : "给出"}${detail}。最接近的是：${quote} [${about.passageIndex + 1}]`
      : `The briefs do not ${asksWh ? "say" : "give"} ${detail}. The closest they come: ${quote} [${about.passageIndex + 1}]`;
  return {
    answered: false,
    coverage: "partial",
    text,
    answerer: "extractive",
    quotes: { [about.passageIndex]: quote },
  };
}
