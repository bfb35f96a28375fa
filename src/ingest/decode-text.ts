import chardet from "chardet";
import iconv from "iconv-lite";
import { InputError } from "../errors.ts";
import { removeInvisibleCharacters } from "./clean-text.ts";

/**
 * Decode a file's bytes as text, the way a browser or mail client would: a byte-order mark
 * first; then strictly valid UTF-8 as UTF-8; then a charset the transport declared (HTTP
 * `Content-Type`), then one the document declares itself (MIME `charset=`, `<meta charset>`,
 * `<meta http-equiv>`, the XML declaration); then a detector (chardet). Legacy Chinese
 * newsletters and pages (GBK/GB18030, Big5) often declare nothing or only in a `<meta>` tag.
 * Valid UTF-8 goes before declarations because mislabelled pages ("iso-8859-1" over UTF-8) are
 * common, while non-ASCII text in another encoding is practically never valid UTF-8.
 */

/** How far into the file a declaration is looked for: browsers scan the first 1024 bytes; e-mail headers run longer. */
const declarationScanBytes = 16_384;
/**
 * The detector's top guess is used from this confidence (0–100). chardet gave our GBK, GB18030
 * and Big5 fixtures 91–100 and Western windows-1252 text 28; random or repeated bytes get ≤ 10.
 */
const DETECTOR_MIN_CONFIDENCE = 20;
/** Share of undecodable sequences above which a decoding is wrong (a few stray bytes are tolerated). */
const maxReplacementShare = 0.01;

/**
 * @param declaredCharset a charset from the transport (HTTP header), which wins over the document's own.
 * @throws InputError when the bytes look binary (a NUL byte anywhere), no encoding decodes them, or they hold no text.
 */
export function decodeText(source: string, bytes: Uint8Array, declaredCharset?: string): string {
  const fromByteOrderMark = decodeByByteOrderMark(bytes);
  // A NUL anywhere, not only in the first kilobytes: archives and images can start with text.
  if (fromByteOrderMark === null && bytes.includes(0)) {
    throw new InputError(source, `${source} looks like a binary file (it contains NUL bytes), not text`);
  }
  const decoded = fromByteOrderMark ?? decodeWithoutByteOrderMark(source, bytes, declaredCharset);
  if (removeInvisibleCharacters(decoded).trim() === "") {
    throw new InputError(source, `${source} is empty (no text content)`);
  }
  return decoded;
}

function decodeWithoutByteOrderMark(source: string, bytes: Uint8Array, declaredCharset?: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: look for a declaration, then guess.
  }
  for (const label of [declaredCharset, declaredInDocument(bytes)]) {
    if (label === undefined || /^utf-?8$/i.test(label)) continue;
    const text = decodeAs(bytes, label);
    if (text !== null && looksDecoded(text)) return text;
  }
  const guess = chardet.analyse(bytes.subarray(0, 256 * 1024))[0];
  if (guess !== undefined && guess.confidence >= DETECTOR_MIN_CONFIDENCE && !/^utf-?8$/i.test(guess.name)) {
    const text = decodeAs(bytes, guess.name);
    if (text !== null && looksDecoded(text)) return text;
  }
  // UTF-8 with a few stray bytes (a truncated e-mail, one bad byte) is still UTF-8.
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  if (looksDecoded(utf8)) return utf8;
  const count = utf8.match(/\ufffd/g)?.length ?? 0;
  throw new InputError(
    source,
    `${source} is not valid UTF-8 (${count} undecodable sequences) and declares no charset that decodes it; ` +
      "add <meta charset> or convert it to UTF-8",
  );
}

/** UTF-8 or UTF-16 with a byte-order mark, or null when there is none. */
function decodeByByteOrderMark(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder("utf-8").decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return null;
}

/**
 * The charset the document declares in its first bytes (read as ASCII, which every such
 * declaration is written in): XML declaration, `<meta charset>`, or a `charset=` parameter
 * (MIME headers, `<meta http-equiv="Content-Type" content="text/html; charset=…">`).
 */
export function declaredInDocument(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, declarationScanBytes));
  const patterns = [
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i,
    /<meta\s[^>]*\bcharset\s*=\s*["']?([\w.:-]+)/i,
    /\bcharset\s*=\s*["']?([\w.:-]+)/i,
  ];
  for (const pattern of patterns) {
    const label = pattern.exec(head)?.[1];
    if (label !== undefined) return label;
  }
  return undefined;
}

/** Decode with the WHATWG decoder (browser labels: gb2312 → GBK, …), else iconv-lite, else null. */
function decodeAs(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label.toLowerCase()).decode(bytes);
  } catch {
    // Not a WHATWG label (UTF-32, some IBM code pages): iconv-lite knows more.
  }
  return iconv.encodingExists(label) ? iconv.decode(Buffer.from(bytes), label) : null;
}

function looksDecoded(text: string): boolean {
  const replacements = text.match(/\ufffd/g)?.length ?? 0;
  return replacements <= Math.max(4, text.length * maxReplacementShare);
}
