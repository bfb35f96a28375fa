import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectFiles } from "../../src/pipeline/collect-files.ts";

describe("collectFiles and symbolic links", () => {
  let base: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "briefbot-links-"));
    const root = join(base, "briefs");
    const outside = join(base, "elsewhere");
    await mkdir(join(root, "2025"), { recursive: true });
    await mkdir(outside);
    await writeFile(join(root, "2025", "issue-1.md"), "# One\n\nText.");
    await writeFile(join(outside, "issue-2.md"), "# Two\n\nText.");
    await writeFile(join(outside, "notes.bin"), "x");
    await symlink(outside, join(root, "linked-folder")); // a folder elsewhere: followed
    await symlink(join(outside, "issue-2.md"), join(root, "issue-2-again.md")); // same file twice: once
    await symlink(root, join(root, "2025", "back-to-top")); // a loop
    await symlink(join(base, "missing.md"), join(root, "gone.md")); // broken
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it("follows links to files and folders once, and reports loops and broken links by path", async () => {
    const root = join(base, "briefs");
    const { files, errors } = await collectFiles([root]);
    expect(files).toEqual([join(root, "2025", "issue-1.md"), join(root, "issue-2-again.md")]);
    expect(errors).toEqual([
      { path: join(root, "2025", "back-to-top"), error: expect.stringMatching(/already read \(a loop/) },
      { path: join(root, "gone.md"), error: expect.stringMatching(/broken symbolic link/) },
    ]);
  });
});
