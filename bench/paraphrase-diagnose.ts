/**
 * Where the right passage of each paraphrased question ranks with paraphrase off and on, which
 * expansion terms the question got (term, weight, concept, source), and for a miss whether the
 * passage's story is in the top 5 through another of its chunks. For diagnosing, not scoring.
 *
 * Run: node --import tsx bench/paraphrase-diagnose.ts <store dir> <eval.jsonl|own> [kind]
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { Briefbot } from "../src/briefbot.ts";
import { createHashingEmbedder } from "../src/embed/hashing-embedder.ts";
import { containsGold, parseEvalFile } from "../src/eval/run-eval.ts";
import { createLexiconBridge } from "../src/lexicon/lexicon-bridge.ts";
import { createParaphraseBridge } from "../src/paraphrase/paraphrase-bridge.ts";
import { allSources, defaultSources } from "../src/paraphrase/paraphraser.ts";
import { TermStatistics } from "../src/retrieve/term-statistics.ts";
import { LanceChunkStore } from "../src/store/lancedb-store.ts";

const [storePath, evalPath, kind = "paraphrase"] = process.argv.slice(2);
if (storePath === undefined || evalPath === undefined) throw new Error("usage: <store> <eval|own> [kind]");
const embedder = createHashingEmbedder();
const store = await LanceChunkStore.open({ uri: storePath, embedder });
const bridge = await createLexiconBridge(store);
const off = new Briefbot({ store, embedder, bridge });
const on = new Briefbot({ store, embedder, bridge, paraphraser: await createParaphraseBridge(store) });
const full = new Briefbot({
  store,
  embedder,
  bridge,
  paraphraser: await createParaphraseBridge(store, process.env.DIAG_ALL ? allSources : defaultSources),
});
const expander = await createParaphraseBridge(store);
const statistics = TermStatistics.fromSearchTexts(await store.sampleSearchText(1_000_000));
interface Item {
  id: string;
  question: string;
  hit: (text: string) => boolean;
}
let items: Item[];
if (evalPath === "own") {
  const lines = (await readFile(resolve(import.meta.dirname, "paraphrase-questions.jsonl"), "utf8"))
    .split("\n")
    .filter((line) => line.trim() !== "");
  items = lines.map((line) => {
    const item = JSON.parse(line) as { id: string; question: string; words: string[] };
    return {
      id: item.id,
      question: item.question,
      hit: (text: string) => item.words.every((word) => text.toLowerCase().includes(word.toLowerCase())),
    };
  });
} else {
  items = parseEvalFile(await readFile(evalPath, "utf8"), evalPath)
    .filter((item) => kind === "all" || item.kind === kind)
    .map((item) => ({
      id: item.id,
      question: item.question,
      hit: (text: string) => containsGold(text, item.gold),
    }));
}
// Every chunk's place in its story, so a miss can be told apart: a right passage whose story
// already leads the results (the answer is in a later chunk than the one the question's words
// find) needs no other words, but the story's other chunk.
const table = await (await lancedb.connect(storePath)).openTable("chunks");
const places = (await table.query().select(["doc_id", "story_index", "chunk_index", "text"]).toArray()).map(
  (row) => ({
    story: `${row.doc_id}#${row.story_index}`,
    chunk: Number(row.chunk_index),
    text: String(row.text),
  }),
);
/** Where the right passage's story stands in the top 5 when the passage itself is not there. */
const storyPlace = async (briefbot: Briefbot, question: string, hit: (text: string) => boolean) => {
  const results = await briefbot.search(question, { limit: 5 });
  if (results.some((result) => hit(result.text))) return "";
  const gold = places.filter((place) => hit(place.text));
  if (gold.length === 0) return "  no passage holds the gold";
  for (const [index, result] of results.entries()) {
    const same = gold.find((place) => place.story === `${result.docId}#${result.storyIndex}`);
    if (same !== undefined)
      return `  story at ${index + 1} (chunk ${result.chunkIndex + 1} found, answer in chunk ${same.chunk + 1})`;
  }
  return "  story not in the top 5";
};
const rankIn = async (briefbot: Briefbot, question: string, hit: (text: string) => boolean) => {
  const results = await briefbot.search(question, { limit: 50 });
  const index = results.findIndex((result) => hit(result.text));
  return index === -1
    ? "-"
    : `${index + 1} (lex ${results[index]?.lexicalRank ?? "-"} vec ${results[index]?.vectorRank ?? "-"} cov ${results[index]?.coverage.toFixed(2)})`;
};
for (const item of items) {
  const expansions = expander.expand(item.question, (term) => statistics.has(term));
  console.log(`${item.id} ${item.question}`);
  console.log(
    `  off: ${await rankIn(off, item.question, item.hit)}  on: ${await rankIn(on, item.question, item.hit)}  alt: ${await rankIn(full, item.question, item.hit)}${await storyPlace(on, item.question, item.hit)}`,
  );
  console.log(
    `  terms: ${expansions.map((term) => `${term.term}/${term.concept}/${term.source}/${term.weight.toFixed(2)}`).join(" ")}`,
  );
}
await store.close();
