/**
 * Answer → Slack message. Pure: no I/O, no Bolt. The answer body is a `markdown` block (Slack
 * renders standard Markdown there, Chinese next to emphasis included); sources are compact
 * context lines, each with the sentence it supports; 👍/👎 are `feedback_buttons` in a
 * `context_actions` block. Every fixed text comes from the asker's `FixedTexts`.
 */

import type { Answer, Citation, RelatedStory } from "../../src/answer/answer-types.ts";
import { quotedSentence } from "../quoted-sentence.ts";
import { splitPlainText } from "../telegram/split-message.ts";
import type { FixedTexts } from "../texts/fixed-texts.ts";
import { encodeFeedbackReference, type FeedbackReference, feedbackActionId } from "./feedback-reference.ts";
import { escapeMrkdwn, isLinkableUrl, mrkdwnLink } from "./mrkdwn.ts";
import {
  type ContextActionsBlock,
  type ContextBlock,
  type MarkdownBlock,
  type SectionBlock,
  type SlackBlock,
  type SlackMessage,
  slackLimits,
} from "./slack-blocks.ts";
import { splitText, truncateMrkdwn } from "./split-text.ts";

/** Leaves headroom under Slack's 3000 so a trailing "…" always fits. */
const sectionTextBudget = slackLimits.sectionText - 100;
/** Under the 12,000 markdown characters of a message, with room for the streaming " …". */
const markdownBudget = slackLimits.markdownText - 500;
/** The `text` fallback is only read in notifications and by screen readers; keep it short. */
const fallbackTextBudget = 3500;
/** A single source line longer than this is a broken title, not information. */
const sourceLabelBudget = 300;

/** Options for `renderAnswer`. */
export interface RenderOptions {
  /** What the feedback buttons carry back (see `encodeFeedbackReference`); no buttons when omitted. */
  feedback?: FeedbackReference | undefined;
}

/** The final message for an answer, within Slack's block and length limits. */
export function renderAnswer(answer: Answer, texts: FixedTexts, options: RenderOptions = {}): SlackMessage {
  const covered = isCovered(answer);
  const bodyText = covered ? answer.text : answer.text.trim() || texts.notCovered;
  const trailer = answerTrailer(answer, texts, options);
  const body = bodyBlocks(bodyText, Math.max(1, slackLimits.blocksPerMessage - trailer.length));
  return { text: fallbackText(answer, texts, bodyText, covered), blocks: [...body, ...trailer] };
}

/** Sources (or related stories) and the feedback buttons: what follows the answer body. */
export function answerTrailer(answer: Answer, texts: FixedTexts, options: RenderOptions = {}): SlackBlock[] {
  const covered = isCovered(answer);
  const trailer: SlackBlock[] = [];
  if (covered && answer.citations.length > 0) {
    trailer.push({ type: "divider" });
    trailer.push(
      ...contextBlocks(
        answer.citations.map((citation) => citationLine(citation, quotedSentence(answer, citation))),
      ),
    );
  }
  if (answer.related.length > 0) {
    const heading = covered ? texts.closestStoriesHeading : texts.relatedHeading;
    trailer.push(section(`*${escapeMrkdwn(heading)}*`));
    trailer.push(...contextBlocks(answer.related.map(relatedLine)));
  }
  if (options.feedback !== undefined) trailer.push(feedbackBlock(options.feedback, texts));
  return trailer;
}

/** Fully or partly answered (the core's `coverage`), with text to show: sources belong under it. */
function isCovered(answer: Answer): boolean {
  return answer.coverage !== "none" && answer.text.trim().length > 0;
}

/** While a generated answer streams (the chat.update fallback): the text so far, marked as unfinished. */
export function renderPartial(textSoFar: string): SlackMessage {
  const [firstPiece = ""] = splitMarkdown(textSoFar);
  const text = `${escapeMarkdown(firstPiece)} …`;
  return {
    text: truncateMrkdwn(escapeMrkdwn(textSoFar.trim()), fallbackTextBudget),
    blocks: [markdown(text)],
  };
}

/** Plain message (placeholder, apology, hints): escaped, no buttons. */
export function renderNotice(text: string): SlackMessage {
  const escaped = escapeMrkdwn(text);
  return { text: escaped, blocks: [section(escaped)] };
}

/** `[n] <url|publication — story>, date` and the quoted sentence in italics, or plain text without a URL. */
export function citationLine(citation: Citation, quote = ""): string {
  const story = citation.story.trim() || citation.title.trim();
  const line = sourceLine(`[${citation.n}] ${citation.publication} — ${story}`, citation.url, citation.date);
  return quote === "" ? line : `${line}\n“${escapeMrkdwn(quote)}”`;
}

