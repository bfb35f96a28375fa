import { irregularVerbs } from "../paraphrase/english-forms.ts";
import { foldEnglish, properNouns, tagWords, tokenize } from "../text/segment.ts";
import { monthNamesInFull } from "./time-reference.ts";

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
}

// Order matters: the most specific reading wins ("how much money" is money, not quantity). A
// comparison ("how much faster", "小了多少", "提升了多少倍") asks for a ratio: a share or a multiple.
const askedPatterns: Array<[AskedType, RegExp]> = [
  // "How much must an attacker spend relative to the HTLC?": a multiple or share, even of money.
  ["percentage", /\bhow (?:much|many)\b[^?？]*\b(?:relative to|compared (?:to|with)|in proportion to)\b/i],
  [
    "money",
    /\bhow much (?:money\b|.*\b(?:cost|costs|pay|paid|spend|spent|spending|charge|charged|worth|raise|raised|sell|sold|earn|earned|price|priced|invest|invested|investing|putting|put|fund|funded|funding|lose|lost|save|saved|fine|fined)\b)|\b(?:what|how much) (?:is|was|are|were|'s) the (?:\w+ )?(?:price|cost|fee|salary|valuation|revenue)\b|多少钱|价格|售价|价钱|费用|成本|估值|多少美元|多少元|卖多少|花了多少|省多少/i,
  ],
  [
    "percentage",
    /\bwhat (?:percentage|percent|share|proportion|fraction)\b|\bhow much of\b|百分之|百分比|比例|占比|几成|\bhow much (?:smaller|larger|bigger|faster|slower|cheaper|higher|lower)\b|\bhow many times (?:faster|slower|larger|bigger|smaller|more|cheaper)\b|(?:小|大|快|慢|提升|提高|降低|减少|增加|增长|缩小|下降|上涨)了?多少倍?|多少倍/i,
  ],
  // "how often", "多久碰一次头": a rate ("every three weeks"), not a span of time.
  [
    "frequency",
    /\bhow (?:often|frequently)\b|\bhow many times (?:a|an|per|each) \w+|多久[^？?，,。；;]{0,10}一次|多长时间[^？?，,。；;]{0,10}一次|每隔多久|多频繁|频率|几天一次|一(?:天|周|个?月|年)几次/i,
  ],
  [
    "duration",
    /\bhow long\b|\bover what (?:period|time|span|timeframe)\b|\bwhat (?:period|timeframe|time frame)\b|\bfor how many (?:days|weeks|months|years|hours|minutes)\b|多久|多长时间|多长期限|多少天|几天|几个月|几年|多少年|多少小时|几个小时|多少分钟|多少秒/i,
  ],
  ["distance", /\bhow (?:far|high|tall|deep)\b|多远|多高|多深|多长的距离|多少公里/i],
  [
    "quantity",
    /\bhow (?:many|much|big|large|fast|heavy|old)\b|\bwhat (?:size|number|speed|capacity)\b|\bwhich (?:anniversary|version|generation)\b|多少|几个|几家|几位|几种|几次|几款|几名|多大|多重|多快|多少个|第几|多频繁/i,
  ],
  [
    "date",
    /(?:^|[,;:]\s*|\band\s+)when\s+(?:does|did|is|was|will|were|are|has|have|do|can|could|would|should|and)\b|\bwhat (?:year|date|day|month|time)\b|\bwhich (?:years?|dates?|days?|months?)\b|什么时候|何时|哪一年|哪年|几月|哪天|哪一天|几号|哪个月/i,
  ],
  // "where" as the question word (not "the city where …"), 哪里 / 在哪 / 什么地方.
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
    /\bwhat is the name\b|\bname of\b|\bcalled\b|\bwhich (?:company|companies|firm|startup|brand|product|model|tool|app|library|framework|university|country|city|bank|banks|team|lab|project|language|service|platform)\b|\bwhat (?:company|companies|firm|startup|brand|product|model|tool|app|library|framework|university|country|city|bank|banks)\b|叫什么|哪家|哪个牌子|什么牌子|哪个品牌|哪款|哪个公司|哪所|哪个国家|哪座|哪所大学|什么名字/i,
  ],
  ["reason", /\bwhy\b|\bwhat (?:caused|made|led)\b|\bfor what reason\b|为什么|为何|什么原因|原因是|怎么会/i],
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
  for (const part of parts) {
    const type = askedPatterns.find(([, pattern]) => pattern.test(part))?.[0];
    if (type !== undefined && !types.includes(type)) types.push(type);
  }
  return types.length === 0 ? ["other"] : types;
}

export function askedTypeOf(question: string): AskedType {
  return askedTypesOf(question)[0]!;
}

// Words after "how many"/"what"/"which" that name no real thing: the head is the word after them.
const headSkip = new Set(
  "of the a an is are was were does did do has have had its their his her in on at to for by with more most other new".split(
    " ",
  ),
);

