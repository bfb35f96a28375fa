import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const child = fileURLToPath(new URL("./fixtures/ingest-with-lexicon.ts", import.meta.url));

interface StoredRow {
  id: string;
  text: string;
  vector: number[];
}

function ingestInFreshProcess(db: string, commitChunks: number, path: string): Promise<StoredRow[]> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ["--import", "tsx", child, db, String(commitChunks), path]);
    let output = "";
    let errors = "";
    process_.stdout.on("data", (data: Buffer) => {
      output += data.toString();
    });
    process_.stderr.on("data", (data: Buffer) => {
      errors += data.toString();
    });
    process_.on("error", reject);
    process_.on("close", (code) =>
      code === 0 ? resolve(JSON.parse(output) as StoredRow[]) : reject(new Error(errors)),
    );
  });
}

// Issue 3 states a name ("云杉智造（Spruce Robotics）") that issues 1 and 2 use without saying it; the
// bridge learns it from issue 3 and teaches jieba the word, which segments issue 1 differently.
const issues = [
  "# Warehouses\n\n云杉智造发布了新的仓储机器人，售价更低。Robots move pallets in warehouses.\n",
  "# Funding\n\n投资人看好云杉智造的仓储业务。Investors like warehouse robots.\n",
  "# Names\n\n云杉智造（Spruce Robotics）完成新一轮融资。The round was led by a fund.\n",
];

describe("vectors of a local embedder", () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-vectors-"));
    await Promise.all(issues.map((text, index) => writeFile(join(directory, `issue-${index + 1}.md`), text)));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("are made as each chunk is prepared: the same whether commits are small or large", async () => {
    const [small, large] = await Promise.all([
      ingestInFreshProcess(join(directory, "db-small"), 1, directory),
      ingestInFreshProcess(join(directory, "db-large"), 10_000, directory),
    ]);
    expect(small.length).toBe(3);
    expect(small).toEqual(large);
  }, 120_000);
});
