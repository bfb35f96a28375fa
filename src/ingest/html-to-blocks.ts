import type { ChildNode, Document, Element } from "domhandler";
import { DomHandler, Parser } from "htmlparser2";
import { hasWords, isBareUrl, normaliseInlineText, normalisePreformattedText } from "./clean-text.ts";
import type { Block } from "./source-issue.ts";

/**
 * HTML → Block[]: the body text of a web page, HTML e-mail or feed item, in reading order.
 * Headings become heading blocks; every other block-level run of text (paragraph, list item,
 * table cell run) becomes one paragraph. Link URLs, images, scripts, styles, navigation and
 * text the reader never sees (hidden preheaders, MSO-only markup) are dropped.
 */

// Elements whose content is never reading text.
const skippedElements = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "canvas",
  "iframe",
  "object",
  "embed",
  "video",
  "audio",
  "picture",
  "img",
  "nav",
  "form",
  "button",
  "select",
  "input",
  "textarea",
  "title",
  "meta",
  "link",
]);

// Elements that end the current run of text. Anything else (a, span, strong, font…) is inline.
const blockElements = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "header",
  "hr",
  "html",
  "li",
  "main",
  "ol",
  "p",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

const headingLevels: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

// Inline styles that hide text: e-mail preheaders use all of these.
const hiddenStyle =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all|max-height\s*:\s*0(?:px)?\s*(?:!important)?\s*(?:;|$)|max-width\s*:\s*0(?:px)?\s*(?:!important)?\s*(?:;|$)|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$))/i;

// Lines longer than this are not item titles even when bold.
const maximumPseudoHeadingLength = 160;

/** Parse HTML into blocks. Entities are decoded; the markup may be a fragment. */
export function htmlToBlocks(html: string): Block[] {
  return domToBlocks(parseHtml(html));
}

/**
 * Deepest element nesting read. Browsers' HTML parsers stop nesting at 512 (Blink's limit);
 * real newsletters, table layouts included, stay under 100. Deeper markup is hostile or broken,
 * and walking it recursively would exhaust the stack.
 */
export const MAX_HTML_NESTING_DEPTH = 512;

/** The markup nests deeper than `MAX_HTML_NESTING_DEPTH`; readers report it by file name. */
export class HtmlTooDeepError extends Error {}

/**
 * Parse HTML leniently (unclosed tags, fragments, upper-case tags) into a DOM.
 * @throws HtmlTooDeepError when elements nest deeper than `MAX_HTML_NESTING_DEPTH`.
 */
export function parseHtml(html: string): Document {
  const options = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true };
  const handler = new DepthLimitedHandler();
  // Stops at the first element past the limit: parsing the whole of a hostile file first would
  // take htmlparser2 minutes (closing tags search the open-element stack).
  new Parser(handler, options).end(html);
  return handler.root;
}

/** htmlparser2's DOM builder, refusing to open an element deeper than `MAX_HTML_NESTING_DEPTH`. */
class DepthLimitedHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    // tagStack holds the document and every open element.
    if (this.tagStack.length > MAX_HTML_NESTING_DEPTH)
      throw new HtmlTooDeepError(
        `HTML elements nest deeper than the ${MAX_HTML_NESTING_DEPTH} briefbot reads (broken or hostile markup)`,
      );
    super.onopentag(name, attribs);
  }
}

/** Blocks of an already-parsed DOM (readers that also need the head parse once). */
export function domToBlocks(document: Document): Block[] {
  const collector = new BlockCollector();
  collector.visitChildren(document.children);
  collector.endRun();
  return collector.blocks;
}

/** Walks the DOM once, accumulating inline text into runs and emitting blocks at run ends. */
class BlockCollector {
  readonly blocks: Block[] = [];
  /** Inline text of the current run; "\n" marks a `<br>`. */
  private run = "";
  /** Inside `<pre>`: keep line breaks and spacing. */
  private preformattedDepth = 0;
  /** The level of the last real heading, so bold pseudo-headings nest below it. */
  private lastHeadingLevel = 1;

  visitChildren(children: ChildNode[]): void {
    for (const child of children) this.visit(child);
  }

