/**
 * The few Block Kit shapes briefbot sends. Hand-written (rather than Bolt's types) so the
 * renderer stays a pure data transform that tests can read without narrowing big unions;
 * they are structural subsets of `@slack/types` and can be passed to the Web API as is.
 */

export interface MrkdwnText {
  type: "mrkdwn";
  text: string;
}

/** Plain-text object (button labels). */
export interface PlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}

/** A section: answer text, under 3000 characters. */
export interface SectionBlock {
  type: "section";
  text: MrkdwnText;
}

/** A context block: source lines, up to 10 elements. */
export interface ContextBlock {
  type: "context";
  elements: MrkdwnText[];
}

/** A divider between answer and sources. */
export interface DividerBlock {
  type: "divider";
}

/** A button; `value` comes back in block_actions. */
export interface ButtonElement {
  type: "button";
  action_id: string;
  text: PlainText;
  value: string;
}

/** The 👍/👎 row. */
export interface ActionsBlock {
  type: "actions";
  block_id: string;
  elements: ButtonElement[];
}

/** A markdown block: standard Markdown that Slack renders (the answer body). */
export interface MarkdownBlock {
  type: "markdown";
  text: string;
}

/** A header: the App Home's title. */
export interface HeaderBlock {
  type: "header";
  text: PlainText;
}

/** One of a feedback_buttons element's two buttons. */
export interface FeedbackButton {
  text: PlainText;
  value: string;
  accessibility_label?: string;
}

/** 👍/👎 as Slack's AI-app feedback element; Slack shows which one the user picked. */
export interface FeedbackButtonsElement {
  type: "feedback_buttons";
  action_id: string;
  positive_button: FeedbackButton;
  negative_button: FeedbackButton;
}

/** Actions shown as context under a message (feedback buttons, icon buttons). */
export interface ContextActionsBlock {
  type: "context_actions";
  block_id?: string;
  elements: FeedbackButtonsElement[];
}

/** Any block the renderer emits. */
export type SlackBlock =
  | SectionBlock
  | ContextBlock
  | DividerBlock
  | ActionsBlock
  | MarkdownBlock
  | HeaderBlock
  | ContextActionsBlock;

/** A message body: `text` is the notification / screen-reader fallback for `blocks`. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Slack's documented limits that the renderer respects. */
export const slackLimits = {
  /** Section text must stay below 3000 characters. */
  sectionText: 3000,
  /** A message carries at most 50 blocks. */
  blocksPerMessage: 50,
  /** A context block carries at most 10 elements. */
  contextElements: 10,
  /** A button value carries at most 2000 characters. */
  buttonValue: 2000,
  /** All markdown blocks of one message together carry at most 12,000 characters. */
  markdownText: 12_000,
  /** A Home tab view carries at most 100 blocks. */
  blocksPerView: 100,
} as const;
