import type { ChunkPassage } from "../store/chunk-record.ts";
import { QUOTE_CHARACTER_CAP, TITLE_CHARACTER_CAP, truncateAtBoundary } from "../text/text-limits.ts";
import type { Citation } from "./answer-types.ts";

/** Citation `n` of a passage, quoting `quote`: every stored field capped to what platforms carry. */
export function citationOf(n: number, passage: ChunkPassage, quote: string): Citation {
  return {
    n,
    id: passage.id,
    docId: passage.docId,
    publication: truncateAtBoundary(passage.publication, TITLE_CHARACTER_CAP),
    title: truncateAtBoundary(passage.title, TITLE_CHARACTER_CAP),
    story: truncateAtBoundary(passage.story, TITLE_CHARACTER_CAP),
    date: passage.date,
    url: passage.url,
    path: passage.path,
    quote: truncateAtBoundary(quote, QUOTE_CHARACTER_CAP),
    passage: truncateAtBoundary(passage.text, QUOTE_CHARACTER_CAP),
  };
}
