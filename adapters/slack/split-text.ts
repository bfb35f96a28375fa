/**
 * Split already-escaped mrkdwn into pieces no longer than `maxLength`, preferring paragraph
 * breaks, then line breaks, then spaces, so a Slack section never cuts a sentence needlessly.
 * A hard cut (a single word longer than `maxLength`) never splits an `&amp;`-style entity.
 */
export function splitText(text: string, maxLength: number): string[] {
  if (maxLength < 16) throw new RangeError("maxLength must be at least 16");
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > maxLength) {
    const cut = findCut(rest, maxLength);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece.length > 0) pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

function findCut(text: string, maxLength: number): number {
  const window = text.slice(0, maxLength + 1);
  // Only accept a boundary in the second half, otherwise pieces get silly small.
  const minimum = Math.floor(maxLength / 2);
  for (const separator of ["\n\n", "\n", " "]) {
    const at = window.lastIndexOf(separator);
    if (at >= minimum) return at;
  }
  return safeHardCut(text, maxLength);
}

/** Step back over a partial `&…;` entity so the cut does not produce `&am` + `p;`. */
function safeHardCut(text: string, maxLength: number): number {
  const ampersand = text.lastIndexOf("&", maxLength - 1);
  if (ampersand !== -1 && maxLength - ampersand < 6) {
    const semicolon = text.indexOf(";", ampersand);
    if (semicolon === -1 || semicolon >= maxLength) return ampersand > 0 ? ampersand : maxLength;
  }
  return maxLength;
}

/** Shorten escaped mrkdwn to at most `maxLength` characters ending in "…", never inside an entity. */
export function truncateMrkdwn(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  return `${text.slice(0, safeHardCut(text, maxLength - 1)).trimEnd()}…`;
}
