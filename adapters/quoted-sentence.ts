import type { Answer, Citation } from "../src/answer/answer-types.ts";
import { normalizeForDuplicate } from "../src/text/normalize.ts";
import { splitIntoSentences } from "../src/text/split-into-sentences.ts";

/**
 * The one sentence of a cited passage that shows the answer's evidence, for the quote under
 * each source line (Telegram's expandable blockquote, Slack's context line). Pure.
 */

/**
 * Longest quote shown under a source. About two long English sentences or one long Chinese
 * paragraph: enough to judge the evidence, short enough that ten sources fit one message.
 */
export const QUOTE_LENGTH_LIMIT = 320;

/**
 * The passage sentence that shares the most character pairs with the answer sentences citing
 * `[n]` (character pairs work the same for English and Chinese); the passage's first sentence
 * when no answer sentence cites it. Trimmed to `QUOTE_LENGTH_LIMIT` with an ellipsis.
 */
export function quotedSentence(answer: Pick<Answer, "text">, citation: Citation): string {
  const sentences = splitIntoSentences(citation.quote.trim());
  if (sentences.length === 0) return "";
  const citing = citingText(answerSentences(answer), citation.n);
  // A line that only points at the source ("The same item in the Chinese edition: [2]") shares
  // nothing with it: the whole answer says what the quote should show (its numbers and names).
  const best =
    citing === ""
      ? { sentence: sentences[0] ?? "", score: 0 }
      : closestSentence(sentences, citing).score > 0
        ? closestSentence(sentences, citing)
        : closestSentence(sentences, answer.text);
  return clip(best.sentence.replace(/\s+/g, " ").trim(), QUOTE_LENGTH_LIMIT);
}

function closestSentence(sentences: readonly string[], text: string): { sentence: string; score: number } {
  const answerPairs = characterPairs(text);
  let best = { sentence: sentences[0] ?? "", score: -1 };
  for (const sentence of sentences) {
    const pairs = characterPairs(sentence);
    if (pairs.size === 0) continue;
    let shared = 0;
    for (const pair of pairs) if (answerPairs.has(pair)) shared += 1;
    // Shared pairs, with a small length factor so a one-word fragment does not win on ratio.
    const score = shared / Math.sqrt(pairs.size);
    if (score > best.score) best = { sentence, score };
  }
  return best;
}

// An answer is split into sentences once, however many sources it cites.
const sentencesByAnswer = new WeakMap<object, string[]>();

function answerSentences(answer: Pick<Answer, "text">): string[] {
  let sentences = sentencesByAnswer.get(answer);
  if (sentences === undefined) {
    // A marker follows the sentence it cites ("… 125 peers. [1]"): the splitter leaves it at the
    // start of the next one, or alone; it goes back to its sentence.
    const joined: string[] = [];
    for (const sentence of splitIntoSentences(answer.text)) {
      const leading = /^((?:\[\d+\]\s*)+)(.*)$/su.exec(sentence);
      if (leading !== null && joined.length > 0) {
        joined[joined.length - 1] += ` ${leading[1]!.trim()}`;
        if (leading[2]!.trim() !== "") joined.push(leading[2]!.trim());
      } else joined.push(sentence);
    }
    // A marker cites the sentences since the one before it that carries a marker ("S1. S2. [1]").
    sentences = [];
    let since: string[] = [];
    for (const sentence of joined) {
      since.push(sentence);
      if (!/\[\d+\]/.test(sentence)) continue;
      sentences.push(since.join(" "));
      since = [];
    }
    sentencesByAnswer.set(answer, sentences);
  }
  return sentences;
}

/** The answer's sentences that carry the marker `[n]`, markers removed. */
function citingText(sentences: string[], n: number): string {
  const marker = `[${n}]`;
  return sentences
    .filter((sentence) => sentence.includes(marker))
    .map((sentence) => sentence.replace(/\[\d+\]/g, " "))
    .join(" ");
}

function characterPairs(text: string): Set<string> {
  const characters = Array.from(normalizeForDuplicate(text));
  const pairs = new Set<string>();
  for (let index = 0; index + 1 < characters.length; index++) {
    pairs.add(`${characters[index]}${characters[index + 1]}`);
  }
  return pairs;
}

/** Cut at a word boundary when there is one near the end; never inside a surrogate pair. */
export function clip(text: string, limit: number): string {
  const characters = Array.from(text);
  if (characters.length <= limit) return text;
  let kept = characters.slice(0, limit - 1).join("");
  const space = kept.lastIndexOf(" ");
  if (space > kept.length * 0.7) kept = kept.slice(0, space);
  return `${kept.trimEnd()}…`;
}
