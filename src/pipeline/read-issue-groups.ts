import { readFile, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { resolvePublicationNames } from "../ingest/publication-names.ts";
import { readIssues } from "../ingest/read-issues.ts";
import type { SourceIssue } from "../ingest/source-issue.ts";

/**
 * Reads input files folder by folder, so that the files of one weekly are named alike
 * (publication-names.ts): the first request for a file reads every collected file of its folder,
 * and each file's issues are handed out once and then forgotten. Memory holds one folder's
 * issues at a time, since ingestion visits files in folder order.
 */
export class IssueGroupReader {
  private readonly folderFiles = new Map<string, string[]>();
  private readonly pending = new Map<string, Promise<SourceIssue[]>>();

  constructor(
    files: string[],
    private readonly maxFileBytes: number,
    /** Told of a part of a file that could not be read (one message of an mbox) while the rest goes in. */
    private readonly onProblem?: (problem: { path: string; error: string }) => void,
  ) {
    for (const path of files) {
      const folder = dirname(path);
      this.folderFiles.set(folder, [...(this.folderFiles.get(folder) ?? []), path]);
    }
  }

  /** The issues of one collected file, with publication names settled across its folder. */
  async read(path: string): Promise<SourceIssue[]> {
    if (!this.pending.has(path)) this.readFolderOf(path);
    const issues = this.pending.get(path) ?? readOneFile(path, this.maxFileBytes, this.onProblem);
    this.pending.delete(path);
    return issues;
  }

  private readFolderOf(path: string): void {
    // Year folders (`Reports/2018`, `Reports/2019`) belong to one weekly: read them together.
    const anchor = dirname(path);
    const parent = /^(?:19|20)\d{2}$/.test(anchor.split(/[\\/]/).pop() ?? "") ? dirname(anchor) : anchor;
    const paths = [...this.folderFiles]
      .filter(([folder]) => folder === anchor || (parent !== anchor && dirname(folder) === parent))
      .flatMap(([, files]) => files)
      .filter((file) => !this.pending.has(file));
    for (const file of paths) this.folderFiles.delete(dirname(file));
    const all = (async () => {
      const results: Array<{ issues: SourceIssue[] } | { error: unknown }> = [];
      for (const file of paths) {
        try {
          results.push({ issues: await readOneFile(file, this.maxFileBytes, this.onProblem) });
        } catch (error) {
          results.push({ error });
        }
      }
      resolvePublicationNames(
        results.flatMap((result, index) =>
          "issues" in result ? [{ path: paths[index] ?? "", issues: result.issues }] : [],
        ),
      );
      return results;
    })();
    paths.forEach((file, index) => {
      const issues = all.then((results) => {
        const result = results[index];
        if (result === undefined) return [];
        if ("error" in result) throw result.error;
        return result.issues;
      });
      issues.catch(() => undefined); // reported when the file is asked for
      this.pending.set(file, issues);
    });
  }
}

async function readOneFile(
  path: string,
  maxFileBytes: number,
  onProblem?: (problem: { path: string; error: string }) => void,
): Promise<SourceIssue[]> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error("not a regular file");
  if (info.size > maxFileBytes) {
    throw new Error(
      `file is ${(info.size / 1048576).toFixed(1)} MB; the limit is ${(maxFileBytes / 1048576).toFixed(0)} MB`,
    );
  }
  return readIssues(path, await readFile(path), onProblem === undefined ? {} : { onProblem });
}
