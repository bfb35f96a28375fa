/**
 * The App Home tab: what the bot knows (publications, newest issues, coverage) and how to ask,
 * in the viewer's language. Pure; published with `views.publish` when the tab opens.
 */

import type { StoreOverview } from "../../src/briefbot-service.ts";
import type { FixedTexts } from "../texts/fixed-texts.ts";
import { escapeMrkdwn, isLinkableUrl, mrkdwnLink } from "./mrkdwn.ts";
import { type SlackBlock, slackLimits } from "./slack-blocks.ts";
import { splitText } from "./split-text.ts";

/** Newest issues listed; the rest are one `/sources`-style question away. */
const newestIssueCount = 10;

/** `topics`: what the viewer follows (`/brief follow`), listed under "Following". */
export function renderHome(overview: StoreOverview, texts: FixedTexts, topics: string[] = []): SlackBlock[] {
  const summary = texts.storeSummary({
    documents: overview.documents,
    publications: overview.publications.map((publication) => publication.name),
    latestDate: overview.latestDate,
  });
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: texts.appHomeTitle } },
    section(escapeMrkdwn(`${texts.intro}\n\n${summary}`)),
    { type: "divider" },
    section(`*${escapeMrkdwn(texts.coverageHeading)}*`),
  ];
  if (overview.publications.length === 0) blocks.push(section(escapeMrkdwn(texts.noBriefsYet)));
  else {
    const lines = overview.publications.map(
      (publication) =>
        `• *${escapeMrkdwn(publication.name)}* — ${escapeMrkdwn(texts.publicationLine(publication.documents, publication.latestDate))}`,
    );
    blocks.push(...sections(`*${escapeMrkdwn(texts.publicationsHeading)}*\n${lines.join("\n")}`));
  }
  const newest = overview.latestIssues.slice(0, newestIssueCount);
  if (newest.length > 0) {
    const lines = newest.map((issue) => {
      const label = `${issue.date === null ? "" : `${issue.date} `}${issue.publication} — ${issue.title}`;
      return `• ${isLinkableUrl(issue.url) ? mrkdwnLink(issue.url, label) : escapeMrkdwn(label)}`;
    });
    blocks.push(...sections(`*${escapeMrkdwn(texts.latestIssuesHeading)}*\n${lines.join("\n")}`));
  }
  blocks.push({ type: "divider" }, section(`*${escapeMrkdwn(texts.follow.homeHeading)}*`));
  blocks.push(
    ...sections(
      topics.length === 0
        ? escapeMrkdwn(texts.follow.none("/brief follow"))
        : [
            ...topics.map((topic) => `• ${escapeMrkdwn(topic)}`),
            escapeMrkdwn(texts.follow.listFooter("/brief unfollow")),
          ].join("\n"),
    ),
  );
  blocks.push({ type: "divider" }, section(`*${escapeMrkdwn(texts.howToAskHeading)}*`));
  blocks.push(...sections(texts.slackHowToAsk.map((line) => `• ${escapeMrkdwn(line)}`).join("\n")));
  return blocks.slice(0, slackLimits.blocksPerView);
}

function sections(text: string): SlackBlock[] {
  return splitText(text, slackLimits.sectionText - 100).map(section);
}

function section(text: string): SlackBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}
