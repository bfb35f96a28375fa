import { folderNames } from "../ingest/issue-metadata.ts";
import type { RetrievedPassage } from "../store/chunk-record.ts";
import { tokenize } from "../text/segment.ts";
import { splitIntoSentences } from "../text/split-into-sentences.ts";

/**
 * What the evidence gate knows of each read passage beyond its sentences: its story's title and
 * opening, the words, its source, link and year, and its publication's other read
 * passages — where a question's specifics may be found when the window itself leaves them out.
 */

export interface PassageContext {
  /** Story title tokens: a sentence's implied subject. */
  title: Set<string>;
  /** The story title as written. */
  storyTitle: string;
  /**
   * The story's opening sentence (of this passage, or of the story's first chunk when that was
   * retrieved too): it names the story's subject as a title does ("SE-0296: Async/await was
   * accepted." over the review notes that follow).
   */
  opening?: StoryOpening;
  /** Everything else a name may be found in: the passage, issue title and publication. */
  wider: Set<string>;
  /** The story title, passage, issue title, publication and the story's other retrieved chunks, as written. */
  writtenText: string;
  /** The title and publication: where "according to The Batch" is confirmed. */
  source: Set<string>;
  lang: RetrievedPassage["lang"];
  /** The story's link: a pull request's or issue's number is often only there. */
  url?: string | null;
  /** The year of the date, if it has one. */
  year?: string | undefined;
  /**
   * Words of the other retrieved passages of the same publication: a newsletter devoted to one
   * project often leaves its name out ("1.33 alpha 1 is now available" in a Kubernetes weekly).
   */
  publicationWords?: ReadonlySet<string>;
}

/**
 * Tokens and their dotted or hyphenated parts ("node.js" also as "node"), so "Node 19" meets
 * "Node.js 19"; a name written against its version ("dart2.6", "ios17") also as the name and the
 * number, so "Dart 2.6" meets "Dart2.6"; "v1.32" also as "1.32".
 */
export function withParts(tokens: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const token of tokens) {
    out.add(token);
    const versioned = /^([a-z]{2,})(\d+(?:\.\d+)*)$/.exec(token);
    if (versioned !== null) out.add(versioned[1]!).add(versioned[2]!);
    // "v1.32" is also "1.32", as "Kubernetes 1.32" writes it.
    else if (/^v\d+(?:\.\d+)+$/.test(token)) {
      out.add(token.slice(1));
      for (const part of token.split(".")) out.add(part);
    } else if (/[.-]/.test(token)) for (const part of token.split(/[.-]/)) if (part) out.add(part);
  }
  return out;
}

function siteOf(url: string | null): string {
  if (url === null) return "";
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

/**
 * The first sentence of the story a passage belongs to: its own, when it starts the story, or that
 * of the story's first chunk when the search retrieved that too.
 */
export interface StoryOpening {
  text: string;
  /** Its tokens and their parts, read once per passage rather than once per window. */
  tokens: ReadonlySet<string>;
}

export function storyOpening(text: string): StoryOpening {
  return { text, tokens: withParts(tokenize(text)) };
}

function openingOf(passage: RetrievedPassage, passages: RetrievedPassage[]): StoryOpening {
  const first =
    passage.chunkIndex === 0
      ? passage
      : passages.find(
          (other) =>
            other.docId === passage.docId &&
            other.storyIndex === passage.storyIndex &&
            other.chunkIndex === 0,
        );
  return storyOpening(first === undefined ? "" : (splitIntoSentences(first.text)[0] ?? ""));
}

export function contextsOf(passages: RetrievedPassage[]): PassageContext[] {
  // Each passage's text tokenised once: it is read for its own context, its story's others' and
  // its publication's words.
  const textTokens = new Map(passages.map((passage) => [passage, tokenize(passage.text)]));
  const byPublication = new Map<string, Set<string>>();
  for (const passage of passages) {
    const words = byPublication.get(passage.publication) ?? new Set<string>();
    for (const token of textTokens.get(passage)!) words.add(token);
    byPublication.set(passage.publication, words);
  }
  return passages.map((passage) => {
    // Other retrieved chunks of the same story, and the opening, which names its writer
    // ("Ethan Mollick, Feb 18" above an essay that says "I").
    const related = passages.filter(
      (other) =>
        other !== passage &&
        other.docId === passage.docId &&
        (other.storyIndex === passage.storyIndex || other.storyIndex === 0),
    );
    return {
      title: withParts(tokenize(passage.story)),
      storyTitle: passage.story,
      opening: openingOf(passage, passages),
      wider: withParts([
        ...textTokens.get(passage)!,
        ...tokenize(passage.title),
        ...tokenize(passage.publication),
        // The story's link names its site ("the swift.org post").
        ...tokenize(siteOf(passage.url)),
        ...related.flatMap((other) => textTokens.get(other)!),
      ]),
      writtenText: flatWords(
        [
          passage.story,
          passage.title,
          passage.publication,
          passage.text,
          ...related.map((other) => other.text),
        ].join("\n"),
      ),
      // The folders an archive is kept in often name its writer or newsletter ("tw93-weekly/").
      source: withParts([
        ...tokenize(passage.title),
        ...tokenize(passage.publication),
        ...tokenize(folderNames(passage.path)),
      ]),
      lang: passage.lang,
      url: passage.url,
      year: passage.date?.slice(0, 4),
      publicationWords: byPublication.get(passage.publication),
    };
  });
}

// A year the question gives ("their 2024", "2019 年的调查"), not part of an identifier ("CVE-2024-9042").
const yearPattern = /(?<![\d.\-/])(?:19|20)\d\d(?![\d.\-/])/gu;

/** The years a question gives. */
export function yearsOf(question: string): string[] {
  return [...new Set(question.match(yearPattern) ?? [])];
}

/**
 * A year the question gives tells which of a series of stories it means ("sum up their 2024"):
 * the story must write it, or come from an issue of that year.
 */
export function yearsHeld(years: readonly string[], context: PassageContext): boolean {
  // "2000 vbytes" asked as the brief's "2,000 vbytes" is a quantity written with a separator
  // (flat words: "2 000").
  return years.every(
    (year) =>
      year === context.year ||
      context.writtenText.includes(year) ||
      context.writtenText.includes(` ${year.slice(0, 1)} ${year.slice(1)} `),
  );
}

/** Lower-case words separated by single spaces, possessives dropped: for finding a name as written. */
export function flatWords(text: string): string {
  return ` ${text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’]s\b/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}
