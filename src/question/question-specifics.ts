import { isStopword, properNouns, tokenize } from "../text/segment.ts";
import type { Specific } from "./analyze-question.ts";
import { monthNamesInFull } from "./time-reference.ts";

/** The specifics of a question: the names, versions, numbers and quoted phrases an answer must hold. */

// A version or model written next to a name: "Python 3.14", "Model Y", "M4 Pro", "Kimi K3", "GPT-1",
// "iPhone 15 Pro". (Not "Niklas G" of "Niklas Gögge": a letter outside ASCII goes on with the word;
// nor "James O" of "James O'Beirne": a letter before an apostrophe and letters opens a name.)
const versionPattern =
  /\b(?:[A-Z]|[a-z]{1,3}[A-Z])[\w.]*(?:[-\s](?:\d[\w.]*|[A-Z]\d?\b(?!['’]\p{L})|[A-Z]\d\w*))+(?:\s(?:Pro|Max|Mini|Ultra|Plus|Lite|Flash|Flash-Lite))*\b(?!\p{Script=Latin})|\b[A-Za-z]+\d[\w.-]*(?:\s(?:Pro|Max|Mini|Ultra|Plus|Lite))*\b(?!\p{Script=Latin})|\b\d[\w.]*[A-Za-z]\w*\b(?!\p{Script=Latin})/gu;

/**
 * The specifics a question is about, each of which an answer must mention: quoted phrases,
 * versions and model names, names, and numbers (with their unit, such as "70B").
 */
export function specificsOf(question: string, isKnownWord?: (word: string) => boolean): Specific[] {
  const specifics: Specific[] = [];
  const seen = new Set<string>();
  // The specific added, if the text is one and not already held.
  const add = (text: string, kind: Specific["kind"]): Specific | undefined => {
    // A month and year ("May 2026") is a time reference, which filters or ranks issues by date
    // (time-reference.ts); it is not a word the answer must hold.
    if (monthAndYear.test(text) || monthNamesInFull.includes(text.toLowerCase())) return;
    // A class noun jieba tags as a place or name (城市, 公司), or capitalised ("正式版 App"), names no particular thing.
    if (classNouns.has(text.toLowerCase()) || classAcronyms.has(text)) return;
    const tokens = tokenize(text);
    const key = tokens.join(" ");
    if (tokens.length === 0 || seen.has(key)) return;
    // A specific inside one already found ("Kimi" within "Kimi K3") adds nothing.
    if (specifics.some((other) => tokens.every((token) => other.tokens.includes(token)))) return;
    seen.add(key);
    const specific: Specific = { text, tokens, kind };
    specifics.push(specific);
    return specific;
  };
  const normalised = question.normalize("NFKC");
  for (const match of normalised.matchAll(/["“「『《]([^"”」』》]{2,60})["”」』》]/g)) {
    // A long Chinese phrase in quotation marks paraphrases what the brief said ("过一段时间看 App
    // 还活着没") rather than naming a term or title: its words are searched, not required.
    const quoted = match[1]!;
    if (
      !match[0].startsWith("《") &&
      /[\u3400-\u9fff]/u.test(quoted) &&
      quoted.length > longestChineseQuotedTerm
    )
      continue;
    const added = add(quoted, "quoted");
    if (added !== undefined && match[0].startsWith("《")) added.titled = true;
  }
  // A share the question names ("the top 10% versus the top 1%") tells one passage from another.
  for (const match of normalised.matchAll(/(?<![\w.])\d+(?:\.\d+)?\s?%/g)) add(match[0], "number");
  for (const match of normalised.matchAll(versionPattern)) {
    const text = match[0].trim();
    // An ordinal ("99th-percentile", "July 29th") ranks or dates; it names no version.
    if (/(?:^|\s)\d+(?:st|nd|rd|th)$/iu.test(text)) continue;
    if (/\d/.test(text) || /\s/.test(text)) add(text, /^\d[\d,.]*$/.test(text) ? "number" : "version");
  }
  // A numbered change or issue ("HWI #795", "LND #8627"): the number tells it from the project's others.
  for (const match of normalised.matchAll(/(?<![\w&#])#\d{2,}\b/gu)) add(match[0], "number");
  // Capitalised runs are one name each ("Ethan Mollick"); a sentence's first word only when it is
  // capitalised inside too (TikTok) or followed by another capitalised word.
  // A name may open in lower case before its capital: iPhone, eBay, uBlock, macOS, gRPC.
  // "of" (and "of the") joins capitalised words into one name: "Google Summer of Code", "Bank of America".
  // "non-Apple Swift platforms" names no "Apple Swift".
  for (const match of normalised.matchAll(
    /(?<!\b(?:non|anti)-)\b(?:[A-Z]|[a-z]{1,3}[A-Z])[A-Za-z0-9_\u00C0-\u024F&'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?(?:[A-Z]|[a-z]{1,3}[A-Z])[A-Za-z0-9_\u00C0-\u024F&'’.-]*)*/gu,
  )) {
    // A possessive ends a name: "Anthropic's IPO" is Anthropic and its IPO, two things to find.
    const runs = match[0].split(/(?<=['’]s)\s+/u);
    for (const [index, run] of runs.entries()) {
      const raw = run.split(/\s+/);
      const words = raw.filter(
        (word, at) =>
          // (A lower-case "of"/"the" inside the run joins a name; capitalised, it opens a clause.)
          (/^(?:of|the)$/.test(word) && at > 0 && at < raw.length - 1) ||
          (!commonLeadWords.has(word.toLowerCase()) && !compoundAdjective.test(word)),
      );
      while (words.length > 0 && /^(?:of|the)$/.test(words[0]!)) words.shift();
      while (words.length > 0 && /^(?:of|the)$/.test(words[words.length - 1]!)) words.pop();
      if (words.length === 0) continue;
      // An acronym's plural names the same thing ("PRs" for "PR", "KEPs" for "KEP").
      for (const [at, word] of words.entries()) if (/^[A-Z]{2,}s$/.test(word)) words[at] = word.slice(0, -1);
      // (Chinese capitalises nothing: "Kickstarter 开源的…" opens with a name.)
      const atStart =
        index === 0 &&
        normalised.slice(0, match.index).trim() === "" &&
        !/^\s*[\u3400-\u9fff]/u.test(normalised.slice((match.index ?? 0) + match[0].length));
      if (atStart && words.length === 1 && !/[A-Z]/.test(words[0]!.slice(1)) && run === words[0]) continue;
      // "Kubernetes PR 129543": the reference word before a number belongs to the number.
      if (
        words.length > 1 &&
        referenceWords.has(words[words.length - 1]!.toLowerCase()) &&
        /^\s*#?\d/u.test(normalised.slice((match.index ?? 0) + match[0].length))
      )
        words.pop();
      const added = add(words.join(" "), "name");
      const written = added === undefined ? undefined : abbreviationWritten(added.text);
      if (added !== undefined && written !== undefined) added.written = written;
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
  // (A word the dictionary holds as a common word is none, whatever jieba tags it: see `isKnownWord`.)
  for (const name of properNouns(normalised))
    if (/[\u3400-\u9fff]/u.test(name) && !chineseQuestionWords.test(name) && !isKnownWord?.(name))
      add(name, "name");
  // A lower-case word no English dictionary knows ("libconsensus", "miniupnp", "kubeadm") is a
  // project's or a tool's name: the answer must be about it. Shorter words only without a vowel
  // ("btcd", "npm"): the dictionary lacks many short English words ("amid", "died").
  if (isKnownWord !== undefined)
    for (const match of normalised.matchAll(/(?<![\w.@#/-])[a-z][a-z0-9]{2,}(?![\w.@/-])/g))
      if ((match[0].length >= 5 || !/[aeiouy]/.test(match[0])) && !isKnownWord(match[0]))
        add(match[0], "name");
  return specifics;
}

/**
 * Characters of the longest Chinese phrase in quotation marks taken as a term the answer must hold:
 * 8, a long name or term (“生来全球化”, “honeymoon period” in Chinese); longer ones are the asker's
 * paraphrase of a clause.
 */
const longestChineseQuotedTerm = 8;

/**
 * How to find a capitalised abbreviation whose token is an everyday word ("US" folds to the pronoun
 * "us"): as written, case-sensitive; the United States also as "U.S.", "USA" or spelt out.
 */
function abbreviationWritten(text: string): string | undefined {
  if (
    !/^[A-Z](?:\.?[A-Z]){1,3}\.?$/.test(text) ||
    !tokenize(text).every((token) => isStopword(token) || token === "us")
  )
    return undefined;
  if (/^U\.?S\.?$/.test(text)) return "\\bU\\.?S\\.?(?:A\\b)?(?![a-z])|United States|\\bAmerican\\b";
  return `\\b${text.replace(/\./g, "\\.")}(?![a-z])`;
}

const monthAndYear =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d$/i;

// Jieba sometimes tags a question phrase as a name ("多少钱"), or an everyday noun as a place
// (东西, "thing", as East–West).
const chineseQuestionWords = /多少|什么|哪|谁|几|怎么|如何|为何|^东西$/u;

// "AI-generated", "Rust-based", "China-made": a name joined to a lower-case word describes a thing
// (an adjective) and names nothing an answer must hold.
const compoundAdjective = /^\p{Lu}[\p{L}\d]*(?:-\p{Ll}{3,})+$/u;

// Words naming a numbered reference ("PR 129543", "KEP 859", "BIP 388"), not part of a name before them.
const referenceWords = new Set(["pr", "prs", "issue", "kep", "bip", "cve", "rfc", "se", "pull"]);

// Capitalised words that open questions or clauses and name nothing.
const commonLeadWords = new Set(
  "what which who whom whose when where why how is are was were does do did can could will would has have had should the a an in on at for of and but or if as by with from to after before according i under per since during among between without within across through about against into over via besides unlike".split(
    " ",
  ),
);

// Acronyms that name a kind of thing, not one thing: "which OS versions" asks for macOS, iOS …;
// "the API server's CPU usage" is about a server, not a product called CPU; "a channel ID" is an
// identifier ("Short Channel Identifier"), "the URL" a link, "that PR" a pull request (a Chinese
// brief says 拉取请求); "PR 129543" is a reference, found by its number. So are a practice or a field
// ("CI automation" is told as GitHub Actions, "a VM" by its host). Not AI or ML: a question about a
// company's AI spending needs the word (measured: two dev answers lost with them).
const classAcronyms = new Set(
  "OS API APIs SDK UI CPU GPU CLI IDE ID IDs URL URLs PDF PDFs FAQ PR PRs CI CD VM VMs DB UX QA".split(" "),
);

// Nouns that name a class of named things: "which firm", "哪家公司" ask for a name.
export const classNouns = new Set(
  "company compani firm startup brand product model tool app library framework university countri country city bank team lab project language service platform person people researcher investor founder ceo website site game chip device phone car browser editor engine database newsletter book author manufacturer maker carmaker system os format protocol license licence compiler runtime camera directory folder plugin extension package 公司 品牌 牌子 大学 国家 城市 银行 平台 产品 模型 工具 网站 厂商 机构 团队 项目 框架 语言 编程语言 库 系统 操作系统 数据库 协议 格式 浏览器 编辑器 软件 应用 手机 相机 芯片 游戏 编译器 许可证 插件 目录 文件夹 路径 嘉宾 命令".split(
    " ",
  ),
);
