import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ConfigError } from "../errors.ts";

/**
 * Prompt templates live in `prompts/*.md` so they can be read and tuned without touching code.
 * They are loaded once at start; a missing file or placeholder fails the start, not a question.
 */

export interface Prompts {
  /** System prompt of generated answers (`prompts/system.md`). No placeholders. */
  system: string;
  /**
   * The user message of a generated answer (`prompts/answer.md`). Placeholders: `{{passages}}`,
   * `{{question}}`, `{{language}}`, `{{notCovered}}`.
   */
  answer: string;
  /**
   * Turns a follow-up into a standalone search query plus its translation
   * (`prompts/rewrite-followup.md`). Placeholders: `{{history}}`, `{{question}}`, `{{targetLanguage}}`.
   */
  rewriteFollowup: string;
}

/** The sentinel the model answers with when the passages do not cover the question. */
export const notCoveredSentinel = "NOT_COVERED";

const requiredPlaceholders: Record<keyof Prompts, string[]> = {
  system: [],
  answer: ["passages", "question", "language", "notCovered"],
  rewriteFollowup: ["history", "question", "targetLanguage"],
};

const fileNames: Record<keyof Prompts, string> = {
  system: "system.md",
  answer: "answer.md",
  rewriteFollowup: "rewrite-followup.md",
};

/** `prompts/` at the project root, found from this file so the working directory does not matter. */
export const defaultPromptsDirectory = fileURLToPath(new URL("../../prompts/", import.meta.url));

/**
 * Read the three templates from `directory` (default: the project's `prompts/`). Throws
 * `ConfigError` naming the file when one is missing or lacks a placeholder it needs.
 */
export function loadPrompts(directory: string = defaultPromptsDirectory): Prompts {
  const read = (key: keyof Prompts): string => {
    const path = `${directory.replace(/[\\/]$/, "")}/${fileNames[key]}`;
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      throw new ConfigError(`Prompt file ${path} cannot be read; restore it from the repository`);
    }
    const missing = requiredPlaceholders[key].filter((name) => !text.includes(`{{${name}}}`));
    if (missing.length > 0) {
      throw new ConfigError(`Prompt file ${path} lacks ${missing.map((name) => `{{${name}}}`).join(", ")}`);
    }
    return text.trim();
  };
  return { system: read("system"), answer: read("answer"), rewriteFollowup: read("rewriteFollowup") };
}

/**
 * Replace each `{{name}}` with `values[name]`, in one pass: text substituted in (a passage, a
 * question) is never scanned again, so a passage containing `{{question}}` stays literal.
 * Unknown placeholders are left as they are.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? whole) : whole,
  );
}
