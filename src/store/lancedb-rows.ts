import type * as lancedb from "@lancedb/lancedb";
import type * as Arrow from "apache-arrow";
import type { SearchFilters } from "../answer/answer-types.ts";
import { arrow } from "./arrow-classes.ts";
import type { ChunkPassage, ChunkRecord } from "./chunk-record.ts";
import type { SourceFileRecord, StoredChunk, StoredDocument } from "./store.ts";

/** The LanceDB tables' schemas, and conversions between their rows and the store's records. */

const { Field, FixedSizeList, Float32, Float64, Int32, Schema, Utf8 } = arrow;
export const chunkColumns = [
  "id",
  "doc_id",
  "doc_hash",
  "publication",
  "title",
  "issue_number",
  "story",
  "story_index",
  "chunk_index",
  "date",
  "url",
  "path",
  "lang",
  "text",
  "text_hash",
  "search_text",
  "gloss_text",
] as const;

/** What a citation needs: no hashes, search tokens or vector (the search tokens are most of a row). */
export const passageColumns = chunkColumns.filter(
  (column) => !["doc_hash", "text_hash", "search_text", "gloss_text"].includes(column),
);

export function chunkSchema(dimensions: number): Arrow.Schema {
  const text = (name: string, nullable = false) => new Field(name, new Utf8(), nullable);
  return new Schema([
    text("id"),
    text("doc_id"),
    text("doc_hash"),
    text("publication"),
    text("title"),
    text("issue_number", true),
    text("story"),
    new Field("story_index", new Int32(), false),
    new Field("chunk_index", new Int32(), false),
    text("date", true),
    text("url", true),
    text("path"),
    text("lang"),
    text("text"),
    text("text_hash"),
    text("search_text"),
    text("gloss_text"),
    new Field("vector", new FixedSizeList(dimensions, new Field("item", new Float32(), true)), false),
  ]);
}

export const documentSchema = new Schema([
  new Field("doc_id", new Utf8(), false),
  new Field("doc_hash", new Utf8(), false),
  new Field("path", new Utf8(), false),
  new Field("publication", new Utf8(), false),
  new Field("title", new Utf8(), false),
  new Field("issue_number", new Utf8(), true),
  new Field("date", new Utf8(), true),
  new Field("url", new Utf8(), true),
  new Field("lang", new Utf8(), false),
  new Field("stories", new Int32(), false),
  new Field("chunks", new Int32(), false),
  new Field("ingested_at", new Utf8(), false),
]);

/** One row per source file an ingest read: see `SourceFileRecord`. */
export const sourceFileSchema = new Schema([
  new Field("key", new Utf8(), false),
  new Field("path", new Utf8(), false),
  new Field("size", new Float64(), false),
  new Field("mtime_ms", new Float64(), false),
  new Field("content_hash", new Utf8(), false),
  new Field("pipeline", new Utf8(), false),
  new Field("doc_ids", new Utf8(), false),
]);

export function toSourceFileRow(file: SourceFileRecord): Row {
  return {
    key: file.key,
    path: file.path,
    size: file.size,
    mtime_ms: file.mtimeMs,
    content_hash: file.contentHash,
    pipeline: file.pipeline,
    doc_ids: JSON.stringify(file.docIds),
  };
}

export function toSourceFile(row: Row): SourceFileRecord {
  return {
    key: String(row.key),
    path: String(row.path),
    size: Number(row.size),
    mtimeMs: Number(row.mtime_ms),
    contentHash: String(row.content_hash),
    pipeline: String(row.pipeline),
    docIds: JSON.parse(String(row.doc_ids)) as string[],
  };
}

export const metaSchema = new Schema([
  new Field("key", new Utf8(), false),
  new Field("value", new Utf8(), false),
]);

/** SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function sqlList(values: string[]): string {
  return `(${values.map(sqlString).join(", ")})`;
}

/** SQL predicate for the filters, or undefined for none. */
export function filterPredicate(filters: SearchFilters | undefined): string | undefined {
  if (filters === undefined) return undefined;
  const parts: string[] = [];
  if (filters.publication) {
    const needle = filters.publication.toLowerCase().replace(/[%_\\]/g, "");
    parts.push(`lower(publication) LIKE ${sqlString(`%${needle}%`)}`);
  }
  if (filters.since) parts.push(`date >= ${sqlString(filters.since)}`);
  if (filters.until) parts.push(`date <= ${sqlString(filters.until)}`);
  if (filters.issueNumber) parts.push(`issue_number = ${sqlString(filters.issueNumber)}`);
  if (filters.docIds !== undefined)
    parts.push(filters.docIds.length > 0 ? `doc_id IN ${sqlList(filters.docIds)}` : "false");
  return parts.length > 0 ? parts.join(" AND ") : undefined;
}

export type Row = Record<string, unknown>;

export const nullable = (value: unknown) => (value === null || value === undefined ? null : String(value));

export function toPassage(row: Row): ChunkPassage {
  return {
    id: String(row.id),
    docId: String(row.doc_id),
    publication: String(row.publication),
    title: String(row.title),
    issueNumber: nullable(row.issue_number),
    story: String(row.story),
    storyIndex: Number(row.story_index),
    chunkIndex: Number(row.chunk_index),
    date: nullable(row.date),
    url: nullable(row.url),
    path: String(row.path),
    lang: String(row.lang) as StoredChunk["lang"],
    text: String(row.text),
  };
}

export function toStoredChunk(row: Row): StoredChunk {
  return {
    ...toPassage(row),
    docHash: String(row.doc_hash),
    textHash: String(row.text_hash),
    searchText: String(row.search_text),
    glossText: String(row.gloss_text ?? ""),
  };
}

