import type { ChunkPassage } from "../store/chunk-record.ts";
import type { ChunkStore, StoredDocument } from "../store/store.ts";
import { splitIntoSentences } from "../text/split-into-sentences.ts";
import { ANSWER_CHARACTER_CAP } from "../text/text-limits.ts";
import { twinAnchorShare, twinMinimumAnchors, twinStoryAnchorShare } from "./answer-tuning.ts";
import type { Answer } from "./answer-types.ts";
import { citationOf } from "./citation-of.ts";

/**
 * Newsletters published in two languages (an English issue and its Chinese translation, same
 * publication, same date): a full answer quoted from one edition also cites the same item in the
 * other, so a bilingual reader has the wording of both and can open either issue. The item is
 * found by what a translation keeps unchanged — numbers, pull-request and BIP numbers, names and
 * identifiers written in Latin letters — never by words.
 */

/** The issue in the other language published as the same issue: same publication, date and number. */
export function editionTwin(
  document: StoredDocument,
  documents: readonly StoredDocument[],
): StoredDocument | undefined {
  if (document.date === null || document.lang === "mixed") return undefined;
  return documents.find(
    (other) =>
      other.docId !== document.docId &&
      other.publication === document.publication &&
      other.date === document.date &&
      other.lang !== "mixed" &&
      other.lang !== document.lang &&
      (other.issueNumber === null ||
        document.issueNumber === null ||
        other.issueNumber === document.issueNumber),
  );
}

