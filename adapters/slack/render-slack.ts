/**
 * Answer → Slack message. Pure: no I/O, no Bolt. The answer's plain text becomes escaped
 * mrkdwn sections, citations become one context line each, and 👍/👎 buttons close it.
 */

import type { Answer, Citation, RelatedStory } from "../../src/answer/answer-types.ts";
import { feedbackDownActionId, feedbackUpActionId } from "./feedback-reference.ts";
import { escapeMrkdwn, isLinkableUrl, mrkdwnLink } from "./mrkdwn.ts";
import {
  type ActionsBlock,
  type ContextBlock,
  type SectionBlock,
  type SlackBlock,
  type SlackMessage,
  slackLimits,
} from "./slack-blocks.ts";
import { splitText, truncateMrkdwn } from "./split-text.ts";

/** Leaves headroom under Slack's 3000 so a trailing "…" always fits. */
const sectionTextBudget = slackLimits.sectionText - 100;
/** The `text` fallback is only read in notifications and by screen readers; keep it short. */
const fallbackTextBudget = 3500;
/** A single source line longer than this is a broken title, not information. */
const sourceLabelBudget = 300;

/** Posted at once, then edited into the answer. */
export const placeholderText = "Searching the briefs…";
/** Replaces the placeholder when answering fails. */
export const apologyText = "Sorry, something went wrong while answering. Please try again in a minute.";
/** Used when a not-answered answer arrives without its own text. */
export const notCoveredText = "The briefs do not cover that.";
/** Ephemeral reply to a 👍/👎 click. */
export const feedbackThanksText = "Thanks for the feedback!";

/** Options for `renderAnswer`. */
export interface RenderOptions {
  /** Button value (see `encodeFeedbackReference`); no buttons when omitted. */
  feedbackValue?: string | undefined;
}

/** The final message for an answer, within Slack's block and length limits. */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const answered = answer.answered && answer.text.trim().length > 0;
  const bodyText = answered ? answer.text : answer.text.trim() || notCoveredText;

  const trailer: SlackBlock[] = [];
  if (answered && answer.citations.length > 0) {
    trailer.push({ type: "divider" });
    trailer.push(...contextBlocks(answer.citations.map(citationLine)));
  } else if (!answered && answer.related.length > 0) {
    trailer.push(section("*Related stories in the briefs:*"));
    trailer.push(...contextBlocks(answer.related.map(relatedLine)));
  }
  if (options.feedbackValue !== undefined) trailer.push(feedbackButtons(options.feedbackValue));

  const sectionBudget = Math.max(1, slackLimits.blocksPerMessage - trailer.length);
  const sections = bodySections(bodyText, sectionBudget);
  const blocks = [...sections, ...trailer].slice(0, slackLimits.blocksPerMessage);
  return { text: fallbackText(answer, bodyText, answered), blocks };
}

/** While a generated answer streams: the text so far, marked as unfinished. */
export function renderPartial(textSoFar: string): SlackMessage {
  // Only the first section's worth is shown while streaming; the final update carries it all.
  const [firstPiece = ""] = splitText(escapeMrkdwn(textSoFar), sectionTextBudget);
  const text = `${firstPiece} …`;
  return { text, blocks: [section(text)] };
}

/** Plain message (placeholder, apology, hints): escaped, no buttons. */
export function renderNotice(text: string): SlackMessage {
  const escaped = escapeMrkdwn(text);
  return { text: escaped, blocks: [section(escaped)] };
}

/** `<url|[n] publication — story>, date`, or plain text when there is no usable URL. */
export function citationLine(citation: Citation): string {
  const story = citation.story.trim() || citation.title.trim();
  return sourceLine(`[${citation.n}] ${citation.publication} — ${story}`, citation.url, citation.date);
}

/** Like a citation line, without the number. */
export function relatedLine(story: RelatedStory): string {
  const title = story.story.trim() || story.title.trim();
  return sourceLine(`${story.publication} — ${title}`, story.url, story.date);
}

function sourceLine(label: string, url: string | null, date: string | null): string {
  const shortLabel = truncate(label, sourceLabelBudget);
  const linked = isLinkableUrl(url) ? mrkdwnLink(url, shortLabel) : escapeMrkdwn(shortLabel);
  return date === null ? linked : `${linked}, ${escapeMrkdwn(date)}`;
}

function bodySections(text: string, maxSections: number): SectionBlock[] {
  const pieces = splitText(escapeMrkdwn(text), sectionTextBudget);
  if (pieces.length === 0) return [section(escapeMrkdwn(notCoveredText))];
  if (pieces.length > maxSections) {
    // Out of blocks: keep what fits and say the rest was cut rather than dropping it silently.
    const kept = pieces.slice(0, maxSections);
    kept[kept.length - 1] = `${kept[kept.length - 1]} …`;
    return kept.map(section);
  }
  return pieces.map(section);
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

function feedbackButtons(value: string): ActionsBlock {
  return {
    type: "actions",
    block_id: "feedback",
    elements: [
      {
        type: "button",
        action_id: feedbackUpActionId,
        text: { type: "plain_text", text: "👍", emoji: true },
        value,
      },
      {
        type: "button",
        action_id: feedbackDownActionId,
        text: { type: "plain_text", text: "👎", emoji: true },
        value,
      },
    ],
  };
}

function fallbackText(answer: Answer, bodyText: string, answered: boolean): string {
  const lines = [bodyText.trim()];
  const sources = answered ? answer.citations.map(plainCitation) : answer.related.map(plainRelated);
  if (sources.length > 0) lines.push("", answered ? "Sources:" : "Related stories:", ...sources);
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

function section(text: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

function truncate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}
