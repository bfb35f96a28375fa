/**
 * Weighted reciprocal rank fusion: each list contributes weight / (k + rank). Robust to the
 * incomparable scales of BM25 and cosine similarity. `k` = 60 as in Cormack et al. (2009).
 */
export function reciprocalRankFusion(
  lists: Array<{ ids: string[]; weight: number }>,
  k = 60,
): Map<string, number> {
  const scores = new Map<string, number>();
  for (const { ids, weight } of lists) {
    for (const [index, id] of ids.entries()) {
      scores.set(id, (scores.get(id) ?? 0) + weight / (k + index + 1));
    }
  }
  return scores;
}
