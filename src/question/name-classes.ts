import { escapeRegExp } from "../text/escape-reg-exp.ts";
import type { QuestionAnalysis } from "./analyze-question.ts";

/**
 * Kinds of named thing whose members a reader of tech briefs can list: "which language is it
 * written in" is answered by a programming language, "which operating system" by one. For these
 * two (and licences), a name in the answer sentence is its answer only when it is one of them — the forum the
 * library was announced on, or the pull request that found the bug, is a name but not the asked
 * one; so for licences ("under which license": MIT, Apache 2.0…). Other kinds (companies, tools,
 * frameworks) have no closed list; any new name stands.
 *
 * The lists are general knowledge, not tuned to any question: the languages of the TIOBE and
 * GitHub Octoverse top lists plus the common short forms (JS, TS), and the desktop, mobile and
 * server operating systems in use, and the licences of the SPDX list projects mostly use.
 */

interface NameClass {
  /** Wording that asks for one ("which language", "哪种编程语言", "operating system"). */
  asks: RegExp;
  /** Its members, written as words of their own (global: read with `matchAll`). */
  members: RegExp;
  /**
   * A member the list lacks, introduced by the class noun: "the language Ceylon", "the Zig
   * programming language" (global; the name is the first group that matched).
   */
  introduced?: RegExp;
}

// Capitalised words that open a phrase and name nothing ("The language …", "This license …").
const notNames =
  /^(?:The|This|That|These|Those|A|An|Its|Their|Our|Your|His|Her|Each|Every|Any|No|New|Which|What)$/u;

/** "<noun> Name" or "Name <noun>", for a class whose noun is `noun` (a regex source). */
function introducedBy(noun: string): RegExp {
  const name = "([A-Z][\\w+#.-]*)";
  return new RegExp(`\\b(?:${noun})\\s+${name}|${name}\\s+(?:${noun})\\b`, "gu");
}

const languages = [
  "Rust",
  "Go",
  "Golang",
  "Python",
  "JavaScript",
  "TypeScript",
  "JS",
  "TS",
  "Swift",
  "Objective-C",
  "ObjC",
  "Objective-C++",
  "C",
  "C++",
  "C#",
  "Java",
  "Kotlin",
  "Ruby",
  "PHP",
  "Zig",
  "Haskell",
  "Elixir",
  "Erlang",
  "Scala",
  "Dart",
  "Lua",
  "Perl",
  "R",
  "Julia",
  "OCaml",
  "F#",
  "Clojure",
  "Nim",
  "Crystal",
  "Solidity",
  "Mojo",
  "Gleam",
  "Bash",
  "Shell",
  "SQL",
  "WebAssembly",
  "Wasm",
  "Fortran",
  "COBOL",
  "Pascal",
  "Delphi",
  "Groovy",
  "MATLAB",
  "Vala",
  "Elm",
  "PureScript",
  "ReScript",
  "Racket",
  "Lisp",
  "Scheme",
  "Prolog",
  "Smalltalk",
  "Visual Basic",
  "Simplicity",
  "Miniscript",
];

const operatingSystems = [
  "Windows",
  "macOS",
  "Mac OS X",
  "OS X",
  "Linux",
  "iOS",
  "iPadOS",
  "watchOS",
  "tvOS",
  "visionOS",
  "Android",
  "ChromeOS",
  "Chrome OS",
  "FreeBSD",
  "OpenBSD",
  "NetBSD",
  "DragonFly BSD",
  "Solaris",
  "illumos",
  "AIX",
  "HarmonyOS",
  "鸿蒙",
  "Ubuntu",
  "Debian",
  "Fedora",
  "Arch Linux",
  "Alpine",
  "RHEL",
  "CentOS",
  "NixOS",
  "Haiku",
  "Fuchsia",
  "Plan 9",
  "Redox",
  "Windows 95",
  "DOS",
  "MS-DOS",
];

