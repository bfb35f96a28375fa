import { foldEnglish } from "../text/segment.ts";
import { headTokensOf } from "./asked-noun.ts";
import { exclusionOf } from "./question-exclusion.ts";
import { classNouns, specificsOf } from "./question-specifics.ts";

export { headTokensOf } from "./asked-noun.ts";
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

/** "By (roughly) how much": the size of a change is asked. */
export const byHowMuch = /\bby (?:roughly |about |approximately |around |exactly )?how much\b/i;

// Order matters: the most specific reading wins ("how much money" is money, not quantity). A
// comparison ("how much faster", "小了多少", "提升了多少倍") asks for a ratio: a share or a multiple.
const askedPatterns: Array<[AskedType, RegExp]> = [
  // "How much must an attacker spend relative to the HTLC?": a multiple or share, even of money.
  ["percentage", /\bhow (?:much|many)\b[^?？]*\b(?:relative to|compared (?:to|with)|in proportion to)\b/i],
  // "How much room could it save", "多长的随机数据": a size, not money saved or a span of time.
  [
    "quantity",
    /\bhow much (?:room|space|memory|storage|disk space|disk|bandwidth|data|ram)\b|多长(?!时间|期限|的距离)(?=的)/i,
  ],
  // "相当于 HTLC 价值多少倍的费用": a multiple, though of a fee.
  ["percentage", /多少倍|几倍|\bhow many times (?:more|as much|higher|larger|the)\b/i],
  // "By roughly how much does it cut the cost?": the size of a change — a multiple, a share, or
  // the amount (asked-value.ts).
  ["percentage", byHowMuch],
  // "How much did the rule raise the success rate?": a change of a rate, not money raised.
  [
    "percentage",
    /\bhow much (?:did|does|do|will|would|could|can)\b[^?？]*\b(?:raise|raised|increase|boost|improve|cut|reduce|lower|lift)\s+(?:the|its|their)\b[^?？]*\b(?:rates?|ratios?|share|percentage|accuracy|efficiency)\b/i,
  ],
  [
    "money",
    /\bhow much (?:money\b|.*\b(?:cost|costs|pay|paid|spend|spent|spending|charge|charged|worth|raise|raised|sell|sold|earn|earned|price|priced|invest|invested|investing|putting|put|fund|funded|funding|lose|lost|save|saved|fine|fined)\b)|\b(?:what|how much) (?:is|was|are|were|'s) the (?:\w+ )?(?:price|cost|fee|salary|valuation|revenue)\b|多少钱|价格|售价|价钱|费用|成本|估值|多少美元|多少元|卖多少|花了多少(?!年|个?月|天|周|星期|个?小时|分钟|秒|时间|功夫|精力)|省多少|[原定特优惠折]价(?:是|为)?多少/i,
  ],
  [
    "percentage",
    /\bwhat (?:percentage|percent|share|proportion|fraction)\b|\bhow much of\b|百分之|百分比|比例|占比|占了?多少|几成|\bhow much (?:smaller|larger|bigger|faster|slower|cheaper|higher|lower)\b|\bhow many times (?:faster|slower|larger|bigger|smaller|more|cheaper)\b|(?:小|大|快|慢|提升|提高|降低|减少|增加|增长|缩小|下降|上涨)了?多少倍?|多少倍/i,
  ],
  // "how often", "多久碰一次头": a rate ("every three weeks"), not a span of time.
  [
    "frequency",
    /\bhow (?:often|frequently)\b|\bhow many times (?:a|an|per|each) \w+|多久[^？?，,。；;]{0,10}一次|多长时间[^？?，,。；;]{0,10}一次|每隔多久|多频繁|(?:什么|多大的?|多高的?)频率|频率(?:是|为|有)?(?:多少|多高|多大|如何|怎样)|几天一次|一(?:天|周|个?月|年)几次/i,
  ],
  [
    "duration",
    /\bhow long\b|\bover what (?:period|time|span|timeframe)\b|\bwhat (?:[\w-]+ ){0,2}(?:period|timeframe|time frame|timeout|duration)\b|\bwhat (?:is|was|are|were|'s) the (?:[\w-]+ ){0,2}(?:period|timeout|duration|lifetime)\b|\bfor how many (?:days|weeks|months|years|hours|minutes)\b|多久|多长时间|多长期限|多少天|(?<!哪)几天|几个月|(?<!哪)几年|多少年|多少小时|几个小时|多少分钟|多少秒/i,
  ],
  // "多高的默认费率", "how high is the fee": a rate or a price, not a height (see quantity).
  [
    "distance",
    /\bhow (?:far|tall|deep)\b|\bhow high\b(?!\s+(?:is|was|are|were)\s+(?:the|its|their)\s+(?:\w+\s+)?(?:fees?|rates?|prices?|costs?|tax|taxes|scores?|ratios?|thresholds?|limits?)\b)|多远|多高(?!的)|多深|多长的距离|多少公里/i,
  ],
  [
    "quantity",
    /\bhow (?:many|much|big|large|fast|heavy|old)\b|\bwhat (?:size|number|speed|capacity)\b|\bto what (?:value|level|number|amount|size|limit)\b|\bwhich (?:anniversary|version|generation)\b|\b(?:which|what) (?:[\w.-]+ ){0,2}versions?\b|多少|几个|几家|几位|几种|几次|几款|几名|几(?:条|项|台|件|篇|部|辆|张|本|颗|枚|座|所|门|点|步|层|块|句|首|集|期)|多大|多重|多快|多少个|第几|多频繁|多高的|\bhow high\b|哪一?个?[^，。？?！!、]{0,20}?版本/i,
  ],
  [
    "date",
    /(?:^|[,;:]\s*|\band\s+)when\s+(?:does|did|is|was|will|were|are|has|have|do|can|could|would|should|and)\b|\bwhat (?:exact |precise |specific |particular )?(?:year|date|day|month|time)\b|\bwhat (?:is|was|are|were|'s) the (?:[\w-]+ )?(?:deadline|due date|cutoff date|cut-off date|start date|end date|release date|launch date|closing date)s?\b|\bby what date\b|截止(?:日期|时间)|截至哪天|期限是哪天|\bwhich (?:years?|dates?|days?|months?)\b|什么时候|何时|哪一年|哪年|几月|哪天|哪一天|哪几天|哪几年|几号|哪个月|几点|什么时刻/i,
  ],
  // "where" as the question word (not "the city where …"), 哪里 / 在哪 / 什么地方.
  // "Where did the money come from", "钱从哪里来": a source, told as a thing, not a place.
  ["other", /\bwhere\b[^?？]*\b(?:come|comes|came|coming)\s+from\b|从哪(?:里|儿)?(?:来|得来)/iu],
  // "方便在哪里", "区别在哪儿", "好在哪": a quality or a difference, in what way — not a place.
  [
    "other",
    /(?:方便|好|优势|优点|长处|缺点|短处|区别|不同|差别|差异|难点|亮点|特别|厉害|妙|强|新|价值|意义)(?:之处)?(?:就)?在哪(?:里|儿)?/u,
  ],
  [
    "place",
    /(?:^\s*|[,;:]\s*|\band\s+)where\b|\bin which (?:city|country|state|town|region)\b|\bwhat (?:city|country|state|town|region) (?:is|was|are|were|did|does|do)\b|哪里|哪儿|[在去]哪(?![家个位款种所座些本部项条])|什么地方|哪个城市|哪座城市|哪个地方|哪个地区|哪个省/i,
  ],
  // "who is it meant for", "给谁用", "向谁开放" ask for an audience, not a name.
  // A "who" inside the sentence ("the programmer who went viral") is a relative pronoun.
  [
    "person",
    /(?:^\s*|[,;:]\s*|\band\s+)who(?:se|m)?\b(?![^?？]*\bfor\s*[?？]?\s*$)|\bwhose\b|(?<!(?:给|向|对)了?)谁|哪位|什么人|哪个人/i,
  ],
  [
    "name",
    /\bwhat is the name\b|\bname of\b|\bcalled\b|\bwhat(?:'s| is| was| are| were)\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}(?:name|codename|code name|nickname)s?\b|\bcode ?names?\b|代号|名称是什么|叫做什么|称为什么|名字叫|\bwhich (?:company|companies|firm|startup|brand|product|model|tool|app|library|framework|university|country|city|bank|banks|team|lab|project|language|service|platform)\b|\bwhat (?:company|companies|firm|startup|brand|product|model|tool|app|library|framework|university|country|city|bank|banks)\b|叫什么|哪家|哪个牌子|什么牌子|哪个品牌|哪款|哪个公司|哪所|哪个国家|哪座|哪所大学|什么名字/i,
  ],
  [
    "reason",
    /\bwhy\b|\bwhat (?:caused|made|led)\b|\bfor what (?:reason|purpose)\b|\bto what end\b|\bwhat (?:is|was) the (?:purpose|point|goal|aim)\b|为什么|为何|什么原因|原因是|怎么会|目的是什么|出于什么目的|为了什么/i,
  ],
  [
    "yesno",
    /^\s*(?:is|are|was|were|does|do|did|can|could|will|would|has|have|had|should)\b|是否|是不是|有没有|能不能|会不会|吗[？?]?\s*$/i,
  ],
];

/** Titles in 《》 and quoted phrases name things; their words ask nothing ("《我为什么离开谷歌》"). */
function withoutQuotedTitles(question: string): string {
  return question.replace(/《[^》]*》|["“「『][^"”」』]*["”」』]/g, " ");
}

/**
 * Every type of value the question asks for, most specific first; a two-part question ("when …,
 * and how many …?") asks for more than one, and an answer may hold any of them.
 */
export function askedTypesOf(question: string): AskedType[] {
  const text = withoutQuotedTitles(question);
  // Each part of a two-part question asks for its own value; within a part the most specific
  // reading wins ("卖多少钱" is money, not any number).
  const parts = text
    .split(/[?？;；]|,\s*and\b|，(?=[^，]*(?:多少|几|哪|什么|谁|吗))/u)
    .filter((part) => part.trim() !== "");
  const types: AskedType[] = [];
  // A clause that only says which thing ("那个控制方法调用频率的库，…降低了多少？") asks nothing.
  const asking = parts.filter((part) => questionWord.test(part));
  for (const part of asking.length > 0 && asking.length < parts.length ? asking : parts) {
    // A part opening with who/when/where/why asks that ("Who launched the site showing which
    // version …"): a reading matched only later, in a relative clause, does not win over it.
    const opening = leadingQuestionWord.exec(part);
    const type = ((opening !== null &&
      askedPatterns.find(([, pattern]) => {
        const at = part.search(pattern);
        return at >= 0 && at <= opening[0].length - opening[1]!.length;
      })) ||
      askedPatterns.find(([, pattern]) => pattern.test(part)))?.[0];
    if (type !== undefined && !types.includes(type)) types.push(type);
  }
  return types.length === 0 ? ["other"] : types;
}

const leadingQuestionWord = /^\s*(who|whom|whose|when|where|why)\b/iu;

const questionWord =
  /多少|多[重大远久长高快宽深厚]|几|哪|什么|谁|吗|怎么|怎样|如何|为什么|为何|是否|是不是|有没有|\b(?:what|which|who|whom|whose|when|where|why|how)\b|^\s*(?:is|are|was|were|does|do|did|can|could|will|would|has|have|had|should)\b/iu;

export function askedTypeOf(question: string): AskedType {
  return askedTypesOf(question)[0]!;
}

/** Numbers written in a text, normalised ("4,183.8" → "4183.8"), for comparing with the question's. */
export function numbersIn(text: string): string[] {
  // (Not the digit inside a word: "P2P", "H264", "M4" name something, they count nothing.)
  return [...text.normalize("NFKC").matchAll(/(?<![A-Za-z])\d[\d,]*(?:\.\d+)?/g)].map((match) =>
    match[0].replace(/,/g, ""),
  );
}

/**
 * The thing a definition question asks about: "What is Claude Cowork?", "What is the XiRang
 * platform, and …", "debug.com 这个网站是做什么的？", "Plane 是个什么工具？".
 */
export function definedThing(question: string): string | null {
  const english = question.match(
    /^\s*what(?:'s| is| are| was| were)\s+(?:an?\s+|the\s+)?([^?,;]{2,60}?)\s*(?:[?,;]|$)/i,
  );
  if (
    english?.[1] &&
    !/^(?:the |its |their )?(?:[\w-]+ )?(?:names?|codenames?|price|cost|reason|date|number|difference|point)\b/i.test(
      english[1],
    )
  )
    return english[1].trim();
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
