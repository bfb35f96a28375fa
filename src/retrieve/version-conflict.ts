import type { WeightedTerm } from "../store/store.ts";

/**
 * A passage about another release than the one asked for: "When was Code Freeze for 1.33?" is not
 * answered by the story of the 1.35 cycle, though it shares every other word. A dotted version the
 * question gives ("1.33", "v5.5") conflicts with a passage that writes another version of the same
 * series (same major, as many parts: "1.35") and not the asked one itself (a patch of it, "1.33.5",
 * is listed beside every supported release and does not count).
 */

/**
 * Taken off a leading candidate's score for a conflicting version. 0.2: about a fifth of a full
 * coverage match (the score is 0.75 × coverage + 0.25 × fused rank, plus 0.3 × best sentence), so a
 * passage of the asked release with a little less coverage ranks above one of another release.
 * On the archive question sets it moved a "Kubernetes 1.35" item's passage from 7th to 4th and
 * the 1.33 Code Freeze story above the 1.35 one, and lost none; the dev ranking fixture is
 * unchanged (its questions name no dotted versions).
 */
export const versionConflictPenalty = 0.2;

const dotted = /^v?(\d+)\.(\d+(?:\.\d+)*)$/u;

/** The dotted versions among tokens, without their "v" ("v5.5" → "5.5"). */
function versionsIn(tokens: Iterable<string>): string[] {
  const versions: string[] = [];
  for (const token of tokens) {
    const match = dotted.exec(token);
    if (match !== null) versions.push(`${match[1]}.${match[2]}`);
  }
  return versions;
}

/** The dotted versions among the question's own words ("1.33", "v5.5" → "5.5"). */
export function askedVersions(terms: readonly WeightedTerm[]): string[] {
  return versionsIn(terms.filter((term) => term.weight >= 1).map((term) => term.term));
}

/** Whether a search text writes another version of an asked version's series and not the asked one. */
export function conflictsWithAsked(versions: readonly string[], searchText: string): boolean {
  if (versions.length === 0) return false;
  const written = versionsIn(searchText.split(/\s+/u));
  return versions.some((asked) => {
    if (written.includes(asked)) return false;
    const [major, ...rest] = asked.split(".");
    return written.some((version) => {
      const other = version.split(".");
      return other.length === rest.length + 1 && other[0] === major;
    });
  });
}
