import type { FollowDigest } from "../../src/follow/follow-notifier.ts";
import {
  type DigestStory,
  digestExtract,
  digestStoryName,
  digestTexts,
  groupDigest,
} from "../follow-digest.ts";
import { escapeMrkdwn, isLinkableUrl, mrkdwnLink } from "./mrkdwn.ts";
import { type SectionBlock, type SlackMessage, slackLimits } from "./slack-blocks.ts";

/**
 * A follow digest → Slack messages: a heading section, then per group of topics an "On …"
 * section and one section per story (its extract, and the citation: publication — story,
 * linked, date). One message unless it would pass the block limit. Pure.
 */

/** Blocks per message, under Slack's 50 with room to spare. */
const digestBlocksPerMessage = slackLimits.blocksPerMessage - 5;

export function renderFollowDigest(digest: FollowDigest): SlackMessage[] {
  const texts = digestTexts(digest);
  const heading = `🔔 ${escapeMrkdwn(texts.follow.digestHeading)}`;
  const blocks: SectionBlock[] = [];
  const fallback: string[] = [];
  for (const group of groupDigest(digest)) {
    blocks.push(section(`*${escapeMrkdwn(texts.follow.digestTopics(group.topics))}*`));
    for (const story of group.stories) {
      blocks.push(section(storyText(story)));
      fallback.push(escapeMrkdwn(digestStoryName(story)));
    }
  }
  const messages: SlackMessage[] = [];
  for (let start = 0; start < blocks.length; start += digestBlocksPerMessage - 1) {
    const part = blocks.slice(start, start + digestBlocksPerMessage - 1);
    messages.push({ text: "", blocks: [section(`*${heading}*`), ...part] });
  }
  // The notification line: the heading and the first stories' names.
  for (const message of messages) message.text = `${heading}: ${fallback.slice(0, 3).join("; ")}`;
  return messages;
}

function storyText(story: DigestStory): string {
  const name = digestStoryName(story);
  const label = `${story.publication} — ${name}`;
  const cited = isLinkableUrl(story.url)
    ? `${escapeMrkdwn(story.publication)} — ${mrkdwnLink(story.url, name)}`
    : escapeMrkdwn(label);
  const date = story.date === null ? "" : `, ${escapeMrkdwn(story.date)}`;
  return `• ${escapeMrkdwn(digestExtract(story))}\n— ${cited}${date}`;
}

function section(text: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}
