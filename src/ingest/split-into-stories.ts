import { isBoilerplate } from "./boilerplate.ts";
import { normaliseInlineText } from "./clean-text.ts";
import type { Block, SourceIssue } from "./source-issue.ts";
import { findTextStoryStarts } from "./text-story-shapes.ts";

/** One item of an issue: what a citation names. */
export interface Story {
  /** The item's headline; the issue title for an introduction or an undivided essay. Never empty. */
  title: string;
  /** Where the headline links to, when it does. */
  url: string | null;
  /** The item's paragraphs joined with a blank line ("\n\n"). */
  text: string;
}

/** A run of paragraphs under one title, before clean-up. */
interface Segment {
  title: string;
  url: string | null;
  paragraphs: string[];
  /** True for text before the first headline: it may be navigation rather than an introduction. */
  isLead: boolean;
}

// Headings from this level down (`###`, an item under a `##` section) are items even when only a
// title, as long as no deeper heading follows; `## Deprecated` with nothing under it is not.
const leafItemLevel = 3;

// Lead segments made only of lines this short are navigation (`TLDR`, `Advertise`, `Blog`).
const navigationLineLength = 40;

/**
 * Splits an issue into its stories so that answers can cite the item, not the whole digest.
 * Headings delimit stories when the body has them (`## Item`, `[### Title](url)`, bold item
 * titles the readers turned into headings); a heading with no text of its own is a section
 * label and yields no story. Plain text without headings is split by the shapes in
 * text-story-shapes.ts (bylines, source attributions, marker headlines, SOURCE lines), or kept
 * as one story titled with the issue title. Splits fall only between paragraphs, so no
 * sentence is cut. Chrome (subscribe, share, navigation) never sits inside a story; chrome that
 * says something in whole sentences ("new issues arrive twice a week") is kept in a closing
 * "About <publication>" story, because readers do ask about it.
 */
export function splitIntoStories(issue: SourceIssue): Story[] {
  const issueTitle = normaliseInlineText(issue.title) || "Untitled";
  const body = issue.blocks.filter((block, index) => !isTitleHeading(block, index, issueTitle));
  const hasHeadings = body.some((block) => block.kind === "heading");
  const about: string[] = [];
  const segments = hasHeadings
    ? segmentByHeadings(body, issueTitle)
    : segmentPlainText(body, issueTitle, about);
  const kept = segments
    .map((segment) => ({
      ...segment,
      paragraphs: segment.paragraphs.filter((text) => {
        if (!isBoilerplate(text)) return true;
        about.push(text);
        return false;
      }),
    }))
    .filter((segment) => segment.paragraphs.length > 0 && !isBoilerplate(segment.title));
  // Navigation before the first item is dropped, unless it is all the issue has.
  const content =
    kept.length > 1 ? kept.filter((segment) => !(segment.isLead && isNavigation(segment, issue))) : kept;
  const stories = content.map((segment) => ({
    title: segment.title || issueTitle,
    url: segment.url,
    text: segment.paragraphs.join("\n\n"),
  }));
  const informative = [...new Set(about.filter(isInformative))];
  if (informative.length > 0)
    stories.push({ title: `About ${issue.publication}`, url: null, text: informative.join("\n\n") });
  return stories;
}

/** Chrome worth keeping: whole sentences, not a row of links ("Unsubscribe | Preferences"). */
function isInformative(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return words >= 8 && /[.!?。！？]/.test(text) && !/\bunsubscribe\b/i.test(text);
}

/** The issue's own title printed as its top heading: it opens the body, it is not an item. */
function isTitleHeading(block: Block, index: number, issueTitle: string): boolean {
  if (block.kind !== "heading") return false;
  if (index === 0 && block.level === 1) return true;
  return block.level <= 2 && normaliseInlineText(block.text) === issueTitle;
}

function segmentByHeadings(blocks: Block[], issueTitle: string): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { title: issueTitle, url: null, paragraphs: [], isLead: true };
  let currentLevel = 0;
  for (const block of blocks) {
    if (block.kind === "heading") {
      // An item that is only its title (`### [T-shirts on sale](url)` above an image) is still an
      // item: its title is its text. A heading over deeper headings, or a top-level heading with
      // neither text nor link, is a section label.
      const isLeaf = block.level <= currentLevel && (currentLevel >= leafItemLevel || current.url !== null);
      if (!current.isLead && current.paragraphs.length === 0 && isLeaf)
        current.paragraphs.push(current.title);
      segments.push(current);
      currentLevel = block.level;
      current = { title: block.text, url: block.url ?? null, paragraphs: [], isLead: false };
    } else {
      current.paragraphs.push(block.text);
    }
  }
  if (
    !current.isLead &&
    current.paragraphs.length === 0 &&
    (currentLevel >= leafItemLevel || current.url !== null)
  )
    current.paragraphs.push(current.title);
  segments.push(current);
  return segments;
}

function segmentPlainText(blocks: Block[], issueTitle: string, about: string[]): Segment[] {
  const paragraphs = blocks.map((block) => block.text);
  const starts = findTextStoryStarts(paragraphs);
  const startsByIndex = new Map(starts.map((start) => [start.index, start]));
  const segments: Segment[] = [];
  let current: Segment = { title: issueTitle, url: null, paragraphs: [], isLead: true };
  paragraphs.forEach((text, index) => {
    const start = startsByIndex.get(index);
    if (start) {
      segments.push(current);
      current = { title: start.title, url: null, paragraphs: [...start.leadingText], isLead: false };
      return;
    }
    if (start === undefined && starts.length > 0 && isBoilerplate(text)) {
      // In a split digest, a footer ends the item above it; whatever follows (a second-language
      // edition, a postscript) is not part of that item.
      segments.push(current);
      current = { title: issueTitle, url: null, paragraphs: [], isLead: true };
      about.push(text);
      return;
    }
    if (starts.some((candidate) => candidate.consumed.includes(index))) return;
    current.paragraphs.push(text);
  });
  segments.push(current);
  return segments;
}

/** Text before the first item that is only the masthead or a few short link labels. */
function isNavigation(segment: Segment, issue: SourceIssue): boolean {
  const paragraphs = segment.paragraphs;
  if (paragraphs.every((text) => text === issue.publication || text === issue.title)) return true;
  const totalLength = paragraphs.reduce((sum, text) => sum + text.length, 0);
  return (
    paragraphs.every((text) => text.length < navigationLineLength) &&
    (paragraphs.length > 1 || totalLength < 20)
  );
}
