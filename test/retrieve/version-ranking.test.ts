import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Briefbot } from "../../src/briefbot.ts";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";

// Briefs written for this test: two issues tell the same milestones of two releases of one
// project; the later one in more of the question's words.
const issue = (number: number, date: string, body: string) => `---
title: "Orbit Dev Notes #${number}"
publication: Orbit Dev Notes
date: ${date}
---

# Orbit Dev Notes #${number}

## Release schedule

${body}
`;

describe("a question naming a release (real LanceDB)", () => {
  let directory: string;
  let store: LanceChunkStore;
  let briefbot: Briefbot;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-versions-"));
    await writeFile(
      join(directory, "notes-10.md"),
      issue(10, "2025-03-01", "The Orbit 1.33 code freeze deadline is March 20. Wrap up your work."),
    );
    await writeFile(
      join(directory, "notes-20.md"),
      issue(
        20,
        "2025-09-01",
        "The Orbit 1.35 release cycle starts: the code freeze deadline of the release cycle is November 6.",
      ),
    );
    const embedder = createHashingEmbedder();
    store = await LanceChunkStore.open({ uri: join(directory, "db"), embedder });
    briefbot = new Briefbot({ store, embedder });
    const report = await briefbot.ingest([join(directory, "notes-10.md"), join(directory, "notes-20.md")]);
    expect(report.errors).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await store.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("ranks that release's passage above another release's with more of its words", async () => {
    const [first] = await briefbot.search(
      "When is the code freeze deadline of the Orbit 1.33 release cycle?",
      {
        limit: 2,
      },
    );
    expect(first?.text).toContain("1.33");
    const [other] = await briefbot.search(
      "When is the code freeze deadline of the Orbit 1.35 release cycle?",
      {
        limit: 2,
      },
    );
    expect(other?.text).toContain("1.35");
  });
});
