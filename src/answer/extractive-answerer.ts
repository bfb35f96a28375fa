import { analyzeQuestion } from "../question/analyze-question.ts";
import { isCheckable } from "../question/asked-value.ts";
import { type QuestionVerbs, tellsMethod } from "../question/question-verbs.ts";
import type { TermStatistics } from "../retrieve/term-statistics.ts";
import type { RetrievedPassage } from "../store/chunk-record.ts";
import { tokenize } from "../text/segment.ts";
import {
  antecedent,
  bringsAnotherValue,
  bringsTold,
  capped,
  joinSentences,
  overlaps,
  quotedUnits,
  shownSentences,
  showsSpecifics,
  storyKey,
  unitsOf,
  withSentencesBetween,
} from "./answer-composition.ts";
import { type GlossEntities, glossLine, keyFactLine } from "./answer-lines.ts";
import { type AnswerSentence, answerSentences, listsIssueContents } from "./answer-sentences.ts";
import {
  addedSentenceShare,
  askerLanguageShare,
  passagesRead as defaultPassagesRead,
  leadCoverageShare,
  maximumAnswerUnits,
  trimSentenceUnits,
} from "./answer-tuning.ts";
import type { Answerer, AnswererInput, DraftAnswer } from "./answerer.ts";
import { withoutExcluded } from "./evidence-clues.ts";
import { type EvidenceWindow, evidenceWindows, isFullEvidence, isOnSubject } from "./evidence-gate.ts";
import { translationsOf } from "./evidence-specifics.ts";
import { givesReason } from "./evidence-values.ts";
import { readOnFromLead } from "./lead-read-on.ts";
import { partialOrRefusal } from "./partial-reply.ts";
import { asksForStories, storyList } from "./story-list.ts";
import { trimToClause } from "./trim-sentence.ts";

export { looksLikeTableOrListing, stripFootnoteMarkers } from "./answer-sentences.ts";

/**
 * The offline answerer. It reads the sentences of the best passages, finds the windows (a
 * sentence or two adjacent ones) that state the asked fact (see evidence-gate.ts), and quotes the
 * best: the sentence holding the fact leads, cut to its clause when long, never a heading or an
 * interviewer's question; a second window joins only when it is evidence about the same thing.
 * When the story is there but the asked detail is not, it says so (a partial reply); when nothing
 * is about the question, it refuses.
 */

export interface ExtractiveOptions {
  statistics: () => TermStatistics;
  /** Passages read, best first. Default `passagesRead` of answer-tuning.ts. */
  passagesRead?: number;
  /** Receives every question's scored windows, best first (for tracing why an answer was chosen). */
  onWindows?: ((question: string, windows: EvidenceWindow[]) => void) | undefined;
  /** An English dictionary: a lower-case word it lacks ("libconsensus") is a name the answer must hold. */
  isKnownWord?: ((word: string) => boolean) | undefined;
  /**
   * The question's verbs (question/question-verbs.ts, WordNet): their opposites for the evidence
   * gate, and whether it asks how something was done, and the action it asks about, for composing
   * the answer. Without it neither check runs.
   */
  readVerbs?: ((question: string) => QuestionVerbs) | undefined;
  /** Names the key entities of a passage in the asker's language, when the passage is in the other one. */
  glossEntities?: GlossEntities | undefined;
}

