import { sentenceMatcher } from "../retrieve/term-coverage.ts";
import type { TermStatistics } from "../retrieve/term-statistics.ts";
import type { RetrievedPassage } from "../store/chunk-record.ts";
import type { WeightedTerm } from "../store/store.ts";
import { normalizeForMatch } from "../text/normalize.ts";
import { cjkShare, tokenize } from "../text/segment.ts";
import { countUnits } from "../text/split-into-chunks.ts";
import { splitIntoSentences } from "../text/split-into-sentences.ts";
import { questionLeadInUnits, rhetoricalQuestionUnits } from "./answer-tuning.ts";

/**
 * The sentences of the retrieved passages as an answer reads them: cleaned of a source's own
 * footnote markers and digest labels, with their tokens and how well each covers the question.
 */

export interface AnswerSentence {
  passageIndex: number;
  position: number;
  text: string;
  units: number;
  lang: "en" | "zh";
  tokens: Set<string>;
  /** Idf-weighted share of the question's words in the sentence (its story title at a quarter). */
  coverage: number;
  /** Question words found in the sentence or its story title, and how many the question has. */
  matched: number;
  asked: number;
  /** A heading, link title, interviewer's question or caption: never the lead of an answer. */
  unfitToLead: boolean;
  /** A question (an interviewer's "问：…", a heading that asks): never quoted as an answer. */
  asks: boolean;
}

/** Table rows and link listings read badly as answers: many cell bars, or mostly hashes and paths. */
export function looksLikeTableOrListing(text: string): boolean {
  if ((text.match(/\|/g)?.length ?? 0) >= 2) return true;
  // Image captions and credits ("Arm's CEO Rene Haas (Credit: VCG)") are not statements.
  if (/\((?:photo |image )?credits?:|^(?:photo|image|credit)s?:/i.test(text)) return true;
  // A subject line of emoji-marked teasers ("Anthropic eyes $2T+ IPO 💰, Slack Code 👨‍💻, …")
  // names stories; it states nothing about them.
  if ((text.match(/\p{Extended_Pictographic}/gu)?.length ?? 0) >= 2) return true;
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

/**
 * A sentence that must not lead an answer: a question (an interviewer's "问：…", a heading that
 * asks), the story's own title repeated as a heading, or a bare link title of a few words.
 */
const interviewerQuestion = /^\s*(?:问|Q|Question)\s*[:：]/i;
const endsAsQuestion = /[?？]\s*["”」』)）]?\s*$/;

export function isQuestionSentence(text: string): boolean {
  if (interviewerQuestion.test(text)) return true;
  if (!endsAsQuestion.test(text)) return false;
  // "…整了一个 OPPO 手机，手感很好，话说你用了多久 iPhone 了？": a statement that ends with an
  // aside to the reader states its facts; only a question with a short lead-in asks.
  const lastClause = text.search(/[^，,；;：:]*$/u);
  return countUnits(text.slice(0, lastClause)) <= questionLeadInUnits;
}

/**
 * An issue telling its own contents ("This week's newsletter summarizes a discussion about …, and
 * describes …", "Also included are our regular sections …", "本周周报介绍了…", "本期周刊包括…"):
 * it names every topic of the issue and tells none of them.
 */
const issueContents =
  /^\s*(?:this week['’]s (?:newsletter|issue|edition)\b|(?:this|today['’]s)\s+(?:newsletter|issue|edition|digest)\s+(?:summari[sz]es|includes|covers|describes|features|announces|looks at|links to|contains|examines)\b|in (?:this|today['’]s) (?:week['’]s )?(?:newsletter|issue|edition)\b[^.]{0,40}\b(?:we|you['’]ll)\b|also included (?:are|is) our\b)|^\s*(?:本周|本期)(?:的)?(?:周报|周刊|简报|通讯)?(?:将)?(?:介绍|总结|概述|包括|包含|讨论|描述)了?|^\s*本周的?(?:周报|新闻部分)|^\s*本期周报|^\s*此外，还包括我们的常规部分/iu;

/** Whether a sentence tells its issue's contents rather than any of them (see `issueContents`). */
export function listsIssueContents(text: string): boolean {
  return issueContents.test(text);
}

export function isUnfitToLead(text: string, storyTitle: string, issueTitle = ""): boolean {
  const trimmed = text.trim();
  if (isQuestionSentence(trimmed)) return true;
  if (issueContents.test(trimmed)) return true;
  const normalised = normalizeForMatch(trimmed).replace(/[\p{P}\s]+$/u, "");
  const titles = [storyTitle, issueTitle].map((title) =>
    normalizeForMatch(title).replace(/[\p{P}\s]+$/u, ""),
  );
  if (normalised !== "" && titles.includes(normalised)) return true;
  // A short line that does not end as a sentence is a heading or link title ("Node.js 19 Released").
  return countUnits(trimmed) <= 8 && !/[.。!！]["”」』)）]?$/.test(trimmed);
}

/**
 * A writer's own short question that the next sentence answers ("The only big downside? You
 * have to use a special font."): read as one sentence, so the reply carries the question's words.
 * An interviewer's "问：" stays apart (the reply is quoted without it).
 */
function joinRhetoricalQuestions(sentences: string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < sentences.length; index += 1) {
    const sentence = sentences[index]!;
    const next = sentences[index + 1];
    const rhetorical =
      endsAsQuestion.test(sentence) &&
      !interviewerQuestion.test(sentence) &&
      countUnits(sentence) <= rhetoricalQuestionUnits;
    if (rhetorical && next !== undefined && !isQuestionSentence(next)) {
      out.push(`${sentence.trim()} ${next.trim()}`);
      index += 1;
      continue;
    }
    out.push(sentence);
  }
  return out;
}

export function answerSentences(
  passages: RetrievedPassage[],
  terms: WeightedTerm[],
  statistics: TermStatistics,
  passagesRead: number,
): AnswerSentence[] {
  const out: AnswerSentence[] = [];
  const match = sentenceMatcher(terms, statistics);
  for (const [passageIndex, passage] of passages.slice(0, passagesRead).entries()) {
    const titleTokens = new Set(tokenize(passage.story));
    for (const [position, raw] of joinRhetoricalQuestions(splitIntoSentences(passage.text)).entries()) {
      const text = stripFootnoteMarkers(raw);
      const units = countUnits(text);
      if (units < 3 || looksLikeTableOrListing(text)) continue;
      const tokens = new Set(tokenize(text));
      const { coverage, matched, asked } = match(tokens, titleTokens);
      out.push({
        passageIndex,
        position,
        text,
        units,
        lang: cjkShare(text) > 0.5 ? "zh" : "en",
        tokens,
        coverage,
        matched,
        asked,
        unfitToLead: isUnfitToLead(text, passage.story, passage.title),
        asks: isQuestionSentence(text),
      });
    }
  }
  return out;
}
