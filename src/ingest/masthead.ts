import { isBoilerplate } from "./boilerplate.ts";
import { extractIssueNumber, normaliseDate } from "./issue-metadata.ts";
import type { Block } from "./source-issue.ts";

/** What the first lines of an e-mail or page say about the issue. */
export interface Masthead {
  publication: string | null;
  issueNumber: string | null;
  date: string | null;
}

// Mastheads sit in the first few blocks; further down, dates and numbers belong to stories.
const mastheadDepth = 12;
const maximumMastheadLineLength = 90;

// A short line that names a newsletter rather than saying something.
const publicationWords =
  /(?:\b(?:weekly|newsletter|digest|news|daily|monthly|bulletin|briefing)\b|周刊|日报|周报|月刊|快报)/i;

// Lines that label the publication date explicitly (tw93 pages: `发布日期：2021/11/15`).
const labelledDate = /(?:发布日期|发布时间|日期|Published(?: on)?|Posted(?: on)?|Date)\s*[:：]\s*(.+)$/i;

/**
 * Reads the masthead of an issue body: a line like `#459 — October 20, 2022`, a byline
 * `By Luis Villa – 14 Oct 2022`, a short line naming the newsletter (`Go Weekly`), and a
 * labelled date anywhere in the body (`发布日期：2021/11/15`).
 */
export function readMasthead(blocks: Block[], title: string | null): Masthead {
  const masthead: Masthead = { publication: null, issueNumber: null, date: null };
  for (const block of blocks.slice(0, mastheadDepth)) {
    if (block.kind !== "paragraph" || block.text.length > maximumMastheadLineLength) continue;
    const text = block.text;
    if (text === title) continue;
    masthead.issueNumber ??= extractIssueNumber(text);
    masthead.date ??= normaliseDate(text);
    if (
      masthead.publication === null &&
      publicationWords.test(text) &&
      text.length <= 50 &&
      !/[:：]/.test(text) &&
      !isBoilerplate(text) &&
      normaliseDate(text) === null
    ) {
      masthead.publication = text;
    }
  }
  for (const block of blocks) {
    if (masthead.date !== null) break;
    if (block.kind !== "paragraph" || block.text.length > maximumMastheadLineLength) continue;
    const labelled = labelledDate.exec(block.text);
    if (labelled?.[1]) masthead.date = normaliseDate(labelled[1]);
  }
  return masthead;
}

/**
 * The short line printed just before the title block, which in e-mails is usually the
 * newsletter or column name (`Divinations`, `Open(ish) Machine Learning News`).
 */
export function lineBeforeTitle(blocks: Block[], title: string): string | null {
  const titleIndex = blocks.findIndex((block) => block.text === title);
  if (titleIndex <= 0 || titleIndex > mastheadDepth) return null;
  for (let index = titleIndex - 1; index >= 0; index -= 1) {
    const block = blocks[index];
    if (block?.kind !== "paragraph") continue;
    const text = block.text;
    if (text.length > 50 || isBoilerplate(text) || normaliseDate(text) !== null) continue;
    return text;
  }
  return null;
}

// How an issue's opening names its newsletter: `Hello and welcome to another issue of *This Week
// in Rust*!`, `Welcome to the Swift Weekly Brief`, `欢迎阅读《X》`, `这里是 X周刊`, `《X》第 5 期`.
const openingNamePatterns: RegExp[] = [
  /\b[Ww]elcome to (?:another|this week[’']s|the latest|today[’']s|this)\s+(?:issue|edition) of\s+(?:the\s+)?([\p{Lu}\d][^!?.,;:\n]{1,48}?)\s*[!?.,;:]/u,
  /\b[Ww]elcome to (?:the\s+)?(\p{Lu}[\p{L}\d'’&. -]{1,40}?\b(?:Weekly|Newsletter|Digest|Brief|Briefing|Bulletin))\b/u,
  /欢迎(?:阅读|收看|来到|订阅|关注)\s*(?:本期|第\s*\d+\s*期)?\s*《([^》]{2,30})》/u,
  /^\s*《([^》]{2,30})》/u,
  /^这里是\s*《?([^，,。！》\s]{2,20}?(?:周刊|周报|日报|月刊|快报|简报))》?/u,
];

// The opening phrase naming the newsletter comes in the first paragraphs, before any item.
const openingDepth = 3;

/** The newsletter's name as the issue's opening paragraphs state it, or null. */
export function publicationFromOpening(blocks: Block[]): string | null {
  const opening: string[] = [];
  for (const block of blocks) {
    if (block.kind === "heading" && opening.length > 0) break;
    if (block.kind === "paragraph") opening.push(block.text);
    if (opening.length >= openingDepth) break;
  }
  for (const text of opening) {
    for (const pattern of openingNamePatterns) {
      const name = pattern.exec(text)?.[1]?.trim();
      if (name && /\p{L}{2,}/u.test(name)) return name;
    }
  }
  return null;
}
