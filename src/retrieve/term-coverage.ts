import type { WeightedTerm } from "../store/store.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";
import type { TermStatistics } from "./term-statistics.ts";

export interface TermMatch {
  /** Specificity-weighted share of the question's words found (translations at their weight). */
  coverage: number;
  /** How many of the question's words were found, directly or through a translation. */
  matched: number;
  /** How many words the question has (a word and its search-mode pieces count once). */
  asked: number;
}

/** What an own term found only in a passage's glosses counts for: as much as a good translation. */
const glossShare = 0.6;

/** What matching asks of a text's tokens: a `Set`, or `spaceJoinedTokens` of a search text. */
export type TokenLookup = Pick<ReadonlySet<string>, "has">;

const noTokens: TokenLookup = new Set<string>();

/**
 * How much of a query a text covers: the specificity-weighted (idf) share of the query's own
 * terms found in the text. A translation of an own term (other-language expansion) stands in
 * for it at its weight, counted once per own term however many translations match, so a passage
 * in the other language cannot outscore one that uses the asker's own words by piling up
 * sub-words. Other lower-weight terms (earlier turns) add their weight. 0 = nothing, 1 = all.
 */
export function termMatch(
  terms: WeightedTerm[],
  tokens: TokenLookup,
  statistics: TermStatistics,
  glosses: TokenLookup = noTokens,
): TermMatch {
  return termMatcher(terms, statistics)(tokens, glosses);
}

/**
 * `termMatch` for one query over many texts: what depends on the query alone (its own words,
 * the pieces of its Chinese words, their total weight) is worked out once.
 */
export function termMatcher(
  terms: WeightedTerm[],
  statistics: TermStatistics,
): (tokens: TokenLookup, glosses?: TokenLookup) => TermMatch {
  const own = terms.filter((term) => term.weight >= 1).map((term) => term.term);
  // Search-mode segmentation emits 国轩高科 and also 国轩, 高科: one word, counted once, as the
  // longest form; its pieces found alone count half.
  const longest = new Map<string, string>();
  for (const piece of own) {
    if (!/^[\u3400-\u9fff]+$/u.test(piece)) continue;
    const whole = own.find(
      (other) => other !== piece && other.length > piece.length && other.includes(piece),
    );
    if (whole !== undefined) longest.set(piece, whole);
  }
  const counted = own.filter((term) => !longest.has(term));
  // Each term's idf and the own term a lower-weight one stands for, worked out once per query: a
  // search scores 40 candidates and the sentences of 20 of them with the same matcher.
  const idf = new Map<string, number>();
  for (const { term } of terms) if (!idf.has(term)) idf.set(term, statistics.idf(term));
  let total = 0;
  for (const term of counted) total += idf.get(term) ?? 0;
  const others = terms
    .filter((term) => term.weight < 1)
    .map(({ term, weight, concept }) => ({
      term,
      weight,
      target: concept === undefined ? undefined : (longest.get(concept) ?? concept),
      idf: idf.get(term) ?? 0,
    }));
  return (tokens, glosses = noTokens) => {
    const best = new Map<string, number>();
    let extra = 0;
    for (const term of counted) {
      // Found only among the glosses (an English name on a Chinese passage): a translation's worth.
      best.set(term, tokens.has(term) ? 1 : glosses.has(term) ? glossShare : 0);
    }
    for (const [piece, whole] of longest) {
      if (tokens.has(piece) && (best.get(whole) ?? 0) < 0.5) best.set(whole, 0.5);
    }
    for (const { term, weight, target, idf: termIdf } of others) {
      if (!(tokens.has(term) || glosses.has(term))) continue;
      const current = target === undefined ? undefined : best.get(target);
      if (target !== undefined && current !== undefined) {
        if (weight > current) best.set(target, weight);
      } else extra += weight * termIdf;
    }
    let found = extra;
    let matched = 0;
    for (const [term, share] of best) {
      found += share * (idf.get(term) ?? 0);
      if (share > 0) matched += 1;
    }
    return { coverage: total === 0 ? 0 : Math.min(1, found / total), matched, asked: best.size };
  };
}

/**
 * The query's terms a space-joined token list holds, found in one pass over it (one regular
 * expression of every term, longest first), for scoring many candidates against one query: the
 * same answers as `spaceJoinedTokens(text).has(term)` for each term, a quarter of the time with a
 * query's twenty-odd terms and its translations (measured on 400 archive search texts).
 */
export function termFinder(terms: readonly WeightedTerm[]): (text: string) => TokenLookup {
  const words = [...new Set(terms.map((term) => term.term))].filter(
    (word) => word !== "" && !word.includes(" "),
  );
  if (words.length === 0) return () => noTokens;
  const pattern = new RegExp(
    `(?<![^ ])(?:${words
      .sort((left, right) => right.length - left.length)
      .map(escapeRegExp)
      .join("|")})(?![^ ])`,
    "gu",
  );
  return (text) => {
    const found = new Set<string>();
    for (const match of text.matchAll(pattern)) found.add(match[0]);
    return found;
  };
}

/**
 * A space-joined token list (a chunk's search text or glosses) as a lookup, without splitting it
 * into a set: the same answers as `new Set(text.split(" "))`, for a fraction of the work when only
 * a query's few terms are looked up (a search does it for 40 candidates).
 */
export function spaceJoinedTokens(text: string): TokenLookup {
  const padded = ` ${text} `;
  return { has: (token) => !token.includes(" ") && padded.includes(` ${token} `) };
}

/**
 * How much of a query a text covers: the specificity-weighted (idf) share of the query's own
 * terms found in it (see `termMatch`). 0 = nothing, 1 = all.
 */
export function termCoverage(
  terms: WeightedTerm[],
  tokens: TokenLookup,
  statistics: TermStatistics,
  glosses: TokenLookup = noTokens,
): number {
  return termMatch(terms, tokens, statistics, glosses).coverage;
}

/**
 * How well each sentence covers a query, its story title counted at a quarter: the title often
 * names the subject a sentence leaves implicit ("it", "the company"), but every sentence of the
 * story shares it. `matched` and `asked` count with the title. The query's part is worked out
 * once, for the many sentences a search or an answer scores.
 */
export function sentenceMatcher(
  terms: WeightedTerm[],
  statistics: TermStatistics,
): (sentence: ReadonlySet<string>, title: Iterable<string>) => TermMatch {
  const matcher = termMatcher(terms, statistics);
  return (sentence, title) => {
    const titled = new Set(sentence);
    for (const token of title) titled.add(token);
    const withTitle = matcher(titled);
    return { ...withTitle, coverage: 0.75 * matcher(sentence).coverage + 0.25 * withTitle.coverage };
  };
}
