import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../src/question/analyze-question.ts";
import { askedNameClass, namesMember } from "../../src/question/name-classes.ts";
import { extractiveAsker, passage } from "../answer/answer-fixtures.ts";

const classOf = (question: string) => askedNameClass(analyzeQuestion(question), question);

describe("asked name classes", () => {
  it("reads a question asking for a programming language or an operating system", () => {
    expect(classOf("Which language is the Larkspur parser written in?")).not.toBeNull();
    expect(classOf("Larkspur 是用什么语言编写的？")).not.toBeNull();
    expect(classOf("Larkspur 基于哪种编程语言？")).not.toBeNull();
    expect(classOf("Which operating system lacks the call?")).not.toBeNull();
    expect(classOf("Larkspur converts Swift code into which language popular for Android?")).not.toBeNull();
  });

  it("leaves other kinds of language and other names open", () => {
    expect(classOf("Which markup language does Larkspur save notes in?")).toBeNull();
    expect(classOf("这份周报被翻译成了哪种语言？")).toBeNull();
    expect(classOf("Which company bought Larkspur?")).toBeNull();
  });

  it("finds a member as a word of its own, not one the question already names", () => {
    const nameClass = classOf("Which language is the Larkspur parser written in?")!;
    const question = "Which language is the Larkspur parser written in?";
    expect(namesMember(nameClass, "Larkspur is written in Rust.", question)).toBe(true);
    expect(namesMember(nameClass, "采用 Objective-C 编写", question)).toBe(true);
    expect(namesMember(nameClass, "The CPU load fell after Google's patch.", question)).toBe(false);
    const porting = "Which programming language is the Go proxy being ported to?";
    expect(namesMember(nameClass, "The Go proxy moves to a new repository.", porting)).toBe(false);
  });

  it("takes a name the list lacks when the class noun introduces it", () => {
    const question = "Which programming language's feature inspired the Larkspur pitch?";
    const nameClass = classOf(question)!;
    expect(
      namesMember(nameClass, "It is inspired by a unique feature of the language Ceylon.", question),
    ).toBe(true);
    expect(namesMember(nameClass, "It borrows from the Gleam programming language.", question)).toBe(true);
    // "The language …" names nothing.
    expect(namesMember(nameClass, "The language has no such feature.", question)).toBe(false);
  });
});

describe("licences", () => {
  it("are asked for by 'which license' and 什么许可证, and answered only by a licence's name", () => {
    const question = "Under which open-source license is the Larkspur server released?";
    const nameClass = classOf(question);
    expect(nameClass).not.toBeNull();
    expect(classOf("Larkspur 采用什么开源协议？")).not.toBeNull();
    // 协议 alone is a protocol as often as an agreement.
    expect(classOf("这些交易与哪种协议的铸造有关？")).toBeNull();
    expect(namesMember(nameClass!, "Larkspur is released under the MIT license.", question)).toBe(true);
    expect(namesMember(nameClass!, "Larkspur is licensed Apache 2.0.", question)).toBe(true);
    expect(
      namesMember(nameClass!, "Dana Ruiz launched Larkspur, a web server written in Swift.", question),
    ).toBe(false);
  });
});

describe("an answer naming a language", () => {
  it("is partial when the story names only a forum and a pull request", async () => {
    const story = passage(
      "l1",
      "Larkspur",
      "Dana Ruiz announced Larkspur on Delving Bitcoin, a parser for output descriptors. The work started in PR #4120.",
    );
    const ask = extractiveAsker([story]);
    const draft = await ask([story], "Which programming language is Dana Ruiz's Larkspur parser written in?");
    expect(draft.coverage).toBe("partial");
  });

  it("is stated when the story names the language", async () => {
    const story = passage(
      "l2",
      "Larkspur",
      "Dana Ruiz announced Larkspur on Delving Bitcoin, a parser for output descriptors written in Rust.",
    );
    const ask = extractiveAsker([story]);
    const draft = await ask([story], "Which programming language is Dana Ruiz's Larkspur parser written in?");
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("Rust");
  });
});

describe("Chinese class nouns", () => {
  it("ask for a name: 什么框架, 哪种语言, 哪个数据库", () => {
    for (const question of [
      "Larkspur 是基于什么框架开发的？",
      "Larkspur 用哪个数据库存数据？",
      "Larkspur 是用什么语言写的？",
    ])
      expect(analyzeQuestion(question).askedTypes).toEqual(["name"]);
  });
});

describe("a member of the asked class", () => {
  it("answers though the sentence shares no other word of the question", async () => {
    const story = passage(
      "k1",
      "Tools",
      "Dana Ruiz announced Larkspur, a Swift to Kotlin translator she built over three years.",
    );
    const ask = extractiveAsker([story]);
    const draft = await ask(
      [story],
      "Dana Ruiz's Larkspur converts Swift code into which language popular for Android development?",
    );
    expect(draft.coverage).toBe("full");
  });
});
