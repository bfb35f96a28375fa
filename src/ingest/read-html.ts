import type { Document, Element } from "domhandler";
import { DomUtils } from "htmlparser2";
import { normaliseInlineText } from "./clean-text.ts";
import { extractForwardedHeader } from "./forwarded-message.ts";
import { domToBlocks, parseHtml } from "./html-to-blocks.ts";
import {
  dateFromFileName,
  extractIssueNumber,
  fileStem,
  issueNumberFromFileStem,
  normaliseDate,
  publicationFromFileStem,
  publicationFromTitle,
  titleFromFileStem,
} from "./issue-metadata.ts";
import { lineBeforeTitle, readMasthead } from "./masthead.ts";
import type { SourceIssue } from "./source-issue.ts";

export { htmlToBlocks } from "./html-to-blocks.ts";

/**
 * Reads one HTML web page or HTML e-mail as one issue. Metadata comes from the head
 * (`og:*`, `<title>`, canonical link) when the page has one, else from the body: a forwarded
 * message's From/Date/Subject, the masthead line (`#459 — October 20, 2022`), a labelled date
 * (`发布日期：2021/11/15`), and finally the file name.
 */
export function readHtml(path: string, html: string): SourceIssue {
  const document = parseHtml(html);
  const head = readHead(document);
  const forwarded = extractForwardedHeader(domToBlocks(document));
  const blocks = forwarded.blocks;
  const header = forwarded.header;
  const stem = fileStem(path);
  const firstHeading = blocks.find((block) => block.kind === "heading")?.text ?? null;

  const title = head.title ?? header?.subject ?? firstHeading ?? titleFromFileStem(stem);
  const masthead = readMasthead(blocks, title);
  // Some static-site templates put the page title in og:site_name too; that names no publication.
  const siteName = head.siteName !== title ? head.siteName : null;
  const publication =
    siteName ??
    header?.from ??
    masthead.publication ??
    lineBeforeTitle(blocks, title) ??
    publicationFromTitle(title) ??
    (firstHeading ? publicationFromTitle(firstHeading) : null) ??
    publicationFromFileStem(stem);
  const date =
    head.publishedDate ??
    (header?.date ? normaliseDate(header.date) : null) ??
    masthead.date ??
    normaliseDate(title) ??
    (firstHeading ? normaliseDate(firstHeading) : null) ??
    dateFromFileName(path);
  const issueNumber =
    extractIssueNumber(title) ??
    masthead.issueNumber ??
    (firstHeading ? extractIssueNumber(firstHeading) : null) ??
    issueNumberFromFileStem(stem);
  return { publication, title, issueNumber, date, url: head.url, key: null, blocks };
}

interface HeadMetadata {
  title: string | null;
  siteName: string | null;
  url: string | null;
  publishedDate: string | null;
}

/** Title, site name, canonical URL and publication date from `<head>` (and `<time>` in the body). */
function readHead(document: Document): HeadMetadata {
  const metaContent = (...names: string[]): string | null => {
    for (const name of names) {
      const element = DomUtils.findOne(
        (candidate) =>
          candidate.name === "meta" &&
          (candidate.attribs.property === name || candidate.attribs.name === name),
        document.children,
      );
      const content = element?.attribs.content?.trim();
      if (content) return normaliseInlineText(content);
    }
    return null;
  };
  const titleElement = DomUtils.findOne((element) => element.name === "title", document.children);
  const titleText = titleElement ? normaliseTitle(DomUtils.textContent(titleElement)) : null;
  const canonical = DomUtils.findOne(
    (element: Element) => element.name === "link" && /\bcanonical\b/i.test(element.attribs.rel ?? ""),
    document.children,
  );
  const timeElement = DomUtils.findOne(
    (element) => element.name === "time" && element.attribs.datetime !== undefined,
    document.children,
  );
  const publishedText =
    metaContent("article:published_time", "og:published_time", "date", "pubdate", "dc.date") ??
    timeElement?.attribs.datetime ??
    null;
  return {
    title: metaContent("og:title", "twitter:title") ?? titleText,
    siteName: metaContent("og:site_name", "application-name"),
    url: metaContent("og:url") ?? canonical?.attribs.href ?? null,
    publishedDate: publishedText ? normaliseDate(publishedText) : null,
  };
}

function normaliseTitle(text: string): string | null {
  const title = normaliseInlineText(text);
  return title === "" ? null : title;
}
