import { createHash } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import { checkVectors, embedInBatches } from "../embed/embed-in-batches.ts";
import type { Embedder } from "../embed/embedder.ts";
import { describeError } from "../errors.ts";
import { readIssues } from "../ingest/read-issues.ts";
import { splitIntoStories } from "../ingest/split-into-stories.ts";
import type { ChunkRecord } from "../store/chunk-record.ts";
import type { ChunkStore, SourceFileRecord, StoredDocument } from "../store/store.ts";
import {
  type BuildChunksOptions,
  type PreparedDocument,
  pipelineVersion,
  prepareDocument,
} from "./build-chunks.ts";
import { collectFiles } from "./collect-files.ts";
import { emptyIngestReport } from "./empty-ingest-report.ts";
import { IssueGroupReader } from "./read-issue-groups.ts";

/** Why an input or an issue was not written; `detail` says more where there is more to say. */
export type SkipReason = "unchanged" | "ignored" | "not an issue" | "not a newsletter" | "not modified";

/** An issue an ingest wrote (new or changed). */
export interface AddedIssue {
  doc_id: string;
  path: string;
  publication: string;
  title: string;
  date: string | null;
}

/**
 * The `--json` report of an ingest run. Field names are part of the CLI's contract: fields are
 * only ever added (`added` and `skipped` came with URL sources), never renamed.
 */
export interface IngestReport {
  files: number;
  documents: number;
  chunks_added: number;
  chunks_unchanged: number;
  chunks_removed: number;
  errors: Array<{ path: string; error: string }>;
  /** Issues written by this run (new or changed), in reading order. */
  added: AddedIssue[];
  /** Inputs or issues passed over, with the reason: nothing here was written. */
  skipped: Array<{ path: string; reason: SkipReason; detail?: string }>;
}

/** Bytes to ingest that do not come from a file: a fetched feed, page or issue. */
export interface FetchedInput {
  /** Where it came from (the URL), kept as the document's path and its identity. */
  path: string;
  /** How to read it: a file extension such as `.xml`, `.html`, `.json`, `.pdf`. */
  extension: string;
  bytes: Uint8Array;
  /** For a single page or PDF: its address, used as the issue's link when the page names none. */
  pageUrl?: string;
}

// In its own module so commands that only print a report do not load the readers.
export { emptyIngestReport };

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
  /** Called once before the first file is parsed (not at all when every file is unchanged). */
  beforeFirstParse?: () => void;
  now?: () => Date;
  signal?: AbortSignal;
}

/**
 * Read, split, chunk, embed and store. Unchanged documents are skipped before embedding; each
 * changed document's chunks are replaced in one commit; a bad file is reported and skipped.
 */
export async function ingestPaths(paths: string[], options: IngestOptions): Promise<IngestReport> {
  const report = emptyIngestReport();
  // A write a crash interrupted is undone first, so this run starts from a whole state.
  await options.store.recoverInterruptedWrite();
  const collected = await collectFiles(paths);
  report.errors.push(...collected.errors);
  for (const path of collected.ignored ?? []) report.skipped.push({ path, reason: "ignored" });
  for (const file of collected.skipped)
    report.skipped.push({ path: file.path, reason: "not an issue", detail: file.reason });
  report.files = collected.files.length;
  const reader = new IssueGroupReader(
    collected.files,
    options.maxFileBytes ?? defaultMaxFileBytes,
    (problem) => report.errors.push(problem),
  );
  return ingestInputs(
    collected.files.map((path) => ({ path })),
    report,
    options,
    reader,
  );
}

/**
 * Ingest bytes fetched from elsewhere (URL sources) exactly like files: same readers, same
 * unchanged-document check, same atomic writes. The URL is the document's path and identity.
 */
export async function ingestFetched(fetched: FetchedInput[], options: IngestOptions): Promise<IngestReport> {
  const report = emptyIngestReport();
  await options.store.recoverInterruptedWrite();
  report.files = fetched.length;
  return ingestInputs(
    fetched.map((input) => ({ path: input.path, fetched: input })),
    report,
    options,
  );
}

interface ReadInput {
  path: string;
  /** Read as this extension instead of the path's own (a URL often has none). */
  extension?: string;
  bytes: Uint8Array;
  /** The document identity's base: the real path of a file, the URL of a fetched input. */
  sourceKey: string;
  pageUrl?: string | undefined;
}