/** Like a citation line, without the number. */
export function relatedLine(story: RelatedStory): string {
  const title = story.story.trim() || story.title.trim();
  return sourceLine(`${story.publication} — ${title}`, story.url, story.date);
}

/**
 * Plain answer text → Markdown that shows it as written: backslash-escape the characters that
 * would turn into emphasis, code or links, and `&<>` the way Slack wants in every text field.
 */
export function escapeMarkdown(text: string): string {
  return escapeMrkdwn(text)
    .replace(/([\\`*_~[\]|])/g, "\\$1")
    .replace(/^(\s*)(#{1,6}\s|>)/gm, "$1\\$2");
}

function sourceLine(label: string, url: string | null, date: string | null): string {
  const shortLabel = truncate(label, sourceLabelBudget);
  const linked = isLinkableUrl(url) ? mrkdwnLink(url, shortLabel) : escapeMrkdwn(shortLabel);
  return date === null ? linked : `${linked}, ${escapeMrkdwn(date)}`;
}

/**
 * The body: one markdown block up to the message's markdown budget; a longer body continues in
 * mrkdwn sections as far as the block budget allows, and says where it was cut.
 */
function bodyBlocks(text: string, maxBlocks: number): Array<MarkdownBlock | SectionBlock> {
  const [head = "", ...rest] = splitMarkdown(text);
  const blocks: Array<MarkdownBlock | SectionBlock> = [markdown(escapeMarkdown(head))];
  const restText = rest.join("\n\n");
  if (restText === "") return blocks;
  const sections = splitText(escapeMrkdwn(restText), sectionTextBudget);
  const room = maxBlocks - 1;
  const kept = sections.slice(0, room);
  if (sections.length > room && kept.length > 0) kept[kept.length - 1] = `${kept[kept.length - 1]} …`;
  return [...blocks, ...kept.map(section)];
}

/** Plain text → pieces whose escaped Markdown fits the message's markdown budget. */
function splitMarkdown(text: string): string[] {
  return splitPlainText(text, markdownBudget, (piece) => escapeMarkdown(piece).length);
}

function contextBlocks(lines: string[]): ContextBlock[] {
  // One line per block reads best; pack only when there are too many sources for the block budget.
  const perBlock = lines.length <= 20 ? 1 : slackLimits.contextElements;
  const blocks: ContextBlock[] = [];
  for (let start = 0; start < lines.length; start += perBlock) {
    blocks.push({
      type: "context",
      elements: lines.slice(start, start + perBlock).map((text) => ({ type: "mrkdwn", text })),
    });
  }
  return blocks;
}

function feedbackBlock(reference: FeedbackReference, texts: FixedTexts): ContextActionsBlock {
  const value = (rating: "up" | "down") =>
    encodeFeedbackReference({ ...reference, rating, language: reference.language ?? texts.code });
  return {
    type: "context_actions",
    block_id: "feedback",
    elements: [
      {
        type: "feedback_buttons",
        action_id: feedbackActionId,
        positive_button: {
          text: { type: "plain_text", text: texts.buttons.helpful },
          accessibility_label: texts.feedbackLabels.helpful,
          value: value("up"),
        },
        negative_button: {
          text: { type: "plain_text", text: texts.buttons.notHelpful },
          accessibility_label: texts.feedbackLabels.notHelpful,
          value: value("down"),
        },
      },
    ],
  };
}

function fallbackText(answer: Answer, texts: FixedTexts, bodyText: string, answered: boolean): string {
  const lines = [bodyText.trim()];
  const sources = answered ? answer.citations.map(plainCitation) : answer.related.map(plainRelated);
  if (sources.length > 0)
    lines.push("", `${answered ? texts.sourcesHeading : texts.relatedHeading}:`, ...sources);
  return truncateMrkdwn(escapeMrkdwn(lines.join("\n")), fallbackTextBudget);
}

function plainCitation(citation: Citation): string {
  const story = citation.story.trim() || citation.title.trim();
  return plainSource(`[${citation.n}] ${citation.publication} — ${story}`, citation.url, citation.date);
}

function plainRelated(story: RelatedStory): string {
  const title = story.story.trim() || story.title.trim();
  return plainSource(`${story.publication} — ${title}`, story.url, story.date);
}

function plainSource(label: string, url: string | null, date: string | null): string {
  return [label, date, isLinkableUrl(url) ? url : null].filter((part) => part !== null).join(", ");
}

function markdown(text: string): MarkdownBlock {
  return { type: "markdown", text };
}

function section(text: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

function truncate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}
