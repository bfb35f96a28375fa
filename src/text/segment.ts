import { endsInNounSuffix, looksLikeChinesePersonName } from "./chinese-surnames.ts";
import { maxMemoRuns, searchWords, segmenterGeneration, taggedChineseWords } from "./jieba-words.ts";

export {
  addSegmenterWords,
  addTaughtNames,
  isTaughtName,
  segmenterGeneration,
  segmentWords,
  tagWords,
  taughtNamesIn,
} from "./jieba-words.ts";

/**
 * Word segmentation for search. LanceDB's full-text tokenizer keeps a whole run of Chinese
 * characters as one token, so we segment here (jieba, bundled dictionary) and index the
 * space-joined tokens with LanceDB's whitespace tokenizer. Queries go through the same function.
 */

const cjkRun = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/u;
// Latin words keep inner apostrophes, dots and hyphens ("o1-mini", "node.js", "Musk's").
const tokenPattern = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

const englishStopwords = new Set(
  (
    "a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those " +
    "there their they them he she his her we our you your i me my do does did done not no so than then too very can could " +
    "will would should shall may might must has have had having what which who whom whose when where why how about into " +
    "over after before also just only such any all each other some more most much many up out off s t"
  ).split(" "),
);

const chineseStopwords = new Set(
  "的 了 过 着 是 在 和 与 及 或 也 都 就 而 又 被 把 对 从 为 以 之 于 其 这 那 这个 那个 一个 有 没有 不 吗 呢 吧 啊 什么 哪 哪些 哪个 哪家 怎么 如何 多少 几 我 你 他 她 它 我们 你们 他们 会 能 要 说 等 个 中 上 下 里".split(
    " ",
  ),
);

export function isStopword(token: string): boolean {
  return englishStopwords.has(token) || chineseStopwords.has(token);
}

/** Light English suffix folding so "launches"/"launched"/"launch" meet. Deliberately conservative. */
export function foldEnglish(word: string): string {
  let w = word.replace(/['’]s$/, "");
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("es") && /(ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is"))
    w = w.slice(0, -1);
  return w;
}

export interface TokenizeOptions {
  /** Drop stopwords (queries, and the index alike). Default true. */
  dropStopwords?: boolean;
}

/**
 * Search tokens of a text: lower-cased, NFKC-normalised, English words folded, Chinese runs
 * segmented in jieba's search mode (which also emits the shorter words inside long ones, so
 * "超级计算机" is found by "计算机").
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const dropStopwords = options.dropStopwords ?? true;
  // An ingest tokenizes each passage twice in a row (its glosses, then its hashed vector).
  const last = lastTokenized;
  if (
    last !== undefined &&
    last.text === text &&
    last.dropStopwords === dropStopwords &&
    (!last.segmented || last.generation === segmenterGeneration())
  ) {
    return [...last.tokens];
  }
  const tokens: string[] = [];
  let segmented = false;
  const normalised = text.normalize("NFKC").toLowerCase();
  for (const match of normalised.matchAll(tokenPattern)) {
    const piece = match[0];
    if (cjkRun.test(piece)) {
      segmented = true;
      for (const word of searchWords(piece)) {
        if (dropStopwords && chineseStopwords.has(word)) continue;
        tokens.push(word);
      }
    } else {
      for (const token of latinPieceTokens(piece, dropStopwords)) tokens.push(token);
    }
  }
  lastTokenized = {
    text,
    dropStopwords,
    segmented,
    generation: segmenterGeneration() ?? -1,
    tokens: [...tokens],
  };
  return tokens;
}

/**
 * The tokens of a word without Chinese characters, remembered (they depend on nothing else): an
 * archive has ~20 thousand distinct words among a few hundred thousand.
 */
function latinPieceTokens(piece: string, dropStopwords: boolean): readonly string[] {
  const memo = dropStopwords ? latinTokensWithoutStopwords : latinTokensWithStopwords;
  let tokens = memo.get(piece);
  if (tokens === undefined) {
    tokens = tokenizeLatinPiece(piece, dropStopwords);
    if (memo.size >= maxMemoRuns) memo.clear();
    memo.set(piece, tokens);
  }
  return tokens;
}

const latinTokensWithoutStopwords = new Map<string, readonly string[]>();
const latinTokensWithStopwords = new Map<string, readonly string[]>();

function tokenizeLatinPiece(piece: string, dropStopwords: boolean): string[] {
  if (dropStopwords && englishStopwords.has(piece)) return [];
  const parts = piece.split(/[-–]/);
  // "paid-course" must meet "paid courses": plain hyphenated words become their parts; names
  // with digits or one-letter parts ("gpt-4o", "o1-mini", "x-ray") stay whole, parts added.
  if (parts.length > 1) {
    const tokens: string[] = [];
    const plain = parts.every((part) => /^\p{L}{2,}$/u.test(part));
    if (!plain) tokens.push(foldEnglish(piece));
    for (const part of parts)
      if (part && !(dropStopwords && englishStopwords.has(part))) tokens.push(foldEnglish(part));
    return tokens;
  }
  return [foldEnglish(piece)];
}

/** The last text `tokenize` was given and its tokens (a copy, since callers may change theirs). */
let lastTokenized:
  | { text: string; dropStopwords: boolean; segmented: boolean; generation: number; tokens: string[] }
  | undefined;

/** Share of CJK characters among letters; used for language detection and size budgets. */
export function cjkShare(text: string): number {
  let cjk = 0;
  let letters = 0;
  // By code unit, with a regular expression only for letters outside ASCII and CJK (a regular
  // expression per character was 2 s of a 7 MB ingest).
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) {
      cjk += 1;
      letters += 1;
    } else if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) letters += 0.2; // ~5 Latin letters carry what one Hanzi does
    } else {
      const codePoint = text.codePointAt(index) ?? code;
      if (codePoint > 0xffff) index += 1;
      if (letterPattern.test(String.fromCodePoint(codePoint))) letters += 0.2;
    }
  }
  return letters === 0 ? 0 : cjk / letters;
}