/** A file by path, or fetched bytes: files are recorded so an unchanged one is skipped unread next time. */
interface IngestInput {
  path: string;
  fetched?: FetchedInput;
}

/** Files larger than this are refused unless the options say otherwise. */
const defaultMaxFileBytes = 25 * 1024 * 1024;

async function ingestInputs(
  inputs: IngestInput[],
  report: IngestReport,
  options: IngestOptions,
  reader?: IssueGroupReader,
): Promise<IngestReport> {
  const maxFileBytes = options.maxFileBytes ?? defaultMaxFileBytes;
  const commitChunks = options.commitChunks ?? 2000;
  const now = options.now ?? (() => new Date());
  const stored = new Map((await options.store.documents()).map((document) => [document.docId, document]));
  const recordedFiles = new Map((await options.store.sourceFiles()).map((file) => [file.key, file]));
  const pending: PreparedDocument[] = [];
  const pendingFiles: SourceFileRecord[] = [];
  let pendingChunks = 0;
  let dataChanged = false;
  const seenTextHashes = new Set<string>();

  // A batch is embedded and committed while the next files are read: LanceDB's commit runs off
  // the main thread (a fifth of an archive ingest's time was spent waiting for it). One commit at
  // a time, in order; each stays atomic. A failed write stops the reading at the next file.
  let writing: Promise<void> = Promise.resolve();
  let writeFailure: { error: unknown } | undefined;
  const finishWriting = async () => {
    await writing;
    if (writeFailure !== undefined) throw writeFailure.error;
  };
  const flush = async () => {
    if (pending.length === 0 && pendingFiles.length === 0) return;
    await finishWriting();
    const batch = pending.splice(0, pending.length);
    const files = pendingFiles.splice(0, pendingFiles.length);
    pendingChunks = 0;
    writing = writeBatch(batch, files, options, seenTextHashes, now).then(
      (result) => {
        report.chunks_added += result.added;
        report.chunks_unchanged += result.unchanged;
        report.chunks_removed += result.removed;
        if (result.added + result.removed > 0) dataChanged = true;
      },
      (error: unknown) => {
        writeFailure = { error };
      },
    );
  };

  /** A file whose documents are all stored as recorded: counted, not read again. */
  const countUnchanged = (file: SourceFileRecord) => {
    report.documents += file.docIds.length;
    for (const docId of file.docIds) {
      const document = stored.get(docId);
      report.chunks_unchanged += document?.chunks ?? 0;
      report.skipped.push({ path: file.path, reason: "unchanged", detail: document?.title ?? docId });
    }
  };

  try {
    let parsing = false;
    for (const [index, input] of inputs.entries()) {
      const path = input.path;
      options.signal?.throwIfAborted();
      if (writeFailure !== undefined) break;
      options.onProgress?.("read", index, inputs.length);
      let prepared: PreparedDocument[];
      let file: SourceFileRecord | undefined;
      try {
        let read: ReadInput;
        if (input.fetched !== undefined) {
          read = {
            path,
            extension: input.fetched.extension,
            bytes: input.fetched.bytes,
            sourceKey: path,
            pageUrl: input.fetched.pageUrl,
          };
        } else {
          const info = await stat(path);
          if (!info.isFile()) throw new Error("not a regular file");
          const key = await realpath(path);
          const recorded = recordedFiles.get(key);
          const usable =
            recorded !== undefined &&
            recorded.path === path &&
            recorded.pipeline === pipelineVersion &&
            recorded.docIds.every((docId) => stored.has(docId))
              ? recorded
              : undefined;
          if (usable !== undefined && usable.size === info.size && usable.mtimeMs === info.mtimeMs) {
            countUnchanged(usable);
            continue;
          }
          if (info.size > maxFileBytes) {
            throw new Error(
              `file is ${(info.size / 1048576).toFixed(1)} MB; the limit is ${(maxFileBytes / 1048576).toFixed(0)} MB`,
            );
          }
          const bytes = await readFile(path);
          const contentHash = createHash("sha256").update(bytes).digest("hex");
          file = {
            key,
            path,
            size: info.size,
            mtimeMs: info.mtimeMs,
            contentHash,
            pipeline: pipelineVersion,
            docIds: [],
          };
          if (usable !== undefined && usable.contentHash === contentHash) {
            // Touched but not changed: remember the new time so the next run skips it unread.
            countUnchanged(usable);
            pendingFiles.push({ ...file, docIds: usable.docIds });
            continue;
          }
          read = { path, bytes, sourceKey: key };
        }
        if (!parsing) {
          options.beforeFirstParse?.();
          parsing = true;
        }
        prepared = await readDocuments(read, reader, options, (problem) => report.errors.push(problem));
      } catch (error) {
        report.errors.push({ path, error: describeError(error) });
        continue;
      }
      for (const document of prepared) {
        report.documents += 1;
        const previous = stored.get(document.docId);
        if (previous !== undefined && previous.docHash === document.docHash) {
          report.chunks_unchanged += previous.chunks;
          report.skipped.push({ path, reason: "unchanged", detail: document.issue.title });
          for (const chunk of document.chunks) seenTextHashes.add(chunk.textHash);
          continue;
        }
        pending.push(document);
        pendingChunks += document.chunks.length;
        stored.set(document.docId, toStoredDocument(document, now()));
        report.added.push({
          doc_id: document.docId,
          path,
          publication: document.issue.publication,
          title: document.issue.title,
          date: document.issue.date,
        });
      }
      // Recorded in the same commit as the file's changed documents (a file is never split across two).
      if (file !== undefined)
        pendingFiles.push({ ...file, docIds: prepared.map((document) => document.docId) });
      if (pendingChunks >= commitChunks) await flush();
    }
  } catch (error) {
    // Not while a commit is under way: the caller may close the store.
    await writing;
    throw error;
  }
  options.onProgress?.("read", inputs.length, inputs.length);
  await flush();
  await finishWriting();
  // Every run checks the indexes (a crash may have stopped a build); folding and compaction only after changes.
  await options.store.maintainIndexes({ dataChanged });
  return report;
}