  private visit(node: ChildNode): void {
    if (node.type === "text") {
      this.run += node.data;
      return;
    }
    if (node.type === "cdata") {
      this.visitChildren(node.children);
      return;
    }
    if (node.type !== "tag" && node.type !== "script" && node.type !== "style") return;
    const element = node as Element;
    const name = element.name;
    if (skippedElements.has(name) || isHidden(element)) return;
    if (name === "br") {
      this.run += "\n";
      return;
    }
    const headingLevel = headingLevels[name];
    if (headingLevel !== undefined) {
      this.endRun();
      this.emitHeading(headingLevel, textOf(element), linkOf(element));
      return;
    }
    if (name === "a" && wrapsHeading(element)) {
      // `<a href><h3>Title</h3></a>`: the heading is the link.
      const heading = element.children.find(
        (child): child is Element => child.type === "tag" && headingLevels[child.name] !== undefined,
      );
      this.endRun();
      if (heading) this.emitHeading(headingLevels[heading.name] ?? 3, textOf(heading), hrefOf(element));
      return;
    }
    if (name === "pre") {
      this.endRun();
      this.preformattedDepth += 1;
      this.visitChildren(element.children);
      this.preformattedDepth -= 1;
      this.endRun(true);
      return;
    }
    if (!blockElements.has(name)) {
      this.visitChildren(element.children);
      return;
    }
    this.endRun();
    if (name === "tr" && isDataRow(element)) {
      // A row of short cells is data: one paragraph per row keeps each value next to its label.
      const cells = element.children.filter(
        (child): child is Element => child.type === "tag" && (child.name === "td" || child.name === "th"),
      );
      const text = cells
        .map((cell) => textOf(cell))
        .filter((cellText) => cellText !== "")
        .join(" | ");
      if (hasWords(text)) this.blocks.push({ kind: "paragraph", text });
      return;
    }
    if (name === "p" || name === "div" || name === "li" || name === "td") {
      this.visitWithPseudoHeading(element);
    } else {
      this.visitChildren(element.children);
    }
    this.endRun();
  }

  /**
   * Digest items often lead with their title, which then becomes the item's heading block:
   * `<p><strong>Title</strong><br><a>url</a><br>text</p>` (tw93),
   * `<p><a>Title</a> — description</p>` (Cooperpress), or a paragraph that is only a
   * prominently styled link followed by the item's text.
   */
  private visitWithPseudoHeading(element: Element): void {
    const meaningful = element.children.filter(
      (child) => !(child.type === "text" && child.data.trim() === ""),
    );
    const first = meaningful[0];
    const second = meaningful[1];
    const level = Math.min(this.lastHeadingLevel + 1, 6);
    if (first?.type === "tag" && (first.name === "strong" || first.name === "b") && isLineBreak(second)) {
      const title = textOf(first);
      if (isItemTitle(title)) {
        this.emitHeading(level, title, linkOf(element), false);
        this.visitChildren(meaningful.slice(2));
        return;
      }
    }
    // A symbol before the link (`▶` for videos, an emoji) does not stop it leading the item.
    const leadIndex = first?.type === "text" && !hasWords(first.data) ? 1 : 0;
    const leadNode = meaningful[leadIndex];
    const link = leadNode ? leadLink(leadNode) : null;
    if (link) {
      const title = textOf(link);
      const rest = meaningful.slice(leadIndex + 1);
      const afterLink = rest[0];
      if (isItemTitle(title) && afterLink?.type === "text" && /^\s*[—–]\s/.test(afterLink.data)) {
        this.emitHeading(level, title, hrefOf(link), false);
        this.run += afterLink.data.replace(/^\s*[—–]\s*/, "");
        this.visitChildren(rest.slice(1));
        return;
      }
      if (isItemTitle(title) && rest.length === 0 && isProminent(element, link)) {
        this.emitHeading(level, title, hrefOf(link), false);
        return;
      }
    }
    this.visitChildren(element.children);
  }

  private emitHeading(level: number, text: string, url: string | null, isRealHeading = true): void {
    if (!hasWords(text)) return;
    if (isRealHeading) this.lastHeadingLevel = level;
    this.blocks.push({ kind: "heading", level, text, url });
  }

  /** End the current run of inline text, emitting it as a paragraph when it has words. */
  endRun(preformatted = false): void {
    const run = this.run;
    this.run = "";
    if (preformatted || this.preformattedDepth > 0) {
      const code = normalisePreformattedText(run);
      if (code.trim() !== "") this.blocks.push({ kind: "paragraph", text: code });
      return;
    }
    // A line that is only a URL repeats a link target; dropping it keeps tracking URLs out.
    const lines = run
      .split("\n")
      .map(normaliseInlineText)
      .filter((line) => line !== "" && !isBareUrl(line));
    const text = lines.join(" ");
    if (hasWords(text)) this.blocks.push({ kind: "paragraph", text });
  }
}

