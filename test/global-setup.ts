import { loadWordNet } from "../src/paraphrase/wordnet.ts";

/**
 * Builds the compact WordNet index once before any test runs (a fresh clone has no
 * node_modules/.cache yet), so tests that spawn the CLI — which expands questions with WordNet —
 * do not each spend their time budget building it.
 */
export default function setup(): void {
  loadWordNet();
}
