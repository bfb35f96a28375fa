import { foldEnglish } from "../text/segment.ts";
import { headTokensOf } from "./asked-noun.ts";
import { askedTypesOf } from "./asked-types.ts";
import { exclusionOf } from "./question-exclusion.ts";
import { classNouns, specificsOf } from "./question-specifics.ts";

export { headTokensOf } from "./asked-noun.ts";
export { askedTypeOf, askedTypesOf, byHowMuch } from "./asked-types.ts";
export { specificsOf } from "./question-specifics.ts";

/**
 * What a question asks for, read from its wording (English and Chinese, no model): the type of
 * value an answer must hold, the noun that value is about ("volumes" in "how many volumes"), and
 * the specifics an answer must mention (names, versions, numbers, quoted phrases).
 */
export type AskedType =
  | "money"
  | "percentage"
  | "quantity"
  | "duration"
  | "frequency"
  | "distance"
  | "place"
  | "date"
  | "person"
  | "name"
  | "reason"
  | "choice"
  | "yesno"
  | "other";

export interface Specific {
  /** As written in the question. */
  text: string;
  /** Its search tokens; an answer must hold all of them (or their translations). */
  tokens: string[];
  /** A site ("swift.org") may be only in a link the text does not show. */
  kind: "name" | "version" | "number" | "quoted" | "site";
  /** A title in 《》: it names a work, like a name, so the issue may give it away from the sentence. */
  titled?: boolean;
  /**
   * For a capitalised abbreviation whose token is an everyday word ("US" as "us", "IT" as "it"):
   * how it is written, case-sensitive, for finding it in text rather than among tokens.
   */
  written?: string;
}

export interface QuestionAnalysis {
  asked: AskedType;
  /** All the types asked for (two-part questions ask for more than one). */
  askedTypes: AskedType[];
  /** Tokens of the noun the asked value is about; an answer must mention one (or a translation). */
  headTokens: string[];
  specifics: Specific[];
  /** Numbers the question already gives: a sentence repeating only these does not answer it. */
  givenNumbers: string[];
  /** The Chinese measure word a count is asked in ("多少面镜子" → 面): "5万面" is the count. */
  measureWord: string | null;
  /** What a "what is X" / "X 是做什么的" question asks to have defined, as written; else null. */
  defines: string | null;
  /**
   * "Whose account …", "谁的账户…": the head names what belongs to the asked person, so an answer
   * must mention it — a name alone near the question's other words is not whose it was.
   */
  ownedHead: boolean;
  /**
   * "Who wrote …", "the names of the two developers", "作者是谁": the asked name is a person's,
   * so another company or product the sentence names does not answer.
   */
  asksForPerson: boolean;
}

/** Numbers written in a text, normalised ("4,183.8" → "4183.8"), for comparing with the question's. */
export function numbersIn(text: string): string[] {
  // (Not the digit inside a word: "P2P", "H264", "M4" name something, they count nothing.)
  return [...text.normalize("NFKC").matchAll(/(?<![A-Za-z])\d[\d,]*(?:\.\d+)?/g)].map((match) =>
    match[0].replace(/,/g, ""),
  );
}

