import { describe, expect, it } from "vitest";
import { DIGEST_EXTRACT_LIMIT } from "../../../adapters/follow-digest.ts";
import { renderFollowDigest as renderSlackDigest } from "../../../adapters/slack/render-follow-digest.ts";
import { renderFollowDigest as renderTelegramDigest } from "../../../adapters/telegram/render-follow-digest.ts";
import type { FollowDigest } from "../../../src/follow/follow-notifier.ts";
import { blockErrors } from "../../wire/slack-rules.ts";
import { checkMessageText } from "../../wire/telegram-rules.ts";

type DigestStory = FollowDigest["stories"][number];

function story(index: number, overrides: Partial<DigestStory> = {}): DigestStory {
  return {
    docId: `doc-${index}`,
    storyIndex: 0,
    publication: "Grid & <Storage> Notes",
    title: `Issue ${index}`,
    story: `Story ${index}`,
    date: `2026-05-0${(index % 9) + 1}`,
    url: `https://example.com/issues/${index}?a=1&b=2`,
    extract: `Utilities in region ${index} ordered more storage cabinets than last year.`,
    topics: ["grid storage"],
    ...overrides,
  };
}

const digestOf = (stories: DigestStory[]): FollowDigest => ({
  follower: { platform: "telegram", address: "1" },
  stories,
});

describe("follow digest rendering", () => {
  it("writes one Telegram message: heading, topic line, then each story's extract and citation", () => {
    const parts = renderTelegramDigest(
      digestOf([story(1), story(2, { url: null, date: null, topics: ["grid storage", "utilities"] })]),
    );
    expect(parts).toEqual([
      [
        "<b>🔔 New in the briefs on topics you follow</b>",
        "<b>On “grid storage”</b>",
        "• Utilities in region 1 ordered more storage cabinets than last year.\n" +
          '  — Grid &amp; &lt;Storage&gt; Notes — <a href="https://example.com/issues/1?a=1&amp;b=2">Story 1</a>, 2026-05-02',
        "<b>On “grid storage”, “utilities”</b>",
        "• Utilities in region 2 ordered more storage cabinets than last year.\n" +
          "  — Grid &amp; &lt;Storage&gt; Notes — Story 2",
      ].join("\n\n"),
    ]);
    for (const part of parts) expect(checkMessageText(part, "HTML")).not.toHaveProperty("error");
  });

  it("follows the topics' language: a Chinese topic gets Chinese fixed texts", () => {
    const [part] = renderTelegramDigest(digestOf([story(1, { topics: ["储能电站"] })]));
    expect(part).toContain("<b>🔔 你关注的话题有新报道</b>");
    expect(part).toContain("<b>话题：“储能电站”</b>");
  });

  it("splits a huge burst under Telegram's limit and Slack's block limit, every story once", () => {
    const long = "Storage ".repeat(200);
    const stories = Array.from({ length: 60 }, (_, index) => story(index, { extract: `${index} ${long}` }));
    const parts = renderTelegramDigest(digestOf(stories));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(checkMessageText(part, "HTML")).not.toHaveProperty("error");
    }
    for (let index = 0; index < 60; index += 1)
      expect(parts.join("\n").split(`>Story ${index}</a>`)).toHaveLength(2);
    // Extracts are cut to one line's worth.
    expect(parts[0]?.split("\n")[4]?.length).toBeLessThanOrEqual(DIGEST_EXTRACT_LIMIT + 4);

    const messages = renderSlackDigest(digestOf(stories));
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(blockErrors(message.blocks)).toEqual([]);
      expect(message.blocks[0]).toMatchObject({
        text: { text: "*🔔 New in the briefs on topics you follow*" },
      });
    }
    const slackText = JSON.stringify(messages.map((message) => message.blocks));
    for (let index = 0; index < 60; index += 1) expect(slackText.split(`|Story ${index}>`)).toHaveLength(2);
  });

  it("escapes Slack mrkdwn and links the story when it has a web address", () => {
    const [message] = renderSlackDigest(digestOf([story(3), story(4, { url: "javascript:alert(1)" })]));
    expect(message?.blocks.slice(2)).toEqual([
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text:
            "• Utilities in region 3 ordered more storage cabinets than last year.\n" +
            "— Grid &amp; &lt;Storage&gt; Notes — <https://example.com/issues/3?a=1&amp;b=2|Story 3>, 2026-05-04",
        },
      },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text:
            "• Utilities in region 4 ordered more storage cabinets than last year.\n" +
            "— Grid &amp; &lt;Storage&gt; Notes — Story 4, 2026-05-05",
        },
      },
    ]);
    expect(message?.text).toBe("🔔 New in the briefs on topics you follow: Story 3; Story 4");
  });
});
