import { stat } from "node:fs/promises";
import * as lancedb from "@lancedb/lancedb";
import type { Briefbot } from "../src/briefbot.ts";
import { loadConfig } from "../src/config.ts";
import { createBriefbot } from "../src/create-briefbot.ts";
import { silentLogger } from "../src/logger.ts";
import { collectFiles } from "../src/pipeline/collect-files.ts";
import { round, timed } from "./measure.ts";
import type { BaseChunk } from "./synthetic-corpus.ts";

/** Section 1: the real corpus through `Briefbot.ingest`, exactly as `briefbot ingest` runs it. */

export interface IngestFigures {
  paths: string[];
  files: number;
  issues: number;
  chunks: number;
  inputMB: number;
  errors: number;
  firstSeconds: number;
  mbPerSecond: number;
  chunksPerSecond: number;
  reingestSeconds: number;
  reingestAdded: number;
  reingestRemoved: number;
  reingestUnchanged: number;
}

/** A chunk read back from the store: what every retriever in the peer comparison indexes. */
export interface CorpusChunk extends BaseChunk {
  id: string;
  searchText: string;
  /** Other-language glosses (empty when the store has no such column). */
  glossText: string;
}

export async function runRealIngest(
  paths: string[],
  databaseUri: string,
): Promise<{ figures: IngestFigures; briefbot: Briefbot; chunks: CorpusChunk[] }> {
  const collected = await collectFiles(paths);
  let bytes = 0;
  for (const file of collected.files) bytes += (await stat(file)).size;
  const briefbot = await createBriefbot({ config: loadConfig({}), logger: silentLogger(), databaseUri });
  const first = await timed(() => briefbot.ingest(paths));
  const second = await timed(() => briefbot.ingest(paths));
  const inputMB = bytes / 1024 ** 2;
  const chunks = await readChunks(databaseUri);
  const figures: IngestFigures = {
    paths,
    files: first.value.files,
    issues: first.value.documents,
    chunks: chunks.length,
    inputMB: round(inputMB, 2),
    errors: first.value.errors.length,
    firstSeconds: round(first.ms / 1000, 2),
    mbPerSecond: round(inputMB / (first.ms / 1000), 2),
    chunksPerSecond: round(first.value.chunks_added / (first.ms / 1000), 0),
    reingestSeconds: round(second.ms / 1000, 2),
    reingestAdded: second.value.chunks_added,
    reingestRemoved: second.value.chunks_removed,
    reingestUnchanged: second.value.chunks_unchanged,
  };
  return { figures, briefbot, chunks };
}

/** Every stored chunk, read straight from LanceDB (the store interface has no full scan). */
export async function readChunks(databaseUri: string): Promise<CorpusChunk[]> {
  const connection = await lancedb.connect(databaseUri);
  try {
    const table = await connection.openTable("chunks");
    const schema = await table.schema();
    const columns = ["id", "text", "story", "publication", "title", "date", "url", "lang", "search_text"];
    if (schema.fields.some((field) => field.name === "gloss_text")) columns.push("gloss_text");
    const rows = (await table.query().select(columns).toArray()) as Array<Record<string, unknown>>;
    table.close();
    const nullable = (value: unknown) => (value === null || value === undefined ? null : String(value));
    return rows
      .map((row) => ({
        id: String(row.id),
        text: String(row.text),
        story: String(row.story),
        publication: String(row.publication),
        title: String(row.title),
        date: nullable(row.date),
        url: nullable(row.url),
        lang: String(row.lang) as BaseChunk["lang"],
        searchText: String(row.search_text),
        glossText: row.gloss_text == null ? "" : String(row.gloss_text),
      }))
      .sort((left, right) => left.id.localeCompare(right.id));
  } finally {
    connection.close();
  }
}
