import { decodeHTML } from "entities";
import { normaliseInlineText } from "./clean-text.ts";

/**
 * Inline Markdown → plain text: link text kept and URLs dropped, images and raw HTML tags
 * removed, emphasis and code markers removed, entities decoded.
 */

// `[text](url "title")`, allowing one level of brackets in the text and parentheses in the URL.
const inlineLink =
  /\[((?:[^[\]]|\[[^\]]*\])*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+["'(][^)]*["')])?\s*\)/g;
const soleLinkPattern = new RegExp(`^${inlineLink.source}$`);
const image = /!\[(?:[^[\]]|\[[^\]]*\])*\]\([^)]*\)/g;
const referenceLink = /\[((?:[^[\]]|\[[^\]]*\])+)\]\[[^\]]*\]/g;
const autolink = /<((?:https?|ftp|mailto):[^>\s]+)>/gi;
const htmlTag = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/g;

/** Plain text of a line or paragraph of inline Markdown. */
export function stripInlineMarkdown(markdown: string): string {
  // Each rewrite runs only when its marker character is present: most lines have none, and the
  // emphasis patterns with look-behinds are the slowest part of reading a Markdown archive.
  // Code spans first, so `<details>` or `<module-name>` inside backticks is kept, not taken for HTML.
  const codeSpans: string[] = [];
  let text = markdown.includes("`")
    ? markdown.replace(/(`+)(.+?)\1/g, (_match, _ticks: string, code: string) => {
        codeSpans.push(code);
        return `\u0000${codeSpans.length - 1}\u0000`;
      })
    : markdown;
  if (text.includes("]("))
    text = text.replace(image, " ").replace(inlineLink, (_match, linkText: string) => linkText);
  if (text.includes("][")) text = text.replace(referenceLink, (_match, linkText: string) => linkText);
  if (text.includes("<")) {
    text = text
      .replace(/<img\b[^>]*>/gi, " ")
      .replace(autolink, (_match, url: string) => url)
      .replace(htmlTag, " ");
  }
  if (text.includes("*") || text.includes("__"))
    text = text.replace(/(\*\*|__)(?=\S)([\s\S]+?)(?<=\S)\1/g, "$2");
  if (text.includes("~~")) text = text.replace(/~~(?=\S)([\s\S]+?)(?<=\S)~~/g, "$1");
  if (text.includes("*")) {
    text = text.replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, "$1$2");
  }
  if (text.includes("_")) {
    text = text.replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, "$1$2");
  }
  if (text.includes("\\")) text = text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, "$1");
  if (text.includes("&")) text = decodeHTML(text);
  if (codeSpans.length > 0)
    text = text.replace(/\u0000(\d+)\u0000/g, (_match, index: string) => codeSpans[Number(index)] ?? "");
  return normaliseInlineText(text);
}

/** When the whole text is one link (`[Title](url)`), its text and URL; else null. */
export function soleLink(markdown: string): { text: string; url: string } | null {
  if (!markdown.includes("](")) return null;
  const match = soleLinkPattern.exec(markdown.trim());
  if (!match) return null;
  return { text: match[1] ?? "", url: decodeHTML(match[2] ?? "") };
}
