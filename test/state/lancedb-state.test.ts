import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LanceStateStore } from "../../src/state/lancedb-state.ts";

describe("LanceStateStore maintenance", () => {
  let directory: string;
  let clock = 1_000_000;
  let state: LanceStateStore;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-state-"));
    state = await LanceStateStore.open({ uri: join(directory, "db"), now: () => clock });
  });
  afterEach(async () => {
    await state.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("deletes rows expired past the grace and compacts without reordering the log", async () => {
    await state.set("things", "k", "first");
    await state.set("things", "k", "second");
    await state.setIfAbsent("seen", "old", "x", { ttlMs: 1_000 });
    await state.append("turns", "chat", "a", { maxItems: 5 });
    await state.append("turns", "chat", "b", { maxItems: 5 });
    clock += 10_000;
    expect(await state.maintain({ graceMs: 5_000 })).toBe(1);
    // Order survives compaction: the later set still wins and the list keeps its order.
    expect(await state.get("things", "k")).toBe("second");
    expect(await state.list("turns", "chat")).toEqual(["a", "b"]);
    expect(await state.setIfAbsent("things", "k", "third")).toBe(false);
    await state.set("things", "k", "fourth");
    expect(await state.get("things", "k")).toBe("fourth");
    expect(await state.setIfAbsent("seen", "old", "y")).toBe(true);
  });
});
