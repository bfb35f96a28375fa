import type { Answer, Citation, RelatedStory } from "../../src/answer/answer-types.ts";
import { clip, quotedSentence } from "../quoted-sentence.ts";
import type { FixedTexts } from "../texts/fixed-texts.ts";
import {
  MESSAGE_PART_TARGET,
  type MessageLine,
  type MessageParagraph,
  packMessageParts,
} from "./split-message.ts";
import { escapeHtml, htmlBold, htmlLink } from "./telegram-html.ts";

/**
 * Answer → Telegram HTML messages. Pure: no I/O, so every formatting rule is unit-tested.
 * The answer text keeps its [n] markers; a numbered "Sources" list follows, each source with
 * the sentence it supports in an expandable blockquote (folded to a few lines on the client).
 * A partial answer (the core's `coverage`) keeps its sources; its text says what is missing, and
 * the keyboard offers the closest stories.
 */

/** Render an answer as HTML parts, each short enough for one Telegram message. */
export function renderAnswer(answer: Answer, texts: FixedTexts, limit = MESSAGE_PART_TARGET): string[] {
  const paragraphs: MessageParagraph[] = [];
  const text = answer.text.trim();
  const coverage = answer.coverage;
  if (coverage === "none") {
    paragraphs.push(...textParagraphs(text === "" ? texts.notCovered : text));
    if (answer.related.length > 0) {
      paragraphs.push([headingLine(texts.relatedHeading), ...answer.related.map(relatedLine)]);
    }
    return packMessageParts(paragraphs, limit);
  }
  paragraphs.push(...textParagraphs(text));
  const citations = uniqueCitations(answer.citations);
  if (citations.length > 0) {
    paragraphs.push([
      headingLine(texts.sourcesHeading),
      ...citations.map((citation) => sourceLine(citation, quotedSentence(answer, citation))),
    ]);
  }
  return packMessageParts(paragraphs, limit);
}

/** "More sources": every cited passage in full (up to `passageLimit`), one expandable quote each. */
export function renderFullPassages(
  citations: Citation[],
  texts: FixedTexts,
  passageLimit = FULL_PASSAGE_LIMIT,
): string[] {
  const lines = uniqueCitations(citations).map((citation) =>
    sourceLine(
      citation,
      clip((citation.passage ?? citation.quote).replace(/\s+/g, " ").trim(), passageLimit),
    ),
  );
  return packMessageParts([[headingLine(texts.moreSourcesHeading), ...lines]]);
}

/** "Closest stories": the related stories, linked. */
export function renderClosestStories(related: RelatedStory[], texts: FixedTexts): string[] {
  return packMessageParts([[headingLine(texts.closestStoriesHeading), ...related.map(relatedLine)]]);
}

/**
 * A passage shown by "More sources" is cut here: a chunk is at most a few paragraphs, and ten
 * of them at this length still fit in three messages.
 */
export const FULL_PASSAGE_LIMIT = 1200;

/** Streaming preview: the text so far, escaped like the final message, in one part. */
export function renderDraft(textSoFar: string): string {
  return textParagraphs(textSoFar)
    .map((paragraph) => paragraph.map((line) => line.html).join("\n"))
    .join("\n\n");
}

/** Plain text (any length) → escaped paragraphs of lines, for answers, drafts and command texts. */
export function textParagraphs(text: string): MessageParagraph[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "")
    .map((paragraph) => paragraph.split("\n").map((line) => plainLine(line.trimEnd())));
}

/** A line of escaped text. */
export function plainLine(text: string): MessageLine {
  return { html: escapeHtml(text), text };
}

/** A bold heading line. */
export function headingLine(text: string): MessageLine {
  return { html: htmlBold(text), text };
}

/**
 * `[n] publication — story, date`, the story linked when its URL is known, and under it the
 * quoted sentence in an expandable blockquote when there is one.
 */
export function sourceLine(citation: Citation, quote = ""): MessageLine {
  const story = storyName(citation.story, citation.title);
  const date = citation.date === null ? "" : `, ${citation.date}`;
  const head = `[${citation.n}] ${escapeHtml(citation.publication)} — ${htmlLink(story, citation.url)}${escapeHtml(date)}`;
  const headText = `[${citation.n}] ${citation.publication} — ${story}${date}`;
  if (quote === "") return { html: head, text: headText };
  return {
    html: `${head}\n<blockquote expandable>${escapeHtml(quote)}</blockquote>`,
    text: `${headText}\n“${quote}”`,
  };
}

/** `• publication — story, date` for stories offered when the briefs do not cover a question. */
export function relatedLine(related: RelatedStory): MessageLine {
  const story = storyName(related.story, related.title);
  const date = related.date === null ? "" : `, ${related.date}`;
  return {
    html: `• ${escapeHtml(related.publication)} — ${htmlLink(story, related.url)}${escapeHtml(date)}`,
    text: `• ${related.publication} — ${story}${date}`,
  };
}

function storyName(story: string, title: string): string {
  const trimmed = story.trim();
  return trimmed === "" ? title.trim() : trimmed;
}

// The core numbers citations; several passages may share a number only by mistake, so show each once.
function uniqueCitations(citations: Citation[]): Citation[] {
  const seen = new Set<number>();
  return [...citations]
    .sort((left, right) => left.n - right.n)
    .filter((citation) => {
      if (seen.has(citation.n)) return false;
      seen.add(citation.n);
      return true;
    });
}