// Open-source and content licences by the names projects give them (SPDX short forms and the
// spelled-out names), and the words for having none.
const licences = [
  "MIT",
  "Apache",
  "Apache 2.0",
  "Apache-2.0",
  "GPL",
  "GPLv2",
  "GPLv3",
  "GPL-2.0",
  "GPL-3.0",
  "LGPL",
  "AGPL",
  "AGPLv3",
  "BSD",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "MPL",
  "MPL-2.0",
  "Mozilla Public License",
  "ISC",
  "Unlicense",
  "CC0",
  "CC BY",
  "CC-BY",
  "CC BY-SA",
  "CC BY-NC",
  "Creative Commons",
  "EPL",
  "Eclipse Public License",
  "BSL",
  "Business Source License",
  "SSPL",
  "Elastic License",
  "WTFPL",
  "Zlib",
  "public domain",
  "proprietary",
  "open source",
  "open-source",
  "开源",
  "闭源",
];

// A member written as a word of its own: "C" not inside "CPU", "Go" not inside "Google"; "C++"
// and "C#" keep their signs. Case-sensitive: "go" and "rust" are everyday words.
function membersPattern(names: readonly string[]): RegExp {
  const alternatives = [...names]
    .sort((left, right) => right.length - left.length)
    .map((name) => escapeRegExp(name))
    .join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}_+#.-])(?:${alternatives})(?![\\p{L}\\p{N}_+#]|-(?=\\p{L}))`, "gu");
}

// "language" with no other kind of language before it, and the verbs a program is made with.
const plainLanguage =
  "(?<!markup |query |natural |human |spoken |sign |template |templating |configuration |config |description |modeling |modelling |shading |style |body |design |visual |pattern )\\blanguages?\\b";
const writtenIn =
  "(?:written|write|writes|writing|implemented|implement|built|build|coded|code|ported|port|porting|rewritten|rewrite|rewriting|developed|develop|compiles?|compiled|transpiles?|transpiled|converts? code|converted code)";
const chineseLanguage = "(?:什么|哪种|哪门|哪个|何种|哪一种)语言";
const chineseWritten = "(?:编写|写|开发|实现|重写|移植)";

const classes: readonly NameClass[] = [
  {
    // A programming language, not a markup, query or human one ("translated into which language").
    asks: new RegExp(
      [
        "\\bprogramming languages?\\b",
        `${plainLanguage}.*\\b${writtenIn}\\b`,
        `\\b${writtenIn}\\b.*${plainLanguage}`,
        "编程语言",
        `${chineseLanguage}.*${chineseWritten}`,
        `${chineseWritten}.*${chineseLanguage}`,
      ].join("|"),
      "iu",
    ),
    members: membersPattern(languages),
    introduced: introducedBy("(?:programming )?language"),
  },
  {
    asks: /\boperating systems?\b|\bwhich OS\b|\bwhat OS\b|操作系统/iu,
    members: membersPattern(operatingSystems),
    introduced: introducedBy("operating system"),
  },
  {
    // "Under which license", "什么许可证/协议": a licence's name (MIT, Apache 2.0, GPL…).
    asks: /\b(?:which|what)\s+(?:[\w-]+\s+){0,2}licen[cs]es?\b|\blicen[cs]ed under\b|(?:什么|哪种|哪个|何种)(?:开源)?(?:许可证|许可协议|开源协议)/iu,
    members: membersPattern(licences),
    introduced: introducedBy("licen[cs]e"),
  },
];

/**
 * The closed class a name question asks for ("which language", "哪种编程语言", "which operating
 * system"), or null when it asks for a kind of name with no list.
 */
export function askedNameClass(analysis: QuestionAnalysis, question: string): NameClass | null {
  // A name, or nothing more precise ("Which operating system lacks …" may read as no type).
  if (!analysis.askedTypes.some((type) => type === "name" || type === "other")) return null;
  return classes.find((nameClass) => nameClass.asks.test(question)) ?? null;
}

/** The text names a member of the class that the question does not already name. */
export function namesMember(nameClass: NameClass, text: string, question: string): boolean {
  const notAsked = (name: string) =>
    !new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "u").test(question);
  for (const match of text.matchAll(nameClass.members)) if (notAsked(match[0])) return true;
  for (const match of text.matchAll(nameClass.introduced ?? /$^/gu)) {
    const name = match[1] ?? match[2];
    if (name !== undefined && !notNames.test(name) && notAsked(name)) return true;
  }
  return false;
}

export type { NameClass };
