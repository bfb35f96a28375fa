import type { StoreOverview } from "../../src/briefbot-service.ts";
import type { FixedTexts } from "../texts/fixed-texts.ts";
import { fixedTexts } from "../texts/languages.ts";
import { headingLine, plainLine, textParagraphs } from "./render-telegram.ts";
import { MESSAGE_PART_TARGET, type MessageParagraph, packMessageParts } from "./split-message.ts";
import { htmlLink } from "./telegram-html.ts";

/**
 * What the bot says outside answers: command replies, in the asker's language. Command replies
 * are HTML parts (like answers); notices are plain sentences from `FixedTexts`, escaped on sending.
 */

const commandNames = ["start", "help", "ask", "sources", "new", "follow", "unfollow", "following"] as const;

/** The commands shown in Telegram's menu (setMyCommands) for one language. */
export function botCommands(texts: FixedTexts): Array<{ command: string; description: string }> {
  return commandNames.map((command) => ({ command, description: texts.commandDescriptions[command] }));
}

/**
 * One setMyCommands call per language: the default (English) menu without a language code, and
 * one per other language with its `language_code`, so Telegram shows each user their own.
 */
export function commandMenus(): Array<{
  languageCode: string | undefined;
  commands: Array<{ command: string; description: string }>;
}> {
  return Object.values(fixedTexts).map((texts) => ({
    languageCode: texts.code === "en" ? undefined : texts.code,
    commands: botCommands(texts),
  }));
}

/** /start: what the bot is, and what the store holds right now. */
export function startParts(overview: StoreOverview, texts: FixedTexts): string[] {
  const knows = texts.storeSummary({
    documents: overview.documents,
    publications: overview.publications.map((publication) => publication.name),
    latestDate: overview.latestDate,
  });
  const covers = overview.documents === 0 ? "" : `\n${overview.coverage.line}.`;
  return packMessageParts(
    textParagraphs(`${texts.intro}\n\n${knows}${covers}\n\n${texts.telegramHowToAsk.join("\n")}`),
  );
}

/** /help. */
export function helpParts(texts: FixedTexts): string[] {
  const commands = botCommands(texts)
    .map((entry) => `/${entry.command} — ${entry.description}`)
    .join("\n");
  return packMessageParts(textParagraphs(`${texts.telegramHowToAsk.join("\n")}\n\n${commands}`));
}

/** /sources: publications with their issue counts, then the latest issues (linked). */
export function sourcesParts(overview: StoreOverview, texts: FixedTexts, latestIssueCount = 10): string[] {
  if (overview.publications.length === 0) return packMessageParts(textParagraphs(texts.noBriefsYet));
  const paragraphs: MessageParagraph[] = [
    [plainLine(`${overview.coverage.line}.`)],
    [
      headingLine(texts.publicationsHeading),
      ...overview.publications.map((publication) =>
        plainLine(
          `• ${publication.name} — ${texts.publicationLine(publication.documents, publication.latestDate)}`,
        ),
      ),
    ],
  ];
  const latest = overview.latestIssues.slice(0, latestIssueCount);
  if (latest.length > 0) {
    paragraphs.push([
      headingLine(texts.latestIssuesHeading),
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

/** Whole seconds to tell the user, at least one. */
export function secondsFrom(milliseconds: number): number {
  return Math.max(1, Math.ceil(milliseconds / 1000));
}
