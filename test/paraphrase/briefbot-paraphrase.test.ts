import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Briefbot } from "../../src/briefbot.ts";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { createParaphraseBridge } from "../../src/paraphrase/paraphrase-bridge.ts";
import { loadWordNet } from "../../src/paraphrase/wordnet.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";

// Briefs written for this test: one story says "furloughed", another shares the company and the
// number; a third uses "fires" in its other sense (a rocket engine). ("fired" would not do: the
// light stemmer folds it to "fir", which the synonym "fire" does not match.)
const issue = `---
title: "Factory Floor #12"
publication: Factory Floor
date: 2025-05-02
---

# Factory Floor #12

## Harbor Robotics sends staff home

Harbor Robotics furloughed 300 employees at its Tacoma plant on Monday, citing weak orders for warehouse arms.

## Harbor Robotics opens Lisbon office

Harbor Robotics opened an office in Lisbon with room for 300 engineers, its first outside the United States.

## Vela Aerospace tests its engine

Vela Aerospace fires its new methane rocket engine for 90 seconds at its Texas test stand each Tuesday.

## Dockside meetup

The Dockside Robotics Meetup will happen from June 7 to 11 in Porto, with talks on warehouse arms.

## Cloud prices

Three cloud providers cut storage prices by a tenth this quarter, the second cut this year.
`;

describe("Briefbot with paraphrase expansion (real LanceDB)", () => {
  let directory: string;
  let store: LanceChunkStore;
  let withParaphrase: Briefbot;
  let without: Briefbot;

  beforeAll(async () => {
    loadWordNet(); // builds the compact index on a fresh checkout; timed by the hook, not a test
    directory = await mkdtemp(join(tmpdir(), "briefbot-paraphrase-"));
    await writeFile(join(directory, "factory-floor-12.md"), issue);
    const embedder = createHashingEmbedder();
    store = await LanceChunkStore.open({ uri: join(directory, "db"), embedder });
    withParaphrase = new Briefbot({ store, embedder, paraphraser: await createParaphraseBridge(store) });
    without = new Briefbot({ store, embedder });
    const report = await withParaphrase.ingest([join(directory, "factory-floor-12.md")]);
    expect(report.errors).toEqual([]);
  }, 180_000);

  afterAll(async () => {
    await store.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("finds the passage that says it in other words first", async () => {
    const question = "How many Harbor Robotics workers were laid off?";
    const [first] = await withParaphrase.search(question, { limit: 3 });
    expect(first?.story).toContain("sends staff home");
    // Without expansion the question's words alone cannot tell the two Harbor stories apart.
    const [plainFirst] = await without.search(question, { limit: 3 });
    expect(plainFirst?.story).toContain("Lisbon");
  });

  it("still refuses a question whose synonym matches a passage in another sense", async () => {
    // "dismiss" (staff) → "fire"; the brief's "fires" is a rocket engine: not an answer.
    const question = "How many employees did Vela dismiss?";
    const plain = await without.answer({ question, conversationId: "refusal-plain" });
    expect(plain.answered).toBe(false);
    // The synonym reaches the rocket story (so retrieval does use it)…
    const results = await withParaphrase.search(question, { limit: 3 });
    const plainResults = await without.search(question, { limit: 3 });
    const score = (list: typeof results) =>
      list.find((result) => result.story.includes("Vela"))?.coverage ?? 0;
    expect(score(results)).toBeGreaterThan(score(plainResults));
    // …but the answer gate does not count it, so the refusal stands.
    const answer = await withParaphrase.answer({ question, conversationId: "refusal" });
    expect(answer.answered).toBe(false);
  });

  it("answers through a synonym of a phrase with one sense ('take place' → happen)", async () => {
    const question = "When will Dockside take place?";
    const answer = await withParaphrase.answer({ question, conversationId: "sole-sense" });
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain("June 7 to 11");
  });

  it("can be switched off: no paraphrase terms without the paraphraser", async () => {
    const plain = await without.search("How many Harbor Robotics workers were laid off?", { limit: 10 });
    const expanded = await withParaphrase.search("How many Harbor Robotics workers were laid off?", {
      limit: 10,
    });
    expect(plain.length).toBeGreaterThan(0);
    expect(expanded.length).toBeGreaterThan(0);
  });
});
