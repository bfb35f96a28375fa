import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { collectFiles } from "../../src/pipeline/collect-files.ts";
import { ingestPaths } from "../../src/pipeline/ingest-paths.ts";
import { nonIssueReason } from "../../src/pipeline/skip-non-issues.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";

describe("files that are not newsletter issues", () => {
  let root: string;
  const issue = (title: string) => `# ${title}\n\nA story about chips and batteries in this week's issue.\n`;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "briefbot-skip-"));
    const archive = join(root, "archive");
    await mkdir(join(archive, "posts", "drafts"), { recursive: true });
    await writeFile(join(root, ".briefbotignore"), "*.wip.md\n");
    await writeFile(join(archive, ".briefbotignore"), "# drafts are not sent yet\nposts/drafts/\n");
    for (const name of [
      "README.md",
      "README_en.md",
      "LICENSE.txt",
      "CHANGELOG.md",
      "CONTRIBUTING.md",
      "SOURCES.md",
    ])
      await writeFile(join(archive, name), "# About this repository\n\nHow to contribute.\n");
    await writeFile(join(archive, "posts", "issue-1.md"), issue("Weekly 1"));
    await writeFile(join(archive, "posts", "issue-2.wip.md"), issue("Weekly 2"));
    await writeFile(join(archive, "posts", "drafts", "issue-3.md"), issue("Weekly 3"));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("are left out of a folder by name and by .briefbotignore, with the reason", async () => {
    const collected = await collectFiles([root]);
    expect(collected.files.map((path) => relative(root, path))).toEqual(["archive/posts/issue-1.md"]);
    const skipped = Object.fromEntries(
      collected.skipped.map((file) => [relative(root, file.path), file.reason]),
    );
    expect(skipped).toEqual({
      "archive/CHANGELOG.md": "not a newsletter issue (CHANGELOG file)",
      "archive/CONTRIBUTING.md": "not a newsletter issue (CONTRIBUTING file)",
      "archive/LICENSE.txt": "not a newsletter issue (LICENSE file)",
      "archive/README.md": "not a newsletter issue (README file)",
      "archive/README_en.md": "not a newsletter issue (README file)",
      "archive/SOURCES.md": "not a newsletter issue (SOURCES file)",
      "archive/posts/drafts/issue-3.md": `listed in ${join(root, "archive", ".briefbotignore")}`,
      "archive/posts/issue-2.wip.md": `listed in ${join(root, ".briefbotignore")}`,
    });
  });

  it("read rules only from the given folder down, and never skip a file named on its own", async () => {
    const fromInside = await collectFiles([
      join(root, "archive", "posts"),
      join(root, "archive", "README.md"),
    ]);
    // The rules above `archive/posts` (drafts/, *.wip.md) are not the given folder's.
    expect(fromInside.files.map((path) => relative(root, path)).sort()).toEqual([
      "archive/README.md",
      "archive/posts/drafts/issue-3.md",
      "archive/posts/issue-1.md",
      "archive/posts/issue-2.wip.md",
    ]);
    expect(fromInside.skipped).toEqual([]);
  });

  it("are listed in the ingest report", async () => {
    const embedder = createHashingEmbedder({ dimensions: 32 });
    const store = await LanceChunkStore.open({ uri: join(root, "db"), embedder });
    try {
      const report = await ingestPaths([root], { store, embedder });
      expect(report).toMatchObject({ files: 1, documents: 1, errors: [] });
      const notIssues = report.skipped.filter((entry) => entry.reason === "not an issue");
      expect(notIssues).toHaveLength(8);
      expect(notIssues[0]).toEqual({
        path: join(root, "archive", "CHANGELOG.md"),
        reason: "not an issue",
        detail: "not a newsletter issue (CHANGELOG file)",
      });
    } finally {
      await store.close();
    }
  });

  it.each([
    ["LICENSE", "not a newsletter issue (LICENSE file)"],
    ["docs/Readme.markdown", "not a newsletter issue (README file)"],
    ["CODE_OF_CONDUCT.md", "not a newsletter issue (CODE_OF_CONDUCT file)"],
    ["issue-license-changes.md", null],
    ["weekly-readme-tips.md", null],
  ])("%s", (path, reason) => {
    expect(nonIssueReason(path)).toBe(reason);
  });
});
