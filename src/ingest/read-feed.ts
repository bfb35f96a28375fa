import { decodeXML } from "entities";
import { XMLParser } from "fast-xml-parser";
import { InputError } from "../errors.ts";
import { cjkShare } from "../text/segment.ts";
import { normaliseInlineText } from "./clean-text.ts";
import { htmlToBlocks } from "./html-to-blocks.ts";
import { extractIssueNumber, feedCalendarDate, fileStem, publicationFromFileStem } from "./issue-metadata.ts";
import type { Block, SourceIssue } from "./source-issue.ts";

/** A parsed XML node as fast-xml-parser returns it with our options. */
type XmlNode = string | XmlObject | XmlNode[];
interface XmlObject {
  [name: string]: XmlNode | undefined;
}

const cdataKey = "#cdata";
const textKey = "#text";
const attributePrefix = "@_";

// Entities are left alone by the parser and decoded here exactly once: CDATA must stay as it is,
// and Atom's entity-escaped `<content type="html">` must become HTML, not text.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: attributePrefix,
  textNodeName: textKey,
  cdataPropName: cdataKey,
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
});

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed: one issue per item or entry. The publication is
 * the channel title; the body is `content:encoded`, Atom `content`, or the description/summary,
 * parsed as HTML.
 *
 * @throws InputError when the XML is not a feed or no item has text.
 */
export function readFeed(path: string, xml: string): SourceIssue[] {
  let document: XmlObject;
  try {
    document = parser.parse(xml) as XmlObject;
  } catch (error) {
    throw new InputError(path, `${path} is not a readable feed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const rss = objectOf(document.rss);
  const rdf = objectOf(document["rdf:RDF"]);
  const atom = objectOf(document.feed);
  const channel = objectOf(rss?.channel) ?? objectOf(rdf?.channel);
  const feedRoot = atom ?? channel;
  if (!feedRoot) {
    throw new InputError(
      path,
      `${path} is not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root element)`,
    );
  }
  const publication = textOf(feedRoot.title) || publicationFromFileStem(fileStem(path));
  const items = atom ? listOf(atom.entry) : listOf(channel?.item ?? rdf?.item);
  const issues: SourceIssue[] = [];
  items.forEach((item, index) => {
    const itemObject = objectOf(item);
    if (!itemObject) return;
    const issue = atom ? readAtomEntry(itemObject, publication) : readRssItem(itemObject, publication);
    if (issue.blocks.length === 0) return;
    issues.push({ ...issue, key: issue.key ?? `item-${index + 1}` });
  });
  if (issues.length === 0) {
    throw new InputError(
      path,
      `${path} is a feed with no readable items (${items.length} items, none with text)`,
    );
  }
  return issues;
}

function readRssItem(item: XmlObject, publication: string): SourceIssue {
  const link = firstUrl(textOf(item.link)) ?? firstUrl(textOf(item.guid));
  const body = textOf(item["content:encoded"]) || textOf(item.description);
  const blocks = htmlToBlocks(body);
  const title = normaliseInlineText(textOf(item.title)) || firstHeadingText(blocks) || publication;
  const written = textOf(item.pubDate) || textOf(item["dc:date"]);
  return {
    publication,
    title,
    issueNumber: extractIssueNumber(title),
    date: written ? feedCalendarDate(written, isChinese(title, blocks)) : null,
    url: link,
    key: textOf(item.guid) || link,
    blocks,
  };
}

/** Whether an item is written in Chinese (its publisher then most likely keeps UTC+8 dates). */
function isChinese(title: string, blocks: Block[]): boolean {
  const sample = [title, ...blocks.slice(0, 20).map((block) => block.text)].join(" ");
  return cjkShare(sample) >= 0.3;
}

function readAtomEntry(entry: XmlObject, publication: string): SourceIssue {
  const links = listOf(entry.link).map(objectOf);
  const alternate =
    links.find((link) => (link?.[`${attributePrefix}rel`] ?? "alternate") === "alternate") ?? links[0];
  const url = firstUrl(decodeXML(String(alternate?.[`${attributePrefix}href`] ?? "")));
  const content = entry.content ?? entry.summary;
  const contentType = String(objectOf(content)?.[`${attributePrefix}type`] ?? "text");
  const bodyText = textOf(content);
  const blocks = contentType === "text" ? htmlToBlocks(escapeAsHtml(bodyText)) : htmlToBlocks(bodyText);
  const title = atomText(entry.title) || firstHeadingText(blocks) || publication;
  const written = textOf(entry.published) || textOf(entry.updated) || textOf(entry["dc:date"]);
  return {
    publication,
    title,
    issueNumber: extractIssueNumber(title),
    date: written ? feedCalendarDate(written, isChinese(title, blocks)) : null,
    url,
    key: textOf(entry.id) || url,
    blocks,
  };
}

/** Atom text constructs may be `type="html"`: then the decoded text is markup to strip. */
function atomText(node: XmlNode | undefined): string {
  const text = textOf(node);
  const type = objectOf(node)?.[`${attributePrefix}type`];
  if (type === "html" || type === "xhtml") {
    return htmlToBlocks(text)
      .map((block) => block.text)
      .join(" ");
  }
  return normaliseInlineText(text);
}

/** Text content of a node: entity-decoded text plus raw CDATA, in that order. */
function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return "";
  if (typeof node === "string") return decodeXML(node);
  if (Array.isArray(node)) return node.length > 0 ? textOf(node[0]) : "";
  const text = node[textKey];
  const cdata = node[cdataKey];
  const parts: string[] = [];
  if (typeof text === "string") parts.push(decodeXML(text));
  if (typeof cdata === "string") parts.push(cdata);
  if (Array.isArray(cdata)) for (const section of cdata) if (typeof section === "string") parts.push(section);
  return parts.join("").trim();
}

function objectOf(node: XmlNode | undefined): XmlObject | null {
  if (node === undefined || typeof node === "string") return null;
  if (Array.isArray(node)) return objectOf(node[0]);
  return node;
}

function listOf(node: XmlNode | undefined): XmlNode[] {
  if (node === undefined) return [];
  return Array.isArray(node) ? node : [node];
}

/** The first http(s) URL in a value; tolerates junk around it (`{'https://example.com'}`). */
function firstUrl(value: string): string | null {
  return /https?:\/\/[^\s'"{}<>]+/i.exec(value)?.[0] ?? null;
}

function firstHeadingText(blocks: { kind: string; text: string }[]): string {
  return blocks.find((block) => block.kind === "heading")?.text ?? "";
}

/** Plain text as HTML paragraphs, so text bodies go through the same block builder. */
function escapeAsHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`)
    .join("");
}
