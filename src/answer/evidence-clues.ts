import { exclusionOf } from "../question/question-exclusion.ts";
import type { WeightedTerm } from "../store/store.ts";
import { tokenize } from "../text/segment.ts";
import { withParts } from "./passage-context.ts";

/**
 * Clues the evidence gate reads beside the sentences themselves: the clause of the question that
 * asks (its other clauses only say which thing), a story title that is the defined thing's name,
 * and the words of a phrase the question excludes ("apart from every issue").
 */

/**
 * The story title is the defined thing's name, alone or before a colon or dash ("Beszel",
 * "Beszel：轻量级的服务器监控平台", "Beszel - a server monitor").
 */
export function titleNames(title: string, thing: string | null): boolean {
  if (thing === null) return false;
  const name = title
    .normalize("NFKC")
    .split(/\s*[:：|]\s*|\s+[-–—]\s+/u)[0]!
    .trim()
    .toLowerCase();
  return name !== "" && name === thing.normalize("NFKC").trim().toLowerCase();
}

/**
 * The content terms of the question's asking clause — the last clause holding a question word —
 * when the question has clauses before it; otherwise none (the whole question is that clause).
 */
export function askingClauseTerms(question: string, contentTerms: WeightedTerm[]): WeightedTerm[] {
  const clauses = question.split(/[,，;；]/u).filter((clause) => clause.trim() !== "");
  if (clauses.length < 2) return [];
  const asking = [...clauses]
    .reverse()
    .find((clause) =>
      /多少|几|哪|什么|谁|吗|怎么|如何|为什么|\b(?:what|which|who|whom|whose|when|where|why|how)\b/iu.test(
        clause,
      ),
    );
  if (asking === undefined) return [];
  const tokens = withParts(tokenize(asking));
  return contentTerms.filter((term) => tokens.has(term.term) || tokens.has(term.concept ?? ""));
}

/**
 * "Apart from every issue, what do subscribers get?": the excluded phrase found the story, but a
 * sentence matching only it does not answer, so its words (and their translations and expansions)
 * leave the terms sentences are weighed by — unless the rest of the question uses them too.
 */
export function withoutExcluded<T extends { term: string; concept?: string | undefined }>(
  terms: T[],
  question: string,
): T[] {
  const exclusion = exclusionOf(question);
  if (exclusion === null) return terms;
  const kept = new Set(tokenize(exclusion.rest));
  const excluded = new Set(tokenize(exclusion.phrase).filter((token) => !kept.has(token)));
  const rest = terms.filter((term) => !excluded.has(term.term) && !excluded.has(term.concept ?? ""));
  return rest.length > 0 ? rest : terms;
}
