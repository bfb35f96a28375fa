import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** The JSON objects a command printed, one per line. */
const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));

const root = new URL("../../", import.meta.url).pathname;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function briefbot(args: string[], input?: string, environment: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "bin/briefbot.mjs"), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn", ...environment },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data: Buffer) => {
      stdout += data.toString();
    });
    child.stderr.on("data", (data: Buffer) => {
      stderr += data.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

describe("briefbot CLI", () => {
  let directory: string;
  let db: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-cli-"));
    db = join(directory, "db");
    const ingest = await briefbot(["ingest", "data", "--db", db, "--json"]);
    expect(ingest.code).toBe(0);
    const report = JSON.parse(ingest.stdout);
    expect(report).toMatchObject({
      files: 3,
      documents: 3,
      chunks_unchanged: 0,
      chunks_removed: 0,
      errors: [],
    });
    expect(report.chunks_added).toBeGreaterThan(5);
  }, 60_000);

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("ask --json prints only the documented JSON on stdout", async () => {
    const run = await briefbot([
      "ask",
      "How much will Alibaba spend on AI infrastructure?",
      "--db",
      db,
      "--json",
    ]);
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer).toMatchObject({
      question: "How much will Alibaba spend on AI infrastructure?",
      answered: true,
      lang: "en",
    });
    expect(answer.answer).toContain("380 billion");
    expect(Object.keys(answer.citations[0]).sort()).toEqual(
      ["n", "id", "doc_id", "publication", "title", "story", "date", "url", "path", "quote"].sort(),
    );
    expect(answer.citations[0].path).toBe(join("data", "briefbot-weekly-001.md"));
  });

  it("search --json ranks passages; with no query it reads one per stdin line", async () => {
    // Two passages of the sample briefs hold these words (BM25 candidates; the hashing embedder
    // runs no vector leg to add unrelated ones).
    const one = await briefbot(["search", "Temu Europe", "--db", db, "--json", "--k", "2"]);
    expect(one.code).toBe(0);
    const result = JSON.parse(one.stdout);
    expect(result.query).toBe("Temu Europe");
    expect(result.results).toHaveLength(2);
    expect(result.results[0]).toMatchObject({ rank: 1, lang: "zh" });
    expect(result.results[0].text).toContain("Temu");
    expect(result.results[0].score).toBeGreaterThanOrEqual(result.results[1].score);
    const many = await briefbot(["search", "--db", db, "--json", "--k", "2"], "BYD revenue\nXiaomi SU7\n");
    const lines = jsonLines(many.stdout);
    expect(lines.map((line) => line.query)).toEqual(["BYD revenue", "Xiaomi SU7"]);
  }, 180_000);

  it("ask --json with no question answers each stdin line on its own, one JSON object per line", async () => {
    const run = await briefbot(
      ["ask", "--db", db, "--json"],
      'What did Meituan launch in Riyadh?\n\n{"id":"q2","question":"When did that happen?"}\n',
    );
    expect(run.code).toBe(0);
    const answers = jsonLines(run.stdout);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatchObject({ question: "What did Meituan launch in Riyadh?", coverage: "full" });
    expect(answers[0].answer).toContain("Keeta");
    // No conversation between lines: "that" has nothing to refer to (in chat it is the launch).
    expect(answers[1]).toMatchObject({ id: "q2", question: "When did that happen?", answered: false });
    const chat = await briefbot(
      ["chat", "--db", db, "--json"],
      "What did Meituan launch in Riyadh?\nWhen did that happen?\n",
    );
    expect(jsonLines(chat.stdout)[1].answered).toBe(true);
  }, 180_000);

  it("chat answers one question per input line when stdin is not a terminal", async () => {
    const run = await briefbot(
      ["chat", "--db", db, "--json"],
      "What did Meituan launch in Riyadh?\n/new\n谁是小米的创始人？\n",
    );
    expect(run.code).toBe(0);
    const answers = jsonLines(run.stdout);
    expect(answers).toHaveLength(2);
    expect(answers[0].answer).toContain("Keeta");
    expect(answers[1].lang).toBe("zh");
  });

  it("docs lists the issues", async () => {
    const run = await briefbot(["docs", "--db", db, "--json"]);
    const { documents, coverage } = JSON.parse(run.stdout);
    expect(documents.map((document: { publication: string }) => document.publication).sort()).toEqual([
      "Briefbot Weekly",
      "China Tech Notes",
      "科技快讯",
    ]);
    expect(coverage).toMatchObject({ issues: 3, publications: 3 });
    expect(coverage.line).toMatch(
      /^Searched 3 issues of 3 publications, \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/,
    );
  });

  it("reports a bad file by name, ingests the rest and exits non-zero", async () => {
    const bad = join(directory, "bad.xml");
    const good = join(directory, "good.md");
    await writeFile(bad, "<rss><channel><item><title>broken");
    await writeFile(good, "# Good issue\n\nSMIC reported record revenue this quarter.\n");
    const run = await briefbot(["ingest", bad, good, "--db", db, "--json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.errors).toEqual([{ path: bad, error: expect.any(String) }]);
    expect(report.documents).toBe(1);
  });

  it("rejects a bad setting with a message naming it", async () => {
    const run = await briefbot(["docs", "--db", db], undefined, { BRIEFBOT_EMBEDDER: "quantum" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("BRIEFBOT_EMBEDDER");
  });

  it("prints its version and each command's own help", async () => {
    const version = await briefbot(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^briefbot \d+\.\d+\.\d+$/);
    for (const command of ["ingest", "ask", "remove"]) {
      const help = await briefbot([command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout.startsWith(`briefbot ${command}`)).toBe(true);
    }
  }, 180_000);

  it("answers a usage mistake in one line that names the fix, without a stack unless --debug", async () => {
    const mistakes: Array<[string[], RegExp]> = [
      [["frobnicate"], /unknown command "frobnicate".*briefbot --help/],
      [["ask", "x", "--frob"], /unknown option --frob; see briefbot ask --help/],
      [["ask", "x", "--k", "3"], /ask does not take --k; see briefbot ask --help/],
      [["search", "x", "--k", "0", "--db", db], /--k expects a positive whole number/],
      [["ask", "x", "--since", "2025-13-45", "--db", db], /--since 2025-13-45 is not a date/],
      [["ask", "x", "--until", "2026-02-30", "--db", db], /--until 2026-02-30 is not a date/],
      [["eval", join(directory, "missing.jsonl"), "--db", db], /no such file: .*missing\.jsonl/],
    ];
    for (const [args, message] of mistakes) {
      const run = await briefbot(args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    const leap = await briefbot(["search", "x", "--since", "2024-02-29", "--db", db, "--json"]);
    expect(leap.code).toBe(0);
    const debug = await briefbot(["eval", join(directory, "missing.jsonl"), "--db", db, "--debug"]);
    expect(debug.stderr).toMatch(/\n\s+at /);
  }, 180_000);

  it("removes a publication with --source, asking for --yes when more than one issue matches off a terminal", async () => {
    const store = join(directory, "remove-db");
    await writeFile(
      join(directory, "second-notes.md"),
      "---\npublication: China Tech Notes\n---\n# Notes 2\n\nSMIC grew.\n",
    );
    expect((await briefbot(["ingest", "data", join(directory, "second-notes.md"), "--db", store])).code).toBe(
      0,
    );
    const refused = await briefbot(["remove", "--source", "china tech", "--db", store]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/2 issues match --source "china tech"; add --yes/);
    const removed = await briefbot(["remove", "--source", "china tech", "--yes", "--db", store, "--json"]);
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout).removed).toHaveLength(2);
    const { documents } = JSON.parse((await briefbot(["docs", "--db", store, "--json"])).stdout);
    expect(documents.map((document: { publication: string }) => document.publication).sort()).toEqual([
      "Briefbot Weekly",
      "科技快讯",
    ]);
  }, 180_000);
});
