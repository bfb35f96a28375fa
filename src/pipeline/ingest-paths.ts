import { realpath } from "node:fs/promises";
import { embedInBatches } from "../embed/embed-in-batches.ts";
import type { Embedder } from "../embed/embedder.ts";
import { describeError } from "../errors.ts";
import { splitIntoStories } from "../ingest/split-into-stories.ts";
import type { ChunkRecord } from "../store/chunk-record.ts";
import type { ChunkStore, StoredDocument } from "../store/store.ts";
import { type BuildChunksOptions, type PreparedDocument, prepareDocument } from "./build-chunks.ts";
import { collectFiles } from "./collect-files.ts";
import { IssueGroupReader } from "./read-issue-groups.ts";
import type { SkippedFile } from "./skip-non-issues.ts";

/** The `--json` report of an ingest run. Field names are part of the CLI's contract. */
export interface IngestReport {
  files: number;
  documents: number;
  chunks_added: number;
  chunks_unchanged: number;
  chunks_removed: number;
  errors: Array<{ path: string; error: string }>;
  /** Files of the given folders left out because they are not newsletter issues, with why. */
  skipped: SkippedFile[];
}

export type IngestPhase = "read" | "embed" | "write";

export interface IngestOptions extends BuildChunksOptions {
  store: ChunkStore;
  embedder: Embedder;
  /** Files larger than this are refused (a newsletter is kilobytes; this catches mistakes). Default 25 MB. */
  maxFileBytes?: number;
  /** Chunks embedded and committed together; each commit is atomic per document. Default 2000. */
  commitChunks?: number;
  onProgress?: (phase: IngestPhase, done: number, total: number) => void;
  /** Receives the text of every issue read, e.g. to learn bilingual name pairs. */
  onIssueText?: (text: string) => void;
  now?: () => Date;
  signal?: AbortSignal;
}

/**
 * Read, split, chunk, embed and store. Unchanged documents are skipped before embedding; each
 * changed document's chunks are replaced in one commit; a bad file is reported and skipped.
 */
export async function ingestPaths(paths: string[], options: IngestOptions): Promise<IngestReport> {
  const maxFileBytes = options.maxFileBytes ?? 25 * 1024 * 1024;
  const commitChunks = options.commitChunks ?? 2000;
  const now = options.now ?? (() => new Date());
  const report: IngestReport = {
    files: 0,
    documents: 0,
    chunks_added: 0,
    chunks_unchanged: 0,
    chunks_removed: 0,
    errors: [],
    skipped: [],
  };
  const collected = await collectFiles(paths);
  report.errors.push(...collected.errors);
  report.skipped.push(...collected.skipped);
  report.files = collected.files.length;

  const reader = new IssueGroupReader(collected.files, maxFileBytes);
  const stored = new Map((await options.store.documents()).map((document) => [document.docId, document]));
  const pending: PreparedDocument[] = [];
  let pendingChunks = 0;
  const seenTextHashes = new Set<string>();

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending.splice(0, pending.length);
    pendingChunks = 0;
    const result = await writeBatch(batch, options, seenTextHashes, now);
    report.chunks_added += result.added;
    report.chunks_unchanged += result.unchanged;
    report.chunks_removed += result.removed;
  };

  for (const [index, path] of collected.files.entries()) {
    options.signal?.throwIfAborted();
    options.onProgress?.("read", index, collected.files.length);
    let prepared: PreparedDocument[];
    try {
      prepared = await readDocuments(path, reader, options);
    } catch (error) {
      report.errors.push({ path, error: describeError(error) });
      continue;
    }
    for (const document of prepared) {
      report.documents += 1;
      const previous = stored.get(document.docId);
      if (previous !== undefined && previous.docHash === document.docHash) {
        report.chunks_unchanged += previous.chunks;
        for (const chunk of document.chunks) seenTextHashes.add(chunk.textHash);
        continue;
      }
      pending.push(document);
      pendingChunks += document.chunks.length;
      stored.set(document.docId, toStoredDocument(document, now()));
    }
    if (pendingChunks >= commitChunks) await flush();
  }
  options.onProgress?.("read", collected.files.length, collected.files.length);
  await flush();
  if (report.chunks_added + report.chunks_removed > 0) await options.store.maintainIndexes();
  return report;
}

async function readDocuments(
  path: string,
  reader: IssueGroupReader,
  options: IngestOptions,
): Promise<PreparedDocument[]> {
  const issues = await reader.read(path);
  const sourceKey = await realpath(path);
  const documents: PreparedDocument[] = [];
  for (const issue of issues) {
    const stories = splitIntoStories(issue);
    options.onIssueText?.(stories.map((story) => `${story.title}\n${story.text}`).join("\n\n"));
    const document = prepareDocument(issue, stories, path, sourceKey, options);
    if (document.chunks.length > 0) documents.push(document);
  }
  if (documents.length === 0) throw new Error("no readable text found in this file");
  return documents;
}

function toStoredDocument(document: PreparedDocument, at: Date): StoredDocument {
  return {
    docId: document.docId,
    docHash: document.docHash,
    path: document.path,
    publication: document.issue.publication,
    title: document.issue.title,
    issueNumber: document.issue.issueNumber,
    date: document.issue.date,
    url: document.issue.url,
    lang: document.lang,
    stories: document.stories.length,
    chunks: document.chunks.length,
    ingestedAt: at.toISOString(),
  };
}

async function writeBatch(
  batch: PreparedDocument[],
  options: IngestOptions,
  seenTextHashes: Set<string>,
  now: () => Date,
): Promise<{ added: number; unchanged: number; removed: number }> {
  const docIds = batch.map((document) => document.docId);
  // Near-identical passages already stored under another issue (the same issue in two places) are kept once.
  const known = await options.store.knownTextHashes(
    batch.flatMap((document) => document.chunks.map((chunk) => chunk.textHash)),
    docIds,
  );
  const kept: Array<{
    document: PreparedDocument;
    chunk: PreparedDocument["chunks"][number];
    embedText: string;
  }> = [];
  for (const document of batch) {
    for (const [index, chunk] of document.chunks.entries()) {
      if (known.has(chunk.textHash) || seenTextHashes.has(chunk.textHash)) continue;
      seenTextHashes.add(chunk.textHash);
      kept.push({ document, chunk, embedText: document.embedTexts[index]! });
    }
  }
  // Chunks whose text did not change keep their vectors: re-embedding them would cost API calls for nothing.
  const reused = await options.store.vectorsOf(kept.map((item) => item.chunk.id));
  const toEmbed = kept.filter((item) => !reused.has(item.chunk.id));
  options.onProgress?.("embed", 0, toEmbed.length);
  const vectors = await embedInBatches(
    options.embedder,
    toEmbed.map((item) => item.embedText),
    {
      signal: options.signal,
      onProgress: (done: number) => options.onProgress?.("embed", done, toEmbed.length),
    },
  );
  const fresh = new Map(toEmbed.map((item, index) => [item.chunk.id, vectors[index]!]));
  const records: ChunkRecord[] = kept.map((item) => ({
    ...item.chunk,
    vector: reused.get(item.chunk.id) ?? fresh.get(item.chunk.id)!,
  }));
  const counts = new Map<string, number>();
  for (const record of records) counts.set(record.docId, (counts.get(record.docId) ?? 0) + 1);
  const documents = batch.map((document) => ({
    ...toStoredDocument(document, now()),
    chunks: counts.get(document.docId) ?? 0,
  }));
  options.onProgress?.("write", 0, 1);
  const result = await options.store.replaceDocuments(documents, records);
  options.onProgress?.("write", 1, 1);
  return result;
}