async function readDocuments(
  input: ReadInput,
  reader: IssueGroupReader | undefined,
  options: IngestOptions,
  onProblem: (problem: { path: string; error: string }) => void,
): Promise<PreparedDocument[]> {
  const { path, bytes, sourceKey } = input;
  // Files of a folder are read together so one weekly's issues share a publication name.
  const issues =
    reader === undefined || input.extension !== undefined
      ? await readIssues(path, bytes, { onProblem, extension: input.extension })
      : await reader.read(path);
  const documents: PreparedDocument[] = [];
  for (const read of issues) {
    const issue = read.url === null && input.pageUrl ? { ...read, url: input.pageUrl } : read;
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
  files: SourceFileRecord[],
  options: IngestOptions,
  seenTextHashes: Set<string>,
  now: () => Date,
): Promise<{ added: number; unchanged: number; removed: number }> {
  if (batch.length === 0) {
    await options.store.replaceDocuments([], [], files);
    return { added: 0, unchanged: 0, removed: 0 };
  }
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
    prepared: number[] | undefined;
  }> = [];
  for (const document of batch) {
    for (const [index, chunk] of document.chunks.entries()) {
      if (known.has(chunk.textHash) || seenTextHashes.has(chunk.textHash)) continue;
      seenTextHashes.add(chunk.textHash);
      kept.push({
        document,
        chunk,
        embedText: document.embedTexts[index]!,
        prepared: document.vectors?.[index],
      });
    }
  }
  // Chunks whose text did not change keep their vectors: re-embedding them would cost API calls for nothing.
  const reused = await options.store.vectorsOf(kept.map((item) => item.chunk.id));
  // Vectors made while preparing pass the same checks as those of a batch call.
  const early = kept.filter((item) => !reused.has(item.chunk.id) && item.prepared !== undefined);
  checkVectors(
    options.embedder,
    early.map((item) => item.prepared),
    early.length,
  );
  const toEmbed = kept.filter((item) => !reused.has(item.chunk.id) && item.prepared === undefined);
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
    vector: reused.get(item.chunk.id) ?? item.prepared ?? fresh.get(item.chunk.id)!,
  }));
  const counts = new Map<string, number>();
  for (const record of records) counts.set(record.docId, (counts.get(record.docId) ?? 0) + 1);
  const documents = batch.map((document) => ({
    ...toStoredDocument(document, now()),
    chunks: counts.get(document.docId) ?? 0,
  }));
  options.onProgress?.("write", 0, 1);
  const result = await options.store.replaceDocuments(documents, records, files);
  options.onProgress?.("write", 1, 1);
  return result;
}
