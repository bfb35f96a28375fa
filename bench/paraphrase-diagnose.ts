/**
 * Where the right passage of each paraphrased question ranks with paraphrase off and on, and which
 * expansion terms the question got (term, weight, concept, source). For diagnosing, not scoring.
 *
 * Run: node --import tsx bench/paraphrase-diagnose.ts <store dir> <eval.jsonl|own> [kind]
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
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
    `  off: ${await rankIn(off, item.question, item.hit)}  on: ${await rankIn(on, item.question, item.hit)}  alt: ${await rankIn(full, item.question, item.hit)}`,
  );
  console.log(
    `  terms: ${expansions.map((term) => `${term.term}/${term.concept}/${term.source}/${term.weight.toFixed(2)}`).join(" ")}`,
  );
}
await store.close();
