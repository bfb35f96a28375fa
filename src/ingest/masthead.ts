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
