/**
 * Whether a Chinese word reads as a person's name: a common surname and a short given name. Kept
 * apart from the romanisation (chinese-person-names.ts) so the segmenter can ask it too.
 */

// Surnames that rarely open an ordinary word in running text. Common surnames that are also
// everyday morphemes (高 "high", 方 "side", 时 "time", 金 "gold", 于 "at") are left out: jieba's
// unknown words starting with them are mostly not names (时才, 方在, 金服). (张 stays, though it is
// also a measure word: too many names have it; `functionCharacters` catches 张图.) Chosen by
// reading every unknown word jieba found in the shared archive that opens with a surname.
const singleSurnames = new Set(
  "王李张刘陈杨黄赵吴周徐孙马朱郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜叶苏魏吕沈姚卢姜崔钟谭陆汪廖贾夏韦傅邹孟熊秦邱尹薛闫段雷侯陶黎贺顾郝龚邵严覃戴孔倪庄聂岳翟殷詹耿俞祝舒阮纪裴霍骆靳鲍喻祁蒲滕饶",
);
const compoundSurnames = ["欧阳", "司马", "上官", "诸葛", "司徒", "东方", "慕容", "令狐", "皇甫", "尉迟"];

// Suffixes that make abstract nouns: -ness, -ize, degree, rate, sense, style, type, amount.
const nounSuffix = /[性化度率感式型量]$/u;

/** A word ending in a noun-forming suffix (严重性, 力度): an abstract noun, not a name. */
export function endsInNounSuffix(word: string): boolean {
  return nounSuffix.test(word);
}

// Characters that end a clause rather than a name ("张乾泽在"): a word holding one is not a name.
const functionCharacters = /[在了的是有和到会中里上下说把被让给对从为以可等来将都也就又还要图个]/u;

// Characters Chinese uses to spell foreign names (马斯克 Musk, 杜罗夫 Durov): such a name is not
// written in pinyin in English, so it is not romanised.
const transliterationCharacters = /[斯克夫尔德特姆罗拉维尼亚森伯蒂奥乌莱瑟塔茨兹卡]/u;

/** The surname a word opens with, when the rest reads as a given name of one or two characters. */
export function surnameOf(word: string): string | undefined {
  if (!/^[\u3400-\u9fff]{2,4}$/u.test(word)) return undefined;
  const compound = compoundSurnames.find((surname) => word.startsWith(surname));
  const surname = compound ?? (singleSurnames.has(word[0]!) ? word[0]! : undefined);
  if (surname === undefined) return undefined;
  const given = word.slice(surname.length);
  if (given.length < 1 || given.length > 2) return undefined;
  if (functionCharacters.test(given)) return undefined;
  // A word ending in a noun-forming suffix (严重性 "severity", 张力度) is a word, not a name.
  if (given.length === 2 && endsInNounSuffix(given)) return undefined;
  return surname;
}

/**
 * Whether a Chinese word the dictionaries do not hold reads as a person's name: 2–4 characters, a
 * common surname, a one- or two-character given name with no function word or transliteration
 * character in it.
 */
export function looksLikeChinesePersonName(word: string): boolean {
  const surname = surnameOf(word);
  return surname !== undefined && !transliterationCharacters.test(word.slice(surname.length));
}
