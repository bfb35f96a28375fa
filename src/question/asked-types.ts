import type { AskedType } from "./analyze-question.ts";

/**
 * What type of value a question asks for — money, a share, a count, a span of time, a date, a
 * place, a person… — read from its question words, English and Chinese, most specific first. Part
 * of question analysis (analyze-question.ts).
 */

/** "By (roughly) how much": the size of a change is asked. */
export const byHowMuch = /\bby (?:roughly |about |approximately |around |exactly )?how much\b/i;

/** The two answers a question offers: "accepted or rejected", "开源还是闭源". */
export const choiceAsked =
  /^\s*(?:is|are|was|were|does|do|did|will|would|has|have|had)\b[^?？]*?\b([a-z][\w-]+)\s+or\s+([a-z][\w-]+)\s*[?？]?\s*$|([\u4e00-\u9fff]{1,4})还是([\u4e00-\u9fff]{1,4})(?:的|呢)?\s*[?？]?\s*$/iu;

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
    /\bhow much (?:money\b|.*\b(?:cost|costs|pay|paid|spend|spent|spending|charge|charged|worth|raise|raised|sell|sold|earn|earned|price|priced|invest|invested|investing|putting|put|fund|funded|funding|lose|lost|save|saved|fine|fined)\b)|\b(?:what|how much) (?:is|was|are|were|'s) the (?:\w+ )?(?:price|cost|fee|salary|valuation|revenue)\b|多少钱|价格|售价|价钱|费用|成本|估值|多少美元|多少元|卖多少|花了多少(?!年|个?月|天|周|星期|个?小时|分钟|秒|时间|功夫|精力)|省多少(?!\s*[A-Za-z]|\s*(?:个|字节|时间|空间|内存|流量|电量|秒|分钟|小时|天|倍|%))|[原定特优惠折]价(?:是|为)?多少/i,
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
    /\bhow (?:many|much|big|large|fast|heavy|old)\b|\bwhat (?:size|number|speed|capacity)\b|\bwhat (?:is|was|are|were|'s) the (?:[\w-]+ ){0,3}(?:length|size|capacity|count|total|limit)\b|\bto what (?:value|level|number|amount|size|limit)\b|\bwhich (?:anniversary|version|generation)\b|\b(?:which|what) (?:[\w.-]+ ){0,2}versions?\b|多少|几个|几家|几位|几种|几次|几款|几名|几(?:条|项|台|件|篇|部|辆|张|本|颗|枚|座|所|门|点|步|层|块|句|首|集|期)|多大|多重|多快|多少个|第几|多频繁|多高的|\bhow high\b|哪一?个?[^，。？?！!、]{0,20}?版本/i,
  ],
  [
    "date",
    /(?:^|[,;:]\s*|\band\s+)when\s+(?:does|did|is|was|will|were|are|has|have|do|can|could|would|should|and)\b|\bwhat (?:exact |precise |specific |particular )?(?:year|date|day|month|time)s?\b|\bwhat (?:is|was|are|were|'s) the (?:[\w-]+ )?(?:deadline|due date|cutoff date|cut-off date|start date|end date|release date|launch date|closing date)s?\b|\bby what date\b|截止(?:日期|时间)|截至哪天|期限是哪天|\bwhich (?:years?|dates?|days?|months?)\b|什么时候|何时|哪一年|哪年|几月|哪天|哪一天|哪几天|哪几年|几号|哪个月|几点|什么时刻/i,
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
  // "Was the proposal accepted or rejected?", "是开源还是闭源的？": one of the two answers it.
  ["choice", choiceAsked],
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
