import type { QuestionAnalysis } from "../question/analyze-question.ts";
import { askedValuePositions, decliningClauses } from "../question/asked-value.ts";
import type { WeightedTerm } from "../store/store.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";
import { foldEnglish, tokenize } from "../text/segment.ts";
import type { AnswerSentence } from "./answer-sentences.ts";
import { valueReachCharacters } from "./answer-tuning.ts";
import { cjk, found } from "./evidence-specifics.ts";
import { isPersonHead, namesKindOfPerson, toldByKind } from "./head-kinds.ts";
import { withParts } from "./passage-context.ts";

/** A digit or a Chinese numeral, before the measure word it counts in ("5万面", "三家"). */
const chineseNumeral = "[\\d零一二三四五六七八九十百千万亿两]";

/**
 * Whether a sentence gives the asked value: its noun, a count of the asked thing, the value next
 * to the question's words, a clause withholding the detail, a definition. Part of the evidence
 * gate (evidence-gate.ts).
 */

/**
 * Whether the asked value must come with its noun: a number must count what was asked ("how many
 * volumes"), and "what license" needs a licence. A name answers "which company" by itself.
 */
export function needsHead(analysis: QuestionAnalysis): boolean {
  if (analysis.headTokens.length === 0) return false;
  if (analysis.ownedHead) return true;
  // Money, dates, spans and names carry their own kind ("how much money", "over what period").
  return analysis.askedTypes.every((type) => type === "quantity" || type === "other" || type === "reason");
}

/** Nouns that ask for a version of a thing: "which Go release" is answered by "Go 1.13". */
const versionNouns = new Set(["release", "version", "edition", "model", "generation", "版本", "型号"]);

/**
 * A question asking which release or version of a named thing ("which Go release") finds its
 * noun in the name written with a number ("Go 1.13", "Python 3.14").
 */
