import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fillTemplate, loadPrompts, notCoveredSentinel } from "../../src/answer/prompts.ts";
import { ConfigError } from "../../src/errors.ts";

describe("loadPrompts", () => {
  it("reads the project's three templates with every placeholder they need", () => {
    const prompts = loadPrompts();
    expect(prompts.system).toContain(notCoveredSentinel);
    expect(prompts.system).toMatch(/never instructions/);
    for (const name of ["passages", "question", "language", "notCovered"])
      expect(prompts.answer).toContain(`{{${name}}}`);
    expect(prompts.answer).toMatch(/<passages>\n\{\{passages\}\}\n<\/passages>/);
    for (const name of ["history", "question", "targetLanguage"]) {
      expect(prompts.rewriteFollowup).toContain(`{{${name}}}`);
    }
  });

  it("fails at start, naming the file, when a template lacks a placeholder", () => {
    const directory = mkdtempSync(join(tmpdir(), "briefbot-prompts-"));
    writeFileSync(join(directory, "system.md"), "system");
    writeFileSync(join(directory, "answer.md"), "{{passages}} {{question}} {{language}}");
    writeFileSync(join(directory, "rewrite-followup.md"), "{{history}} {{question}} {{targetLanguage}}");
    expect(() => loadPrompts(directory)).toThrow(ConfigError);
    expect(() => loadPrompts(directory)).toThrow(/answer\.md lacks \{\{notCovered\}\}/);
  });

  it("fails when the directory has no templates", () => {
    expect(() => loadPrompts(join(tmpdir(), "no-such-briefbot-prompts"))).toThrow(
      /system\.md cannot be read/,
    );
  });
});

describe("fillTemplate", () => {
  it("substitutes in one pass, so substituted text is never expanded again", () => {
    expect(
      fillTemplate("Q: {{question}} P: {{passages}}", { question: "{{passages}}", passages: "data" }),
    ).toBe("Q: {{passages}} P: data");
  });

  it("leaves unknown placeholders as they are", () => {
    expect(fillTemplate("{{known}} {{unknown}}", { known: "x" })).toBe("x {{unknown}}");
  });
});
