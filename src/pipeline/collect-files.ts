import { readdir, realpath, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { IgnoreRules, type SkippedFile } from "./skip-non-issues.ts";

/**
 * Extensions a directory walk reads: those `readIssues` accepts, but for `.json` and `.text`,
 * read only when named (a folder's package.json or notes are no issues). Directory walks skip
 * everything else without complaint.
 */
export const supportedExtensions = new Set([
  ".txt",
  ".md",
  ".markdown",
  ".mdx",
  ".html",
  ".htm",
  ".eml",
  ".xml",
  ".rss",
  ".atom",
  ".pdf",
  ".mbox",
]);

export interface CollectedFiles {
  files: string[];
  /** Files a directory walk passed over because ingestion does not read their type. */
  ignored?: string[];
  errors: Array<{ path: string; error: string }>;
  /** Files of a walked folder that are not newsletter issues (skip-non-issues.ts). */
  skipped: SkippedFile[];
}

/**
 * Expand the paths given to `ingest`: files as given (any extension, so an unsupported one is
 * reported rather than ignored), directories recursively in name order, skipping hidden entries,
 * files of other types, and files that are not issues (listed in `skipped`). Paths keep the form
 * they were given in. Symbolic links are followed, each real directory and file once: a link back
 * into a directory already being read (a loop) or a broken link is reported by path, never
 * followed forever or dropped without a word.
 */
export async function collectFiles(paths: string[]): Promise<CollectedFiles> {
  const files: string[] = [];
  const ignored: string[] = [];
  const errors: Array<{ path: string; error: string }> = [];
  const skipped: SkippedFile[] = [];
  const seenDirectories = new Set<string>();
  const seenFiles = new Set<string>();
  const addFile = async (path: string, rules?: IgnoreRules): Promise<void> => {
    const real = await realpath(path).catch(() => path);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    const reason = rules === undefined ? null : await rules.reasonToSkip(path);
    if (reason === null) files.push(path);
    else skipped.push({ path, reason });
  };
  const followLink = async (path: string, name: string, rules: IgnoreRules): Promise<void> => {
    let info: import("node:fs").Stats;
    try {
      info = await stat(path);
    } catch {
      errors.push({ path, error: "broken symbolic link (its target does not exist); skipped" });
      return;
    }
    if (info.isDirectory()) {
      const real = await realpath(path);
      if (seenDirectories.has(real)) {
        errors.push({
          path,
          error: `symbolic link to ${real}, a directory already read (a loop, or a second way to it); skipped`,
        });
        return;
      }
      await walk(path, rules);
    } else if (info.isFile() && supportedExtensions.has(extname(name).toLowerCase()))
      await addFile(path, rules);
    else if (info.isFile()) ignored.push(path);
  };
  const walk = async (directory: string, rules: IgnoreRules): Promise<void> => {
    seenDirectories.add(await realpath(directory).catch(() => directory));
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      errors.push({ path: directory, error: `cannot read directory: ${(error as Error).message}` });
      return;
    }
    entries.sort((left, right) => left.name.localeCompare(right.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(directory, entry.name);
      if (entry.isSymbolicLink()) await followLink(path, entry.name, rules);
      else if (entry.isDirectory()) await walk(path, rules);
      else if (entry.isFile() && supportedExtensions.has(extname(entry.name).toLowerCase()))
        await addFile(path, rules);
      else if (entry.isFile()) ignored.push(path);
    }
  };
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, new IgnoreRules(path));
      else await addFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push({
        path,
        error: code === "ENOENT" ? "no such file or directory" : (error as Error).message,
      });
    }
  }
  return { files, ignored, errors, skipped };
}