export function toRow(chunk: ChunkRecord): Row {
  return {
    id: chunk.id,
    doc_id: chunk.docId,
    doc_hash: chunk.docHash,
    publication: chunk.publication,
    title: chunk.title,
    issue_number: chunk.issueNumber,
    story: chunk.story,
    story_index: chunk.storyIndex,
    chunk_index: chunk.chunkIndex,
    date: chunk.date,
    url: chunk.url,
    path: chunk.path,
    lang: chunk.lang,
    text: chunk.text,
    text_hash: chunk.textHash,
    search_text: chunk.searchText,
    gloss_text: chunk.glossText,
    vector: chunk.vector,
  };
}

/**
 * A text column written directly (lengths, then one buffer): Arrow's builder encoded the strings
 * one at a time into growing buffers, ~3% of an archive ingest.
 */
function utf8Data(values: ReadonlyArray<string | null>): Arrow.Data {
  const offsets = new Int32Array(values.length + 1);
  let bytes = 0;
  let nulls = 0;
  values.forEach((value, index) => {
    if (value === null) nulls += 1;
    else bytes += Buffer.byteLength(value, "utf8");
    offsets[index + 1] = bytes;
  });
  const data = Buffer.alloc(bytes);
  const nullBitmap = nulls > 0 ? new Uint8Array(Math.ceil(values.length / 8)) : undefined;
  values.forEach((value, index) => {
    if (value === null) return;
    data.write(value, offsets[index]!, "utf8");
    if (nullBitmap !== undefined) nullBitmap[index >> 3]! |= 1 << (index & 7);
  });
  return arrow.makeData({
    type: new Utf8(),
    length: values.length,
    nullCount: nulls,
    nullBitmap,
    valueOffsets: offsets,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  });
}

/**
 * Chunks as one Arrow table in the chunk schema, built column by column (the vectors as one
 * Float32Array). Handing LanceDB plain row objects made it infer a schema and transpose the rows
 * value by value: 1.2 of 12.7 s CPU of ingesting 2 MB of the shared archive.
 */
export function chunksTable(chunks: readonly ChunkRecord[], dimensions: number): Arrow.Table {
  const schema = chunkSchema(dimensions);
  const rows = chunks.map(toRow);
  const children = schema.fields.map((field) => {
    if (field.name === "vector") {
      const values = new Float32Array(chunks.length * dimensions);
      chunks.forEach((chunk, index) => {
        values.set(chunk.vector, index * dimensions);
      });
      const items = arrow.makeData({ type: new Float32(), length: values.length, data: values });
      return arrow.makeData({ type: field.type, length: chunks.length, nullCount: 0, child: items });
    }
    const values = rows.map((row) => row[field.name] ?? null);
    if (field.type instanceof Utf8)
      return utf8Data(values.map((value) => (value === null ? null : String(value))));
    const column = arrow.vectorFromArray(values, field.type);
    // vectorFromArray builds a column in one piece (no high-water mark).
    if (column.data.length !== 1)
      throw new Error(`column ${field.name} came in ${column.data.length} pieces`);
    return column.data[0] as Arrow.Data;
  });
  const struct = arrow.makeData({
    type: new arrow.Struct(schema.fields),
    length: chunks.length,
    nullCount: 0,
    children,
  });
  return new arrow.Table([new arrow.RecordBatch(schema, struct)]);
}

/**
 * The rows of a query result as plain objects, read column by column. LanceDB's `toArray()` gives
 * one proxy per row whose every field read goes through Arrow's visitors: converting a search's
 * candidates that way was ~40% of its main-thread time in a profile at 100k chunks.
 */
export function rowsOfTable(table: Arrow.Table): Row[] {
  const columns = table.schema.fields.map((field) => {
    const column = table.getChild(field.name);
    const values: ArrayLike<unknown> = column === null ? [] : column.toArray();
    return { name: field.name, values };
  });
  const rows: Row[] = [];
  for (let index = 0; index < table.numRows; index += 1) {
    const row: Row = {};
    for (const { name, values } of columns) row[name] = values[index];
    rows.push(row);
  }
  return rows;
}

export function chunkFromRow(row: Row): ChunkRecord {
  return { ...toStoredChunk(row), vector: Array.from(row.vector as ArrayLike<number>) };
}

export function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

/** A document row as the documents table stores it. */
export function toDocumentRow(document: StoredDocument): Row {
  return {
    doc_id: document.docId,
    doc_hash: document.docHash,
    path: document.path,
    publication: document.publication,
    title: document.title,
    issue_number: document.issueNumber,
    date: document.date,
    url: document.url,
    lang: document.lang,
    stories: document.stories,
    chunks: document.chunks,
    ingested_at: document.ingestedAt,
  };
}

export function toStoredDocument(row: Row): StoredDocument {
  return {
    docId: String(row.doc_id),
    docHash: String(row.doc_hash),
    path: String(row.path),
    publication: String(row.publication),
    title: String(row.title),
    issueNumber: row.issue_number == null ? null : String(row.issue_number),
    date: row.date == null ? null : String(row.date),
    url: row.url == null ? null : String(row.url),
    lang: String(row.lang) as StoredDocument["lang"],
    stories: Number(row.stories),
    chunks: Number(row.chunks),
    ingestedAt: String(row.ingested_at),
  };
}

/**
 * Bring a chunk table written by an earlier briefbot up to the current schema, so an existing
 * store keeps working; the next ingest fills the new columns (the pipeline version changed too).
 */
export async function upgradeChunkTable(table: lancedb.Table): Promise<void> {
  const fields = new Set((await table.schema()).fields.map((field) => field.name));
  if (!fields.has("gloss_text")) await table.addColumns([{ name: "gloss_text", valueSql: "''" }]);
}
