import type { FollowDigest } from "../../src/follow/follow-notifier.ts";
import {
  type DigestStory,
  digestExtract,
  digestStoryName,
  digestTexts,
  groupDigest,
} from "../follow-digest.ts";
import { headingLine } from "./render-telegram.ts";
import {
  MESSAGE_PART_TARGET,
  type MessageLine,
  type MessageParagraph,
  packMessageParts,
} from "./split-message.ts";
import { escapeHtml, htmlLink } from "./telegram-html.ts";

/**
 * A follow digest → Telegram HTML: a heading, then per group of topics a bold "On …" line and
 * each story as its extract with the citation under it (publication — story, linked, date).
 * One message unless Telegram's 4096-character limit forces parts. Pure.
 */
export function renderFollowDigest(digest: FollowDigest, limit = MESSAGE_PART_TARGET): string[] {
  const texts = digestTexts(digest);
  const paragraphs: MessageParagraph[] = [[headingLine(`🔔 ${texts.follow.digestHeading}`)]];
  for (const group of groupDigest(digest)) {
    paragraphs.push([headingLine(texts.follow.digestTopics(group.topics))]);
    for (const story of group.stories) paragraphs.push(storyLines(story));
  }
  return packMessageParts(paragraphs, limit);
}

function storyLines(story: DigestStory): MessageLine[] {
  const extract = digestExtract(story);
  const name = digestStoryName(story);
  const date = story.date === null ? "" : `, ${story.date}`;
  return [
    { html: `• ${escapeHtml(extract)}`, text: `• ${extract}` },
    {
      html: `  — ${escapeHtml(story.publication)} — ${htmlLink(name, story.url)}${escapeHtml(date)}`,
      text: `  — ${story.publication} — ${name}${date}`,
    },
  ];
}
