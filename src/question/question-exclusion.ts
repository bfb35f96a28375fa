/**
 * "Apart from every issue, what do subscribers get?", "除了降价之外，还有什么变化？": the question
 * names something the asker already knows and asks for something else. The excluded phrase helps
 * find the story, but an answer must not be a sentence that only repeats it, and a name inside it
 * is not one the answer must hold.
 */

// English: a leading clause up to its comma ("Apart from X, …", "Besides X, …"), or an exclusion
// before a capitalised name or a quoted phrase inside the question ("… other than Tesla …").
const leadingClause =
  /^\s*(?:apart from|aside from|besides|other than|except for|except|in addition to|beyond)\s+([^,;:?]{1,80}?)\s*[,;:]/iu;
const innerName =
  /\b(?:apart from|aside from|besides|other than|except for|except|in addition to)\s+((?:the\s+)?(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|"[^"]{1,40}"|“[^”]{1,40}”))/u;
// Chinese: 除了 X (之外|以外|外)，… or 除了 X 还 …
const chineseClause = /除了\s*([^，,；;：:？?]{1,30}?)\s*(?:之外|以外|外)?\s*(?:[，,；;：:]|(?=还|也|又))/u;

export interface Exclusion {
  /** The excluded phrase as written. */
  phrase: string;
  /** The question without the exclusion (for reading what must be in the answer). */
  rest: string;
}

/** The phrase a question excludes from its answer, and the question without it; null when none. */
export function exclusionOf(question: string): Exclusion | null {
  for (const pattern of [leadingClause, chineseClause, innerName]) {
    const match = pattern.exec(question);
    const phrase = match?.[1]?.trim();
    if (match === null || phrase === undefined || phrase.length === 0) continue;
    const rest = `${question.slice(0, match.index)} ${question.slice(match.index + match[0].length)}`
      .replace(/\s+/gu, " ")
      .trim();
    // "Other than that, …" excludes nothing the answer could repeat.
    if (/^(?:that|this|these|those|it|them)$/iu.test(phrase)) return null;
    return { phrase, rest };
  }
  return null;
}
