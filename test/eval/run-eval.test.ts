import { describe, expect, it } from "vitest";
import type { Answer, Coverage } from "../../src/answer/answer-types.ts";
import { type EvalItem, judgeAnswer, parseEvalFile, runEval } from "../../src/eval/run-eval.ts";

function reply(coverage: Coverage, text: string, quotes: string[] = []): Answer {
  return {
    question: "q",
    answered: coverage === "full",
    coverage,
    text,
    lang: "en",
    citations: quotes.map((quote, index) => ({
      n: index + 1,
      id: `c${index}`,
      docId: "d",
      publication: "P",
      title: "T",
      story: "S",
      date: null,
      url: null,
      path: "p.md",
      quote,
    })),
    related: [],
    answerer: "extractive",
  };
}

describe("judgeAnswer", () => {
  const gold = ["The plant opened in 2021"];
  it.each([
    ["a gold string in the answer, markers aside", reply("full", "The plant opened [1] in 2021."), "stated"],
    ["a gold string in the answer", reply("full", "The plant opened in 2021. [1]"), "stated"],
    [
      "a gold string only in a quote",
      reply("full", "In 2021 [1].", ["The plant opened in 2021, it said."]),
      "stated",
    ],
    ["an answer without gold", reply("full", "The plant is large. [1]", ["The plant is large."]), "wrong"],
    ["a partial reply", reply("partial", "The briefs do not say when. [1]"), "partial"],
    ["a refusal", reply("none", "The briefs I have do not cover this."), "refused"],
  ])("%s", (_name, answer, verdict) => {
    expect(judgeAnswer(answer, gold)).toBe(verdict);
  });

  it("ignores spacing a joined quote adds between Chinese sentences", () => {
    expect(judgeAnswer(reply("full", "整机重量65克。 售价199元。 [1]"), ["整机重量65克。售价199元"])).toBe(
      "stated",
    );
  });

  it("counts a partial or refused reply to an unanswerable item as right, an answer as wrong", () => {
    expect(judgeAnswer(reply("partial", "x"), [])).toBe("partial");
    expect(judgeAnswer(reply("none", "x"), [])).toBe("refused");
    expect(judgeAnswer(reply("full", "x [1]"), [])).toBe("wrong");
  });
});

describe("runEval", () => {
  it("asks a follow-up in the conversation of the item it follows, and reports verdicts by kind", async () => {
    const items: EvalItem[] = parseEvalFile(
      [
        JSON.stringify({
          id: "a",
          question: "When did the plant open?",
          gold: ["opened in 2021"],
          kind: "date",
        }),
        JSON.stringify({
          id: "b",
          question: "How big is it?",
          gold: ["is 40 hectares"],
          kind: "followup",
          after: "a",
        }),
        JSON.stringify({ id: "c", question: "Who owns the moon?", gold: [], kind: "unanswerable" }),
      ].join("\n"),
      "inline",
    );
    const conversations: string[] = [];
    const report = await runEval(items, {
      search: async () => [{ text: "The plant opened in 2021 and is 40 hectares." }],
      answer: async (question, conversationId) => {
        conversations.push(conversationId);
        if (question.startsWith("Who")) return reply("none", "not covered");
        return reply(
          "full",
          question.startsWith("When") ? "It opened in 2021. [1]" : "It is 40 hectares. [1]",
        );
      },
    });
    expect(conversations[1]).toBe(conversations[0]);
    expect(conversations[2]).not.toBe(conversations[0]);
    expect(report.overall.statedRate).toBe(1);
    expect(report.overall.refusedRate).toBe(1);
    expect(report.byKind.followup?.statedRate).toBe(1);
    expect(report.items.map((item) => item.verdict)).toEqual(["stated", "stated", "refused"]);
  });
});
