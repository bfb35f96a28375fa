import type { IngestReport } from "../pipeline/ingest-paths.ts";

/** Adds `report` into `total` (several fetches, one report). */
export function mergeInto(total: IngestReport, report: IngestReport): void {
  total.files += report.files;
  total.documents += report.documents;
  total.chunks_added += report.chunks_added;
  total.chunks_unchanged += report.chunks_unchanged;
  total.chunks_removed += report.chunks_removed;
  total.errors.push(...report.errors);
  total.added.push(...report.added);
  total.skipped.push(...report.skipped);
}
