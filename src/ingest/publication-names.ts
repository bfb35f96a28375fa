import { dirname, sep } from "node:path";
import { segmentWords } from "../text/segment.ts";
import { fileStem, publicationFromFileStem, publicationFromFolder } from "./issue-metadata.ts";
import type { SourceIssue } from "./source-issue.ts";

/**
 * One name per publication across the files of a weekly. Readers name each issue from what the
 * file itself says (front matter, header, masthead, title, opening phrase) and fall back to the
 * file name; this step looks at the files of one folder together:
 * 1. spellings of one name are unified (`老司机iOS周报` / `老司机 iOS 周报`; `Bitcoin Optech 周报` /
 *    `Bitcoin Optech Newsletter`), and a minority name carried by files named like the majority's
 *    (`issue-12.md` titled `每周分享` among `issue-300.md` titled `科技爱好者周刊`) takes the majority's;
 * 2. a file with no name of its own takes the folder's name when nearly every named file agrees;
 * 3. otherwise the name that the issues of a series (files named alike: `#-#-#-update`) mention
 *    (`Swift Weekly Brief`, `潮流周刊`, `LWKD`) replaces the file-name guess.
 * A folder is the issue's directory with year folders (`Reports/2019`) taken as their parent.
 */

/** The issues of one input file. */
export interface FileIssues {
  path: string;
  issues: SourceIssue[];
}

// Files with no name of their own take the folder's name only when this share of the named files
// carry it: a folder of one weekly agrees, a folder of assorted newsletters does not.
const folderAgreementShare = 0.8;

// A name mentioned in the text of this share of a folder's unnamed files is the publication's
// (Swift Weekly Brief: 10 of 77 issues; 潮流周刊: 4 of 40), unless the folder is named after it.
const mentionShare = 0.05;

const newsletterWords = "Weekly|Newsletter|Digest|Brief|Briefing|Bulletin|Roundup|Dispatch";
const englishNameRun = new RegExp(`((?:[A-Z][\\w.&+'’-]*\\s+){1,5}(?:${newsletterWords}))(?:'s|’s)?\\b`, "g");
const chineseNameEnd = /周刊|周报|日报|月刊|快报|简报|通讯/g;
// Characters that do not occur in a newsletter's name: demonstratives, particles, pronouns.
const notInName = /[此本该这那的了是在和与及或我你他她它们个也都就把被给从向对每各一期篇份]/;
// Words that open a phrase around a name rather than the name: articles, and buttons of e-mail
// chrome (`Like Comment Share Read Lenny's Newsletter`).
const notNameStart =
  /^(?:The|A|An|This|Our|Your|My|Every|Each|Last|Next|Like|Comment|Share|Read|Subscribe|Follow|Join|Get|View|Open|Click|Sign|Upgrade|Forward|Reply|Restack|Listen|Welcome|Thanks)\s/;
const acronym = /\b[A-Z]{3,6}\b/g;

/** Sets `publication` on every issue, in place. */
export function resolvePublicationNames(files: FileIssues[]): void {
  const folders = new Map<string, FileIssues[]>();
  for (const file of files) {
    const folder = folderOf(file.path);
    folders.set(folder, [...(folders.get(folder) ?? []), file]);
  }
  for (const [folder, members] of folders) resolveFolder(folder, members);
}

function resolveFolder(folder: string, files: FileIssues[]): void {
  const entries = files.flatMap((file) =>
    file.issues.map((issue) => ({ file, issue, stated: !isFileNameGuess(issue, file.path) })),
  );
  const stated = entries.filter((entry) => entry.stated);
  unifySpellings(stated.map((entry) => ({ path: entry.file.path, issue: entry.issue })));

  const unnamed = entries.filter((entry) => !entry.stated);
  if (unnamed.length === 0) return;
  const counts = countBy(stated.map((entry) => entry.issue.publication));
  const [dominant, dominantCount] = [...counts].sort((left, right) => right[1] - left[1])[0] ?? ["", 0];
  if (stated.length > 0 && dominantCount >= folderAgreementShare * stated.length) {
    for (const entry of unnamed) entry.issue.publication = dominant;
    return;
  }
  // Files named alike (`#-#-#-update`, `#-*`) are one series; each series is named by its own text.
  const series = new Map<string, typeof unnamed>();
  for (const entry of unnamed) {
    const template = fileTemplate(entry.file.path);
    series.set(template, [...(series.get(template) ?? []), entry]);
  }
  // A name another series of the folder states is that series' name, not this one's.
  const taken = new Set(stated.map((entry) => compact(entry.issue.publication)));
  for (const members of series.values()) {
    const mentioned = mentionedName(
      folder,
      members.map((entry) => entry.issue),
      taken,
    );
    if (mentioned !== null) for (const entry of members) entry.issue.publication = mentioned;
  }
}

/** True when the reader found no name in the file and fell back to its file or folder name. */
function isFileNameGuess(issue: SourceIssue, path: string): boolean {
  const stem = fileStem(path);
  return (
    issue.publication === publicationFromFileStem(stem) ||
    issue.publication === publicationFromFolder(path, stem)
  );
}