// Site chrome that wraps a page's article: a sidebar listing every other issue, menus.
const navigationMarker = /\b(?:nav|navigation|sidebar|menu|site-nav|navbar|breadcrumbs?)\b/i;

/** A table row with two or more cells holding only inline content (no layout tables inside). */
function isDataRow(element: Element): boolean {
  const cells = element.children.filter(
    (child): child is Element => child.type === "tag" && (child.name === "td" || child.name === "th"),
  );
  if (cells.length < 2) return false;
  return cells.every((cell) => !containsBlock(cell) && textOf(cell).length <= 80);
}

function containsBlock(element: Element): boolean {
  return element.children.some(
    (child) =>
      child.type === "tag" &&
      (blockElements.has(child.name) || headingLevels[child.name] !== undefined || containsBlock(child)),
  );
}

function isLineBreak(node: ChildNode | undefined): boolean {
  return node?.type === "tag" && (node as Element).name === "br";
}

/** Short enough and wordy enough to be the title of a digest item. */
function isItemTitle(text: string): boolean {
  return text !== "" && text.length <= maximumPseudoHeadingLength && hasWords(text);
}

/** The link a node consists of, unwrapping inline wrappers (`<span><a>…</a></span>`), or null. */
function leadLink(node: ChildNode): Element | null {
  if (node.type !== "tag") return null;
  const element = node as Element;
  if (element.name === "a") return hrefOf(element) ? element : null;
  if (!["span", "strong", "b", "em", "font"].includes(element.name)) return null;
  const meaningful = element.children.filter((child) => !(child.type === "text" && !hasWords(child.data)));
  const only = meaningful[0];
  return meaningful.length === 1 && only ? leadLink(only) : null;
}

/** Styled larger or bolder than body text: e-mail templates mark headlines this way instead of `<h2>`. */
function isProminent(...elements: Element[]): boolean {
  return elements.some((element) => {
    const style = element.attribs.style ?? "";
    const fontSize = /font-size\s*:\s*([\d.]+)\s*(em|rem|px)/i.exec(style);
    if (fontSize?.[1] && fontSize[2]) {
      const size = Number(fontSize[1]);
      if (fontSize[2].toLowerCase() === "px" ? size >= 18 : size >= 1.2) return true;
    }
    return false;
  });
}

function isHidden(element: Element): boolean {
  const attributes = element.attribs;
  if ("hidden" in attributes || attributes["aria-hidden"] === "true") return true;
  if (attributes.role === "navigation") return true;
  if (
    element.name === "aside" &&
    navigationMarker.test(`${attributes.class ?? ""} ${attributes.id ?? ""} ${attributes.title ?? ""}`)
  ) {
    return true;
  }
  const style = attributes.style;
  return style !== undefined && hiddenStyle.test(style);
}

/** Visible text of an element, whitespace-normalised, skipping hidden and non-text children. */
export function textOf(node: ChildNode | Document): string {
  return normaliseInlineText(rawTextOf(node));
}

function rawTextOf(node: ChildNode | Document): string {
  if (node.type === "text") return node.data;
  if (node.type === "root" || node.type === "cdata") return node.children.map(rawTextOf).join("");
  if (node.type !== "tag") return "";
  const element = node as Element;
  if (skippedElements.has(element.name) || isHidden(element)) return "";
  if (element.name === "br") return " ";
  const inner = element.children.map(rawTextOf).join("");
  return blockElements.has(element.name) ? ` ${inner} ` : inner;
}

function hrefOf(element: Element): string | null {
  const href = element.attribs.href?.trim();
  return href && /^(?:https?:)?\/\//i.test(href) ? href : null;
}

/** The first absolute link inside an element, or null. */
function linkOf(element: Element): string | null {
  for (const child of element.children) {
    if (child.type !== "tag") continue;
    const childElement = child as Element;
    if (childElement.name === "a") {
      const href = hrefOf(childElement);
      if (href) return href;
    }
    const nested = linkOf(childElement);
    if (nested) return nested;
  }
  return null;
}

function wrapsHeading(element: Element): boolean {
  return element.children.some((child) => child.type === "tag" && headingLevels[child.name] !== undefined);
}
