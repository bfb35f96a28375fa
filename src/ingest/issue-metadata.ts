/**
 * Metadata helpers shared by the readers: publication dates, issue numbers and the fallbacks
 * derived from a file's name.
 */

const monthNumbers: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const monthPattern = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const numericDate = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/;
const dayFirstDate = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthPattern},?\\s+(\\d{4})\\b`, "i");
const monthFirstDate = new RegExp(`\\b${monthPattern}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "i");

/**
 * The publisher's calendar date, `YYYY-MM-DD`, from a date as written: ISO 8601, `2025/09/22`,
 * `2021年11月15日`, RFC 822 (`Mon, 14 Nov 2021 16:00:00 GMT`) or `February 18, 2026`.
 * The date is taken as written, never converted to UTC or local time: a weekly dated
 * "16:00 GMT" by a UTC+8 publisher is the next morning in its own calendar, and the
 * written date is what readers cite. Returns null when no full date is present or it is invalid.
 */
export function normaliseDate(written: string): string | null {
  const numeric = numericDate.exec(written);
  if (numeric) return formatDate(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  const dayFirst = dayFirstDate.exec(written);
  if (dayFirst) return formatDate(Number(dayFirst[3]), monthNumber(dayFirst[2]), Number(dayFirst[1]));
  const monthFirst = monthFirstDate.exec(written);
  if (monthFirst) return formatDate(Number(monthFirst[3]), monthNumber(monthFirst[1]), Number(monthFirst[2]));
  return null;
}

/**
 * A feed timestamp as the publisher's calendar date. Feeds often give UTC ("16:00:00 GMT", "Z");
 * for a Chinese publication that is the previous evening of the day it was published in China
 * (UTC+8), so the date is taken in UTC+8 there. A timestamp with its own offset keeps its date.
 */
export function feedCalendarDate(written: string, chinese: boolean): string | null {
  const inUtc = /(?:\bGMT|\bUTC|\bUT|Z|[+-]00:?00)\s*$/i.test(written.trim());
  const instant = Date.parse(written);
  if (chinese && inUtc && !Number.isNaN(instant)) {
    const shifted = new Date(instant + 8 * 3600 * 1000);
    return formatDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  }
  return normaliseDate(written);
}

function monthNumber(name: string | undefined): number {
  return monthNumbers[(name ?? "").slice(0, 3).toLowerCase()] ?? 0;
}

function formatDate(year: number, month: number, day: number): string | null {
  if (year < 1970 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// Issue-number shapes as printed in titles, most specific first.
const issueNumberPatterns: RegExp[] = [
  /第\s*(\d+)\s*期/,
  /\bissue\s*(?:no\.?\s*)?#?\s*(\d+)\b/i,
  /\bno\.\s*(\d+)\b/i,
  /(?:^|[\s(（])#\s*(\d+)\b/,
];

/** The issue number printed in a title (`第113期`, `Issue #31`, `#459`, `No. 12`), or null. */
export function extractIssueNumber(title: string): string | null {
  for (const pattern of issueNumberPatterns) {
    const match = pattern.exec(title);
    if (match?.[1]) return String(Number(match[1]));
  }
  return null;
}

// Where a newsletter's name ends in a title: at the issue number, a date, or `: Month Year`.
const titleCutPatterns = [
  ...issueNumberPatterns,
  numericDate,
  new RegExp(`[:：]\\s*${monthPattern}\\s+\\d{4}\\s*$`, "i"),
  // `China Tech Notes — 21 March 2025`, `Weekly - March 21, 2025`
  new RegExp(`\\s[—–-]\\s+(?:\\d{1,2}\\s+)?${monthPattern}\\s+(?:\\d{1,2},?\\s+)?\\d{4}\\s*$`, "i"),
];

/**
 * The newsletter name when a title starts with it: `科技爱好者周刊（第 399 期）：…` →
 * `科技爱好者周刊`, `Node Weekly #459` → `Node Weekly`, `TLDR AI 2026-08-21` → `TLDR AI`,
 * `LLM digest: January 2026` → `LLM digest`. Null when the title has no such prefix.
 */
export function publicationFromTitle(title: string): string | null {
  for (const pattern of titleCutPatterns) {
    const match = pattern.exec(title);
    if (!match || match.index === 0) continue;
    const prefix = title
      .slice(0, match.index)
      .replace(/[\s:：|｜\-–—(（[【,，]+$/u, "")
      .trim()
      // `《HelloGitHub》第 14 期`: the name is printed in title marks.
      .replace(/^[《「『]\s*(.+?)\s*[》」』]$/u, "$1");
    // `Issue #31 | …` has no name before the number, only the word for "issue".
    if (/^(?:issue|no|number|vol(?:ume)?|edition|ep(?:isode)?)\.?$/i.test(prefix)) continue;
    if (/\p{L}{2,}/u.test(prefix) && prefix.length <= 60) return prefix;
  }
  return null;
}

/** The file name without folders and without every extension (`tw93-weekly-239.zh.md` → `tw93-weekly-239`). */
/**
 * The date a file's name gives, read from the whole name less its extension: a dotted date
 * (`#55-2019.02.18.md`) is cut by `fileStem`, which stops at the first dot.
 */
export function dateFromFileName(path: string): string | null {
  const name = path.split(/[\\/]/).pop() ?? path;
  return normaliseDate(name.replace(/\.[a-z0-9]+$/i, ""));
}

export function fileStem(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const stem = name.replace(/^(\.*[^.]*).*$/, "$1");
  return stem === "" ? name : stem;
}

/**
 * The folders a file is kept in, space-joined (`archive/tw93-weekly/posts/200.md` →
 * `archive tw93-weekly posts`), which often name its newsletter; empty for a URL.
 */
export function folderNames(path: string | null | undefined): string {
  if (path === null || path === undefined || /^[a-z]+:\/\//i.test(path)) return "";
  return path.split(/[\\/]/).slice(0, -1).join(" ");
}

/**
 * A readable title from a file name: separators become spaces (`tw93-weekly-239` →
 * `tw93 weekly 239`); a leading issue number is left to the issue number (`239-山顶咖啡` → `山顶咖啡`).
 */
export function titleFromFileStem(stem: string): string {
  if (isArchiveCounterStem(stem)) return stem;
  const withoutLeadingNumber = stem.replace(/^\d{1,5}[-_](?=\D)/, "");
  const spaced = withoutLeadingNumber.replace(/[-_]+/g, " ").trim();
  return spaced === "" ? stem : spaced;
}

/**
 * A publication name from a file name, without dates and trailing issue numbers
 * (`smol-ai-news-2026-08-14` → `smol ai news`). Falls back to the whole stem when what is left
 * is not made of words (hash-like names such as `000_f197a3a987651a40`).
 */
export function publicationFromFileStem(stem: string): string {
  if (isArchiveCounterStem(stem)) return stem;
  const withoutDates = stem
    .replace(/\d{4}[-_]\d{2}(?:[-_]\d{2})?/g, " ")
    .replace(
      /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/gi,
      " ",
    )
    .replace(/[-_](?:issue[-_]?)?\d+(?=$|[-_\s])/gi, " ");
  const spaced = withoutDates.replace(/[-_\s]+/g, " ").trim();
  return /\p{L}{3,}/u.test(spaced) ? spaced : stem;
}

/** The issue number a file name carries (`ruanyf-weekly-issue-399`, `239-山顶咖啡`), or null. */
export function issueNumberFromFileStem(stem: string): string | null {
  if (isArchiveCounterStem(stem)) return null;
  const match =
    /(?:issue|weekly|no|number)[-_]?(\d{1,5})(?=$|[-_])/i.exec(stem) ?? /^(\d{1,5})[-_]\D/.exec(stem);
  return match?.[1] ? String(Number(match[1])) : null;
}

/** Folders that hold any publication's issues (Jekyll's `_posts`, `src/pages/posts`), not one's name. */
const genericFolders =
  /^(?:_?posts?|_?drafts|src|pages?|content|issues?|newsletters?|archives?|data|docs?|en|zh|cn)$/i;

/**
 * For a file whose name is a counter and a hash (`001_9afefc053d5ace72.txt`), only a date
 * (`2026-02-03.md`) or a dated post's slug and whose text names no publication: the folder it was kept in
 * (`weekly-essays/` → `weekly essays`; past `_posts/`), which the operator named, rather than the
 * hash or the date. The stem when the folders say nothing either.
 */
export function publicationFromFolder(path: string, stem: string): string {
  // A Jekyll post's name is its date and its own slug (`2026-02-01-crane-order`): the slug is the
  // post's title, not the publication's name.
  const datedPost = /^\d{4}[-_]\d{2}[-_]\d{2}[-_]/.test(stem);
  const fromStem = publicationFromFileStem(stem);
  if (!isArchiveCounterStem(stem) && !datedPost && /\p{L}{3,}/u.test(fromStem)) return fromStem;
  const folders = path.split(/[\\/]/).slice(0, -1).reverse();
  for (const folder of folders.slice(0, 3)) {
    if (genericFolders.test(folder)) continue;
    const spaced = folder.replace(/[-_]+/g, " ").trim();
    return /\p{L}{3,}/u.test(spaced) && !isArchiveCounterStem(folder) ? spaced : stem;
  }
  return stem;
}

/** Longest title made from an issue's opening sentence when it has no title of its own. */
const openingTitleCharacters = 80;

/**
 * For a file named by a counter and a hash with no title line: its opening sentence, cut at a word
 * boundary ("The data tells us that among the 20 most active apps globally, 19, …"), which a reader
 * can recognise; any other stem reads as a title itself.
 */
export function titleFromOpening(stem: string, opening: string | undefined): string {
  if (!isArchiveCounterStem(stem) || opening === undefined) return titleFromFileStem(stem);
  const sentence =
    opening
      .trim()
      .match(/^.+?(?:[.!?。！？](?=\s|$)|$)/su)?.[0]
      ?.trim() ?? "";
  if (!/\p{L}{3,}/u.test(sentence)) return stem;
  if (sentence.length <= openingTitleCharacters) return sentence;
  const cut = sentence.slice(0, openingTitleCharacters);
  const boundary = /[\u3400-\u9fff]/u.test(cut) ? cut.length : cut.lastIndexOf(" ");
  return `${cut.slice(0, boundary > 20 ? boundary : cut.length).replace(/[\s,，、;；:：]+$/u, "")}…`;
}

/** Archive names such as `000_f197a3a987651a40` are a counter and a hash: neither a number nor a title. */
function isArchiveCounterStem(stem: string): boolean {
  return /^\d{1,5}[-_][0-9a-f]{8,}$/i.test(stem);
}
