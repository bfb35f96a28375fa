import type { StoreOverview } from "./briefbot-service.ts";
import type { StoredDocument } from "./store/store.ts";
import { describeStoreCoverage, storeCoverageOf } from "./store-coverage.ts";

/** The issue catalogue: the store's issues in reading order, which a removal names, and an overview. */

/** Newest first, then by publication and title. */
export function inReadingOrder(documents: StoredDocument[]): StoredDocument[] {
  return documents.sort(
    (left, right) =>
      (right.date ?? "").localeCompare(left.date ?? "") ||
      left.publication.localeCompare(right.publication) ||
      left.title.localeCompare(right.title),
  );
}

/**
 * The issues a removal names: by id (or its start), path or title; or, with `source`, every
 * issue of the publications whose name contains it (case-insensitive, as the search filter).
 */
export function matchingDocuments(
  documents: StoredDocument[],
  target: { reference?: string; source?: string },
): StoredDocument[] {
  const source = target.source?.toLowerCase();
  const reference = target.reference ?? "";
  return documents.filter((document) =>
    source !== undefined
      ? document.publication.toLowerCase().includes(source)
      : document.docId === reference ||
        (reference !== "" && document.docId.startsWith(reference)) ||
        document.path === reference ||
        document.title === reference,
  );
}

/** Issues, chunks, publications with their latest dates, the latest issues and the coverage line. */
export function overviewOf(documents: StoredDocument[], now: Date): StoreOverview {
  const coverage = storeCoverageOf(documents);
  const publications = new Map<string, { documents: number; latestDate: string | null }>();
  for (const document of documents) {
    const entry = publications.get(document.publication) ?? { documents: 0, latestDate: null };
    entry.documents += 1;
    if (document.date !== null && (entry.latestDate === null || document.date > entry.latestDate)) {
      entry.latestDate = document.date;
    }
    publications.set(document.publication, entry);
  }
  return {
    documents: documents.length,
    chunks: documents.reduce((sum, document) => sum + document.chunks, 0),
    publications: [...publications.entries()]
      .map(([name, entry]) => ({ name, ...entry }))
      .sort(
        (left, right) =>
          (right.latestDate ?? "").localeCompare(left.latestDate ?? "") ||
          left.name.localeCompare(right.name),
      ),
    latestIssues: documents.slice(0, 5).map((document) => ({
      publication: document.publication,
      title: document.title,
      date: document.date,
      url: document.url,
    })),
    latestDate: documents.find((document) => document.date !== null)?.date ?? null,
    coverage: { ...coverage, line: describeStoreCoverage(coverage, now) },
  };
}