/**
 * A verb's past form after the noun phrase ends it: "which SSH server written in Rust" asks about a
 * server. Regular forms end in -ed; the irregular participles come from english-verbs-irregular.
 */
let participlePattern: string | undefined;
function participles(): string {
  if (participlePattern !== undefined) return participlePattern;
  const irregular = new Set<string>();
  // [past, past participle] per conjugation; both end a noun phrase ("which company sold", "which
  // tool written"). Without the list, regular forms still end it.
  for (const conjugations of Object.values(irregularVerbs()))
    for (const forms of conjugations)
      for (const form of forms) if (/^[a-z]+$/.test(form)) irregular.add(form);
  participlePattern = ["[a-z]+ed", ...irregular].join("|");
  return participlePattern;
}

// Nouns naming the kind of figure asked rather than what it measures.
const figureKindNouns = new Set(
  "范围 数量 数目 数字 数值 水平 程度 情况 区间 时间 时长 上限 下限 总数 总量 比例".split(" "),
);
// Words that say how the figure holds, not what it measures.
const figureQualifiers = new Set([
  "默认",
  "预计",
  "估计",
  "大约",
  "总共",
  "一共",
  "目前",
  "现在",
  "分别",
  "平均",
]);

/**
 * The noun the asked value is about: "how many volumes" → volumes, "what license" → license,
 * "多少种语言" → 语言, "多少服务器费用" → 服务器费用. Empty when the question names none.
 */
export function headTokensOf(question: string): string[] {
  const heads: string[] = [];
  // English: the noun phrase after the question word, up to its verb; its last word is the head
  // ("which self-driving company did…" → company; "how many staff writers" → writers), and after
  // "kinds of"/"number of", the noun that follows.
  const english = question.match(
    new RegExp(
      String.raw`\b(?:how many|how much|what|which|whose)\s+((?:[A-Za-z][\w-]*\s+){0,3}?[A-Za-z][\w-]*)(?=\s+(?:is|are|was|were|does|do|did|has|have|had|will|would|can|could|should|to|in|on|at|for|from|with|by|that|came|come|went|get|got|${participles()})\b|\s*[?,]|$)`,
      "i",
    ),
  );
  // A span that opens with a verb ("what do new capitalists need") has no noun head.
  if (
    english?.[1] &&
    !/^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/i.test(english[1])
  ) {
    const words = english[1].toLowerCase().split(/\s+/);
    const afterOf = words.lastIndexOf("of");
    const phrase = afterOf >= 0 ? words.slice(afterOf + 1) : words;
    const head = phrase[phrase.length - 1];
    if (
      head !== undefined &&
      !headSkip.has(head) &&
      !/^(?:is|are|was|were|does|did|do|has|have|had)$/.test(head)
    )
      heads.push(head);
  }
  // "How large a bounty did …", "how big was the fine": the noun measured.
  const measured =
    question.match(
      /\bhow (?:large|big|high|long|heavy|fast|wide|deep|old|tall|far)\s+an?\s+((?:[A-Za-z][\w-]*\s+){0,2}?[A-Za-z][\w-]*)(?=\s+(?:did|does|do|is|was|were|will|has|have|had|can|could)\b)/i,
    ) ??
    question.match(
      /\bhow (?:large|big|high|heavy|fast|wide|deep|old|tall|far)\s+(?:is|was|are|were|will)\s+(?:the|its|their|his|her)\s+((?:[A-Za-z][\w-]*\s+){0,2}?[A-Za-z][\w-]*)(?=\s*[?,]|\s+(?:be|of|for|in|on|at|from|that)\b|$)/i,
    );
  if (measured?.[1]) {
    const head = measured[1].toLowerCase().split(/\s+/).pop()!;
    if (!headSkip.has(head)) heads.push(head);
  }
  // A unit right after 多少 that ends the question ("多少流明？", "多少毫安？"): the answer gives it.
  const unit = question.match(/多少([\u4e00-\u9fff]{1,3})\s*[？?]?\s*$/u)?.[1];
  if (unit !== undefined && !/^(?:钱|人|次|个|年|天|岁)$/u.test(unit)) heads.push(unit);
  // "薪资范围是多少？", "最大大小默认是多少？": the noun before 是/有/为 多少 is what is measured.
  const measuredBefore = question.match(/([\u4e00-\u9fff]{2,8})(?:是|有|为|约为|大约是)多少[？?]?\s*$/u)?.[1];
  if (measuredBefore !== undefined) {
    // A Chinese compound ends in its head ("工厂规划产能" is a capacity); a word naming only the
    // kind of figure ("薪资范围": a range) leaves the noun before it.
    // Jieba's tags out of context are loose (产能 comes as a verb, 大小 as "b"), so any noun, verb or
    // attribute word counts, less the few verbs that qualify the figure ("默认是多少", "预计有多少").
    const nouns = tagWords(measuredBefore.split("的").at(-1)!).filter(
      (word) =>
        /^(?:n|v|b)/.test(word.tag) &&
        word.word.length >= 2 &&
        !figureKindNouns.has(word.word) &&
        !figureQualifiers.has(word.word),
    );
    const noun = nouns.at(-1);
    if (noun !== undefined) heads.push(noun.word);
  }
  // Chinese: the first noun jieba tags right after 多少/几/哪/什么 (and a measure word), or 谁的.
  for (const match of question.matchAll(
    /(?:多少|几|哪|什么|谁的)(?:种|个|家|位|款|名|次|项|条|台|面|件|篇|部|颗|些)?([\u4e00-\u9fff]{1,6})/gu,
  )) {
    // Any noun tag: out of context jieba tags 卫星 as a person's name (nr).
    const first = tagWords(match[1]!)[0];
    if (first !== undefined && /^n/.test(first.tag) && first.word.length >= 2) heads.push(first.word);
  }
  const generic = new Set([
    "time",
    "thing",
    "things",
    "way",
    "kind",
    "type",
    "one",
    "ones",
    "happen",
    "happened",
    "意思",
    "东西",
    "时候",
    "关系",
    "kind",
    "kinds",
    "type",
    "types",
    "sort",
  ]);
  return [
    ...new Set(
      heads
        .filter((head) => !generic.has(head))
        .flatMap((head) => tokenize(head))
        // Folded too: "what happens to …" names no noun ("happens" folds to "happen").
        .filter((token) => !generic.has(token))
        .filter((token) => token.length > 1 || /[\u4e00-\u9fff]/u.test(token)),
    ),
  ];
}

