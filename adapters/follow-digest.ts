import type { FollowDigest } from "../src/follow/follow-notifier.ts";
import { clip } from "./quoted-sentence.ts";
import type { FixedTexts } from "./texts/fixed-texts.ts";
import { chooseTexts } from "./texts/languages.ts";

/**
 * What both platforms' digest renderers share: stories grouped under the topics they matched,
 * in the order the notifier found them, and the language to write the fixed texts in.
 */

/**
 * A story's extract is cut here. The core's extract is one sentence; a long sentence still
 * reads as one line on a phone at this length, and 20 stories stay within one or two messages.
 */
export const DIGEST_EXTRACT_LIMIT = 300;

export type DigestStory = FollowDigest["stories"][number];

export interface DigestGroup {
  topics: string[];
  stories: DigestStory[];
}

/** Stories under the same set of topics go together; groups keep the order of their first story. */
export function groupDigest(digest: FollowDigest): DigestGroup[] {
  const groups = new Map<string, DigestGroup>();
  for (const story of digest.stories) {
    const key = story.topics.join("\u0000");
    const group = groups.get(key) ?? { topics: story.topics, stories: [] };
    group.stories.push(story);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * The digest's fixed texts follow the language of the follower's topics: the platforms do not
 * tell the bot a user's language when it writes first, and someone who follows "钠离子电池"
 * reads Chinese.
 */
export function digestTexts(digest: FollowDigest): FixedTexts {
  return chooseTexts(digest.stories.flatMap((story) => story.topics).join(" "), undefined);
}

/** The one-line extract, whitespace folded and cut to `DIGEST_EXTRACT_LIMIT`. */
export function digestExtract(story: DigestStory): string {
  return clip(story.extract.replace(/\s+/g, " ").trim(), DIGEST_EXTRACT_LIMIT);
}

/** The story's name for the citation: its headline, else the title. */
export function digestStoryName(story: DigestStory): string {
  return story.story.trim() === "" ? story.title.trim() : story.story.trim();
}
