/**
 * Whether search runs its vector leg (and the store keeps a vector index) for an embedder's
 * vectors. The offline hashing embedder's vectors are hashed words and n-grams: they repeat the
 * lexical signal BM25 already ranks by. Measured with `briefbot eval` over the ../shared/corpus +
 * ../shared/formats store (README, Benchmarks: "The vector leg, measured"), the leg added no
 * quality for them on dev.jsonl or dev-large.jsonl, while costing a third of a search's queries
 * and most of a large store's index build. Semantic embeddings (OpenAI and compatible servers)
 * find paraphrases BM25 misses, so for them the leg stays.
 */
export function searchesByVector(embedderId: string): boolean {
  return !embedderId.startsWith("hashing");
}
