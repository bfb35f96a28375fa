/**
 * Text normalisation shared by ingestion, hashing and evaluation.
 */

// Zero-width and invisible formatting characters that newsletters use to pad preheaders
// (U+200B–U+200F, U+2060–U+2064, U+FEFF, soft hyphen, combining grapheme joiner). U+200D also
// glues emoji sequences, which then fall apart into their parts: an acceptable loss for search.
const invisible = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]|\u034f/g;

/** Remove invisible characters only, keeping the text's line structure. */
export function removeInvisibleCharacters(text: string): string {
  return text.replace(invisible, "");
}

/**
 * Form used to compare passages: NFKC, no invisible characters, lower case, whitespace collapsed.
 * Evaluation compares gold strings this way; chunk de-duplication hashes this form.
 */
export function normalizeForMatch(text: string): string {
  return text.normalize("NFKC").replace(invisible, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Stricter form for near-duplicate detection: also drops punctuation and spaces entirely. */
export function normalizeForDuplicate(text: string): string {
  return normalizeForMatch(text).replace(/[^\p{L}\p{N}]+/gu, "");
}
