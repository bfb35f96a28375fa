/**
 * Where stories start in a digest that arrived as plain paragraphs (no headings). Each shape
 * is one newsletter layout seen in practice; the first shape found at least twice wins.
 */

/** A paragraph that opens a story. */
export interface StoryStart {
  /** Index of the paragraph that opens the story. */
  index: number;
  title: string;
  /** Text the story begins with that the opening line carried besides its title (an attribution). */
  leadingText: string[];
  /** Indexes of metadata lines that belong to no story's text (a byline). */
  consumed: number[];
}

// A shape must occur this often before we trust it to split an issue.
const minimumOccurrences = 2;

// Headlines are one line and do not end like a sentence.
const maximumHeadlineLength = 200;

// `虎嗅APP· 2026-01-21 10:01`: a byline under each headline of an aggregated feed.
const byline = /^.{1,40}?\s*[·•]\s*\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2})?$/;

// `Title” (English Source: The China Guys)` / `标题”（中文来源：36氪）`: a commented link list.
const attributedTitle =
  /^[“"]?(.{3,200}?)\s*[”"]?\s*[（(]\s*((?:English|Chinese|英文|中文)\s*(?:Source|来源)\s*[:：]\s*[^)）]+?)\s*[)）]\s*$/i;

// `??Title` / `🚀 Title`: headlines marked by an emoji (which may have degraded to `??`).
const markedHeadline = /^(?:\?{2,}|(?:[\p{Extended_Pictographic}\u2600-\u27bf]|\ufe0f)+)\s*(\p{L}.*)$/u;

// `SOURCE: ABC News`: the line that closes each item of some briefs.
const sourceLine = /^source\s*:/i;

/** The story starts of the first recognised shape, or an empty list for undivided text. */
export function findTextStoryStarts(paragraphs: string[]): StoryStart[] {
  for (const shape of [bylineStarts, attributedStarts, markedStarts, sourceLineStarts]) {
    const starts = shape(paragraphs);
    if (starts.length >= minimumOccurrences) return starts;
  }
  return [];
}

/** Title line, then a byline: the title opens the story and the byline is dropped. */
function bylineStarts(paragraphs: string[]): StoryStart[] {
  const starts: StoryStart[] = [];
  paragraphs.forEach((text, index) => {
    const title = paragraphs[index - 1];
    // The line above a byline is its headline whatever punctuation it ends with (`腾讯掉队了？`).
    if (index > 0 && byline.test(text) && title !== undefined && title.length <= maximumHeadlineLength) {
      starts.push({ index: index - 1, title, leadingText: [], consumed: [index] });
    }
  });
  return starts;
}

function attributedStarts(paragraphs: string[]): StoryStart[] {
  const starts: StoryStart[] = [];
  paragraphs.forEach((text, index) => {
    const match = attributedTitle.exec(text);
    if (match?.[1] && match[2]) {
      starts.push({ index, title: match[1].trim(), leadingText: [`${match[2].trim()}`], consumed: [] });
    }
  });
  return starts;
}

function markedStarts(paragraphs: string[]): StoryStart[] {
  const starts: StoryStart[] = [];
  paragraphs.forEach((text, index) => {
    const match = markedHeadline.exec(text);
    if (match?.[1] && isHeadline(match[1]))
      starts.push({ index, title: match[1].trim(), leadingText: [], consumed: [] });
  });
  return starts;
}

/**
 * Items that each end with a `SOURCE:` line: the next item opens with the first headline after
 * it; the first item opens with the first headline that is followed by a long paragraph.
 */
function sourceLineStarts(paragraphs: string[]): StoryStart[] {
  const sourceIndexes = paragraphs.flatMap((text, index) => (sourceLine.test(text) ? [index] : []));
  if (sourceIndexes.length < minimumOccurrences) return [];
  const starts: StoryStart[] = [];
  const firstHeadline = paragraphs.findIndex(
    (text, index) => isHeadline(text) && (paragraphs[index + 1]?.length ?? 0) > maximumHeadlineLength,
  );
  if (firstHeadline >= 0 && firstHeadline < (sourceIndexes[0] ?? 0)) {
    starts.push({
      index: firstHeadline,
      title: paragraphs[firstHeadline] ?? "",
      leadingText: [],
      consumed: [],
    });
  }
  for (const sourceIndex of sourceIndexes.slice(0, -1)) {
    const next = paragraphs[sourceIndex + 1];
    if (next !== undefined && isHeadline(next) && !sourceLine.test(next)) {
      starts.push({ index: sourceIndex + 1, title: next, leadingText: [], consumed: [] });
    }
  }
  return starts;
}

function isHeadline(text: string): boolean {
  return text.length > 0 && text.length <= maximumHeadlineLength && !/[.。:：;；,，]$/.test(text);
}
