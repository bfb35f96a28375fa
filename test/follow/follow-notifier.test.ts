import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Briefbot } from "../../src/briefbot.ts";
import { loadConfig } from "../../src/config.ts";
import { createBriefbot } from "../../src/create-briefbot.ts";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import type { FollowDelivery } from "../../src/follow/follow-delivery.ts";
import { type FollowDigest, FollowNotifier } from "../../src/follow/follow-notifier.ts";
import { MemoryFollowStore } from "../../src/follow/memory-follow-store.ts";
import { StateFollowStore } from "../../src/follow/state-follow-store.ts";
import { silentLogger } from "../../src/logger.ts";
import { LanceStateStore } from "../../src/state/lancedb-state.ts";
import { LanceChunkStore } from "../../src/store/lancedb-store.ts";

const issues = {
  "battery-1.md":
    "# Battery Letter 1\n\n## Sodium-ion cells get cheaper\n\nSodium-ion battery cells fell to a new price low as storage integrators ordered more.\n\n## Grid news\n\nA utility in Texas approved a new interconnection queue.\n",
  "robots-1.md":
    "# Robot Digest 1\n\n## Warehouse robots\n\nWarehouse robot orders doubled among logistics firms this quarter.\n",
  "battery-2.md":
    "# Battery Letter 2\n\n## A sodium-ion plant opens\n\nA new sodium-ion battery plant opened in Anhui with ten gigawatt-hours of capacity.\n",
};

/** A process's handle on the follows: the store's state table, as `serve` keeps them. */
async function openFollows(uri: string): Promise<StateFollowStore> {
  return new StateFollowStore(await LanceStateStore.open({ uri }), { ownsState: true });
}

/** A delivery per platform that hands each digest to `send` (the wire is tested in test/adapters/follow). */
function deliveriesTo(send: (digest: FollowDigest) => Promise<void>): FollowDelivery[] {
  return ["telegram", "slack"].map((platform) => ({
    platform,
    deliver: async (digest: FollowDigest) => {
      await send(digest);
      return "delivered" as const;
    },
  }));
}

describe("following a topic", () => {
  let directory: string;
  let briefbot: Briefbot;
  const sent: FollowDigest[] = [];
  const ana = { platform: "telegram", address: "1001" };
  const team = { platform: "slack", address: "C042" };

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-follow-"));
    for (const [name, text] of Object.entries(issues)) await writeFile(join(directory, name), text);
    const embedder = createHashingEmbedder();
    briefbot = new Briefbot({
      store: await LanceChunkStore.open({ uri: join(directory, "db"), embedder }),
      embedder,
    });
    const store = await openFollows(join(directory, "db"));
    await store.follow(ana, "sodium-ion batteries", new Date("2026-03-01T00:00:00Z"));
    await store.follow(team, "Sodium-ion batteries", new Date("2026-03-01T00:00:00Z"));
    await store.close();
  });

  afterAll(async () => {
    await briefbot.close();
    await rm(directory, { recursive: true, force: true });
  });

  /** A notifier as a fresh process would build it: its own handle on the store. */
  async function withNotifier<T>(run: (notifier: FollowNotifier) => Promise<T>): Promise<T> {
    const store = await openFollows(join(directory, "db"));
    try {
      const notifier = new FollowNotifier({
        store,
        match: (topic, docIds) => briefbot.storiesAbout(topic, docIds),
        deliveries: deliveriesTo(async (digest) => {
          sent.push(digest);
        }),
      });
      return await run(notifier);
    } finally {
      await store.close();
    }
  }

  it("tells each follower once about each matching story, across a restart, grouped per run", async () => {
    const first = await briefbot.ingest([join(directory, "battery-1.md")]);
    await withNotifier((notifier) => notifier.notifyNewIssues(first.added.map((issue) => issue.doc_id)));
    // Restart: a new process, a new store handle; two more issues arrive, one matching.
    const second = await briefbot.ingest([join(directory, "robots-1.md"), join(directory, "battery-2.md")]);
    const allNew = [...first.added, ...second.added].map((issue) => issue.doc_id);
    const replay = await withNotifier(async (notifier) => {
      await notifier.notifyNewIssues(second.added.map((issue) => issue.doc_id));
      // A replayed run over every new issue sends nothing twice.
      return notifier.notifyNewIssues(allNew);
    });
    expect(replay).toEqual({ messages: 0, stories: 0, failures: [], unreachable: 0, removed: [] });

    const storiesFor = (follower: { address: string }) =>
      sent
        .filter((digest) => digest.follower.address === follower.address)
        .flatMap((digest) => digest.stories);
    for (const follower of [ana, team]) {
      expect(storiesFor(follower).map((story) => story.story)).toEqual([
        "Sodium-ion cells get cheaper",
        "A sodium-ion plant opens",
      ]);
    }
    const story = storiesFor(ana)[1];
    expect(story).toMatchObject({ title: "Battery Letter 2", topics: ["sodium-ion batteries"] });
    expect(story?.extract).toMatch(/sodium-ion battery plant opened in Anhui/);
    expect(story?.extract).not.toMatch(/\[\d+\]/);
  });

  it("retries a follower whose message could not be sent, and only that one", async () => {
    await writeFile(
      join(directory, "battery-3.md"),
      "# Battery Letter 3\n\n## Sodium-ion in scooters\n\nScooter makers switched to sodium-ion battery packs for cold weather.\n",
    );
    const report = await briefbot.ingest([join(directory, "battery-3.md")]);
    const docIds = report.added.map((issue) => issue.doc_id);
    const store = await openFollows(join(directory, "db"));
    const delivered: string[] = [];
    try {
      const flaky = new FollowNotifier({
        store,
        match: (topic, ids) => briefbot.storiesAbout(topic, ids),
        deliveries: deliveriesTo(async (digest) => {
          if (digest.follower.platform === "slack") throw new Error("channel_not_found");
          delivered.push(digest.follower.address);
        }),
      });
      expect(await flaky.notifyNewIssues(docIds)).toEqual({
        messages: 1,
        stories: 1,
        failures: [{ follower: "slack:C042", error: "channel_not_found" }],
        unreachable: 0,
        removed: [],
      });
      const fixed = new FollowNotifier({
        store,
        match: (topic, ids) => briefbot.storiesAbout(topic, ids),
        deliveries: deliveriesTo(async (digest) => {
          delivered.push(digest.follower.address);
        }),
      });
      expect(await fixed.notifyNewIssues(docIds)).toMatchObject({ messages: 1, stories: 1 });
      expect(delivered).toEqual(["1001", "C042"]);
    } finally {
      await store.close();
    }
  });
});

