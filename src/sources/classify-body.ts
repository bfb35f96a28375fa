/** How a fetched body is read: the extension the ingest readers dispatch on, or null for none (an image…). */
export type BodyFormat = ".xml" | ".json" | ".html" | ".pdf" | null;

/**
 * What a fetched body is, from its first bytes and then its Content-Type: servers label feeds
 * `text/html`, `text/plain` or `application/octet-stream` often enough that the bytes decide.
 */
export function classifyBody(body: Uint8Array, contentType: string): BodyFormat {
  if (body[0] === 0x25 && body[1] === 0x50 && body[2] === 0x44 && body[3] === 0x46) return ".pdf"; // %PDF
  // Binary (NUL bytes) or declared as media: nothing a newsletter reader reads.
  if (body.subarray(0, 1024).includes(0) || /^(?:image|audio|video|font)\//i.test(contentType.trim()))
    return null;
  const start = new TextDecoder()
    .decode(body.subarray(0, 1024))
    .replace(/^\ufeff/, "")
    .trimStart()
    .toLowerCase();
  if (start.startsWith("{") || start.startsWith("[")) return ".json";
  const opening = start.replace(/^<\?xml[^>]*\?>\s*/, "").replace(/^(?:<!--[\s\S]*?-->\s*)+/, "");
  if (/^<(?:rss|feed|rdf:rdf)\b/.test(opening)) return ".xml";
  if (/^<(?:!doctype html|html|head|body)\b/.test(opening)) return ".html";
  const type = contentType.toLowerCase();
  if (/json/.test(type)) return ".json";
  if (/xml/.test(type)) return ".xml";
  if (/pdf/.test(type)) return ".pdf";
  return ".html";
}