export function namesAskedVersion(analysis: QuestionAnalysis, text: string): boolean {
  if (!analysis.headTokens.some((token) => versionNouns.has(token))) return false;
  // A version written as one is a version of something: "in v1.33", "macOS 10.15, iOS 13" (a name
  // and its number, not a version the question already gives).
  const given = new Set(analysis.givenNumbers);
  for (const match of text.matchAll(writtenVersion))
    if (!given.has((match[1] ?? match[2] ?? match[3] ?? "").replace(/^v/i, ""))) return true;
  return analysis.specifics.some(
    (specific) =>
      specific.kind === "name" &&
      new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(specific.text)}\\s*[(（]?\\s*v?\\d+(?:\\.\\d+)*`, "iu").test(
        text,
      ),
  );
}

/**
 * The asked noun's measure told by the word before it with a number: "CVSS 6.7" for "what CVSS
 * score", "Elo 2100" for "which Elo rating" — the sentence need not repeat "score". One pattern
 * per asked noun with such a word, built once per question (`namesHeadsMeasure` tests a window).
 */
export function headsMeasurePatterns(analysis: QuestionAnalysis, question: string): RegExp[] {
  const patterns: RegExp[] = [];
  for (const head of analysis.headTokens) {
    const before = new RegExp(`([A-Za-z][\\w.-]*)\\s+${escapeRegExp(head)}\\w*`, "iu").exec(question)?.[1];
    if (before === undefined || before.length < 2) continue;
    patterns.push(new RegExp(`(?<![\\w-])${escapeRegExp(before)}[\\s:：]{0,2}v?\\d`, "iu"));
  }
  return patterns;
}

/** A window's text tells the asked noun's measure by the word before it (`headsMeasurePatterns`). */
export function namesHeadsMeasure(patterns: readonly RegExp[], text: string): boolean {
  return patterns.some((pattern) => pattern.test(text));
}

// "v1.33", a name in Latin letters right before a dotted number ("macOS 10.15", "Go 1.13"), or a
// dotted number something is moved to ("upgraded to 1.82-slim", "升级到 1.82"), not an amount.
// (asked-value.ts `versionWritten` is the broader reading of the asked value itself: any dotted
// number, and a whole number after a capitalised name or "to" — "Swift 5", "更新到了 2".)
const writtenVersion =
  /(?<![\w.])(v\d+(?:\.\d+)+)(?![\w.]*\d)|(?<![\w.])(?:[A-Z][A-Za-z]*|[a-z]{1,5}[A-Z][A-Za-z]*)\s+(\d+\.\d+(?:\.\d+)?)(?![\w%])|(?:\b[Tt]o|到|至)\s*(\d+\.\d+(?:\.\d+)*)(?![\d%]|\s*(?:[kmb]\b|thousand|million|billion|trillion|万|亿|倍|x\b|times\b|%|percent))/gu;

/** A head noun in a window: the token, a translation, or for Chinese its stem inside a word (镜子 in 反射镜). */
export function headIn(
  token: string,
  text: string,
  tokens: ReadonlySet<string>,
  translations: Map<string, string[]>,
): boolean {
  if (found(token, tokens, translations)) return true;
  // "How many people signed", "有什么区别": told by a kind of person, a contrast (head-kinds.ts).
  const byKind = toldByKind(token, text);
  if (byKind !== undefined) return byKind;
  if (!cjk.test(token)) return [...tokens].some((word) => isCompoundOf(word, token));
  const stem = token.length > 1 ? token.replace(/[子儿们]$/u, "") : token;
  return stem.length >= 1 && text.includes(stem);
}

/**
 * A number that counts what was asked: followed by the question's measure word ("5万面") or, in
 * English, by the asked noun within three words ("80 beautifully laid out volumes").
 */
export function countsTheAskedThing(text: string, analysis: QuestionAnalysis): boolean {
  if (!analysis.askedTypes.includes("quantity")) return false;
  if (analysis.measureWord !== null)
    return new RegExp(`${chineseNumeral}\\s*${analysis.measureWord}`, "u").test(text);
  return analysis.headTokens.some((head) =>
    new RegExp(`\\d[\\d,.]*\\s+(?:[a-z-]+\\s+){0,3}${head}`, "i").test(text),
  );
}

// Chinese measure words that count the same kind of thing: people by 名, 位, 人 or 个; a company
// by 家 or 个 … A count in another measure word ("11 项调查" for "多少名开发者") counts something else.
const measureWordKinds = ["名位人个", "家个", "款个种", "台部个", "项个条", "次回", "篇个", "辆台", "颗个"];
const chineseCount = new RegExp(
  `${chineseNumeral}\\s*(?:多)?(种|个|家|位|款|名|次|项|条|台|面|件|篇|部|颗|辆|架|枚|张|本|所|座|倍|人|年|月|天|周|小时|分钟|秒|岁|元|块|%)`,
  "gu",
);

/**
 * A Chinese count question's measure word ("多少名开发者"), and a sentence whose every counted
 * number is in another one ("11 项调查数据", "2019 年"): it counts something else. 个, the
 * general measure word, asks nothing particular.
 */
export function countsAnotherKind(text: string, analysis: QuestionAnalysis, question: string): boolean {
  const asked = analysis.measureWord;
  if (!analysis.askedTypes.includes("quantity")) return false;
  const counted = [...text.matchAll(chineseCount)].map((match) => match[1]!);
  // 个 (or an English "how many") counts anything, but not kinds: "多少个用户" is not told by
  // "这两种通道" (two kinds of channel), a count of kinds alone.
  const onlyKinds = counted.length > 0 && counted.every((word) => word === "种");
  if (asked === null) return countsAnotherEnglishKind(text, analysis, question) || onlyKinds;
  if (asked === "个") return onlyKinds;
  const kinds = measureWordKinds.find((kind) => kind.includes(asked)) ?? asked;
  return counted.length > 0 && !counted.some((word) => kinds.includes(word));
}

// An English count and the words after it: "two types of attacks", "12 new papers", "3 PRs".
const englishCount =
  /(?<![#\w.])(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)/giu;

/**
 * "How many papers did she cite?" and a sentence whose every count is of a plural noun other than
 * the asked one, within the two words after it ("two types of attacks"): it counts something else.
 * A count of no noun ("cited 12") or of the asked one ("12 new papers") may answer.
 */
function countsAnotherEnglishKind(text: string, analysis: QuestionAnalysis, question: string): boolean {
  // ("How much data": a measure, not a count of things.)
  if (!/\bhow many\b/iu.test(question)) return false;
  const heads = analysis.headTokens.filter((head) => /^[a-z][\w-]*$/u.test(head));
  if (heads.length === 0) return false;
  const counts = [...text.matchAll(englishCount)].map((match) => match[1]!.toLowerCase().split(/\s+/));
  return (
    counts.length > 0 &&
    counts.every(
      (words) =>
        !words.some((word) =>
          heads.some(
            (head) =>
              foldEnglish(word) === head ||
              foldEnglish(word).startsWith(head) ||
              (isPersonHead(head) && namesKindOfPerson(word)),
          ),
        ) && words.some((word) => /[^s]s$/u.test(word) && foldEnglish(word) !== word),
    )
  );
}

/**
 * The value stands next to the question's own words ("2025年5月发射" is a launch date, not a
 * return date): a question word (not a specific) within a few words of a value of the asked type.
 */
export function valueNearQuestion(
  text: string,
  analysis: QuestionAnalysis,
  contentTerms: WeightedTerm[],
): boolean {
  const values = askedValuePositions(text, analysis);
  if (values.length === 0) return false;
  const lower = text.toLowerCase();
  const words = [...contentTerms.map((term) => term.term), ...analysis.headTokens];
  for (const word of words) {
    const chinese = cjk.test(word);
    const pattern = chinese ? word : `\\b${escapeRegExp(word)}`;
    for (const match of lower.matchAll(new RegExp(pattern, "g"))) {
      const at = match.index ?? 0;
      const reach = chinese ? valueReachCharacters : valueReachCharacters * 3;
      if (values.some((position) => Math.abs(position - at) <= reach)) return true;
    }
  }
  return false;
}

/**
 * The text says the asked detail is withheld: a clause that declines ("did not disclose", "no
 * details yet", 未透露) names the asked noun or one of the question's own words. Then a value
 * elsewhere in the sentence is about something else ("$10M, but did not disclose its valuation").
 */
export function withholdsAskedDetail(
  member: AnswerSentence,
  analysis: QuestionAnalysis,
  contentTerms: WeightedTerm[],
  translations: Map<string, string[]>,
): boolean {
  for (const clause of decliningClauses(member.text)) {
    const tokens = withParts(tokenize(clause));
    if (analysis.headTokens.some((token) => headIn(token, clause, tokens, translations))) return true;
    if (analysis.headTokens.length === 0 && contentTerms.some((term) => tokens.has(term.term))) return true;
  }
  return false;
}

// A joining word a sentence going on about the one before may open with ("However, the library…").
const joiningWord = String.raw`(?:and|but|also|so|however|still|yet|instead|meanwhile|additionally|in addition|as a result|now)\b,?\s+`;

// A pronoun, after a joining word or not ("And it …", "However, it …", "而这个组件…", "同时它…");
// "This year …" opens with a time, not with the subject before.
const pronounOpening = new RegExp(
  String.raw`^\s*(?:${joiningWord})?(?:(?:it|they|he|she|its|their|his|her)\b|(?:this|these|that|those)\b(?!\s+(?:year|month|week|day|time|quarter|season|spring|summer|autumn|fall|winter|morning|evening|weekend)s?\b)|(?:而且|而|但是|但|并且|同时|另外|此外|不过|然而)?[，,]?(?:它|他|她|这|该|其|此))`,
  "iu",
);

/** "The book is set…", "However, the library…": a common noun taken up from the sentence before. */
const definiteOpening = /^\s*[Tt]he\s+[a-z][a-z-]+\b/u;
const openingJoiningWord = new RegExp(String.raw`^\s*${joiningWord}`, "iu");

/**
 * A sentence that goes on about the subject of the one before it: it opens with a pronoun or with
 * a definite common noun ("The feature works with…"), not with a name of its own.
 */
export function continuesSentenceBefore(text: string): boolean {
  return pronounOpening.test(text) || definiteOpening.test(text.replace(openingJoiningWord, ""));
}

/**
 * For "what is X": a sentence that defines X ("X is a …", "X, a …", "X – a …", "X（…）",
 * "X 是一个…"). The name is the question's last specific inside X, or X itself.
 */
export function definitionPattern(analysis: QuestionAnalysis): RegExp | null {
  const thing = analysis.defines;
  if (thing === null) return null;
  const inside = analysis.specifics.filter((specific) => thing.includes(specific.text));
  const name = escapeRegExp((inside[inside.length - 1]?.text ?? thing).replace(/['’]s$/u, ""));
  return new RegExp(
    // (A digest entry "Pake - 利用 Rust 轻松把网页构建成…" defines by a dash and a Chinese description.)
    `${name}\\S*\\s*(?:\\([^)]{0,40}\\)\\s*)?(?:(?:is|are|was)\\s+(?:an?|the|one)\\b|[,:–—-]\\s*(?:an?|the)\\s)|${name}\\s*[（(]|${name}\\s*(?:是|为|：|:)\\s*(?!不)[一个款种家项套]|${name}\\s+[-–—]\\s+[\\u4e00-\\u9fff]`,
    "iu",
  );
}

/**
 * An English compound naming a kind of the head: "subpackage" is a package, "smartwatch" a watch.
 * The head needs five letters and the word before it three, so "ship" is not found in
 * "relationship" nor "phone" in "phones" (a form, not a compound).
 */
const compoundHeadLetters = 5;
const compoundPrefixLetters = 3;
function isCompoundOf(word: string, head: string): boolean {
  return (
    head.length >= compoundHeadLetters &&
    word.length >= head.length + compoundPrefixLetters &&
    word.endsWith(head) &&
    /^[a-z]+$/.test(word)
  );
}

// Words that give a reason or a cause: what a "why" question is answered with. "Since" explains
// only opening a sentence or clause before a subject ("Since Salesforce has postponed …"), not
// before a date or a time ("since 2019", "since its launch", "since then").
const reasonWords =
  /\b(?:because|due to|owing to|thanks to|as a result|in order to|so that|reasons?|why|therefore|hence|explains?|explained)\b|(?:^|[.;,:]\s*)since\s+(?!\d|(?:then|last|early|late|the|its|their|his|her|our|january|february|march|april|may|june|july|august|september|october|november|december)\b)|\b(?:ensures?|ensuring|(?:this|that|which|it) (?:lets|allows|enables|means|ensures|avoids|prevents)|to (?:avoid|prevent|ensure))\b|因为|由于|原因|所以|因此|为了|导致|之所以|理由|缘故|归功于|得益于|答案|以便|从而|以免|确保|这让|这使|使得|这样(?:就|可以|才|能)|无需|免得/iu;

/** Whether a sentence gives a reason or cause ("because …", "…的原因是", "答案就在…"). */
export function givesReason(text: string): boolean {
  return reasonWords.test(text);
}