describe("following a topic across languages", () => {
  it("matches a story in the other language through the bilingual lexicon, as answers do", async () => {
    const directory = await mkdtemp(join(tmpdir(), "briefbot-follow-lang-"));
    await writeFile(
      join(directory, "uav-weekly.md"),
      "---\npublication: 低空周刊\ndate: 2026-06-08\n---\n# 低空周刊 第 12 期\n\n## 深圳新工厂\n\n一家无人机公司在深圳开设了新工厂，年产十万架。\n\n## 航线\n\n两条城市物流航线开始试运行。\n",
    );
    await writeFile(
      join(directory, "cells-weekly.md"),
      "---\npublication: Cells Weekly\ndate: 2026-06-09\n---\n# Cells Weekly 40\n\n## A plant in Hungary\n\nCATL began trial production at its battery plant in Debrecen, Hungary.\n",
    );
    const briefbot = await createBriefbot({
      config: loadConfig({}),
      logger: silentLogger(),
      databaseUri: join(directory, "db"),
    });
    const store = new MemoryFollowStore();
    const since = new Date("2026-06-01T00:00:00Z");
    await store.follow({ platform: "telegram", address: "1" }, "drones", since);
    await store.follow({ platform: "telegram", address: "2" }, "宁德时代", since);
    const sent: FollowDigest[] = [];
    try {
      const report = await briefbot.ingest([
        join(directory, "uav-weekly.md"),
        join(directory, "cells-weekly.md"),
      ]);
      const notifier = new FollowNotifier({
        store,
        match: (topic, docIds) => briefbot.storiesAbout(topic, docIds),
        deliveries: deliveriesTo(async (digest) => {
          sent.push(digest);
        }),
      });
      await notifier.notifyNewIssues(report.added.map((issue) => issue.doc_id));
    } finally {
      await briefbot.close();
      await rm(directory, { recursive: true, force: true });
    }
    const storiesOf = (address: string) =>
      sent.filter((digest) => digest.follower.address === address).flatMap((digest) => digest.stories);
    expect(storiesOf("1").map((story) => story.extract)).toEqual([
      "一家无人机公司在深圳开设了新工厂，年产十万架。",
    ]);
    expect(storiesOf("2").map((story) => story.story)).toEqual(["A plant in Hungary"]);
  });
});