/** Numbers written in a text, normalised ("4,183.8" → "4183.8"), for comparing with the question's. */
export function numbersIn(text: string): string[] {
  return [...text.normalize("NFKC").matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((match) =>
    match[0].replace(/,/g, ""),
  );
}

// A version or model written next to a name: "Python 3.14", "Model Y", "M4 Pro", "Kimi K3", "GPT-1".
const versionPattern =
  /\b[A-Z][\w.]*(?:[-\s](?:\d[\w.]*|[A-Z]\d?\b|[A-Z]\d\w*))+(?:\s(?:Pro|Max|Mini|Ultra|Plus|Lite|Flash|Flash-Lite))*\b|\b[A-Za-z]+\d[\w.-]*(?:\s(?:Pro|Max|Mini|Ultra|Plus|Lite))*\b|\b\d[\w.]*[A-Za-z]\w*\b/g;

/**
 * The specifics a question is about, each of which an answer must mention: quoted phrases,
 * versions and model names, names, and numbers (with their unit, such as "70B").
 */
export function specificsOf(question: string, isKnownWord?: (word: string) => boolean): Specific[] {
  const specifics: Specific[] = [];
  const seen = new Set<string>();
  const add = (text: string, kind: Specific["kind"]) => {
    // A month and year ("May 2026") is a time reference, which filters or ranks issues by date
    // (time-reference.ts); it is not a word the answer must hold.
    if (monthAndYear.test(text) || monthNamesInFull.includes(text.toLowerCase())) return;
    // A class noun jieba tags as a place or name (城市, 公司) names no particular thing.
    if (classNouns.has(text)) return;
    const tokens = tokenize(text);
    const key = tokens.join(" ");
    if (tokens.length === 0 || seen.has(key)) return;
    // A specific inside one already found ("Kimi" within "Kimi K3") adds nothing.
    if (specifics.some((other) => tokens.every((token) => other.tokens.includes(token)))) return;
    seen.add(key);
    specifics.push({ text, tokens, kind });
  };
  const normalised = question.normalize("NFKC");
  for (const match of normalised.matchAll(/["“「『《]([^"”」』》]{2,60})["”」』》]/g))
    add(match[1]!, "quoted");
  // A share the question names ("the top 10% versus the top 1%") tells one passage from another.
  for (const match of normalised.matchAll(/(?<![\w.])\d+(?:\.\d+)?\s?%/g)) add(match[0], "number");
  for (const match of normalised.matchAll(versionPattern)) {
    const text = match[0].trim();
    if (/\d/.test(text) || /\s/.test(text)) add(text, /^\d[\d,.]*$/.test(text) ? "number" : "version");
  }
  // Capitalised runs are one name each ("Ethan Mollick"); a sentence's first word only when it is
  // capitalised inside too (TikTok) or followed by another capitalised word.
  for (const match of normalised.matchAll(
    /\b[A-Z][A-Za-z0-9_\u00C0-\u024F&'’.-]*(?:\s+[A-Z][A-Za-z0-9_\u00C0-\u024F&'’.-]*)*/gu,
  )) {
    // A possessive ends a name: "Anthropic's IPO" is Anthropic and its IPO, two things to find.
    const runs = match[0].split(/(?<=['’]s)\s+/u);
    for (const [index, run] of runs.entries()) {
      const words = run
        .split(/\s+/)
        .filter((word) => !commonLeadWords.has(word.toLowerCase()) && !compoundAdjective.test(word));
      if (words.length === 0) continue;
      const atStart = index === 0 && normalised.slice(0, match.index).trim() === "";
      if (atStart && words.length === 1 && !/[A-Z]/.test(words[0]!.slice(1)) && run === words[0]) continue;
      add(words.join(" "), "name");
    }
  }
  // Identifiers joined by underscores ("flutter_luakit_plugin", "cand_invalid_descendants").
  for (const match of normalised.matchAll(/(?<![\w.@#/-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w@/-])/g))
    add(match[0], "name");
  // Names written in lower case with a dot: sites and packages ("harmon.ai", "debug.com", "node.js").
  for (const match of normalised.matchAll(
    /\b[a-z][\w-]*\.(?:ai|com|io|js|dev|org|net|app|co|rs|py|sh|so|me|cn)\b/g,
  ))
    add(match[0], "site");
  for (const name of properNouns(normalised))
    if (/[\u3400-\u9fff]/u.test(name) && !chineseQuestionWords.test(name)) add(name, "name");
  // A lower-case word no English dictionary knows ("libconsensus", "miniupnp", "kubeadm") is a
  // project's or a tool's name: the answer must be about it. Shorter words only without a vowel
  // ("btcd", "npm"): the dictionary lacks many short English words ("amid", "died").
  if (isKnownWord !== undefined)
    for (const match of normalised.matchAll(/(?<![\w.@#/-])[a-z][a-z0-9]{2,}(?![\w.@/-])/g))
      if ((match[0].length >= 5 || !/[aeiouy]/.test(match[0])) && !isKnownWord(match[0]))
        add(match[0], "name");
  return specifics;
}

const monthAndYear =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d$/i;

// Jieba sometimes tags a question phrase as a name ("多少钱").
const chineseQuestionWords = /多少|什么|哪|谁|几|怎么|如何|为何/u;

// "AI-generated", "Rust-based", "China-made": a name joined to a lower-case word describes a thing
// (an adjective) and names nothing an answer must hold.
const compoundAdjective = /^\p{Lu}[\p{L}\d]*(?:-\p{Ll}{3,})+$/u;

// Capitalised words that open questions or clauses and name nothing.
const commonLeadWords = new Set(
  "what which who whom whose when where why how is are was were does do did can could will would has have had should the a an in on at for of and but or if as by with from to after before according i".split(
    " ",
  ),
);

// Nouns that name a class of named things: "which firm", "哪家公司" ask for a name.
const classNouns = new Set(
  "company compani firm startup brand product model tool app library framework university countri country city bank team lab project language service platform person people researcher investor founder ceo website site game chip device phone car browser editor engine database newsletter book author manufacturer maker carmaker 公司 品牌 牌子 大学 国家 城市 银行 平台 产品 模型 工具 网站 厂商 机构 团队 项目".split(
    " ",
  ),
);

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
    !/^(?:the )?(?:name|price|cost|reason|date|number|difference|point)\b/i.test(english[1])
  )
    return english[1].trim();
  const chinese = question.match(
    /^\s*(?:[^，,？?]{0,20}?的)?([^，,？?的]{2,30}?)\s*(?:这个\S{0,4}|这款\S{0,4}|这项\S{0,4})?(?:其实|到底|究竟)?是(?:做什么的|用来做什么的|干什么的|什么|个什么|一个什么|一种什么|怎样的)(?!关系|原因|时候|时间|意思|区别|不同|差别|价格|态度|立场|角色|情况|问题)/u,
  );
  return chinese?.[1]?.trim() || null;
}

/**
 * `isKnownWord` (an English dictionary) lets lower-case names no dictionary holds count as
 * specifics; without it only capitalised, versioned, quoted and Chinese names do.
 */
export function analyzeQuestion(question: string, isKnownWord?: (word: string) => boolean): QuestionAnalysis {
  let askedTypes = askedTypesOf(question);
  const headTokens = headTokensOf(question);
  if (askedTypes[0] === "other" && headTokens.some((token) => classNouns.has(token))) askedTypes = ["name"];
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
  };
}

const ownedHeadPattern = /\bwhose\s+[a-z]|谁的[\u4e00-\u9fff]/iu;

/** The English fold of a word, for callers comparing raw words with search tokens. */
export const foldWord = (word: string): string => foldEnglish(word.toLowerCase());
