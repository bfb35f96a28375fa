import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { readIssues } from "../../src/ingest/read-issues.ts";

describe("deeply nested markup", () => {
  it("a 100k-deep HTML file gives a clear per-file error, not a stack overflow", async () => {
    const deep = `<html><body>${"<div>".repeat(100_000)}text${"</div>".repeat(100_000)}</body></html>`;
    const reading = readIssues("deep.html", new TextEncoder().encode(deep));
    await expect(reading).rejects.toBeInstanceOf(InputError);
    await expect(reading).rejects.toThrow(/deep\.html: HTML elements nest deeper than the 512/);
  });

  it("reads HTML nested within the limit", async () => {
    const nested = `<html><body>${"<div>".repeat(300)}<p>Deep but fine text here.</p>${"</div>".repeat(300)}</body></html>`;
    const [issue] = await readIssues("nested.html", new TextEncoder().encode(nested));
    expect(issue?.blocks.map((block) => block.text).join(" ")).toContain("Deep but fine");
  });
});
