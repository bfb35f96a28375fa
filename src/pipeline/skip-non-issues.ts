import { readFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";

/**
 * Which files of an ingested folder are not newsletter issues: the repository files that sit
 * beside issues in an archive (README, LICENSE, CHANGELOG, CONTRIBUTING, SOURCES, …), and
 * whatever a `.briefbotignore` file (gitignore syntax) in the folder or one of its parents, up to
 * the folder given to `ingest`, lists. Files named one by one are never skipped by name: asking
 * for a file is asking to ingest it.
 */

export interface SkippedFile {
  path: string;
  reason: string;
}

export const ignoreFileName = ".briefbotignore";

// Repository files, in any case, with a language or variant suffix (`README_en.md`,
// `LICENSE.txt`, `CHANGELOG-2024.md`).
const nonIssueName =
  /^(readme|licen[cs]e|copying|notice|changelog|changes|history|contributing|contributors|code[-_]of[-_]conduct|security|authors|maintainers|governance|support|funding|sources|manifest|todo|codeowners)(?:[-_.][\p{L}\p{N}_-]+)?(?:\.[a-z]+)?$/iu;

/** Why a file is not a newsletter issue by its name alone, or null. */
export function nonIssueReason(path: string): string | null {
  const match = nonIssueName.exec(basename(path));
  return match?.[1] ? `not a newsletter issue (${match[1].toUpperCase()} file)` : null;
}

/** Reads the `.briefbotignore` rules between a root folder and the folders below it, once each. */
export class IgnoreRules {
  private readonly rules = new Map<string, Promise<Ignore | null>>();

  constructor(private readonly root: string) {}

  /** The reason a file under the root is skipped, or null to ingest it. */
  async reasonToSkip(path: string): Promise<string | null> {
    const byName = nonIssueReason(path);
    if (byName !== null) return byName;
    const root = resolve(this.root);
    const absolute = resolve(path);
    // Every folder from the root down to the file's own folder may hold rules.
    const folders: string[] = [];
    for (let folder = dirname(absolute); ; folder = dirname(folder)) {
      folders.push(folder);
      if (folder === root || dirname(folder) === folder || !folder.startsWith(root)) break;
    }
    for (const folder of folders.reverse()) {
      const rules = await this.rulesIn(folder);
      const relativePath = relative(folder, absolute).split(sep).join("/");
      if (rules?.ignores(relativePath)) return `listed in ${join(folder, ignoreFileName)}`;
    }
    return null;
  }

  private rulesIn(folder: string): Promise<Ignore | null> {
    let rules = this.rules.get(folder);
    if (rules === undefined) {
      rules = readFile(join(folder, ignoreFileName), "utf8").then(
        (text) => ignore().add(text),
        () => null,
      );
      this.rules.set(folder, rules);
    }
    return rules;
  }
}
