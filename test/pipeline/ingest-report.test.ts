import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { ingestPaths } from "../../src/pipeline/ingest-paths.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";
import { imageOnlyPdf, textPdf } from "../ingest/pdf-fixtures.ts";

const mbox = [
  "From a@xxx Tue Mar 03 09:00:00 +0000 2026",
  "From: Grid Letter <grid@example.com>",
  "Subject: Grid Letter 3: transformers in short supply",
  "Date: Tue, 3 Mar 2026 08:00:00 +0000",
  "",
  "Utilities wait two years for large transformers.",
  "",
  "From b@xxx Tue Mar 03 09:00:00 +0000 2026",
  "Subject: empty",
  "",
  "",
].join("\n");

describe("ingesting PDFs and mailboxes beside other files", () => {
  let directory: string;
  let database: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-formats-"));
    database = await mkdtemp(join(tmpdir(), "briefbot-formats-db-"));
    await writeFile(
      join(directory, "chip-notes.pdf"),
      await textPdf({
        title: "Chip Notes #12",
        created: new Date("2026-03-04T10:00:00Z"),
        heading: "Arm licenses a new core",
        paragraphs: [["Arm licensed its newest core to three phone makers this week."]],
      }),
    );
    await writeFile(join(directory, "scan.pdf"), await imageOnlyPdf());
    await writeFile(join(directory, "corrupt.pdf"), "%PDF-1.7\nnot really a pdf");
    await writeFile(join(directory, "letters.mbox"), mbox);
    await writeFile(join(directory, "cover.png"), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
    await rm(database, { recursive: true, force: true });
  });

  it("reports the bad ones by name, ingests the good ones, and lists what it skipped and why", async () => {
    const embedder = createHashingEmbedder({ dimensions: 32 });
    const store = await LanceChunkStore.open({ uri: database, embedder });
    try {
      const first = await ingestPaths([join(directory)], { store, embedder });
      const errors = first.errors.map((error) => [error.path.replace(directory, ""), error.error]);
      // Reported as each file is read; a folder's files are read together, so only the set counts.
      expect(errors.sort((left, right) => String(left[0]).localeCompare(String(right[0])))).toEqual([
        ["/corrupt.pdf", expect.stringMatching(/not a readable PDF/)],
        ["/letters.mbox message 2", expect.stringMatching(/no text body/)],
        ["/scan.pdf", expect.stringMatching(/image-only PDF/)],
      ]);
      expect(first.added.map((issue) => [issue.title, issue.date])).toEqual([
        ["Chip Notes #12", "2026-03-04"],
        ["Grid Letter 3: transformers in short supply", "2026-03-03"],
      ]);
      expect(first.skipped).toEqual([{ path: join(directory, "cover.png"), reason: "ignored" }]);
      expect((await store.documents()).map((document) => document.title).sort()).toEqual([
        "Chip Notes #12",
        "Grid Letter 3: transformers in short supply",
      ]);

      const second = await ingestPaths([join(directory, "chip-notes.pdf")], { store, embedder });
      expect(second.added).toEqual([]);
      expect(second.skipped).toEqual([
        { path: join(directory, "chip-notes.pdf"), reason: "unchanged", detail: "Chip Notes #12" },
      ]);
    } finally {
      await store.close();
    }
  });
});