/** The folder that stands for a weekly: the file's directory, year folders folded into their parent. */
function folderOf(path: string): string {
  let folder = dirname(path);
  while (/^(?:19|20)\d{2}$/.test(folder.split(sep).pop() ?? "")) folder = dirname(folder);
  return folder;
}

function unifySpellings(named: Array<{ path: string; issue: SourceIssue }>): void {
  if (named.length < 2) return;
  const counts = countBy(named.map((entry) => entry.issue.publication));
  const ranked = [...counts.keys()].sort((left, right) => (counts.get(right) ?? 0) - (counts.get(left) ?? 0));
  const dominant = ranked[0];
  if (dominant === undefined) return;
  const dominantTemplates = new Set(
    named.filter((entry) => entry.issue.publication === dominant).map((entry) => fileTemplate(entry.path)),
  );
  for (const name of ranked.slice(1)) {
    const carriers = named.filter((entry) => entry.issue.publication === name);
    // An exact variant may be unified to any more common spelling; an unrelated name only to the
    // dominant one, and only when its files are named like the dominant one's.
    const variantOf = ranked.find((candidate) => candidate !== name && isSpellingOf(name, candidate));
    const sameSeries =
      (counts.get(dominant) ?? 0) > carriers.length &&
      carriers.every((entry) => dominantTemplates.has(fileTemplate(entry.path)));
    const target = variantOf ?? (sameSeries ? dominant : undefined);
    if (target === undefined || (counts.get(target) ?? 0) < carriers.length) continue;
    for (const entry of carriers) entry.issue.publication = target;
  }
}

/** `老司机iOS周报` ~ `老司机 iOS 周报`; `Bitcoin Optech 周报` ~ `Bitcoin Optech Newsletter`. */
function isSpellingOf(name: string, other: string): boolean {
  if (compact(name) === compact(other)) return true;
  const words = name.split(/\s+/);
  const otherWords = other.split(/\s+/);
  let shared = 0;
  while (shared < words.length && words[shared]?.toLowerCase() === otherWords[shared]?.toLowerCase())
    shared += 1;
  return shared >= 2 && shared >= Math.min(words.length, otherWords.length) - 1;
}

function compact(name: string): string {
  return name.toLowerCase().replace(/[\s\p{P}]+/gu, "");
}

/** A file name with its numbers and non-Latin words masked: `issue-#`, `#-*`, `#-#-#-update`. */
function fileTemplate(path: string): string {
  return fileStem(path)
    .replace(/\d+/g, "#")
    .replace(/[^\u0000-\u007f]+/g, "*");
}

/** The newsletter name the issues' text mentions most, when it recurs enough; else null. */
function mentionedName(folder: string, issues: SourceIssue[], taken: Set<string>): string | null {
  const filesMentioning = new Map<string, number>();
  for (const issue of issues) {
    const text = [issue.title, ...issue.blocks.map((block) => block.text)].join("\n");
    for (const name of new Set(nameCandidates(text)))
      filesMentioning.set(name, (filesMentioning.get(name) ?? 0) + 1);
  }
  const folderNames = folder
    .split(sep)
    .slice(-4)
    .map((part) => compact(part));
  const threshold = Math.max(1, Math.ceil(mentionShare * issues.length));
  const eligible = [...filesMentioning].filter(
    ([name, count]) =>
      !taken.has(compact(name)) &&
      ((count >= threshold && !/^[A-Z]+$/.test(name)) || folderNames.includes(compact(name))),
  );
  if (eligible.length === 0) return null;
  const highest = Math.max(...eligible.map(([, count]) => count));
  // A shorter tail of a name (`Weekly Brief` in `Swift Weekly Brief`) is counted at least as often as
  // the name itself: the longest candidate with the top count is the whole name.
  const best = eligible
    .filter(([, count]) => count === highest)
    .sort((left, right) => right[0].length - left[0].length)[0];
  return best?.[0] ?? null;
}

/** Newsletter-like names in a text: `Swift Weekly Brief`, `潮流周刊`, and acronyms (`LWKD`). */
export function nameCandidates(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(englishNameRun)) {
    const words = (match[1] ?? "").trim().split(/\s+/);
    for (let start = 0; start < words.length - 1; start += 1) {
      const name = words.slice(start).join(" ");
      if (notNameStart.test(name) || new RegExp(`^(?:${newsletterWords})\\b`).test(name)) continue;
      names.push(name);
    }
  }
  for (const match of text.matchAll(chineseNameEnd)) {
    // The word before `周刊` names it (`潮流周刊` in `一不小心潮流周刊都 200 期了`); `此周刊` does not.
    const end = match.index ?? 0;
    const before = segmentWords(text.slice(Math.max(0, end - 12), end)).at(-1) ?? "";
    if (/^[\p{Script=Han}A-Za-z0-9]{2,8}$/u.test(before) && !notInName.test(before))
      names.push(`${before}${match[0]}`);
  }
  for (const match of text.matchAll(acronym)) names.push(match[0]);
  return names;
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
