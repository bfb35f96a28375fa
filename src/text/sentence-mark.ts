/**
 * Separates sentences in a chunk's search tokens. A character no tokenizer emits, so no query
 * ever matches it; in BM25 it is in every chunk and so weighs nothing.
 */
export const sentenceMark = "¶";

/** The title tokens and the sentences' tokens of a search text built with `sentenceMark`. */
export function sentencesOfSearchText(searchText: string): { title: string[]; sentences: string[][] } {
  const [title = "", ...sentences] = searchText.split(sentenceMark);
  return { title: words(title), sentences: sentences.map(words) };
}

function words(text: string): string[] {
  return text.split(" ").filter((word) => word.length > 0);
}
