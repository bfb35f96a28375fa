import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FeedbackEntry } from "../../src/briefbot-service.ts";
import { JsonlFeedbackLog } from "../../src/feedback/jsonl-feedback-log.ts";

function entry(overrides: Partial<FeedbackEntry> = {}): FeedbackEntry {
  return {
    at: "2025-01-02T03:04:05.000Z",
    platform: "slack",
    user: "U1",
    conversationId: "slack:C1:1.2",
    rating: "up",
    question: "What is new in Rust?",
    answer: 'Rust 2024 shipped [1].\nWith "quotes".',
    chunkIds: ["a", "b"],
    ...overrides,
  };
}

describe("JsonlFeedbackLog", () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-feedback-"));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("creates missing directories and appends one JSON object per line", async () => {
    const path = join(directory, "nested", "deeper", "feedback.jsonl");
    const log = new JsonlFeedbackLog(path);
    await log.record(entry());
    await log.record(entry({ rating: "down", user: "U2" }));

    const lines = (await readFile(path, "utf8")).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(JSON.parse(lines[0] ?? "")).toEqual(entry());
    expect(JSON.parse(lines[1] ?? "")).toEqual(entry({ rating: "down", user: "U2" }));
  });

  it("keeps existing lines and never interleaves concurrent records", async () => {
    const path = join(directory, "feedback.jsonl");
    await writeFile(path, '{"old":true}\n');
    const log = new JsonlFeedbackLog(path);
    const long = "x".repeat(100_000);
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => log.record(entry({ user: `U${index}`, answer: long }))),
    );

    const lines = (await readFile(path, "utf8")).trimEnd().split("\n");
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('{"old":true}');
    const users = lines.slice(1).map((line) => (JSON.parse(line) as FeedbackEntry).user);
    expect(users).toEqual(Array.from({ length: 20 }, (_, index) => `U${index}`));
  });

  it("rejects when the path cannot be written, and keeps working for the next record", async () => {
    const blocker = join(directory, "file-not-dir");
    await writeFile(blocker, "");
    const broken = new JsonlFeedbackLog(join(blocker, "feedback.jsonl"));
    await expect(broken.record(entry())).rejects.toThrow();

    const path = join(directory, "ok.jsonl");
    const log = new JsonlFeedbackLog(path);
    await expect(log.record(entry())).resolves.toBeUndefined();
  });
});
