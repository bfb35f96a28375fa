import type { StoreOverview } from "../../src/briefbot-service.ts";
import { headingLine, plainLine, textParagraphs } from "./render-telegram.ts";
import { MESSAGE_PART_TARGET, type MessageParagraph, packMessageParts } from "./split-message.ts";
import { htmlLink } from "./telegram-html.ts";

/**
 * What the bot says outside answers: command replies and short notices. Command replies are
 * HTML parts (like answers); notices are plain sentences sent with the same HTML escaping.
 */

/** The commands shown in Telegram's menu (setMyCommands). */
export const BOT_COMMANDS: ReadonlyArray<{ command: string; description: string }> = [
  { command: "start", description: "What this bot is and what it knows" },
  { command: "help", description: "How to ask questions" },
  { command: "ask", description: "Ask a question about the briefs: /ask <question>" },
  { command: "sources", description: "Publications and latest issues" },
  { command: "new", description: "Start a new conversation" },
];

const howToAsk = [
  "In a private chat, just send your question.",
  "In a group, mention me, reply to one of my answers, or use /ask <question>.",
  "Answers quote the briefs and number their sources [1], [2], …",
].join("\n");

/** /start: what the bot is, and what the store holds right now. */
export function startParts(overview: StoreOverview): string[] {
  const publications = overview.publications.map((publication) => publication.name);
  const knows =
    overview.documents === 0
      ? "No briefs are loaded yet, so I cannot answer questions until some are ingested."
      : `I know ${count(overview.documents, "issue")} from ${count(publications.length, "publication")}` +
        `${publications.length > 0 ? ` (${publications.join(", ")})` : ""}` +
        `${overview.latestDate === null ? "" : `, the latest from ${overview.latestDate}`}.`;
  const covers = overview.documents === 0 ? "" : `\n${overview.coverage.line}.`;
  const text = `I'm briefbot. I answer questions about tech newsletters and weekly briefs, citing the passages I rely on.\n\n${knows}${covers}\n\n${howToAsk}`;
  return packMessageParts(textParagraphs(text));
}

/** /help. */
export function helpParts(): string[] {
  const commands = BOT_COMMANDS.map((entry) => `/${entry.command} — ${entry.description}`).join("\n");
  return packMessageParts(textParagraphs(`${howToAsk}\n\n${commands}`));
}

/** /sources: publications with their issue counts, then the latest issues (linked). */
export function sourcesParts(overview: StoreOverview, latestIssueCount = 10): string[] {
  if (overview.publications.length === 0)
    return packMessageParts(textParagraphs("No briefs are loaded yet."));
  const paragraphs: MessageParagraph[] = [
    [plainLine(`${overview.coverage.line}.`)],
    [
      headingLine("Publications"),
      ...overview.publications.map((publication) =>
        plainLine(
          `• ${publication.name} — ${count(publication.documents, "issue")}` +
            `${publication.latestDate === null ? "" : `, latest ${publication.latestDate}`}`,
        ),
      ),
    ],
  ];
  const latest = overview.latestIssues.slice(0, latestIssueCount);
  if (latest.length > 0) {
    paragraphs.push([
      headingLine("Latest issues"),
      ...latest.map((issue) => {
        const date = issue.date === null ? "" : `${issue.date} `;
        return {
          html: `• ${plainLine(`${date}${issue.publication} — `).html}${htmlLink(issue.title, issue.url)}`,
          text: `• ${date}${issue.publication} — ${issue.title}`,
        };
      }),
    ]);
  }
  return packMessageParts(paragraphs, MESSAGE_PART_TARGET);
}

/** `/ask` without a question. */
export const ASK_USAGE =
  "Usage: /ask <question>, for example /ask What did the briefs say about open-source models?";
/** `/new`. */
export const FORGOT_CONVERSATION =
  "Okay, starting a new conversation. Earlier questions no longer count as context.";
/** Unknown command in a private chat. */
export const UNKNOWN_COMMAND = "I don't know that command. Send /help to see what I can do.";
/** Told once to a chat that is not on the allowed list. */
export const CHAT_NOT_ALLOWED =
  "Sorry, I'm not enabled for this chat. Ask the person who runs this bot to add it to the allowed chats.";
/** When a handler fails. */
export const APOLOGY = "Sorry, something went wrong while answering. Please try again in a moment.";

/** When a user asked too often. */
export function slowDownText(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking faster than I can keep up. Please wait about ${seconds} s and ask again.`;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? "" : "s"}`;
}
