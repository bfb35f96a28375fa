import { irregularVerbs, loadEnglishForms } from "../paraphrase/english-forms.ts";
import { tagWords, tokenize } from "../text/segment.ts";
import { classNouns } from "./question-specifics.ts";

/** The asked noun of a question: what the asked value is about ("how many volumes" → volumes). */

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
  "范围 数量 数目 数字 数值 水平 程度 情况 区间 时间 时长 上限 下限 总数 总量 比例 总额 金额 数额 规模 额度".split(
    " ",
  ),
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
  // "Which programming language's feature …": the possessor is what is asked for.
  // "the order in which namespace contents are removed": "which" after a noun and its preposition
  // opens a relative clause and asks for nothing ("In which city …" at the start still asks).
  const asking = question.replace(
    /([\p{L}\d])\s+(?:in|by|to|of|from|through|with|on|at|for|under|during|after|before)\s+which\b/giu,
    "$1",
  );
  const english = asking.match(
    new RegExp(
      String.raw`\b(?:how many|how much|what|which|whose)\s+((?:[A-Za-z][\w-]*\s+){0,3}?[A-Za-z][\w-]*)(?=\s+(?:is|are|was|were|does|do|did|has|have|had|will|would|can|could|should|to|in|on|at|for|from|with|by|per|each|every|that|came|come|went|get|got|${participles()})\b|\s*[?,]|['’]s\s|$)`,
      "i",
    ),
  );
  // A span that opens with a verb ("what do new capitalists need") has no noun head.
  if (
    english?.[1] &&
    !/^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/i.test(english[1]) &&
    // "What changed for …", "what happened after …": a verb in the past, no noun.
    !pastTenseVerb(english[1])
  ) {
    const words = english[1].toLowerCase().split(/\s+/);
    const afterOf = words.lastIndexOf("of");
    const phrase = afterOf >= 0 ? words.slice(afterOf + 1) : words;
    // "which language popular for Android": an adjective after the noun qualifies it.
    while (phrase.length > 1 && postpositiveAdjectives.has(phrase[phrase.length - 1]!)) phrase.pop();
    // "Which setting turns on …", "which flag switches off …": a verb with its particle follows
    // the noun.
    const after = asking.slice((english.index ?? 0) + english[0].length);
    if (
      phrase.length > 1 &&
      /s$/.test(phrase[phrase.length - 1]!) &&
      /^\s+(?:on|off|up|out|down)\b/i.test(after)
    )
      phrase.pop();
    const head = phrase[phrase.length - 1];
    if (
      head !== undefined &&
      !headSkip.has(head) &&
      !/^(?:is|are|was|were|does|did|do|has|have|had)$/.test(head)
    )
      heads.push(head);
  }
  // "Which Ingress versions fix …": a plural noun a present verb follows, which the pattern above
  // cannot tell from the noun phrase; versions and releases are asked for by that noun.
  if (heads.length === 0) {
    const versions = question.match(/\b(?:which|what)\s+(?:[\w.-]+\s+){0,2}?(versions|releases)\b/i)?.[1];
    if (versions !== undefined) heads.push(versions.toLowerCase());
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
        // A rate (成功率, 费率) is the figure itself: the noun before it is what it measures.
        !/率$/u.test(word.word) &&
        !figureQualifiers.has(word.word),
    );
    const noun = nouns.at(-1);
    if (noun !== undefined) heads.push(noun.word);
  }
  // Chinese: the first noun jieba tags right after 多少/几/哪/什么 (and a measure word), or 谁的.
  for (const match of question.matchAll(
    /(?:多少|几|哪|什么|谁的)(?:种|个|家|位|款|名|次|项|条|台|面|件|篇|部|颗|些)?([\u4e00-\u9fff]{1,8})/gu,
  )) {
    // Any noun tag: out of context jieba tags 卫星 as a person's name (nr). An adjective before it
    // is passed over ("哪些新平台" asks for platforms).
    let words = tagWords(match[1]!);
    // "什么类型的工具", "哪方面的支持": a word for a kind or an aspect asks about the noun after 的;
    // so does a modifier of a class of named things ("哪个自带的终端命令" asks for a command, not
    // for 自带) — but "哪些型号的设备", "哪些颜色的外壳" ask for the models and the colours.
    if (
      words[1]?.word === "的" &&
      (kindWords.has(words[0]?.word ?? "") || words.slice(2).some((word) => classNouns.has(word.word)))
    )
      words = words.slice(2);
    const start = words[0]?.tag === "a" ? 1 : 0;
    let end = start;
    while (end < words.length && /^n/.test(words[end]!.tag) && words[end]!.word.length >= 2) end += 1;
    // A compound ending in a generic word ("哪个云端桌面方案": a 方案 of the cloud-desktop kind)
    // names nothing the answer must repeat; one ending in a class noun is that class ("什么原生
    // 工具": a 工具); otherwise the first noun is the head (jieba tags some verbs as nouns:
    // "哪家公司开源的" asks for a 公司).
    const run = words.slice(start, end);
    const head = [...run].reverse().find((word) => classNouns.has(word.word)) ?? run[0];
    if (head !== undefined && !chineseGenericHeads.has(words[end - 1]!.word)) heads.push(head.word);
  }
  // Nouns that name no thing an answer must mention: "what way", "什么方式" and "什么原因" ask how
  // or why, and the sentence answering tells the way or the reason without the word; "what parts
  // is it split into" is answered by its "sections" or "modules".
  const generic = new Set([
    ...kindWords,
    ...chineseGenericHeads,
    "date",
    "time",
    "thing",
    "things",
    "way",
    "ways",
    "method",
    "methods",
    "means",
    "approach",
    "manner",
    "reason",
    "reasons",
    // "to what end", "for what purpose": a reason, told without the word.
    "end",
    "purpose",
    "part",
    "parts",
    "piece",
    "pieces",
    "kind",
    "kinds",
    "type",
    "types",
    "sort",
    "one",
    "ones",
    "happen",
    "happened",
    // "What change did X make", "what problem does it solve", "哪些信息": the answer tells the
    // change, the problem or the facts, seldom with the word.
    "change",
    "changes",
    "problem",
    "problems",
    "information",
    "info",
    "detail",
    "details",
    // "What technology", "哪些功能", "to what value": told by naming it (React Native, iCloud, 114),
    // seldom with the word.
    "technology",
    "technologies",
    "feature",
    "features",
    "value",
    "values",
    "技术",
    "功能",
    // "What new capabilities", "带来了什么新能力": told by what it can do, not the word.
    "capability",
    "capabilities",
    "能力",
    "特性",
    // "聊了哪些话题", "what topics did they cover": told by naming them ("讨论了包管理器的设计、…").
    "topic",
    "topics",
    "话题",
    // "In what situation", "有什么劣势": the answer tells the case or the drawback, not the word.
    "situation",
    "situations",
    "circumstance",
    "circumstances",
    "scenario",
    "scenarios",
    "drawback",
    "drawbacks",
    "downside",
    "downsides",
    "劣势",
    "缺点",
    "优势",
    "优点",
    "好处",
    "坏处",
    "不足",
    "弊端",
    "意思",
    "东西",
    "时候",
    "关系",
    "方式",
    "方法",
    "办法",
    "手段",
    "途径",
    "原因",
    "理由",
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

/** A single word that is a verb's past form ("changed", "went"), not a noun ending in -ed ("speed"). */
function pastTenseVerb(span: string): boolean {
  const word = span.toLowerCase();
  if (!/^[a-z]+$/.test(word)) return false;
  for (const [base, conjugations] of Object.entries(irregularVerbs()))
    if (base !== word && conjugations.some((forms) => forms.includes(word))) return true;
  return (
    /ed$/.test(word) &&
    loadEnglishForms()
      .baseForms(word)
      .some((base) => base !== word && word.startsWith(base.slice(0, -1)))
  );
}

// Chinese words for a kind, sort or aspect of something ("什么类型", "哪方面"): no thing an answer names.
const kindWords: ReadonlySet<string> = new Set(["类型", "种类", "类别", "方面", "领域", "样子", "性质"]);

// Adjectives that follow the noun they qualify in a question ("which tool available for Linux",
// "the company responsible for …").
const postpositiveAdjectives: ReadonlySet<string> = new Set(
  "popular available responsible used known common suitable similar able capable famous necessary needed required involved affected mentioned based built designed meant intended aimed best".split(
    " ",
  ),
);

// Chinese heads that name no thing an answer repeats: a plan, a line of business, an approach.
const chineseGenericHeads: ReadonlySet<string> = new Set([
  "方案",
  "业务",
  "办法",
  "方式",
  "方法",
  "手段",
  "途径",
  "问题",
  "信息",
  "内容",
  "变化",
  "改动",
  "变更",
  "细节",
]);
