/**
 * Dates and issue references in a question ("in March 2024", "on 5 May", "last week's issue",
 * "the latest issue", "issue #31", "2024年3月", "上周", "最新一期", "第 120 期"), read as filters on
 * the issue's date or number rather than searched as words. English and Chinese, no model.
 */

export interface TimeReference {
  /** Inclusive `YYYY-MM-DD` bounds on the issue date. */
  since?: string | undefined;
  until?: string | undefined;
  /** An issue number the question names. */
  issueNumber?: string | undefined;
  /** "The latest issue": the newest issue's date, resolved against the store by the caller. */
  latest?: boolean | undefined;
  /**
   * `filter` keeps only issues of that date or number ("last week's issue", "issue #31", "the
   * latest issue"); `boost` prefers them (a date of an event, "in March 2024", may be reported in
   * a later issue, so it narrows nothing).
   */
  mode: "filter" | "boost";
  /** The question with the reference taken out, for searching (filters only; a boosted date is also searched as words). */
  rest: string;
  /** The words that made the reference, as written. */
  phrase: string;
}

const months: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
/** Every month name, in full and shortened ("january|jan|…"), as a regular-expression alternation. */
export const monthNames = Object.keys(months).join("|");

/** The twelve month names written in full, January first ("january" … "december"). */
export const monthNamesInFull: string[] = Array.from({ length: 12 }, (_, index) =>
  Object.keys(months)
    .filter((name) => months[name] === index + 1)
    .reduce((longest, name) => (name.length > longest.length ? name : longest), ""),
);

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthRange(year: number, month: number): ReadReference {
  return { since: `${year}-${pad(month)}-01`, until: `${year}-${pad(month)}-${pad(lastDayOf(year, month))}` };
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOf(year, month);
}

/** The most recent year in which a month (and day) without a year falls on or before `now`. */
function yearFor(month: number, day: number, now: Date): number {
  const year = now.getUTCFullYear();
  const candidate = Date.UTC(year, month - 1, day);
  return candidate > now.getTime() ? year - 1 : year;
}

