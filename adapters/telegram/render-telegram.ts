import type { Answer, Citation, RelatedStory } from "../../src/answer/answer-types.ts";
import {
  MESSAGE_PART_TARGET,
  type MessageLine,
  type MessageParagraph,
  packMessageParts,
} from "./split-message.ts";
import { escapeHtml, htmlBold, htmlLink } from "./telegram-html.ts";

/**
 * Answer → Telegram HTML messages. Pure: no I/O, so every formatting rule is unit-tested.
 * The answer text keeps its [n] markers; a numbered "Sources" list follows.
 */

const headings = {
  en: {
    sources: "Sources",
    related: "Related stories in the briefs",
    notCovered: "The briefs do not cover this.",
  },
  zh: { sources: "来源", related: "简报中的相关报道", notCovered: "简报中没有涉及这个问题。" },
} as const;

/** Render an answer as HTML parts, each short enough for one Telegram message. */
export function renderAnswer(answer: Answer, limit = MESSAGE_PART_TARGET): string[] {
  const words = headings[answer.lang] ?? headings.en;
  const paragraphs: MessageParagraph[] = [];
  const text = answer.text.trim();
  if (answer.answered) {
    paragraphs.push(...textParagraphs(text));
    const citations = uniqueCitations(answer.citations);
    if (citations.length > 0) {
      paragraphs.push([headingLine(words.sources), ...citations.map(sourceLine)]);
    }
  } else {
    paragraphs.push(...textParagraphs(text === "" ? words.notCovered : text));
    if (answer.related.length > 0) {
      paragraphs.push([headingLine(words.related), ...answer.related.map(relatedLine)]);
    }
  }
  return packMessageParts(paragraphs, limit);
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

/** `[n] publication — story, date`, the story linked when its URL is known. */
export function sourceLine(citation: Citation): MessageLine {
  const story = storyName(citation.story, citation.title);
  const date = citation.date === null ? "" : `, ${citation.date}`;
  return {
    html: `[${citation.n}] ${escapeHtml(citation.publication)} — ${htmlLink(story, citation.url)}${escapeHtml(date)}`,
    text: `[${citation.n}] ${citation.publication} — ${story}${date}`,
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
