import { figureTypes } from "../question/asked-value.ts";
import { tellsTheOpposite, tellsUnnegated } from "../question/question-verbs.ts";
import { termMatch } from "../retrieve/term-coverage.ts";
import type { WeightedTerm } from "../store/store.ts";
import type { AnswerSentence } from "./answer-sentences.ts";
import { bareValueSentenceUnits, valueContentShare } from "./answer-tuning.ts";
import { askingClauseTerms } from "./evidence-clues.ts";
import type { GateInput } from "./evidence-gate.ts";
import { found } from "./evidence-specifics.ts";
import { continuesSentenceBefore, definitionPattern, withholdsAskedDetail } from "./evidence-values.ts";
import { flatWords, withParts } from "./passage-context.ts";

/**
 * How each read sentence stands to one question, for the evidence gate (evidence-gate.ts): what
 * of the question's words it holds, whether it says what was asked, withholds the asked detail,
 * tells the opposite, names every specific or the asked version, continues the subject of the
 * sentence before. Each is read once per sentence: a sentence stands in several windows.
 */
export type SentenceReadings = ReturnType<typeof readSentences>;

export function readSentences(input: GateInput, translations: Map<string, string[]>) {
  const { analysis, terms, statistics } = input;
  // The question's words beyond its specifics: what it says happened ("open", "plant"), which the
  // sentence giving the value must share — a name alone does not make a date its answer.
  const specificTokens = new Set(analysis.specifics.flatMap((specific) => specific.tokens));
  const notSpecific = (term: WeightedTerm) =>
    !specificTokens.has(term.term) && !specificTokens.has(term.concept ?? "");
  const contentTerms = terms.filter((term) => term.weight >= 1 && notSpecific(term));
  // The same words with their translations (at their lower weight; not paraphrase expansions, lest
  // a synonym in another sense answer), for the bar a sentence in the other language must also
  // reach. The share against the passage's best sentence stays with the asker's own words: a
  // translation's several senses make that comparison noisy.
  const translatedContentTerms = terms.filter(
    (term) =>
      (term.weight >= 1 || (term.concept !== undefined && term.source === undefined)) && notSpecific(term),
  );
  const translatedContentOf = perSentence(
    (sentence) => termMatch(translatedContentTerms, withParts(sentence.tokens), statistics).coverage,
  );
  // How much of what the question says happened each sentence holds; the value must come from
  // a sentence about that, not from one about the same subject doing something else.
  const contentOf = perSentence(
    (sentence) => termMatch(contentTerms, withParts(sentence.tokens), statistics).coverage,
  );
  // A sentence giving the value must hold one of the question's words (its own, a specific, a
  // translation or an earlier turn's), or the asked noun: "Which banks …" is not answered by a
  // sentence that only names another company of the story.
  const definition = definitionPattern(analysis);
  const saysWhatWasAsked = (sentence: AnswerSentence) => {
    const tokens = withParts(sentence.tokens);
    return terms.some((term) => tokens.has(term.term));
  };
  // "They covered 4,183.8 km": a figure in a sentence that goes on about the subject of the one
  // before it (opening with a pronoun) is about that subject. Names are not taken this way: a
  // pronoun sentence naming another company does not say which company was asked for.
  const numericAsk = analysis.askedTypes.some((type) => figureTypes.has(type) || type === "date");
  const atPosition = new Map(
    input.sentences.map((sentence) => [`${sentence.passageIndex}:${sentence.position}`, sentence]),
  );
  const continuesSubject = (member: AnswerSentence) => {
    if (!numericAsk || !continuesSentenceBefore(member.text)) return false;
    const before = atPosition.get(`${member.passageIndex}:${member.position - 1}`);
    return (
      before !== undefined &&
      saysWhatWasAsked(before) &&
      contentOf(before) >= (bestContentOf.get(before.passageIndex) ?? 0) * valueContentShare
    );
  };
  // "Weighs 65 g." after the sentence about the camera: a sentence this short, holding a figure
  // or date and little else, gives it for the subject sentence opening the window, when that one
  // is about what was asked. (Fact sheets list a product's price and weight this way.) So does a
  // longer one sharing a word of what the question says happened ("我们举办了一个问卷调查活动。在
  // 12 月 27 日，我们会在参与问卷的朋友中选取…"), though its share is below the subject's.
  const givesSubjectsFigure = (member: AnswerSentence, subject: AnswerSentence) =>
    numericAsk &&
    member !== subject &&
    (member.units <= bareValueSentenceUnits || contentOf(member) > 0) &&
    saysWhatWasAsked(subject) &&
    contentOf(subject) >= (bestContentOf.get(subject.passageIndex) ?? 0) * valueContentShare;
  // A sentence stands in several windows; whether it withholds the asked detail is read once.
  const withholds = perSentence((sentence) =>
    withholdsAskedDetail(sentence, analysis, contentTerms, translations),
  );
  const tellsOnlyUnnegated = perSentence(
    (sentence) => input.negated !== undefined && tellsUnnegated(sentence.text, input.negated),
  );
  const saysTheOpposite = perSentence((sentence) =>
    input.opposed === undefined ? false : tellsTheOpposite(sentence.text, input.opposed),
  );
  // "那个控制方法调用频率的库，作者优化后消息转发的耗时降低了多少？": the clause holding the question
  // word says what happened; the clauses before it only say which thing. A sentence holding as
  // much of that clause as the passage's best tells the asked event, though the passage's opening
  // sentence holds more of the description.
  const askingTerms = askingClauseTerms(input.question, contentTerms);
  const askingOf = perSentence((sentence) =>
    askingTerms.length < 2 ? 0 : termMatch(askingTerms, withParts(sentence.tokens), statistics).coverage,
  );
  const bestAskingOf = new Map<number, number>();
  for (const sentence of input.sentences)
    bestAskingOf.set(
      sentence.passageIndex,
      Math.max(bestAskingOf.get(sentence.passageIndex) ?? 0, askingOf(sentence)),
    );
  const tellsTheAskingClause = (sentence: AnswerSentence) =>
    askingOf(sentence) > 0 &&
    askingOf(sentence) >= (bestAskingOf.get(sentence.passageIndex) ?? 0) * valueContentShare;
  // "Apple … announcing WWDC 2020 will take off on June 22": a sentence naming every one of the
  // question's specifics (two at least, or one that is not a common name) itself is about them,
  // though it tells the event in other words ("take off" for "start").
  const namesEverySpecific = perSentence(
    (sentence) =>
      numericAsk &&
      analysis.specifics.length >= 1 &&
      analysis.specifics.some((specific) => specific.kind !== "name" || specific.tokens.length > 1) &&
      analysis.specifics.every((specific) =>
        // A name of several words written as one ("Claude Code", not "… code … Claude Sonnet").
        specific.kind === "name" && specific.tokens.length > 1
          ? flatWords(sentence.text).includes(` ${flatWords(specific.text).trim()} `)
          : specific.tokens.every((token) => found(token, withParts(sentence.tokens), translations)),
      ),
  );
  // "…you can expect Swift 4.2.3 by the end of February 2019": a figure or date beside the named
  // version the question asks about ("when was Swift 4.2.3 expected") is that version's, whatever
  // else the question names.
  const askedVersions = analysis.specifics
    .filter(
      (specific) =>
        specific.kind === "version" &&
        specific.tokens.length > 1 &&
        specific.tokens.some((token) => /^\d+(?:\.\d+)+$/.test(token)),
    )
    .map((version) => ` ${flatWords(version.text).trim()} `);
  const namesAskedVersionWhole = perSentence((sentence) => {
    if (!numericAsk || askedVersions.length === 0) return false;
    const written = flatWords(sentence.text);
    return askedVersions.some((version) => written.includes(version));
  });
  const bestContentOf = new Map<number, number>();
  for (const sentence of input.sentences)
    bestContentOf.set(
      sentence.passageIndex,
      Math.max(bestContentOf.get(sentence.passageIndex) ?? 0, contentOf(sentence)),
    );
  return {
    contentTerms,
    translatedContentTerms,
    translatedContentOf,
    contentOf,
    definition,
    saysWhatWasAsked,
    numericAsk,
    continuesSubject,
    givesSubjectsFigure,
    withholds,
    tellsOnlyUnnegated,
    saysTheOpposite,
    tellsTheAskingClause,
    namesEverySpecific,
    namesAskedVersionWhole,
    bestContentOf,
  };
}

/** `read` of a sentence, computed once: a sentence stands in several windows. */
function perSentence<T>(read: (sentence: AnswerSentence) => T): (sentence: AnswerSentence) => T {
  const known = new Map<AnswerSentence, T>();
  return (sentence) => {
    if (!known.has(sentence)) known.set(sentence, read(sentence));
    return known.get(sentence) as T;
  };
}
