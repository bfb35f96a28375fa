import { normaliseInlineText } from "./clean-text.ts";
import {
  dateFromFileName,
  extractIssueNumber,
  fileStem,
  issueNumberFromFileStem,
  normaliseDate,
  publicationFromFolder,
  publicationFromTitle,
  titleFromOpening,
} from "./issue-metadata.ts";
import { readMasthead } from "./masthead.ts";
import type { Block, SourceIssue } from "./source-issue.ts";

// A first line longer than this is the start of the text, not its title.
const maximumTitleLength = 150;

// Hard-wrapped text (e-mail plain parts) has lines of similar, moderate length.
const wrappedLineLength = { minimum: 40, maximum: 100 };

// Pasted web articles keep the `#` of their heading anchors: `II. Product Breakthrough#`.
const anchoredHeading = /^(.{1,100}?\S)\s*#$/;

/**
 * Reads one plain-text issue. Paragraphs are separated by blank lines, or are single lines
 * when the text is not hard-wrapped. The first line is the title when it is short and reads
 * like one; the publication comes from the greeting or byline when the text has one
 * ("Hello Interconnected Readers:", "Welcome to Serica’s weekly tech brief", "虎嗅APP· 2026-01-21").
 */
export function readText(path: string, text: string): SourceIssue {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const stem = fileStem(path);
  const firstLine = normaliseInlineText(lines.find((line) => normaliseInlineText(line) !== "") ?? "");
  const titleLine = looksLikeTitle(firstLine) ? firstLine : null;
  const bodyBlocks = textToBlocks(lines).filter(
    (block, index) =>
      !(titleLine !== null && block.kind === "paragraph" && block.text === titleLine && index < 8),
  );
  const blocks: Block[] = titleLine
    ? [{ kind: "heading", level: 1, text: titleLine }, ...bodyBlocks]
    : bodyBlocks;

  const masthead = readMasthead(bodyBlocks, titleLine);
  const publication =
    (titleLine ? publicationFromTitle(titleLine) : null) ??
    publicationFromGreeting(bodyBlocks) ??
    masthead.publication ??
    publicationFromFolder(path, stem);
  const date = masthead.date ?? (titleLine ? normaliseDate(titleLine) : null) ?? dateFromFileName(path);
  let title =
    titleLine ??
    titleFromOpening(
      stem,
      bodyBlocks.find((block) => block.kind === "paragraph" && !/^(?:hello|hi|dear|hey)\b/i.test(block.text))
        ?.text,
    );
  // A masthead line such as `虎嗅APP` names the publication, not the issue.
  if (title === publication && date !== null) title = `${publication} ${date}`;
  return {
    publication,
    title,
    issueNumber: extractIssueNumber(title) ?? masthead.issueNumber ?? issueNumberFromFileStem(stem),
    date,
    url: null,
    key: null,
    blocks,
  };
}

function looksLikeTitle(line: string): boolean {
  if (line === "" || line.length > maximumTitleLength) return false;
  if (/[:：,，;；]$/.test(line)) return false;
  return !/^(?:hello|hi|dear|hey)\b/i.test(line);
}

/** Blank-line separated groups become paragraphs; lines of unwrapped groups are paragraphs of their own. */
function textToBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const wrapped = isHardWrapped(group);
    const paragraphs = wrapped ? [group.join(" ")] : group;
    for (const paragraph of paragraphs) {
      const text = normaliseInlineText(paragraph);
      if (text === "") continue;
      const heading = anchoredHeading.exec(text);
      if (heading?.[1] && !/\b[CF]$/.test(heading[1])) {
        blocks.push({ kind: "heading", level: 2, text: heading[1] });
      } else if (/[\p{L}\p{N}]/u.test(text)) {
        blocks.push({ kind: "paragraph", text });
      }
    }
    group = [];
  };
  for (const line of lines) {
    if (normaliseInlineText(line) === "") flush();
    else group.push(line);
  }
  flush();
  return blocks;
}

function isHardWrapped(group: string[]): boolean {
  if (group.length < 2) return false;
  const leading = group.slice(0, -1).map((line) => line.trim());
  return leading.every(
    (line) =>
      line.length >= wrappedLineLength.minimum &&
      line.length <= wrappedLineLength.maximum &&
      !/^(?:[-*•]|\d+[.)])\s/.test(line),
  );
}

/** The newsletter a greeting or byline names, or null. */
function publicationFromGreeting(blocks: Block[]): string | null {
  for (const block of blocks.slice(0, 12)) {
    const text = block.text;
    const greeting = /^(?:hello|hi|dear|hey),?\s+(.{2,40}?)\s+(?:readers|subscribers|friends)\b/i.exec(text);
    if (greeting?.[1]) return greeting[1];
    const welcome = /\b[Ww]elcome to (?:the )?(\p{Lu}[\p{L}\p{N}&.\- ]{1,40}?)[’']s\b/u.exec(text);
    if (welcome?.[1]) return welcome[1];
    const byline = /^(.{2,30}?)\s*·\s*\d{4}-\d{2}-\d{2}/.exec(text);
    if (byline?.[1]) return byline[1];
  }
  return null;
}