const letterPattern = /\p{L}/u;

/** "zh" when Chinese dominates, "en" when Latin does, "mixed" between. */
export function detectLanguage(text: string): "en" | "zh" | "mixed" {
  const share = cjkShare(text);
  if (share >= 0.7) return "zh";
  if (share <= 0.2) return "en";
  return "mixed";
}

const commonCapitalised = new Set(
  "the a an this that these those it its in on at for of and but or if when while as by with from to after before during since according however meanwhile also then there here what which who why how group source chinese english".split(
    " ",
  ),
);

/**
 * Chinese place names in a text: words jieba tags as places (ns), or as people's names (nr), which
 * out of context it gives foreign places too (夏威夷); not brands or other names (nz, nt).
 */
export function chinesePlaceNames(text: string): string[] {
  return taggedChineseWords(text.normalize("NFKC"), (tag) => tag === "ns" || tag === "nr");
}

/**
 * Chinese people's names in a text: words jieba tags as people's names (nr, which includes foreign
 * names written in characters, 奥巴马), or unknown words that read as one (杨植麟).
 */
export function chinesePersonNames(text: string): string[] {
  return taggedChineseWords(
    text.normalize("NFKC"),
    (tag, word) => (tag === "nr" && !abstractNounAsName(tag, word)) || unknownPersonName(tag, word),
  );
}

// jieba tags some abstract nouns as people ("严重性" severity, as surname 严 + 重性): a word of three
// characters ending in a noun-forming suffix is not a person's name.
function abstractNounAsName(tag: string, word: string): boolean {
  return tag.startsWith("nr") && /^[\u3400-\u9fff]{3}$/u.test(word) && endsInNounSuffix(word);
}

/** jieba tags a word its dictionary lacks "x": a person's name among them (杨植麟, 雷军) is one. */
function unknownPersonName(tag: string, word: string): boolean {
  return tag === "x" && looksLikeChinesePersonName(word);
}

// "Ledger has published …", "Stripe announced …": a singular word with no article doing what
// organisations do is a name, though it opens the sentence ("The ledger has …" would need one).
const organisationVerb =
  /^\s+(?:has\s+|had\s+)?(?:just\s+)?(?:published|announced|released|launched|acquired|introduced|unveiled|open-sourced|shipped|raised)\b/u;

function actsAsOrganisation(word: string, after: string): boolean {
  const lower = word.toLowerCase();
  return (
    !/s$/u.test(lower) &&
    !commonCapitalised.has(lower) &&
    !subjectPronouns.has(lower) &&
    organisationVerb.test(after)
  );
}

const subjectPronouns = new Set(
  "i you he she we they one everyone someone somebody nobody anyone".split(" "),
);

/**
 * Names in a text, lower-cased: capitalised Latin words that are not common words, and Chinese
 * words jieba tags as person, place, organisation or other proper noun, or reads as a person's name
 * though its dictionary lacks it. A heuristic, used to
 * tell whether a sentence names someone a "who" question asks for.
 */
export function properNouns(text: string): string[] {
  const tags = /^(nr|ns|nt|nz)/;
  const names: string[] = [];
  const normalised = text.normalize("NFKC");
  for (const match of normalised.matchAll(/\b[A-Z][\p{L}\p{N}&'’.-]*[\p{L}\p{N}]|\b[A-Z]\b/gu)) {
    const word = match[0];
    const before = normalised.slice(0, match.index).trimEnd();
    // A capital after a sentence end is just grammar, unless the word is capitalised inside too (TikTok, SMIC).
    const sentenceStart = before === "" || /[.!?:;"“‘(—–-]$/.test(before);
    // Chinese capitalises nothing: a Latin word opening a Chinese sentence ("Braiins 宣布…") is a name.
    const inChinese = /^\s*[\u3400-\u9fff]/u.test(normalised.slice((match.index ?? 0) + word.length));
    if (
      sentenceStart &&
      !inChinese &&
      !/[A-Z]/.test(word.slice(1)) &&
      !actsAsOrganisation(word, normalised.slice((match.index ?? 0) + word.length))
    )
      continue;
    if (!commonCapitalised.has(word.toLowerCase())) names.push(foldEnglish(word.toLowerCase()));
  }
  names.push(
    ...taggedChineseWords(
      normalised,
      (tag, word) => (tags.test(tag) && !abstractNounAsName(tag, word)) || unknownPersonName(tag, word),
    ),
  );
  return names;
}
