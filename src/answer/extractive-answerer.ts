import { sentenceMatch } from "../retrieve/term-coverage.ts";
import type { TermStatistics } from "../retrieve/term-statistics.ts";
import type { RetrievedPassage } from "../store/chunk-record.ts";
import { cjkShare, tokenize } from "../text/segment.ts";
import { countUnits } from "../text/split-into-chunks.ts";
import { splitIntoSentences } from "../text/split-into-sentences.ts";
import { answerKindOf, sentenceHasKind } from "./answer-kind.ts";
import type { Answerer, AnswererInput, DraftAnswer } from "./answerer.ts";

/**
 * The offline answerer: quotes the sentences of the retrieved passages that best cover the
 * question (idf-weighted term coverage, a bonus when a sentence holds the kind of answer asked
 * for, such as a date for "when"), at most three, preferring the asker's language when a
 * sentence in it is nearly as good. Refuses when no sentence covers enough of the question.
 */

export interface ExtractiveOptions {
  statistics: () => TermStatistics;
  /** Least sentence coverage that counts as an answer. Default 0.2 (tuned on the dev set with the kind checks). */
  minimumCoverage?: number;
  /** Passages read, best first. Default 6. */
  passagesRead?: number;
  /** Longest answer, in size units (a Latin word or a Chinese character). Default 110. */
  maximumUnits?: number;
  /** Names the key entities of a passage in the asker's language, when the passage is in the other one. */
  glossEntities?:
    | ((text: string, targetLang: "en" | "zh") => Array<{ source: string; gloss: string }>)
    | undefined;
}

export interface ScoredSentence {
  passageIndex: number;
  position: number;
  text: string;
  coverage: number;
  score: number;
  lang: "en" | "zh";
  tokens: Set<string>;
  /** Question words found in the sentence or its story title, and how many the question has. */
  matched: number;
  asked: number;
}

