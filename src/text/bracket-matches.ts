/**
 * All matches of a global regular expression whose every match ends at a bracketed tail, found by
 * looking only just before each tail: scanning a whole issue with such an expression (a lazy run
 * of up to 80 characters tried at every letter) was ~8% of an archive ingest.
 *
 * Exact when (1) every match ends with a string `tail` matches, starting at its opening bracket;
 * (2) everything a match has before that bracket is made of `inside` characters, except that the
 * character just before the bracket may instead be one that `gapBefore` accepts; (3) the bracket
 * itself is not an `inside` character (nor one `gapBefore` accepts); (4) the expression has no
 * lookbehind, `\b` or `^` at its start. Then a match's bracket is the first bracket after its
 * start, and a match starts after the last character before that bracket that is not `inside`;
 * so the leftmost match at or after a position is the leftmost one in the window of the first
 * tail after it, or of a later tail when that window holds none.
 */
export function matchesBeforeTails(
  text: string,
  pattern: RegExp,
  tail: RegExp,
  inside: (character: string) => boolean,
  gapBefore: (character: string) => boolean = () => false,
): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  const local = new RegExp(pattern.source, pattern.flags.replace("g", ""));
  let from = 0;
  for (const found of text.matchAll(tail)) {
    const bracket = found.index;
    if (bracket < from) continue;
    let start = bracket;
    if (start > from && gapBefore(text.charAt(start - 1))) start -= 1;
    while (start > from && inside(text.charAt(start - 1))) start -= 1;
    const end = bracket + found[0].length;
    const match = local.exec(text.slice(start, end));
    if (match === null) continue;
    match.index += start;
    matches.push(match);
    from = match.index + match[0].length;
  }
  return matches;
}