export function createExtractiveAnswerer(options: ExtractiveOptions): Answerer {
  const passagesRead = options.passagesRead ?? defaultPassagesRead;
  return {
    id: "extractive",
    async answer(input: AnswererInput): Promise<DraftAnswer> {
      const terms = withoutExcluded(
        input.queryTerms ?? tokenize(input.question).map((term) => ({ term, weight: 1 })),
        input.question,
      );
      const statistics = options.statistics();
      const analysis = analyzeQuestion(input.question, options.isKnownWord);
      const verbs = options.readVerbs?.(input.question);
      const sentences = answerSentences(input.passages, terms, statistics, passagesRead);
      const windows = evidenceWindows({
        question: input.question,
        lang: input.lang,
        analysis,
        sentences,
        passages: input.passages,
        terms,
        statistics,
        opposed: verbs?.opposed,
        negated: verbs?.negated,
        // Only an alias the briefs define one way (not "PM" for two names).
        aliases: input.relatedTerms?.filter(
          (term) => term.source === "alias" && term.senseSupported !== false,
        ),
      });
      // A question about a time ("in March 2025") is answered from that time's issues when they can.
      const preferred = input.preferredPassages ?? 0;
      // What is shown must name what was asked about: a window whose sentence holding the
      // question's names is left out of the quote (a link list) does not answer it.
      const translations = translationsOf(terms);
      const allFull = windows.filter(
        (window) => isFullEvidence(window) && showsSpecifics(window, analysis, input.passages, translations),
      );
      const fromPreferred = allFull.filter((window) => window.passageIndex < preferred);
      options.onWindows?.(input.question, windows);
      // "Which articles about X …": the stories about X, listed.
      const storyReply = asksForStories(input.question)
        ? storyList(
            input.question,
            // From the issues the question prefers (a publication it names, a time), when any is read.
            preferred > 0 ? windows.filter((window) => window.passageIndex < preferred) : windows,
            analysis,
            input.passages,
            translations,
            input.lang,
          )
        : null;
      if (storyReply !== null && storyReply.stories >= 2) return storyReply.draft;
      // A value found only far below the best telling of the question's subject answers something
      // else: the story is there without the asked detail (a partial reply), or another story holds
      // the value by chance. Compared among windows in the same language as the answer's: the other
      // language's words match through translations, weighed below the asker's own.
      const inAskerLanguage = (window: EvidenceWindow) =>
        window.sentences.some((sentence) => sentence.lang === input.lang);
      // A window of an earlier chunk of the lead's story: the story's opening, before its value.
      const opensLeadsStory = (window: EvidenceWindow, lead: EvidenceWindow) => {
        const opening = input.passages[window.passageIndex];
        const value = input.passages[lead.passageIndex];
        return (
          opening !== undefined &&
          value !== undefined &&
          storyKey(opening) === storyKey(value) &&
          opening.chunkIndex < value.chunkIndex
        );
      };
      const bestOf = (full: EvidenceWindow[]): EvidenceWindow | undefined => {
        const lead0 = full[0];
        const bestOnSubject = Math.max(
          0,
          ...windows
            .filter(
              (window) =>
                isOnSubject(window) &&
                // An issue's summary of its stories names every subject in passing: it is no
                // telling of one ("This week's newsletter … encourages readers to celebrate X").
                !window.sentences.some((sentence) => listsIssueContents(sentence.text)) &&
                inAskerLanguage(window) === (lead0 !== undefined && inAskerLanguage(lead0)) &&
                // A window holding the lead's own value sentence is the same telling, with a
                // neighbour: its coverage is no better telling of the subject; so is the opening of
                // the lead's story in an earlier chunk (the story goes on to the value).
                !(lead0?.valueSentence !== undefined && window.sentences.includes(lead0.valueSentence)) &&
                !(lead0 !== undefined && opensLeadsStory(window, lead0)),
            )
            .map((window) => window.coverage),
        );
        return lead0 !== undefined && lead0.coverage >= bestOnSubject * leadCoverageShare ? lead0 : undefined;
      };
      // A question naming its publication is answered from that publication's issues only, whether
      // its passages were read and state nothing or none was found. A time it names only prefers
      // that time's issues: when none of them tells the subject as well as another issue does (the
      // question's date is when a rule starts, not when the brief said so), the others answer.
      const fromPreferredBest = bestOf(fromPreferred);
      const full =
        input.namedPublication === true || fromPreferredBest !== undefined ? fromPreferred : allFull;
      const best = full === fromPreferred ? fromPreferredBest : bestOf(full);
      // One story about it answers "which articles …" when no sentence states more.
      // (What the briefs do say of it comes from the publication the question names, if it names one.)
      const tellable =
        input.namedPublication === true
          ? windows.filter((window) => window.passageIndex < preferred)
          : windows;
      if (best === undefined) return storyReply?.draft ?? partialOrRefusal(tellable, analysis, input);
      // A window in the asker's language leads when it is nearly as good.
      const inLanguage = full.find((window) =>
        window.sentences.every((sentence) => sentence.lang === input.lang),
      );
      const lead =
        inLanguage !== undefined && inLanguage.score >= best.score * askerLanguageShare ? inLanguage : best;
      const chosen = [lead];
      const asksSeveralValues = analysis.askedTypes.filter(isCheckable).length > 1;
      const asksReason = analysis.askedTypes.includes("reason");
      // "How did X propose to …": a window telling the method ("by …ing", 通过…, the asked action).
      const methodTold =
        verbs?.asksMethod === true ? (text: string) => tellsMethod(text, verbs.actionForms) : undefined;
      let units = unitsOf(lead);
      // A lead pointing back at the sentence before it ("after doing this …") brings that one.
      const leadShown = shownSentences(lead)[0];
      const leadAntecedent = leadShown === undefined ? undefined : antecedent(leadShown, sentences);
      if (leadAntecedent !== undefined) units += quotedUnits(leadAntecedent);
      const story = storyKey(input.passages[lead.passageIndex]);
      for (const candidate of full) {
        if (chosen.length >= 2) break;
        if (candidate.score < lead.score * addedSentenceShare) break;
        // A window sharing a sentence with a chosen one joins only to bring another asked value of
        // the same passage ("price and weight": the product sentence, then each figure).
        // So does one bringing the reason a "why" question asks for, or the method a "how" question
        // asks for, when the chosen ones tell the story without it ("… he dared to quit so
        // publicly: he already had a job lined up"; "Ingala proposes generating …").
        if (
          chosen.some((window) => overlaps(window, candidate)) &&
          !(asksSeveralValues && bringsAnotherValue(candidate, chosen)) &&
          !(asksReason && bringsTold(candidate, chosen, givesReason)) &&
          !(methodTold !== undefined && bringsTold(candidate, chosen, methodTold))
        )
          continue;
        // A second window is evidence about the same thing: from the same story, or about the same
        // specifics in another issue's telling of it.
        const sameStory = storyKey(input.passages[candidate.passageIndex]) === story;
        if (!sameStory && analysis.specifics.length === 0) continue;
        // For a question with no value to check (why, what happened), another issue's telling in
        // the other language (a newsletter's translated edition, whose sentences may read as
        // English for their names) adds nothing to a lead from a passage in the asker's language.
        // (Where a value is asked, it may hold the value the lead lacks.)
        if (
          !sameStory &&
          !analysis.askedTypes.some(isCheckable) &&
          input.passages[lead.passageIndex]?.lang === input.lang &&
          input.passages[candidate.passageIndex]?.lang !== input.lang
        )
          continue;
        if (units + unitsOf(candidate) > maximumAnswerUnits) continue;
        chosen.push(candidate);
        units += unitsOf(candidate);
      }
      // Each passage's shown sentences once: the lead's first, each window's in passage order.
      const shownByPassage = new Map<number, AnswerSentence[]>();
      const inReadingOrder = [...chosen].sort(
        (left, right) =>
          Number(right === lead) - Number(left === lead) || left.passageIndex - right.passageIndex,
      );
      for (const window of inReadingOrder) {
        const list = shownByPassage.get(window.passageIndex) ?? [];
        const shown = shownSentences(window);
        if (window === lead && leadAntecedent !== undefined && !list.includes(leadAntecedent))
          list.push(leadAntecedent);
        for (const sentence of withSentencesBetween(shown, sentences, units)) {
          if (list.includes(sentence)) continue;
          list.push(sentence);
          if (!window.sentences.includes(sentence)) units += quotedUnits(sentence);
        }
        // For a question with no single value to state (what, how, what happened), the sentences
        // right after the lead that complete it, when the answer has room (lead-read-on.ts).
        if (window === lead && !analysis.askedTypes.some(isCheckable))
          units = readOnFromLead(window, list, units, {
            chosen,
            sentences,
            asksReason,
            terms,
            relatedTerms: input.relatedTerms ?? [],
          });
        shownByPassage.set(window.passageIndex, list);
      }
      // Two windows of one passage in the brief's order run as the brief does: the sentences
      // between them join when the answer has room ("A. B. C. D.", not "A. B. D.").
      for (const [passageIndex, list] of shownByPassage) {
        const ascending = list.every(
          (sentence, index) => index === 0 || sentence.position > list[index - 1]!.position,
        );
        if (!ascending) continue;
        const filled = withSentencesBetween(list, sentences, units);
        for (const sentence of filled) if (!list.includes(sentence)) units += quotedUnits(sentence);
        shownByPassage.set(passageIndex, filled);
      }
      const quotes: Record<number, string> = {};
      const parts: string[] = [];
      for (const [passageIndex, shown] of shownByPassage) {
        quotes[passageIndex] = joinSentences(shown.map((sentence) => capped(sentence.text)));
        // The asked name is in the item's title: the answer says it first ("Samourai Wallet
        // announces atomic swap feature: The cross-chain atomic swap feature …").
        const titled =
          lead.valueInTitle === true && passageIndex === lead.passageIndex
            ? `${input.passages[passageIndex]!.story}${input.lang === "zh" ? "：" : ": "}`
            : "";
        const text =
          titled +
          joinSentences(
            shown.map((sentence) =>
              capped(
                sentence.units > trimSentenceUnits
                  ? trimToClause(sentence.text, analysis, input.question, terms)
                  : sentence.text,
              ),
            ),
          );
        parts.push(`${text} [${passageIndex + 1}]`);
      }
      const asked = new Set(terms.map((term) => term.term));
      const foreign = chosen
        .flatMap((window) => window.sentences)
        .filter((sentence) => sentence.lang !== input.lang);
      return {
        answered: true,
        coverage: "full",
        text:
          parts.join(" ") +
          keyFactLine(lead, analysis, input.lang) +
          glossLine(foreign, input.lang, asked, options.glossEntities),
        answerer: "extractive",
        quotes,
      };
    },
  };
}

export type { RetrievedPassage };