/** Monday of the week holding `date` (UTC). */
function weekStart(date: Date): Date {
  const day = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

type ReadReference = Omit<TimeReference, "rest" | "phrase" | "mode">;

interface Rule {
  pattern: RegExp;
  read(match: RegExpMatchArray, now: Date): ReadReference | null;
}

/** Words a newsletter's name ends with, after which "#31" is its issue ("Go Weekly #31"). */
const newsletterWords =
  /^(?:weekly|newsletter|brief|digest|issue|edition|bulletin|roundup|update|notes|news|report|周刊|周报|简报|日报|月刊)$/iu;

const rules: Rule[] = [
  // Issue numbers: "issue #31", "issue 31", "No. 31", "第 120 期", "第120期".
  {
    pattern:
      /\b(?:in |from )?(?:the )?(?:issue|edition|newsletter)\s*(?:#|no\.?\s*|number\s*)?(\d{1,5})\b|#(\d{1,5})\b|第\s*(\d{1,5})\s*期/i,
    read: (match) => {
      // "Core Lightning #7455", "PR #1234": a number after a project's name is a pull request or
      // a ticket. A bare "#31" is an issue after a newsletter's word or on its own.
      if (match[2] !== undefined) {
        const before = (match.input ?? "").slice(0, match.index).trimEnd();
        const word = before.match(/([\p{L}\d.'’-]+)$/u)?.[1];
        const aboutANewsletter =
          /\b(?:week|weekly|newsletter|issue|edition|digest|brief)\b|周刊|周报|简报/iu.test(
            match.input ?? "",
          );
        if (word !== undefined && /^\p{Lu}/u.test(word) && !newsletterWords.test(word) && !aboutANewsletter)
          return null;
        if (word !== undefined && /^(?:pr|pull|bug|ticket|commit|rfc|bip|kep|se)$/i.test(word)) return null;
      }
      return { issueNumber: match[1] ?? match[2] ?? match[3] };
    },
  },
  // Latest: "the latest issue", "the newest issue", "最新一期", "最近一期".
  {
    pattern:
      /\b(?:in |from )?the (?:latest|newest|most recent|last) (?:[\p{L}\d'’.-]+ ){0,3}?(?:issue|edition|brief|newsletter)\b|最新(?:的)?一期|最近(?:的)?一期|最新一期/iu,
    read: () => ({ latest: true }),
  },
  // "on 5 May 2024", "on May 5, 2024", "May 5" (a day).
  {
    pattern: new RegExp(
      `\\b(?:on )?(?:(\\d{1,2})(?:st|nd|rd|th)? (${monthNames})\\.?|(${monthNames})\\.? (\\d{1,2})(?:st|nd|rd|th)?)(?:,? (\\d{4}))?\\b`,
      "i",
    ),
    read: (match, now) => {
      const day = Number(match[1] ?? match[4]);
      const month = months[(match[2] ?? match[3])!.toLowerCase()]!;
      const year = match[5] ? Number(match[5]) : yearFor(month, day, now);
      if (!validDay(year, month, day)) return null;
      const date = `${year}-${pad(month)}-${pad(day)}`;
      return { since: date, until: date };
    },
  },
  // "in March 2024", "March 2024".
  {
    pattern: new RegExp(`\\b(?:in |during )?(${monthNames})\\.? (\\d{4})\\b`, "i"),
    read: (match) => monthRange(Number(match[2]), months[match[1]!.toLowerCase()]!),
  },
  // Chinese dates: "2024年3月5日", "2024年3月", "3月5日".
  {
    pattern: /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?/u,
    read: (match, now) => {
      const month = Number(match[2]);
      if (month < 1 || month > 12) return null;
      if (match[3]) {
        const day = Number(match[3]);
        const year = match[1] ? Number(match[1]) : yearFor(month, day, now);
        if (!validDay(year, month, day)) return null;
        const date = `${year}-${pad(month)}-${pad(day)}`;
        return { since: date, until: date };
      }
      const year = match[1] ? Number(match[1]) : yearFor(month, 1, now);
      return monthRange(year, month);
    },
  },
  // "in 2024", "2024年" (a whole year; not a bare number, which may be a quantity).
  {
    pattern: /\b(?:in|during|of|from) ((?:19|20)\d\d)\b|((?:19|20)\d\d)\s*年(?!\s*\d)/u,
    read: (match) => {
      const year = match[1] ?? match[2];
      return { since: `${year}-01-01`, until: `${year}-12-31` };
    },
  },
  // Relative weeks and months (not in a name that holds the words: "This Week in Rust", "本周刊"): "last week('s issue)", "this week", "last month", "上周", "本周", "上个月".
  {
    pattern:
      /\b(last|this|past) (week|month)(?!\s+in\b)(?:'s|’s)?(?: (?:issue|edition|brief|newsletter))?\b|(上|本|这)(?:个)?(周|星期|月)(?!刊)/iu,
    read: (match, now) => {
      const which = (match[1] ?? match[3] ?? "").toLowerCase();
      const unit = (match[2] ?? match[4] ?? "").toLowerCase();
      const previous = which === "last" || which === "上";
      const past = which === "past";
      if (unit === "week" || unit === "周" || unit === "星期") {
        if (past) return { since: isoDate(addDays(now, -7)), until: isoDate(now) };
        const start = addDays(weekStart(now), previous ? -7 : 0);
        return { since: isoDate(start), until: isoDate(addDays(start, 6)) };
      }
      if (past) return { since: isoDate(addDays(now, -30)), until: isoDate(now) };
      const monthDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (previous ? 1 : 0), 1));
      return monthRange(monthDate.getUTCFullYear(), monthDate.getUTCMonth() + 1);
    },
  },
];

/**
 * The time or issue reference of a question, or null when it names none. `now` anchors relative
 * references ("last week"); months and days without a year mean the most recent one.
 */
export function readTimeReference(question: string, now: Date): TimeReference | null {
  let rest = question;
  const phrases: string[] = [];
  const reference: ReadReference = {};
  for (const rule of rules) {
    const match = rest.match(rule.pattern);
    if (match === null) continue;
    const read = rule.read(match, now);
    if (read === null) continue;
    // The first, most specific rule of each kind wins; dates narrow only once.
    if (read.issueNumber !== undefined && reference.issueNumber === undefined)
      reference.issueNumber = read.issueNumber;
    else if (read.latest && !reference.latest) reference.latest = true;
    else if (read.since !== undefined && reference.since === undefined) {
      reference.since = read.since;
      reference.until = read.until;
    } else continue;
    phrases.push(match[0].trim());
    rest = `${rest.slice(0, match.index)} ${rest.slice((match.index ?? 0) + match[0].length)}`;
  }
  if (phrases.length === 0) return null;
  const phrase = phrases.join(", ");
  const aboutIssues =
    reference.issueNumber !== undefined ||
    reference.latest === true ||
    /\b(?:issue|edition|brief|newsletter|weekly|last week|this week|past week|last month|this month|past month)\b|期|简报|周刊|上周|本周|这周|上个?月|本月|这个?月/i.test(
      `${phrase} ${question}`.slice(0, 400),
    );
  return {
    ...reference,
    mode: aboutIssues ? "filter" : "boost",
    rest: aboutIssues ? rest.replace(/\s+/g, " ").trim() : question,
    phrase,
  };
}
