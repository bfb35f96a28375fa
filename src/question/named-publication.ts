import { folderNames, publicationFromFileStem } from "../ingest/issue-metadata.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";

/**
 * "According to The Batch, …", "Tw93 weekly 里 …", "《潮流周刊》说 …": a question that names a
 * publication asks about that publication's issues. The names an issue is known by are its
 * publication (whole, and the part before a separator: "The Batch @ DeepLearning.AI" → "The
 * Batch"), the folders it was kept in (`tw93-weekly/`) and the publication its file name gives
 * (`tw93-weekly-238.md` → "tw93 weekly"): the operator's own names for it. A name stands for its
 * whole publication.
 */

/** Shortest one-word Latin name matched: shorter ones ("src", "md", "en") are folder jargon, not names. */
export const minimumNameLength = 4;

const separator = /\s+(?:@|\||—|–|-|·|by)\s+|:\s+|\s*[（(]/u;
const han = /\p{Script=Han}/u;
// Folders that hold issues in general, not one publication's.
const genericFolder =
  /^(?:_?posts?|src|pages?|content|issues?|newsletters?|archives?|data|docs?|formats?|corpus|md|html|xml|eml|txt|en|zh|cn)$/i;

interface Name {
  /** Finds the name in a question (and what goes with it: "according to the …'s"). */
  pattern: RegExp;
  /** The publications this name stands for. */
  publications: Set<string>;
}

/** A word written capitalised: its first letter upper-case, the rest in any case ("Tide", "TIDE"). */
function capitalised(word: string): string {
  const [first, ...rest] = [...word];
  const tail = rest
    .map((letter) =>
      letter.toLowerCase() === letter.toUpperCase()
        ? escapeRegExp(letter)
        : `[${letter.toLowerCase()}${letter.toUpperCase()}]`,
    )
    .join("");
  return `${escapeRegExp((first ?? "").toUpperCase())}${tail}`;
}

/**
 * A name as a pattern: its words apart by spaces, hyphens or underscores, case-insensitively —
 * except a name made only of ordinary English words ("The Batch", "Understanding AI", "tide-weekly"),
 * which counts only written as a name, each word capitalised ("understanding AI models" names no
 * publication), and for one such word not as the question's first word.
 */
function namePattern(name: string, isKnownWord: (word: string) => boolean): RegExp | null {
  const trimmed = name.normalize("NFKC").trim();
  const words = trimmed.split(/[\s\-_/.]+/u).filter((word) => word !== "");
  if (words.length === 0 || words.every((word) => /^\d+$/.test(word))) return null;
  if (han.test(trimmed)) {
    if ((trimmed.match(/\p{Script=Han}/gu) ?? []).length < 2) return null;
    // Latin words inside a Chinese name may be left out and spaces vary: "老司机 iOS 周报" is also
    // asked about as "老司机周报".
    const parts = trimmed.match(/\p{Script=Han}+|[^\s\p{Script=Han}]+/gu) ?? [];
    const body = parts
      .map((part, index) => {
        const gap = index < parts.length - 1 ? "\\s*" : "";
        return han.test(part) ? `${escapeRegExp(part)}${gap}` : `(?:${escapeRegExp(part)}${gap})?`;
      })
      .join("");
    return new RegExp(`(?:据|根据)?《?${body}》?`, "iu");
  }
  if (words.length === 1 && (words[0]!.length < minimumNameLength || genericFolder.test(words[0]!)))
    return null;
  const ordinary = words.every((word) => word.length < 3 || isKnownWord(word.toLowerCase()));
  // Short joining words keep their case ("This Week in Rust"); the others are capitalised.
  const body = words
    .map((word) =>
      !ordinary ? escapeRegExp(word) : word.length < 3 ? escapeRegExp(word) : capitalised(word),
    )
    .join("[\\s\\-_/.]+");
  const firstWordGuard = ordinary && words.length === 1 ? "(?<!^\\s*)" : "";
  const lead = ordinary ? "(?:\\b[Aa]ccording to (?:the )?)?" : "(?:\\baccording to (?:the )?)?";
  return new RegExp(
    `${firstWordGuard}${lead}(?<![\\p{L}\\p{N}])${body}(?:['’]s)?(?![\\p{L}\\p{N}])`,
    ordinary ? "u" : "iu",
  );
}

export interface NamedPublications {
  /** The issues (document ids) of the publications the question names; empty when it names none. */
  docIds: Set<string>;
  /** The question without the names (and their "according to"), for searching and weighing words. */
  rest: string;
}

export interface PublicationNames {
  named(question: string): NamedPublications;
}

export function publicationNames(
  documents: Array<{ docId: string; publication: string; path: string }>,
  isKnownWord: (word: string) => boolean,
): PublicationNames {
  const byName = new Map<string, Name>();
  // A file name names its publication when the publication's issues share it ("ruanyf-weekly-
  // issue-399", "-400" …) or the publication has one issue; a name only one of several issues
  // carries is that issue's title ("212-超山看梅"), which a question quotes to find the story.
  const stemOf = (document: { path: string }) => {
    const file = document.path.split(/[\\/]/).at(-1) ?? "";
    if (/^[a-z]+:\/\//i.test(document.path) || file === "") return "";
    return publicationFromFileStem(file.replace(/(?:\.[a-z]{2})?\.[a-z0-9]+$/i, ""));
  };
  const issuesOf = new Map<string, number>();
  const stemCount = new Map<string, number>();
  for (const document of documents) {
    issuesOf.set(document.publication, (issuesOf.get(document.publication) ?? 0) + 1);
    const stem = `${document.publication}\u0000${stemOf(document)}`;
    stemCount.set(stem, (stemCount.get(stem) ?? 0) + 1);
  }
  for (const document of documents) {
    const raw = new Set<string>([document.publication, document.publication.split(separator)[0] ?? ""]);
    for (const folder of folderNames(document.path).split(" ")) if (folder !== "") raw.add(folder);
    const stem = stemOf(document);
    if (
      stem !== "" &&
      (issuesOf.get(document.publication) === 1 ||
        (stemCount.get(`${document.publication}\u0000${stem}`) ?? 0) > 1)
    )
      raw.add(stem);
    for (const name of raw) {
      const key = name.normalize("NFKC").trim();
      const known = byName.get(key);
      if (known !== undefined) {
        known.publications.add(document.publication);
        continue;
      }
      const pattern = namePattern(key, isKnownWord);
      if (pattern !== null) byName.set(key, { pattern, publications: new Set([document.publication]) });
    }
  }
  return {
    named(question) {
      const publications = new Set<string>();
      let rest = question;
      // Longer names first, so "TLDR AI" is taken out whole before "TLDR".
      for (const [, name] of [...byName].sort((left, right) => right[0].length - left[0].length)) {
        if (!name.pattern.test(rest)) continue;
        for (const publication of name.publications) publications.add(publication);
        rest = rest.replace(name.pattern, " ");
      }
      if (publications.size === 0) return { docIds: new Set(), rest: question };
      const docIds = new Set<string>();
      for (const document of documents)
        if (publications.has(document.publication)) docIds.add(document.docId);
      // A name every issue shares (a one-publication store) prefers nothing.
      if (docIds.size === documents.length) docIds.clear();
      rest = rest
        .replace(/^[\s,，:：、]+/u, "")
        .replace(/\s+([,，?？.。])/gu, "$1")
        .replace(/\s{2,}/gu, " ")
        .trim();
      return { docIds, rest: rest === "" ? question : rest };
    },
  };
}