/** "main new features in …", "key changes of …": common words, then the thing they belong to. */
const attributeOfThing =
  /^(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*\s+(?:in|of|for|from|behind|at|on|to|with|between)\s+\S/;

/**
 * The thing a definition question asks about: "What is Claude Cowork?", "What is the XiRang
 * platform, and …", "debug.com 这个网站是做什么的？", "Plane 是个什么工具？".
 */
export function definedThing(question: string): string | null {
  const english = question.match(
    /^\s*what(?:'s| is| are| was| were)\s+(an?\s+|the\s+)?([^?,;]{2,60}?)\s*(?:[?,;]|$)/i,
  );
  if (
    english?.[2] &&
    // "What were the main new features in SwiftNIO 2.9.0?" asks for the features, an attribute
    // of the thing, not what the thing is ("What is a mempool in Bitcoin?" is a definition).
    !(english[1]?.trim().toLowerCase() === "the" && attributeOfThing.test(english[2])) &&
    !/^(?:the |its |their )?(?:[\w-]+ )?(?:names?|codenames?|price|cost|reason|date|number|difference|point)\b/i.test(
      english[2],
    )
  )
    return english[2].trim();
  const chinese = question.match(
    /^\s*(?:[^，,？?]{0,20}?的)?([^，,？?的]{2,30}?)\s*(?:这个\S{0,4}|这款\S{0,4}|这项\S{0,4})?(?:其实|到底|究竟)?是(?:做什么的|用来做什么的|干什么的|什么|个什么|一个什么|一种什么|怎样的)(?!关系|原因|时候|时间|意思|区别|不同|差别|价格|态度|立场|角色|情况|问题)/u,
  );
  const thing = chinese?.[1]?.trim();
  // "版本的代号是什么" asks for a name, not a definition.
  if (thing === undefined || thing === "" || /(?:代号|名字|名称|价格|售价|日期)$/u.test(thing)) return null;
  return thing;
}

// "Which status code", 状态码: a number answers, told without the word ("returns HTTP 200").
const statusCodeAsked =
  /\b(?:which|what)\s+(?:[\w-]+\s+){0,2}(?:status|error|exit|response|return|http)\s+codes?\b|(?:状态码|错误码|返回码|错误代码)/iu;

const statusCodeWords = new Set(["code", "codes", "状态", "错误", "返回", "代码"]);

const kindBeforeWhat = /([\u4e00-\u9fff]{1,6})(?:是|叫)(?:什么|哪个|哪款|哪家|哪一个)(?:名字)?[？?]?\s*$/u;

/** The question ends "<a noun of a named kind>是什么" ("第一款…的工具是什么"). */
function namedKindIsWhat(question: string): boolean {
  const before = kindBeforeWhat.exec(question)?.[1];
  if (before === undefined) return false;
  for (let start = 0; start < before.length - 1; start += 1)
    if (classNouns.has(before.slice(start))) return true;
  return false;
}

/**
 * `isKnownWord` (an English dictionary) lets lower-case names no dictionary holds count as
 * specifics; without it only capitalised, versioned, quoted and Chinese names do.
 */
export function analyzeQuestion(asked: string, isKnownWord?: (word: string) => boolean): QuestionAnalysis {
  // "Apart from X, what …": X is what the asker knows; the rest says what the answer must hold.
  const question = exclusionOf(asked)?.rest ?? asked;
  let askedTypes = askedTypesOf(question);
  let headTokens = headTokensOf(question);
  // "Which status code", 状态码: a number answers, told without the word ("returns HTTP 200").
  if (askedTypes[0] === "other" && statusCodeAsked.test(question)) {
    askedTypes = ["quantity"];
    headTokens = headTokens.filter((token) => !statusCodeWords.has(token) && !token.endsWith("码"));
  }
  if (askedTypes[0] === "other" && headTokens.some((token) => classNouns.has(token))) askedTypes = ["name"];
  // "…的工具是什么？", "…的公司叫什么": a noun of a named kind before 是什么 asks which one.
  if (askedTypes[0] === "other" && namedKindIsWhat(question)) askedTypes = ["name"];
  // "Which Kubernetes SIG took over …": an acronym names a kind of group or proposal, one of which
  // is asked for by name.
  if (askedTypes[0] === "other" && whichAcronym.test(question)) askedTypes = ["name"];
  // "Which CVE", "CVE 编号": an identifier is asked for (see `asksCve`).
  if (askedTypes[0] === "other" && asksCve.test(question)) askedTypes = ["name"];
  const asksForPerson = personAskedPattern.test(question);
  // "What are the names of its founders?" asks for people, though no "who" says so.
  if ((askedTypes[0] === "other" || askedTypes[0] === "name") && asksForPerson)
    askedTypes = ["person", ...askedTypes.slice(1)];
  return {
    asked: askedTypes[0]!,
    askedTypes,
    headTokens,
    specifics: specificsOf(question, isKnownWord),
    givenNumbers: numbersIn(question),
    measureWord:
      question.match(
        /(?:多少|几)(种|个|家|位|款|名|次|项|条|台|面|件|篇|部|颗|辆|架|枚|张|本|所|座|倍)/u,
      )?.[1] ?? null,
    defines: definedThing(question),
    ownedHead: headTokens.length > 0 && ownedHeadPattern.test(question),
    asksForPerson: asksForPerson && askedTypes.some((type) => type === "person" || type === "name"),
  };
}

// Nouns for people by their role; a "who"/"which"/"name of" question about one asks for a person.
const personRoles =
  "developers?|engineers?|authors?|writers?|founders?|co-?founders?|ceos?|ctos?|(?<!(?:text|code|video|image|photo|markdown|visual|html|hex|map|level|sql|graphical|wysiwyg|online|web|source|config|rich) )editors?|researchers?|scientists?|maintainers?|contributors?|person|people|employees?|(?<!(?:package|password|window|file|download|memory|version|task|dependency|session|display|clipboard|secrets?|node|plugin|tab|boot|device|cluster|resource|certificate|cert|process|network|connection|state) )managers?|directors?|president|chairman|chairs?|co-?chairs?|leads?|professors?|students?|programmers?|designers?|reporters?|journalists?|speakers?|hosts?|actors?|actresses|singers?|photographers?|novelists?|screenwriters?|composers?|artists?|guests?|women|woman|men|man|winners?";
const chinesePersonRoles =
  "作者|创始人|联合创始人|开发者|工程师|编辑|主编|负责人|总裁|董事长|研究员|科学家|维护者|贡献者|程序员|设计师|记者|教授|学生|经理|主持人|导演|编剧|演员|主演|歌手|作家|画家|摄影师|作曲|嘉宾|女性|男性|女士|先生|获奖者|得主";
const personAskedPattern = new RegExp(
  [
    `\\bnames? of (?:the |its |their |his |her )?(?:[\\w-]+ ){0,3}?(?:${personRoles})\\b`,
    `\\bwho (?:is|was|are|were) (?:the |its |their )?(?:[\\w-]+ ){0,3}?(?:${personRoles})\\b`,
    `\\bwhich (?:[\\w-]+ ){0,2}?(?:${personRoles})\\b`,
    "\\bwho (?:first |originally )?(?:wrote|authored|proposed|posted|said|discovered|reported|designed|invented|hosted|presented|moderated|chaired)\\b",
    `(?:${chinesePersonRoles})们?(?:分别|各自|都)?(?:是谁|叫什么|的名字|的姓名)`,
    `哪(?:一)?位(?:${chinesePersonRoles})?`,
    "谁(?:最先|最早|首先)?(?:写|提出|说|发现|报告|披露|设计|发明)",
  ].join("|"),
  "iu",
);

/** "Which CVE", "the CVE number", "哪个 CVE", "CVE 编号": a CVE identifier answers. */
export const asksCve = /\b(?:which|what) CVE\b|\bCVE (?:number|id|identifier)s?\b|哪个\s?CVE|CVE\s?编号/iu;

const whichAcronym =
  /(?:^|[,;:]\s*|\b(?:in|to|by|from|of)\s+)which\s+(?:[A-Z][\w-]*\s+){0,2}[A-Z]{2,}s?(?=\s|[?,]|$)/u;

// "Whose account …" asks whose; "the meeting whose notes …" is a relative clause that asks nothing.
const ownedHeadPattern = /^\s*(?:(?:in|of|from|to|for|by|with|on|at)\s+)?whose\s+[a-z]|谁的[\u4e00-\u9fff]/iu;

/** The English fold of a word, for callers comparing raw words with search tokens. */
export const foldWord = (word: string): string => foldEnglish(word.toLowerCase());