/** Table rows and link listings read badly as answers: many cell bars, or mostly hashes and paths. */
export function looksLikeTableOrListing(text: string): boolean {
  if ((text.match(/\|/g)?.length ?? 0) >= 2) return true;
  // Image captions and credits ("Arm's CEO Rene Haas (Credit: VCG)") are not statements.
  if (/\((?:photo |image )?credits?:|^(?:photo|image|credit)s?:/i.test(text)) return true;
  const words = text.split(/\s+/);
  const machine = words.filter((word) => /^[0-9a-f]{10,}$|[/\\].*[/\\]|^https?:/i.test(word)).length;
  return words.length > 0 && machine / words.length > 0.3;
}

/**
 * Drops a source's own footnote markers ("[4][18]") so they do not read as our citations, and a
 * digest's item label ("Group 2 - ", "- ") so the quote starts with its subject.
 */
export function stripFootnoteMarkers(text: string): string {
  return text
    .replace(/\s*(\[\d{1,3}\])+/g, "")
    .replace(/^(?:(?:Group|Part|Item)\s*\d{1,2}\s*|Core Viewpoints?\s*|Key Points?\s*)?[-–—•]\s+/i, "")
    .trim();
}

export function scoreSentences(
  input: Pick<AnswererInput, "question" | "passages" | "queryTerms">,
  statistics: TermStatistics,
  passagesRead: number,
): ScoredSentence[] {
  const terms = input.queryTerms ?? tokenize(input.question).map((term) => ({ term, weight: 1 }));
  const kind = answerKindOf(input.question);
  const out: ScoredSentence[] = [];
  for (const [passageIndex, passage] of input.passages.slice(0, passagesRead).entries()) {
    const titleTokens = new Set(tokenize(passage.story));
    for (const [position, raw] of splitIntoSentences(passage.text).entries()) {
      const text = stripFootnoteMarkers(raw);
      const units = countUnits(text);
      if (units < 3 || looksLikeTableOrListing(text)) continue;
      const tokens = new Set(tokenize(text));
      const { coverage, matched, asked } = sentenceMatch(terms, tokens, titleTokens, statistics);
      let score = coverage + 0.04 / (passageIndex + 1);
      if (kind !== "other" && sentenceHasKind(text, kind, input.question)) score += 0.08;
      if (units > 80) score -= 0.05; // long sentences make poor answers
      out.push({
        matched,
        asked,
        passageIndex,
        position,
        text,
        coverage,
        score,
        lang: cjkShare(text) > 0.5 ? "zh" : "en",
        tokens,
      });
    }
  }
  return out.sort((left, right) => right.score - left.score);
}

export function createExtractiveAnswerer(options: ExtractiveOptions): Answerer {
  const minimumCoverage = options.minimumCoverage ?? 0.2;
  const passagesRead = options.passagesRead ?? 6;
  const maximumUnits = options.maximumUnits ?? 110;
  return {
    id: "extractive",
    async answer(input: AnswererInput): Promise<DraftAnswer> {
      const sentences = scoreSentences(input, options.statistics(), passagesRead);
      const best = sentences[0];
      const kind = answerKindOf(input.question);
      const hasKind = (sentence: ScoredSentence) =>
        kind === "other" || sentenceHasKind(sentence.text, kind, input.question);
      // A question of two or more words needs two of them together: one shared word ("对手",
      // "rival", or the name in "Who founded Pinduoduo?") is how an unrelated passage slips through.
      const relevant = (sentence: ScoredSentence) =>
        sentence.coverage >= minimumCoverage && (sentence.asked < 2 || sentence.matched >= 2);
      // The lead must also come close to the best coverage found.
      const bar = Math.max(minimumCoverage, (best?.coverage ?? 0) * 0.7);
      const onTopic = (sentence: ScoredSentence) => relevant(sentence) && sentence.coverage >= bar;
      const top = sentences.find(onTopic);
      if (top === undefined) return { answered: false, text: "", answerer: "extractive" };
      // The best sentence that passes the gate leads (the best overall may share one word only);
      // one in the asker's language is preferred when it is nearly as good.
      const inLanguage = sentences.find((sentence) => sentence.lang === input.lang && onTopic(sentence));
      const lead = inLanguage !== undefined && inLanguage.score >= top.score * 0.85 ? inLanguage : top;
      // Sentences that may join it: relevant on their own and nearly as good. One of the answer's
      // sentences must hold the kind of answer asked for ("when" a date, "how many" a number, "who"
      // a name the question does not give); a two-part question may find it in the second one.
      const eligible = sentences.filter(
        (sentence) => sentence !== lead && relevant(sentence) && sentence.score >= lead.score * 0.7,
      );
      const kindSentence = hasKind(lead) ? lead : eligible.find(hasKind);
      if (kindSentence === undefined) return { answered: false, text: "", answerer: "extractive" };
      const chosen: ScoredSentence[] = kindSentence === lead ? [lead] : [lead, kindSentence];
      let units = chosen.reduce((sum, sentence) => sum + countUnits(sentence.text), 0);
      const covered = new Set(chosen.flatMap((sentence) => [...sentence.tokens]));
      for (const candidate of eligible) {
        if (chosen.length >= 3) break;
        if (chosen.includes(candidate)) continue;
        const adds = [...candidate.tokens].filter((token) => !covered.has(token)).length;
        const candidateUnits = countUnits(candidate.text);
        if (adds < 3 || units + candidateUnits > maximumUnits) continue;
        if (chosen.some((sentence) => sentence.text === candidate.text)) continue;
        chosen.push(candidate);
        units += candidateUnits;
        for (const token of candidate.tokens) covered.add(token);
      }
      chosen.sort((left, right) => left.passageIndex - right.passageIndex || left.position - right.position);
      // Consecutive sentences from one passage share one marker, after the last of them.
      const text = chosen
        .map((sentence, index) =>
          chosen[index + 1]?.passageIndex === sentence.passageIndex
            ? sentence.text
            : `${sentence.text} [${sentence.passageIndex + 1}]`,
        )
        .join(" ");
      const asked = new Set((input.queryTerms ?? []).map((term) => term.term));
      return {
        answered: true,
        text: text + glossLine(chosen, input.lang, asked, options.glossEntities),
        answerer: "extractive",
      };
    },
  };
}

/**
 * When the quoted sentences are in the other language, a line naming the entities the question
 * is about in the asker's language ("关键名称：Gotion（国轩高科）"); the quotes stay original.
 */
function glossLine(
  chosen: ScoredSentence[],
  lang: "en" | "zh",
  asked: ReadonlySet<string>,
  glossEntities: ExtractiveOptions["glossEntities"],
): string {
  if (glossEntities === undefined) return "";
  const foreign = chosen.filter((sentence) => sentence.lang !== lang).map((sentence) => sentence.text);
  if (foreign.length === 0) return "";
  const seen = new Set<string>();
  const names: string[] = [];
  for (const entity of glossEntities(foreign.join(" "), lang)) {
    if (seen.has(entity.source) || names.length >= 4) continue;
    // Only names the question is about: they tell the asker how the passage refers to them.
    const related = [...tokenize(entity.source), ...tokenize(entity.gloss)].some((token) => asked.has(token));
    if (!related) continue;
    seen.add(entity.source);
    names.push(lang === "zh" ? `${entity.source}（${entity.gloss}）` : `${entity.source} (${entity.gloss})`);
  }
  if (names.length === 0) return "";
  return lang === "zh" ? `\n\n关键名称：${names.join("，")}` : `\n\nKey names: ${names.join(", ")}`;
}

export type { RetrievedPassage };
