import { describe, expect, it } from "vitest";
import {
  continuesSentenceBefore,
  countsAnotherKind,
  givesReason,
  headIn,
  headsMeasurePatterns,
  namesAskedVersion,
  namesHeadsMeasure,
} from "../../src/answer/evidence-values.ts";
import { analyzeQuestion } from "../../src/question/analyze-question.ts";
import { tokenize } from "../../src/text/segment.ts";

function holdsHead(head: string, sentence: string): boolean {
  const [token] = tokenize(head);
  return headIn(token!, sentence, new Set(tokenize(sentence)), new Map());
}

describe("headIn", () => {
  it("finds the asked noun as written or inflected", () => {
    expect(holdsHead("package", "The packages were split.")).toBe(true);
  });

  it("finds it at the end of an English compound naming a kind of it", () => {
    expect(holdsHead("package", "The agent now depends on a slimmer subpackage.")).toBe(true);
    expect(holdsHead("watch", "The smartwatch ships in May.")).toBe(true);
  });

  it("not inside a longer word that is no kind of it", () => {
    // Too short a head to look for inside words.
    expect(holdsHead("ship", "The relationship ended.")).toBe(false);
    // Too short a prefix.
    expect(holdsHead("range", "The orange crate fell.")).toBe(false);
  });
});

describe("continuesSentenceBefore", () => {
  it.each([
    ["It weighs 65 grams.", true],
    ["And it ships in March.", true],
    ["而这个组件在内部已经用了三年。", true],
    ["同时它也支持安卓。", true],
    ["Orbit ships in March.", false],
    ["而 Orbit 在内部已经用了三年。", false],
    // A joining word before the subject taken up; a time opening ("This year …") takes up none.
    ["However, the library has found few users.", true],
    ["This lets the device work alone.", true],
    ["This year the intake includes three women.", false],
  ])("%s → %s", (text, expected) => {
    expect(continuesSentenceBefore(text)).toBe(expected);
  });
});

describe("givesReason", () => {
  it.each([
    ["The team stopped because the grant ended.", true],
    ["Since Acme has postponed the change, the discussion is closed.", true],
    ["The discussion is closed, since Acme has postponed the change.", true],
    ["Since 2019 the team has shipped monthly.", false],
    ["Since its launch the app has grown.", false],
    ["The app has grown ever since.", false],
    ["之所以这样设计，是为了兼容旧版本。", true],
  ])("%s → %s", (text, expected) => {
    expect(givesReason(text)).toBe(expected);
  });
});

describe("countsAnotherKind", () => {
  const question = "这份调查一共有多少名开发者参与？";
  it.each([
    ["本文汇总了 11 项调查数据和结果。", true],
    ["2019 年的调查发布了。", true],
    ["共有 5000 名开发者参与了调查。", false],
    ["共有 5000 位开发者参与。", false],
    ["参与人数很多。", false],
  ])("%s → %s", (text, expected) => {
    expect(countsAnotherKind(text, analyzeQuestion(question), question)).toBe(expected);
  });

  it("asks of the general measure word 个 only that the count is not of kinds", () => {
    const asked = "一共有多少个项目？";
    const projects = analyzeQuestion(asked);
    expect(countsAnotherKind("本文汇总了 11 项调查数据。", projects, asked)).toBe(false);
    expect(countsAnotherKind("共有 11 个开源项目入选。", projects, asked)).toBe(false);
    expect(
      countsAnotherKind(
        "这两种通道都不需要共识变更。",
        analyzeQuestion("一个工厂最多能容纳多少个用户？"),
        "一个工厂最多能容纳多少个用户？",
      ),
    ).toBe(true);
  });
});

describe("countsAnotherKind for an English count question", () => {
  const question = "How many research papers did Dana cite in her analysis?";
  const papers = analyzeQuestion(question);
  it.each([
    ["Citing several papers, she describes two types of attacks.", true],
    ["她引用了多份论文，介绍了两种攻击。", true],
    ["She cites 12 new papers.", false],
    ["She cited 12 in all.", false],
    ["The analysis covers 3 attacks and cites 7 papers.", false],
    // A pull request's number is a label, not a count.
    ["Quill #2888 implements support for peer storage.", false],
  ])("%s → %s", (text, expected) => {
    expect(countsAnotherKind(text, papers, question)).toBe(expected);
  });
});

describe("countsAnotherKind for a measure", () => {
  it("asks nothing of 'how much': a measure counts no things", () => {
    const question = "How much backup data will a node store for a peer?";
    expect(
      countsAnotherKind(
        "It stores encrypted backups for two peers, up to 65kB each.",
        analyzeQuestion(question),
        question,
      ),
    ).toBe(false);
  });
});

describe("namesAskedVersion", () => {
  const which = analyzeQuestion("In which version does the Orbit feature reach GA?");
  it.each([
    ["The Orbit feature is promoted to GA in v1.33.", true],
    ["Orbit support reaches back to macOS 10.15 and iOS 13.", true],
    ["The Orbit feature is promoted to GA soon.", false],
    ["Orbit raised 1.5 billion dollars.", false],
    // A number it was moved to: the version, not an amount it rose to.
    ["The Orbit base image was upgraded to 1.82-slim.", true],
    ["Orbit 基础镜像升级到 1.82-slim。", true],
    ["Orbit revenue rose to 1.5 billion.", false],
  ])("%s → %s", (text, expected) => {
    expect(namesAskedVersion(which, text)).toBe(expected);
  });

  it("finds the named thing's version in parentheses", () => {
    const cmake = analyzeQuestion("Which Quarkmake version will ship the Swift support?");
    expect(namesAskedVersion(cmake, "The next major release of Quarkmake (3.15) will include it.")).toBe(
      true,
    );
  });

  it("does not take a version the question gives for the answer", () => {
    const given = analyzeQuestion("Which version after v1.33 removes the Orbit gate?");
    expect(namesAskedVersion(given, "The Orbit feature is promoted to GA in v1.33.")).toBe(false);
  });
});

describe("namesHeadsMeasure", () => {
  it("finds the asked measure as the word before its noun with a number", () => {
    const question = "What CVSS score was assigned to the Orbit flaw?";
    const patterns = headsMeasurePatterns(analyzeQuestion(question), question);
    expect(
      namesHeadsMeasure(patterns, "A medium-severity flaw (CVE-2025-0001, CVSS 6.7) affects Orbit."),
    ).toBe(true);
    expect(namesHeadsMeasure(patterns, "The flaw has a CVSS vector string.")).toBe(false);
  });
});
