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

/** Any block the renderer emits. */
export type SlackBlock = SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

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
} as const;
