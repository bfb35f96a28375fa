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
]);
const pelicanLine = /^([A-Za-z][A-Za-z _-]{0,30}):\s*(.*)$/;

/**
 * Splits a Markdown file into its metadata header and body. Understands YAML front matter
 * (`---` fences) and Pelican `Key: value` headers without fences (This Week in Rust), which
 * YAML front-matter parsers do not detect. A malformed YAML block is dropped, not read as text.
 */
export function splitFrontMatter(text: string): { metadata: FrontMatter; body: string } {
  const lines = text.split("\n");
  if (lines[0]?.trim() === "---") {
    const closing = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
    if (closing > 0) {
      return {
        metadata: parseYamlBlock(lines.slice(1, closing).join("\n")),
        body: lines.slice(closing + 1).join("\n"),
      };
    }
  }
  const headerEnd = lines.findIndex((line) => line.trim() === "");
  const headerLines = lines.slice(0, headerEnd < 0 ? lines.length : headerEnd);
  const pairs = headerLines.map((line) => pelicanLine.exec(line));
  const isPelicanHeader =
    headerLines.length > 0 &&
    pairs.every((pair) => pair !== null) &&
    pairs.some((pair) => pelicanKeys.has((pair?.[1] ?? "").trim().toLowerCase()));
  if (!isPelicanHeader) return { metadata: {}, body: text };
  const metadata: FrontMatter = {};
  for (const pair of pairs) {
    if (pair?.[1]) metadata[pair[1].trim().toLowerCase()] = (pair[2] ?? "").trim();
  }
  return { metadata, body: lines.slice(headerLines.length).join("\n") };
}

function parseYamlBlock(yamlText: string): FrontMatter {
  try {
    const parsed: unknown = parseYaml(yamlText);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    const metadata: FrontMatter = {};
    for (const [key, value] of Object.entries(parsed)) metadata[key.toLowerCase()] = value;
    return metadata;
  } catch {
    return {};
  }
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
