/**
 * What a format reader hands to the rest of ingestion: one newsletter issue, already decoded,
 * with its metadata and its body as a flat list of blocks. Readers know formats; they do not
 * know about stories, chunks or storage.
 */

/** A heading or a paragraph of the issue body, in reading order. */
export type Block =
  | {
      kind: "heading";
      /** 1 for the largest heading (h1 / `#`), up to 6. */
      level: number;
      text: string;
      /** Where the heading links to, when the heading is a link (digest items often are). */
      url?: string | null;
    }
  | {
      kind: "paragraph";
      /** Plain text, whitespace-normalised; one paragraph, list item or table cell run. */
      text: string;
    };

export interface SourceIssue {
  /** Newsletter name, e.g. "Interconnected", "科技爱好者周刊". Never empty: falls back to the file name. */
  publication: string;
  /** Issue title. Never empty: falls back to the first heading or the file name. */
  title: string;
  /** Issue number as printed ("400", "31"), or null. */
  issueNumber: string | null;
  /** Publisher's calendar date, `YYYY-MM-DD` (not converted to UTC), or null when unknown. */
  date: string | null;
  /** Canonical link to the issue when known. */
  url: string | null;
  /**
   * Identifies the issue inside its file: null for single-issue files, the item guid/link/index
   * for feeds. Together with the file path it gives the document's stable id.
   */
  key: string | null;
  blocks: Block[];
}
