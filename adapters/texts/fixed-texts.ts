import type { FollowOutcome } from "../../src/follow/following.ts";
/**
 * Every fixed sentence the chat adapters show (commands, notices, headings, buttons, statuses),
 * as one shape that each language file fills in. Adding a language is one file that exports a
 * `FixedTexts` value, plus its line in `languages.ts`.
 */

/** What `/start` and the Slack App Home say about the store. */
export interface StoreSummary {
  documents: number;
  publications: string[];
  latestDate: string | null;
}

export interface FixedTexts {
  /** BCP 47 code of the language, e.g. "en", "zh". */
  code: string;
  /** Telegram menu (setMyCommands) descriptions, by command. */
  commandDescriptions: {
    start: string;
    help: string;
    ask: string;
    sources: string;
    new: string;
    follow: string;
    unfollow: string;
    following: string;
  };
  /** One line about what the bot is. */
  intro: string;
  /** How to ask, on Telegram (private chats, groups, /ask). */
  telegramHowToAsk: string[];
  /** How to ask, on Slack (DM, assistant panel, mention, /brief). */
  slackHowToAsk: string[];
  /** What the store holds, for /start and App Home. */
  storeSummary(summary: StoreSummary): string;
  noBriefsYet: string;
  publicationsHeading: string;
  latestIssuesHeading: string;
  /** "3 issues", "latest 2025-05-01" — a publication's line in /sources and App Home. */
  publicationLine(documents: number, latestDate: string | null): string;
  askUsage: string;
  slackAskUsage: string;
  forgotConversation: string;
  unknownCommand: string;
  chatNotAllowed: string;
  apology: string;
  /** Told once when questions start to wait for the rate limit; they are answered in order. */
  queuedNotice(seconds: number): string;
  /** Told when the waiting line of one user is full, so that question is not kept. */
  queueFull(seconds: number): string;
  emptyQuestionHint: string;
  sourcesHeading: string;
  relatedHeading: string;
  closestStoriesHeading: string;
  moreSourcesHeading: string;
  notCovered: string;
  /** Button labels. */
  buttons: { helpful: string; notHelpful: string; moreSources: string; closestStories: string };
  /** Screen-reader labels of the feedback buttons. */
  feedbackLabels: { helpful: string; notHelpful: string };
  feedbackThanks: string;
  /** Shown under an answer after a vote: which way it went. */
  feedbackRecorded(rating: "up" | "down"): string;
  /** A button whose answer is no longer remembered (after a restart). */
  answerForgotten: string;
  /** The placeholder / status line while searching. */
  searching: string;
  /** Rotating loading messages for Slack's assistant status. */
  loadingMessages: string[];
  /** Suggested prompts when a Slack assistant thread opens. */
  suggestedPromptsTitle: string;
  suggestedPrompts: Array<{ title: string; message: string }>;
  /** Greeting in a new Slack assistant thread. */
  assistantGreeting: string;
  appHomeTitle: string;
  coverageHeading: string;
  howToAskHeading: string;
  /** Following topics: command replies, the digest of new stories, and the App Home section. */
  follow: FollowTexts;
}

/** What the bot says about followed topics, on both platforms (`<command>` is the platform's). */
export interface FollowTexts {
  /** `/follow` without a topic; `command` is "/follow" or "/brief follow". */
  usage(command: string): string;
  followed(topic: string): string;
  alreadyFollowing(topic: string): string;
  tooLong(limit: number): string;
  tooMany(limit: number): string;
  unfollowed(topic: string): string;
  notFollowing(topic: string): string;
  unfollowedAll(count: number): string;
  /** A button of a topic that is no longer followed (pressed twice, or by someone else in a group). */
  alreadyUnfollowed: string;
  /** `/following` and `/unfollow` when nothing is followed; `command` as in `usage`. */
  none(command: string): string;
  /** Heading of the list of followed topics. */
  listHeading: string;
  /** Under the list: how to stop one. `command` is "/unfollow" or "/brief unfollow". */
  listFooter(command: string): string;
  /** `/unfollow` without a topic, above one button per topic. */
  pickToUnfollow: string;
  unfollowAllButton: string;
  /** Top line of a digest of new stories. */
  digestHeading: string;
  /** The line naming the followed topic(s) a group of stories matched. */
  digestTopics(topics: string[]): string;
  /** App Home: heading of the followed topics. */
  homeHeading: string;
}

/** The reply to `/follow <topic>` on any platform; `command` is the platform's follow command. */
export function followOutcomeText(texts: FollowTexts, outcome: FollowOutcome, command: string): string {
  switch (outcome.kind) {
    case "followed":
      return texts.followed(outcome.topic);
    case "already following":
      return texts.alreadyFollowing(outcome.topic);
    case "empty":
      return texts.usage(command);
    case "too long":
      return texts.tooLong(outcome.limit);
    case "too many":
      return texts.tooMany(outcome.limit);
  }
}
