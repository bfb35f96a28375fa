/**
 * How many right passages a search misses only because they continue the story it found: the
 * question's words are in one chunk, the answer in the next ("why", "who minded most"). For each
 * item, hit@5 as searched, and with the chunk after the leading result's put in place of the fifth
 * result (when it is not already listed). A measurement of what reading a leading story's next
 * chunk would gain, not a change to search.
 *
 * Run: node --import tsx bench/story-continuation.ts <store dir> <eval.jsonl>
 */
import { readFile } from "node:fs/promises";
import * as lancedb from "@lancedb/lancedb";
import { Briefbot } from "../src/briefbot.ts";
import { createHashingEmbedder } from "../src/embed/hashing-embedder.ts";
import { containsGold, parseEvalFile } from "../src/eval/run-eval.ts";
import { createLexiconBridge } from "../src/lexicon/lexicon-bridge.ts";
import { createParaphraseBridge } from "../src/paraphrase/paraphrase-bridge.ts";
import { LanceChunkStore } from "../src/store/lancedb-store.ts";
import { markdownTable } from "./measure.ts";

const [storePath, evalPath] = process.argv.slice(2);
if (storePath === undefined || evalPath === undefined) throw new Error("usage: <store> <eval.jsonl>");
const embedder = createHashingEmbedder();
const store = await LanceChunkStore.open({ uri: storePath, embedder });
const briefbot = new Briefbot({
  store,
  embedder,
  bridge: await createLexiconBridge(store),
  paraphraser: await createParaphraseBridge(store),
});
const table = await (await lancedb.connect(storePath)).openTable("chunks");
const texts = new Map<string, string>();
for (const row of await table.query().select(["doc_id", "story_index", "chunk_index", "text"]).toArray())
  texts.set(`${row.doc_id}#${row.story_index}#${row.chunk_index}`, String(row.text));

const items = parseEvalFile(await readFile(evalPath, "utf8"), evalPath).filter(
  (item) => item.gold.length > 0,
);
const byKind = new Map<string, { total: number; searched: number; withNext: number; changed: string[] }>();
for (const item of items) {
  const results = await briefbot.search(item.question, { limit: 5 });
  const searched = results.some((result) => containsGold(result.text, item.gold));
  const [first] = results;
  let withNext = searched;
  if (first !== undefined) {
    const next = texts.get(`${first.docId}#${first.storyIndex}#${first.chunkIndex + 1}`);
    const listed = results.some(
      (result) =>
        result.docId === first.docId &&
        result.storyIndex === first.storyIndex &&
        result.chunkIndex === first.chunkIndex + 1,
    );
    if (next !== undefined && !listed) {
      const replaced = [...results.slice(0, 4).map((result) => result.text), next];
      withNext = replaced.some((text) => containsGold(text, item.gold));
    }
  }
  const entry = byKind.get(item.kind) ?? { total: 0, searched: 0, withNext: 0, changed: [] };
  entry.total += 1;
  if (searched) entry.searched += 1;
  if (withNext) entry.withNext += 1;
  if (searched !== withNext) entry.changed.push(`${item.id}${withNext ? "+" : "−"}`);
  byKind.set(item.kind, entry);
}
await store.close();
const rows = [...byKind]
  .sort(([left], [right]) => left.localeCompare(right))
  .map(([kind, entry]) => [
    kind,
    String(entry.total),
    (entry.searched / entry.total).toFixed(3),
    (entry.withNext / entry.total).toFixed(3),
    entry.changed.join(" "),
  ]);
console.log(
  markdownTable(
    ["kind", "items", "hit@5 as searched", "with the leading story's next chunk", "changed"],
    rows,
  ),
);
