import type { IngestReport } from "./ingest-paths.ts";

/** An ingest report with nothing in it, to add to. */
export function emptyIngestReport(): IngestReport {
  return {
    files: 0,
    documents: 0,
    chunks_added: 0,
    chunks_unchanged: 0,
    chunks_removed: 0,
    errors: [],
    added: [],
    skipped: [],
  };
}
