import { InputError } from "../errors.ts";
import { removeInvisibleCharacters } from "./clean-text.ts";

/** How many bytes to inspect for NUL bytes: binary formats show them in their headers. */
const binarySniffLength = 8192;

/**
 * Decode a file's bytes as text. Newsletters are UTF-8 (declared or not); we never guess Latin-1,
 * because undeclared HTML e-mails in the wild are UTF-8 and a wrong guess silently corrupts
 * Chinese text. A UTF-16 byte-order mark is honoured because Windows tools still write it.
 *
 * @throws InputError when the bytes look binary, are mostly invalid UTF-8, or hold no text.
 */
export function decodeText(source: string, bytes: Uint8Array): string {
  const utf16Text = decodeWithByteOrderMark(bytes);
  if (utf16Text === null && bytes.subarray(0, binarySniffLength).includes(0)) {
    throw new InputError(source, `${source} looks like a binary file (it contains NUL bytes), not text`);
  }
  const decoded = utf16Text ?? new TextDecoder("utf-8", { fatal: false, ignoreBOM: false }).decode(bytes);
  const replacementCount = decoded.match(/\ufffd/g)?.length ?? 0;
  if (replacementCount > Math.max(4, decoded.length * 0.01)) {
    throw new InputError(
      source,
      `${source} is not valid UTF-8 text (${replacementCount} undecodable sequences); convert it to UTF-8 first`,
    );
  }
  if (removeInvisibleCharacters(decoded).trim() === "") {
    throw new InputError(source, `${source} is empty (no text content)`);
  }
  return decoded;
}

/** UTF-16 with a byte-order mark, or null when the bytes carry no UTF-16 mark. */
function decodeWithByteOrderMark(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return null;
}
