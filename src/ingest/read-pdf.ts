import { getDocumentProxy } from "unpdf";
import { InputError } from "../errors.ts";
import { normaliseInlineText } from "./clean-text.ts";
import {
  extractIssueNumber,
  fileStem,
  normaliseDate,
  publicationFromFileStem,
  publicationFromTitle,
  titleFromFileStem,
} from "./issue-metadata.ts";
import { readMasthead } from "./masthead.ts";
import type { Block, SourceIssue } from "./source-issue.ts";

/** One line of text on a page, with the font size it was set in and where it sits. */
interface PageLine {
  text: string;
  size: number;
  /** Baseline, in PDF units from the bottom of the page. */
  y: number;
}

// A line set this much larger than the body text is a heading (1.25: bold-only emphasis at body
// size stays a paragraph, while the 14 pt headings of an 11 pt body, the usual export, qualify).
const headingSizeRatio = 1.25;
// A vertical gap wider than this many line heights starts a new paragraph (single spacing is ~1.2).
const paragraphGapRatio = 1.6;
// Headings longer than this are body text set large (pull quotes), not headings.
const maximumHeadingLength = 150;
// Fewer letters than this over the whole document means there is no text layer to speak of
// (a scanned page still carries a stray page number or two).
const minimumTextLetters = 20;

/**
 * Reads a text PDF (a report or newsletter exported to PDF) with unpdf, the serverless build of
 * Mozilla's pdf.js: one issue per file. Lines come from the text layer; a vertical gap starts a
 * paragraph and a larger font makes a heading. The title is the document's Title metadata, else
 * the largest line on the first page; the date is the first page's printed date, else the
 * document's creation date.
 *
 * @throws InputError for a file pdf.js cannot open (corrupt, truncated, encrypted) and for a PDF
 *   without a text layer (scanned or image-only pages), saying so.
 */
export async function readPdf(path: string, bytes: Uint8Array): Promise<SourceIssue> {
  let pages: PageLine[][];
  let info: Record<string, unknown>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given; hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      info = ((await pdf.getMetadata()).info ?? {}) as Record<string, unknown>;
      pages = [];
      for (let number = 1; number <= pdf.numPages; number += 1) {
        const page = await pdf.getPage(number);
        pages.push(linesOf((await page.getTextContent()).items));
      }
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    const reason = (error as Error).message || (error as Error).name;
    throw new InputError(path, `${path} is not a readable PDF (${reason}); is the file complete?`, {
      cause: error,
    });
  }
  const letters = pages
    .flat()
    .reduce((sum, line) => sum + (line.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0);
  if (letters < minimumTextLetters) {
    throw new InputError(
      path,
      `${path} is an image-only PDF (${pages.length} page${pages.length === 1 ? "" : "s"} without a text layer); run it through OCR (e.g. ocrmypdf) and ingest the result`,
    );
  }
  const bodySize = medianSize(pages.flat());
  const blocks = pages.flatMap((lines) => blocksOf(lines, bodySize));
  const stem = fileStem(path);
  const metadataTitle = normaliseInlineText(String(info.Title ?? ""));
  const firstHeading = blocks.find((block) => block.kind === "heading")?.text ?? "";
  const title = metadataTitle || firstHeading || titleFromFileStem(stem);
  const masthead = readMasthead(blocks, title);
  return {
    publication: masthead.publication ?? publicationFromTitle(title) ?? publicationFromFileStem(stem),
    title,
    issueNumber: extractIssueNumber(title) ?? masthead.issueNumber,
    date: masthead.date ?? pdfDate(String(info.CreationDate ?? "")),
    url: null,
    key: null,
    blocks,
  };
}

/** The text items of a page joined into lines, top to bottom. */
function linesOf(items: ReadonlyArray<unknown>): PageLine[] {
  const lines: PageLine[] = [];
  let current: PageLine | null = null;
  for (const item of items) {
    if (typeof item !== "object" || item === null || !("str" in item)) continue; // marked-content markers
    const { str, transform, height, hasEOL } = item as {
      str: string;
      transform: number[];
      height: number;
      hasEOL: boolean;
    };
    const y = transform[5] ?? 0;
    const size = Math.abs(height || transform[3] || 0);
    if (current !== null && Math.abs(current.y - y) > Math.max(current.size, size) / 2) {
      lines.push(current);
      current = null;
    }
    if (str.trim() !== "") {
      if (current === null) current = { text: str, size, y };
      else {
        current.text += str;
        current.size = Math.max(current.size, size);
      }
    }
    if (hasEOL && current !== null) {
      lines.push(current);
      current = null;
    }
  }
  if (current !== null) lines.push(current);
  return lines
    .map((line) => ({ ...line, text: normaliseInlineText(line.text) }))
    .filter((line) => line.text !== "");
}

function medianSize(lines: PageLine[]): number {
  const sizes = lines.map((line) => line.size).sort((left, right) => left - right);
  return sizes[Math.floor(sizes.length / 2)] ?? 0;
}

/** Lines into headings (larger type) and paragraphs (runs of lines without a wide gap). */
function blocksOf(lines: PageLine[], bodySize: number): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let previous: PageLine | null = null;
  const flush = () => {
    const text = normaliseInlineText(joinLines(paragraph));
    if (/[\p{L}\p{N}]/u.test(text)) blocks.push({ kind: "paragraph", text });
    paragraph = [];
  };
  for (const line of lines) {
    const isHeading =
      bodySize > 0 && line.size >= bodySize * headingSizeRatio && line.text.length <= maximumHeadingLength;
    if (isHeading) {
      flush();
      const last = blocks.at(-1);
      // A heading wrapped over two lines is one heading.
      if (last?.kind === "heading" && previous !== null && previous.size === line.size) {
        last.text = `${last.text} ${line.text}`;
      } else {
        blocks.push({ kind: "heading", level: line.size >= bodySize * 1.6 ? 1 : 2, text: line.text });
      }
    } else {
      const gap = previous === null ? 0 : previous.y - line.y;
      if (previous !== null && (gap > line.size * paragraphGapRatio || gap < 0)) flush();
      paragraph.push(line.text);
    }
    previous = line;
  }
  flush();
  return blocks;
}

/** Wrapped lines joined: a hyphen at a line end joins the word; CJK lines join without a space. */
function joinLines(lines: string[]): string {
  let text = "";
  for (const line of lines) {
    if (text === "") text = line;
    else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else if (/[\u3000-\u9fff\uff00-\uffef]$/.test(text) && /^[\u3000-\u9fff\uff00-\uffef]/.test(line))
      text += line;
    else text += ` ${line}`;
  }
  return text;
}

/** A PDF date string (`D:20260304100000+08'00'`) as its own calendar date. */
function pdfDate(written: string): string | null {
  const match = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(written);
  if (!match) return null;
  return normaliseDate(`${match[1]}-${match[2]}-${match[3]}`);
}