const latinToken = /(?:--|[#$])?[A-Za-z0-9][A-Za-z0-9_\-./]*[A-Za-z0-9]|[#$]?[A-Za-z0-9]/g;

/**
 * What a translation of `text` keeps: in Chinese text every Latin word and number; in English
 * text numbers and words a translation leaves in Latin letters — with a digit, sign, leading `--`
 * or capital (not a sentence's first word, capitalised anyway), which are names and identifiers
 * rather than plain words.
 */
export function translationAnchors(text: string, lang: "en" | "zh" | "mixed"): Set<string> {
  const anchors = new Set<string>();
  for (const sentence of splitIntoSentences(text)) {
    let first = true;
    for (const match of sentence.matchAll(latinToken)) {
      const token = match[0];
      const identifier = /[0-9#$_]|^--/.test(token) || /[A-Z]/.test(first ? token.slice(1) : token);
      first = false;
      if (lang === "en" && !identifier) continue;
      anchors.add(token.toLowerCase());
    }
  }
  return anchors;
}

/**
 * The sentences of `passages` that tell what `anchors` were taken from: the sentence sharing the
 * most of them (enough of them), widened within its passage (one story) to every sentence that
 * shares any — a translation splits and joins sentences, so the item's telling is a span.
 */
export function matchingSentence(
  anchors: ReadonlySet<string>,
  passages: readonly ChunkPassage[],
): { passage: ChunkPassage; sentence: string } | undefined {
  if (anchors.size < twinMinimumAnchors) return undefined;
  let best: { passage: ChunkPassage; sentences: string[]; shared: Set<string>[]; at: number } | undefined;
  for (const passage of passages) {
    const sentences = splitIntoSentences(passage.text);
    const shared = sentences.map(
      (sentence) => new Set([...translationAnchors(sentence, "zh")].filter((anchor) => anchors.has(anchor))),
    );
    for (let at = 0; at < sentences.length; at += 1)
      if (shared[at]!.size > (best === undefined ? 0 : best.shared[best.at]!.size))
        best = { passage, sentences, shared, at };
  }
  if (best === undefined || best.shared[best.at]!.size < twinMinimumAnchors) return undefined;
  const { at, sentences, shared } = best;
  let first = at;
  let last = at;
  for (let index = 0; index < sentences.length; index += 1) {
    if (shared[index]!.size === 0) continue;
    first = Math.min(first, index);
    last = Math.max(last, index);
  }
  const held = new Set(shared.slice(first, last + 1).flatMap((set) => [...set]));
  if (held.size < twinAnchorShare * anchors.size) return undefined;
  // Chinese sentences run on without a space, as written.
  const joint = best.passage.lang === "zh" ? "" : " ";
  return { passage: best.passage, sentence: sentences.slice(first, last + 1).join(joint) };
}

/**
 * A quote with too few anchors of its own ("a node only selects up to 3 peers…"): among the
 * other edition's passages with a sentence holding every anchor of the quote, the one sharing
 * the most anchors of the whole quoted passage (its story title and text, as the same item holds
 * them in both editions) — at least `twinMinimumAnchors` and `twinStoryAnchorShare` of them, and
 * more than any other such passage, for a tie is no telling which item it is. Undefined for a quote with no anchor at all.
 */
async function sentenceInMatchingStory(
  quote: string,
  quoteAnchors: ReadonlySet<string>,
  leadId: string,
  lang: "en" | "zh" | "mixed",
  twinPassages: readonly ChunkPassage[],
  store: Pick<ChunkStore, "passagesByIds">,
): Promise<{ passage: ChunkPassage; sentence: string } | undefined> {
  if (quoteAnchors.size === 0 || quoteAnchors.size >= twinMinimumAnchors) return undefined;
  const [lead] = await store.passagesByIds([leadId]);
  if (lead === undefined) return undefined;
  const storyAnchors = translationAnchors(`${lead.story}\n${lead.text}`, lang);
  // Where the quote sits in its passage: a name held by several sentences of the item (its
  // opening and the one quoted) is told again where the translation keeps the order.
  const leadSentences = splitIntoSentences(lead.text);
  const quoteAt = Math.max(
    0,
    leadSentences.findIndex((sentence) => quoteSentencesHold(sentence, quote)),
  );
  const quotePlace = quoteAt / Math.max(1, leadSentences.length - 1);
  const ranked: Array<{ passage: ChunkPassage; sentence: string; shared: number }> = [];
  for (const passage of twinPassages) {
    const sentences = splitIntoSentences(passage.text);
    let sentence: string | undefined;
    let distance = Number.POSITIVE_INFINITY;
    sentences.forEach((candidate, at) => {
      const held = translationAnchors(candidate, "zh");
      if (![...quoteAnchors].every((anchor) => held.has(anchor))) return;
      const away = Math.abs(at / Math.max(1, sentences.length - 1) - quotePlace);
      if (away < distance) {
        sentence = candidate;
        distance = away;
      }
    });
    if (sentence === undefined) continue;
    const held = translationAnchors(`${passage.story}\n${passage.text}`, "zh");
    ranked.push({ passage, sentence, shared: [...storyAnchors].filter((anchor) => held.has(anchor)).length });
  }
  ranked.sort((a, b) => b.shared - a.shared);
  const [best, runnerUp] = ranked;
  if (
    best === undefined ||
    best.shared < Math.max(twinMinimumAnchors, twinStoryAnchorShare * storyAnchors.size) ||
    best.shared === runnerUp?.shared
  )
    return undefined;
  return { passage: best.passage, sentence: best.sentence };
}

/** Whether a sentence of the passage is (part of) the quote, which may be trimmed or joined. */
function quoteSentencesHold(sentence: string, quote: string): boolean {
  const head = sentence.slice(0, 40);
  return quote.includes(head) || sentence.includes(quote.replace(/…$/, "").slice(0, 40));
}

const editionNames = {
  en: { en: "English", zh: "Chinese" },
  zh: { en: "英文版", zh: "中文版" },
} as const;

/**
 * `answer` with the lead citation's item in the other-language edition added as a citation, when
 * the store holds that edition and one of its sentences keeps enough of the quote's anchors.
 */
export async function withEditionTwin(
  answer: Answer,
  documents: () => Promise<readonly StoredDocument[]>,
  store: Pick<ChunkStore, "chunkIdsOf" | "passagesByIds">,
): Promise<Answer> {
  const lead = answer.citations[0];
  if (!answer.answered || lead === undefined) return answer;
  // (The issue list is read only for a full answer: refusals and partial replies cite no twin.)
  const all = await documents();
  const document = all.find((candidate) => candidate.docId === lead.docId);
  if (document === undefined) return answer;
  const twin = editionTwin(document, all);
  if (twin === undefined || answer.citations.some((citation) => citation.docId === twin.docId)) return answer;
  const ids = (await store.chunkIdsOf([twin.docId])).get(twin.docId);
  if (ids === undefined || ids.size === 0) return answer;
  const twinPassages = await store.passagesByIds([...ids]);
  const quoteAnchors = translationAnchors(lead.quote, document.lang);
  const found =
    matchingSentence(quoteAnchors, twinPassages) ??
    (await sentenceInMatchingStory(lead.quote, quoteAnchors, lead.id, document.lang, twinPassages, store));
  if (found === undefined) return answer;
  const n = answer.citations.length + 1;
  const twinLang = twin.lang === "zh" ? "zh" : "en";
  const line =
    answer.lang === "zh"
      ? `${editionNames.zh[twinLang]}的同一条目：[${n}]`
      : `The same item in the ${editionNames.en[twinLang]} edition: [${n}]`;
  // Every text stays within the cap platforms are sized for.
  if (answer.text.length + line.length + 1 > ANSWER_CHARACTER_CAP) return answer;
  return {
    ...answer,
    text: `${answer.text}\n${line}`,
    citations: [...answer.citations, citationOf(n, found.passage, found.sentence)],
  };
}
