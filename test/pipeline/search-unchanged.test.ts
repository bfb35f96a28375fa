import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createBriefbot } from "../../src/create-briefbot.ts";
import { createLogger } from "../../src/logger.ts";

const shared = new URL("../../../shared/", import.meta.url).pathname;
const recorded = JSON.parse(
  readFileSync(new URL("../fixtures/dev-search-before-speedups.json", import.meta.url), "utf8"),
) as { results: Record<string, string[]> };

/** Same identity as the fixture: path relative to ../shared, story and text, hashed. */
function resultKey(result: { path: string; story: string; text: string }): string {
  return createHash("sha256")
    .update(`${relative(shared, result.path)}\u0000${result.story}\u0000${result.text}`)
    .digest("hex")
    .slice(0, 16);
}

describe.runIf(existsSync(join(shared, "corpus")) && existsSync(join(shared, "eval/dev.jsonl")))(
  "search after the speed-ups",
  () => {
    it("ranks every dev question's results exactly as the recorded run did (same passages, same order)", async () => {
      const directory = await mkdtemp(join(tmpdir(), "briefbot-search-same-"));
      const briefbot = await createBriefbot({
        config: loadConfig({}),
        logger: createLogger("warn"),
        databaseUri: join(directory, "db"),
      });
      try {
        const report = await briefbot.ingest([join(shared, "corpus"), join(shared, "formats")]);
        expect(report.errors).toEqual([]);
        const items = readFileSync(join(shared, "eval/dev.jsonl"), "utf8")
          .split("\n")
          .filter((line) => line.trim() !== "")
          .map((line) => JSON.parse(line) as { id: string; question: string });
        expect(items.map((item) => item.id).sort()).toEqual(Object.keys(recorded.results).sort());
        for (const item of items) {
          const results = await briefbot.search(item.question, { limit: 10 });
          expect(results.map(resultKey), item.id).toEqual(recorded.results[item.id]);
        }
      } finally {
        await briefbot.close();
        await rm(directory, { recursive: true, force: true });
      }
    }, 300_000);
  },
);
