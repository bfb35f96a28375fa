import { loadCedict } from "../lexicon/cedict.ts";
import { loadEnglishForms } from "../paraphrase/english-forms.ts";
import { loadWordNet } from "../paraphrase/wordnet.ts";
import { isTaughtName } from "../text/segment.ts";

// English's closed classes, which WordNet (nouns, verbs, adjectives, adverbs) does not hold.
const functionWords = new Set(
  (
    "about above across after against along although among amongst around because before behind below beneath beside besides between beyond during except inside into nearby neither onto opposite outside over since than though through throughout toward towards under underneath unless unlike until upon versus whereas whether which while whilst whose within without " +
    "their theirs there these those they them itself himself herself themselves ourselves yourself yourselves whoever whatever whichever whenever wherever could would should might shall " +
    "anything something everything nothing anyone someone everyone nobody anybody somebody everybody anywhere somewhere everywhere nowhere " +
    "myself mine yours ours hers another either whom whose onto amid via per else " +
    "a an the and or but nor if of to in on at by for from with as is am are was were be been has have had do does did " +
    "i you he she it we my your his her our its him us what when where how why who this that not no yes"
  ).split(" "),
);

// Everyday tech words newer than WordNet 3.0: words, not names, in running text.
const everydayTechWords = new Set(
  (
    "app apps plugin plugins addon addons blog blogs blogger email emails emoji emojis wifi online offline website websites webpage " +
    "webpages login logins logout signup podcast podcasts smartphone smartphones selfie livestream livestreams hashtag hashtags " +
    "ebook ebooks chatbot chatbots touchscreen username usernames homepage inbox spam"
  ).split(" "),
);

/**
 * Whether English knows a word: WordNet holds it or one of its dictionary forms ("removed" →
 * "remove"), or it is an irregular form. Used to tell a tool's lower-case name ("libconsensus",
 * "miniupnp") from an ordinary word. WordNet loads on first use (its cache is shared with
 * paraphrase search). WordNet predates some everyday tech words ("plugin"): those count as names
 * too, which costs nothing when the brief uses the asker's word, and measured neutral on the three
 * question sets (185 questions) while turning "which version removed libconsensus?" from a wrong
 * answer about another removal into a partial one.
 */
export function isKnownEnglishWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (functionWords.has(lower) || everydayTechWords.has(lower)) return true;
  const wordnet = loadWordNet();
  const forms = loadEnglishForms();
  if (forms.variants(lower).length > 0) return true;
  return forms.baseForms(lower).some((form) => wordnet.senses(form).length > 0);
}

/**
 * Whether a word is an everyday word of English (`isKnownEnglishWord`) or of Chinese: one CC-CEDICT
 * holds as a common word, not a name, and no glossary or store taught as a name. jieba's dictionary
 * tags some common words as names (卫星, 塞进 and 孤儿 as people, 比特 of 比特币), which a question
 * would otherwise require its answer to hold.
 */
export function isKnownWord(word: string): boolean {
  if (!/[\u3400-\u9fff]/u.test(word)) return isKnownEnglishWord(word);
  if (isTaughtName(word)) return false;
  const entry = loadCedict().lookup(word);
  return entry !== undefined && !entry.proper;
}
