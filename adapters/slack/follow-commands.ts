import type { Follower } from "../../src/follow/follow-store.ts";
import type { Following } from "../../src/follow/following.ts";
import { type FixedTexts, followOutcomeText } from "../texts/fixed-texts.ts";
import { escapeMrkdwn } from "./mrkdwn.ts";

/**
 * `/brief follow <topic>`, `/brief unfollow <topic>` and `/brief following`. On Slack the person
 * follows (slash commands are personal), and new stories arrive in their direct message with
 * the bot wherever they typed the command. Replies are ephemeral, like `/brief` answers.
 */

export interface FollowRequest {
  command: "follow" | "unfollow" | "following";
  topic: string;
}

/**
 * A follow subcommand, or null for a question. "following" counts only alone, so a question
 * such as "following the IPO, what did Arm say?" is still answered.
 */
export function readFollowRequest(text: string): FollowRequest | null {
  const match = /^(follow|unfollow|following)(?:\s+([\s\S]*))?$/i.exec(text.trim());
  if (match === null) return null;
  const command = (match[1] ?? "").toLowerCase() as FollowRequest["command"];
  const topic = (match[2] ?? "").trim();
  if (command === "following" && topic !== "") return null;
  return { command, topic };
}

export function slackFollower(user: string): Follower {
  return { platform: "slack", address: user };
}

/** The ephemeral reply (mrkdwn) to one follow subcommand. */
export async function followReply(
  request: FollowRequest,
  user: string,
  texts: FixedTexts,
  following: Following,
): Promise<string> {
  const follower = slackFollower(user);
  const say = (text: string) => escapeMrkdwn(text);
  if (request.command === "follow") {
    if (request.topic === "") return say(texts.follow.usage("/brief follow"));
    return say(
      followOutcomeText(texts.follow, await following.follow(follower, request.topic), "/brief follow"),
    );
  }
  if (request.command === "unfollow" && request.topic !== "") {
    const removed = await following.unfollow(follower, request.topic);
    return say(
      removed === null ? texts.follow.notFollowing(request.topic) : texts.follow.unfollowed(removed),
    );
  }
  // `following`, and `unfollow` without a topic: the list, and how to stop one.
  const topics = await following.topicsOf(follower);
  if (topics.length === 0) return say(texts.follow.none("/brief follow"));
  return [
    `*${say(texts.follow.listHeading)}*`,
    ...topics.map((topic) => `• ${say(topic)}`),
    say(texts.follow.listFooter("/brief unfollow")),
  ].join("\n");
}
