import type { QuestionAnalysis } from "../question/analyze-question.ts";
import type { RetrievedPassage } from "../store/chunk-record.ts";
import { capped, quotedTokens, shownSentences, showsSpecifics, storyKey } from "./answer-composition.ts";
import type { AnswerSentence } from "./answer-sentences.ts";
import { leadCoverageShare, maximumListedStories } from "./answer-tuning.ts";
import type { DraftAnswer } from "./answerer.ts";
import { type EvidenceWindow, isOnSubject } from "./evidence-gate.ts";
import { specificHeld } from "./evidence-specifics.ts";

/**
 * "Which articles about code review did the weekly recommend?", "潮流周刊推荐过哪些 Rust 工具？":
 * a question asking for the stories (articles, posts, tools, projects) about something is answered
 * with a list of them — each story named by its title with the sentence that shows it is about the
 * question — rather than with one sentence of the best one. (应用 is an app, but 应用场景 / 应用领域
 * are the uses of a thing: "有哪些应用场景" asks what it is used for.)
 */
const asksForStoriesPattern =
  /\b(?:which|what)\s+(?:(?!(?:did|does|do|is|was|are|were|has|have|had|will|would|can|could|the|a|an)\b)[\w-]+\s+){0,3}?(?:articles?|posts?|stories|pieces|essays|links|tutorials|guides|resources|tools|apps|projects|libraries|videos|papers|talks|books|newsletters?|repos|repositories)\b|\b(?:list|name)\s+(?:the\s+|all\s+|some\s+)?(?:articles|posts|stories|tools|projects|libraries)\b|哪些(?:[^，。？?]{0,24}?)(?:文章|帖子|报道|链接|教程|工具|项目|资源|视频|论文|库|文|开源项目|应用(?!场景|领域|方向|前景|价值|方式|范围)|软件|网站|插件|书)|(?:文章|帖子|报道|教程|工具|项目|资源|应用|软件)有哪些/iu;

// "Which issue covered the arrests?", "哪一期讲了…": the issues are the answer, named with their dates.
// ("Which issue number did he announce as the last?" asks for a number the text states.)
const asksForIssuesPattern =
  /\b(?:which|what)\s+(?:(?:newsletter|weekly)\s+)?(?:issues?|editions?)\b(?!\s+(?:number|no\b|#))|哪一?期|第几期/iu;

export function asksForStories(question: string): boolean {
  return asksForStoriesPattern.test(question) || asksForIssuesPattern.test(question);
}

/**
 * The list reply and how many stories it names, or null when none is about the question. With
 * one story, the usual answer is given when a sentence states what was asked, the list otherwise.
 * For "which issue" questions each issue is listed once, by its title and date. A story counts
 * when one of its windows is on the question's subject (its words and specifics) and what it
 * shows names the question's specifics.
 */
export function storyList(
  question: string,
  windows: EvidenceWindow[],
  analysis: QuestionAnalysis,
  passages: RetrievedPassage[],
  translations: Map<string, string[]>,
  lang: "en" | "zh",
): { draft: DraftAnswer; stories: number } | null {
  const byIssue = asksForIssuesPattern.test(question);
  // Each story's window and the sentence that shows it (no heading or question).
  const chosen = new Map<string, { window: EvidenceWindow; sentence: AnswerSentence }>();
  // "Which articles mention Alibaba?": the question's other words ("articles", "mention") frame
  // the list, so a story naming every specific in what it shows is about it, though it shares no
  // other word with the question.
  const namesEverySpecific = (window: EvidenceWindow) => {
    if (analysis.specifics.length === 0) return false;
    const tokens = quotedTokens(shownSentences(window), passages[window.passageIndex]);
    return analysis.specifics.every((specific) => specificHeld(specific, tokens, translations));
  };
  const about = windows.filter((window) =>
    isOnSubject(window)
      ? showsSpecifics(window, analysis, passages, translations)
      : namesEverySpecific(window),
  );
  // Each listed story about the question about as much as the best one: a story sharing one name
  // with the question is not about what it asks.
  const best = Math.max(0, ...about.map((window) => window.coverage));
  for (const window of about) {
    if (chosen.size >= maximumListedStories) break;
    if (window.coverage < best * leadCoverageShare) continue;
    const sentence = shownSentences(window).find((item) => !item.unfitToLead && !item.asks);
    if (sentence === undefined) continue;
    const key = byIssue
      ? (passages[window.passageIndex]?.docId ?? "")
      : storyKey(passages[window.passageIndex]);
    if (!chosen.has(key)) chosen.set(key, { window, sentence });
  }
  if (chosen.size === 0) return null;
  const quotes: Record<number, string> = {};
  const lines: string[] = [];
  const inPassageOrder = [...chosen.values()].sort(
    (left, right) => left.window.passageIndex - right.window.passageIndex,
  );
  for (const { window, sentence } of inPassageOrder) {
    const quote = capped(sentence.text);
    const passage = passages[window.passageIndex];
    // An issue question names the issue and its date; the citation below names the story.
    const title = byIssue
      ? `${passage?.title ?? ""}${passage?.date ? `, ${passage.date}` : ""}`
      : (passage?.story ?? "");
    quotes[window.passageIndex] = quote;
    lines.push(`• ${title}${lang === "zh" ? "：" : ": "}${quote} [${window.passageIndex + 1}]`);
  }
  const intro = lang === "zh" ? "简报里有这些：" : "The briefs cover these:";
  return {
    draft: {
      answered: true,
      coverage: "full",
      text: `${intro}\n${lines.join("\n")}`,
      answerer: "extractive",
      quotes,
    },
    stories: chosen.size,
  };
}
