import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";

/** Metadata keys are lower-cased so `Title:` (Pelican) and `title:` (YAML) read the same. */
export type FrontMatter = Record<string, unknown>;

// Pelican/MultiMarkdown headers have no fences; we only accept one that names a known key.
const pelicanKeys = new Set([
  "title",
  "date",
  "number",
  "category",
  "tags",
  "slug",
  "author",
  "authors",
  "summary",
  "modified",
  "status",
  "lang",
  "subtitle",
]);
const pelicanLine = /^([A-Za-z][A-Za-z _-]{0,30}):\s*(.*)$/;

/**
 * Splits a Markdown file into its metadata header and body. Understands YAML front matter
 * (`---` fences), Hugo's TOML (`+++` fences) and JSON (a `{` … `}` object opening the file)
 * front matter, and Pelican `Key: value` headers without fences (This Week in Rust), which
 * YAML front-matter parsers do not detect. A malformed YAML or TOML block is dropped, not read
 * as text.
 */
export function splitFrontMatter(text: string): { metadata: FrontMatter; body: string } {
  const lines = text.split("\n");
  const opening = lines[0]?.trim();
  if (opening === "---" || opening === "+++") {
    const closingFence = opening === "---" ? /^(?:---|\.\.\.)\s*$/ : /^\+\+\+\s*$/;
    const closing = lines.findIndex((line, index) => index > 0 && closingFence.test(line));
    if (closing > 0) {
      const block = lines.slice(1, closing).join("\n");
      return {
        metadata: opening === "---" ? parseYamlBlock(block) : parseTomlBlock(block),
        body: lines.slice(closing + 1).join("\n"),
      };
    }
  }
  if (opening === "{") {
    const json = jsonFrontMatter(lines);
    if (json !== null) return json;
  }
  const header = pelicanHeaderLines(lines);
  if (header === null) return { metadata: {}, body: text };
  const metadata: FrontMatter = {};
  let lastKey: string | null = null;
  for (const line of lines.slice(0, header)) {
    const pair = pelicanLine.exec(line);
    if (pair?.[1]) {
      lastKey = pair[1].trim().toLowerCase();
      metadata[lastKey] = (pair[2] ?? "").trim();
    } else if (lastKey !== null && line.trim() !== "") {
      // An indented continuation line extends the value above it.
      metadata[lastKey] = `${metadata[lastKey]} ${line.trim()}`.trim();
    }
  }
  return { metadata, body: lines.slice(header).join("\n") };
}

/**
 * How many lines a Pelican header spans, or null when the file has none. The header is read
 * whole: a blank line inside it does not end it when the next line is another known key
 * (`Title: …` / blank / `Date: …`), and indented lines continue the value above.
 */
function pelicanHeaderLines(lines: string[]): number | null {
  let end = 0;
  let knownKeys = 0;
  while (end < lines.length) {
    const line = lines[end] ?? "";
    const pair = pelicanLine.exec(line);
    if (pair?.[1]) {
      if (pelicanKeys.has(pair[1].trim().toLowerCase())) knownKeys += 1;
      end += 1;
      continue;
    }
    if (end > 0 && /^\s+\S/.test(line)) {
      end += 1;
      continue;
    }
    if (line.trim() !== "" || end === 0) break;
    let next = end;
    while (next < lines.length && (lines[next] ?? "").trim() === "") next += 1;
    const following = pelicanLine.exec(lines[next] ?? "");
    if (!following?.[1] || !pelicanKeys.has(following[1].trim().toLowerCase())) break;
    end = next;
  }
  // A header ends at a blank line or the end of the file, never in the middle of a paragraph.
  if (end < lines.length && (lines[end] ?? "").trim() !== "") return null;
  return end > 0 && knownKeys > 0 ? end : null;
}

function parseYamlBlock(yamlText: string): FrontMatter {
  try {
    return lowerCasedKeys(parseYaml(yamlText));
  } catch {
    return {};
  }
}

function parseTomlBlock(tomlText: string): FrontMatter {
  try {
    return lowerCasedKeys(parseToml(tomlText));
  } catch {
    return {};
  }
}

/**
 * Hugo's JSON front matter: an object from the file's first line to the first line that is a
 * lone `}`. Null when that is no JSON object (a Markdown file may open with a brace in prose).
 */
function jsonFrontMatter(lines: string[]): { metadata: FrontMatter; body: string } | null {
  const closing = lines.findIndex((line, index) => index > 0 && line.trim() === "}");
  if (closing < 0) return null;
  try {
    const parsed: unknown = JSON.parse(lines.slice(0, closing + 1).join("\n"));
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return null;
    return { metadata: lowerCasedKeys(parsed), body: lines.slice(closing + 1).join("\n") };
  } catch {
    return null;
  }
}

function lowerCasedKeys(parsed: unknown): FrontMatter {
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return {};
  const metadata: FrontMatter = {};
  for (const [key, value] of Object.entries(parsed)) metadata[key.toLowerCase()] = value;
  return metadata;
}

/** A front-matter value as a non-empty string (dates become ISO strings), or null. */
export function frontMatterText(metadata: FrontMatter, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = metadata[key];
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === "number") return String(value);
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return null;
}
