import type { FixedTexts } from "./fixed-texts.ts";

/** English. */
export const en: FixedTexts = {
  code: "en",
  commandDescriptions: {
    start: "What this bot is and what it knows",
    help: "How to ask questions",
    ask: "Ask a question about the briefs: /ask <question>",
    sources: "Publications and latest issues",
    new: "Start a new conversation",
    follow: "Get new stories on a topic: /follow <topic>",
    unfollow: "Stop following a topic",
    following: "The topics you follow",
  },
  intro:
    "I'm briefbot. I answer questions about tech newsletters and weekly briefs, citing the passages I rely on.",
  telegramHowToAsk: [
    "In a private chat, just send your question.",
    "In a group, mention me, reply to one of my answers, or use /ask <question>.",
    "Answers quote the briefs and number their sources [1], [2], …",
  ],
  slackHowToAsk: [
    "Open me from the AI assistant button at the top of Slack, or send me a direct message.",
    "In a channel, mention @briefbot; I answer in the thread and follow up there without a mention.",
    "Use /brief <question> for an answer only you see.",
    "Use /brief follow <topic> to get new stories on a topic in your direct messages.",
    "Answers quote the briefs and number their sources [1], [2], …",
  ],
  storeSummary: ({ documents, publications, latestDate }) =>
    documents === 0
      ? "No briefs are loaded yet, so I cannot answer questions until some are ingested."
      : `I know ${plural(documents, "issue")} from ${plural(publications.length, "publication")}` +
        `${publications.length > 0 ? ` (${publications.join(", ")})` : ""}` +
        `${latestDate === null ? "" : `, the latest from ${latestDate}`}.`,
  noBriefsYet: "No briefs are loaded yet.",
  publicationsHeading: "Publications",
  latestIssuesHeading: "Latest issues",
  publicationLine: (documents, latestDate) =>
    `${plural(documents, "issue")}${latestDate === null ? "" : `, latest ${latestDate}`}`,
  askUsage: "Usage: /ask <question>, for example /ask What did the briefs say about open-source models?",
  slackAskUsage: "Usage: `/brief <question>`, for example `/brief what changed in Node 22?`",
  forgotConversation: "Okay, starting a new conversation. Earlier questions no longer count as context.",
  unknownCommand: "I don't know that command. Send /help to see what I can do.",
  chatNotAllowed:
    "Sorry, I'm not enabled for this chat. Ask the person who runs this bot to add it to the allowed chats.",
  apology: "Sorry, something went wrong while answering. Please try again in a moment.",
  queuedNotice: (seconds) =>
    `You're asking faster than I can keep up. I'll answer your questions in order, starting in about ${seconds} s.`,
  queueFull: (seconds) =>
    `Too many of your questions are already waiting, so I did not keep this one. Please ask it again in about ${seconds} s.`,
  emptyQuestionHint:
    "Ask me something about the briefs, for example: “What did the newsletters say about WebGPU?”",
  sourcesHeading: "Sources",
  relatedHeading: "Related stories in the briefs",
  closestStoriesHeading: "Closest stories in the briefs",
  moreSourcesHeading: "The cited passages in full",
  notCovered: "The briefs do not cover this.",
  buttons: {
    helpful: "👍",
    notHelpful: "👎",
    moreSources: "More sources",
    closestStories: "Closest stories",
  },
  feedbackLabels: { helpful: "Good answer", notHelpful: "Bad answer" },
  feedbackThanks: "Thanks for the feedback!",
  feedbackRecorded: (rating) =>
    rating === "up" ? "You rated this 👍 — thanks!" : "You rated this 👎 — thanks!",
  answerForgotten: "I no longer have that answer. Please ask again.",
  searching: "Searching the briefs…",
  loadingMessages: ["Searching the briefs…", "Reading the passages…", "Checking the sources…"],
  suggestedPromptsTitle: "Try asking",
  suggestedPrompts: [
    { title: "What's new this week?", message: "What were the main stories in the latest briefs?" },
    { title: "AI models", message: "What did the briefs say about new open-weight AI models?" },
    { title: "Chips", message: "What happened with chip export controls?" },
  ],
  assistantGreeting: "Hi! Ask me anything about the newsletters and briefs I have read.",
  appHomeTitle: "briefbot",
  coverageHeading: "What I know",
  howToAskHeading: "How to ask",
  follow: {
    usage: (command) =>
      `Usage: ${command} <topic>, for example ${command} sodium-ion batteries. When a new issue has a story on it, I send it to you.`,
    followed: (topic) =>
      `Following “${topic}”. When a new issue has a story on it, I'll send you the story with its source.`,
    alreadyFollowing: (topic) => `You already follow “${topic}”.`,
    tooLong: (limit) =>
      `That topic is too long; keep it under ${limit} characters, like a name or a short phrase.`,
    tooMany: (limit) => `You follow ${limit} topics, the most I keep. Stop following one first.`,
    unfollowed: (topic) => `Stopped following “${topic}”.`,
    notFollowing: (topic) => `You don't follow “${topic}”.`,
    alreadyUnfollowed: "That topic is no longer followed.",
    unfollowedAll: (count) => `Stopped following ${plural(count, "topic")}.`,
    none: (command) => `You don't follow any topics. Start with ${command} <topic>.`,
    listHeading: "Topics you follow",
    listFooter: (command) => `Stop one with ${command} <topic>.`,
    pickToUnfollow: "Which topic should I stop following?",
    unfollowAllButton: "Unfollow all",
    digestHeading: "New in the briefs on topics you follow",
    digestTopics: (topics) => `On ${topics.map((topic) => `“${topic}”`).join(", ")}`,
    homeHeading: "Following",
  },
};

function plural(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? "" : "s"}`;
}
