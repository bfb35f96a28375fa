import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Briefbot } from "../../src/briefbot.ts";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { continuationPlace } from "../../src/retrieve/hybrid-search.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";

// Briefs written for this test. The recall story runs to two chunks: the first says what happened
// in the question's words, the second gives the reason in others; four more stories name the
// company, so they, not the reason, follow the first chunk in the ranking.
const filler = (topic: string) =>
  Array.from(
    { length: 9 },
    (_, index) => `Dealers in region ${index + 1} reported steady ${topic} demand through the spring season.`,
  ).join(" ");
const issue = `---
title: "Wheels Weekly #8"
publication: Wheels Weekly
date: 2025-03-14
---

# Wheels Weekly #8

## A spring setback

Orchid Labs recalled its Heron scooter across Europe on Monday, pulling every unit from shops. ${filler("spring")}

The casing around the cells cracked when nights fell below freezing, and two riders were hurt. Engineers traced it to a cheaper resin adopted in January.

## Bikes

Orchid Labs also sells bicycles. ${filler("bicycle")}

## Helmets

Orchid Labs also sells helmets. ${filler("helmet")}

## Tyres

Orchid Labs also sells tyres. ${filler("tyre")}

## Chargers

Orchid Labs also sells chargers. ${filler("charger")}
`;

describe("the leading story's next chunk (real LanceDB)", () => {
  let directory: string;
  let store: LanceChunkStore;
  let briefbot: Briefbot;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-continuation-"));
    await writeFile(join(directory, "wheels-weekly-8.md"), issue);
    const embedder = createHashingEmbedder();
    store = await LanceChunkStore.open({ uri: join(directory, "db"), embedder });
    briefbot = new Briefbot({ store, embedder });
    const report = await briefbot.ingest([join(directory, "wheels-weekly-8.md")]);
    expect(report.errors).toEqual([]);
  }, 180_000);

  afterAll(async () => {
    await store.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("joins the results after the first few when the question's words are in the chunk before it", async () => {
    const results = await briefbot.search("Why did Orchid Labs recall the Heron scooter?", { limit: 5 });
    const [leading] = results;
    expect(leading?.text).toContain("Orchid Labs recalled");
    const next = results.find((result) => result.text.includes("cheaper resin"));
    expect(next).toMatchObject({
      docId: leading?.docId,
      storyIndex: leading?.storyIndex,
      chunkIndex: (leading?.chunkIndex ?? -2) + 1,
      // Placed as the leading chunk's continuation, not ranked by search.
      lexicalRank: null,
      vectorRank: null,
    });
    expect(results.indexOf(next!)).toBe(continuationPlace);
    expect(results).toHaveLength(5);
  });
});
