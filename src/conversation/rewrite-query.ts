import * as z from "zod/mini";
import type { ChatModel, ConversationTurn } from "../answer/answerer.ts";
import { fillTemplate, type Prompts } from "../answer/prompts.ts";
import { detectLanguage } from "../text/segment.ts";

/**
 * Follow-ups ("and what did Google ship?", "它的价格呢？") are not searchable on their own. A chat
 * model rewrites them into a standalone query and translates it, so an English question also finds
 * Chinese briefs and the other way round. Any failure yields the question as it was: rewriting
 * improves recall, it must never block an answer.
 */

/** Returns the search queries for a question: the standalone query first, then its translation. */
export type QueryRewriter = (
  question: string,
  history: ConversationTurn[],
  signal?: AbortSignal,
) => Promise<string[]>;

export interface ModelQueryRewriterOptions {
  /**
   * Also ask for a translation into the other language. Default true: the corpus mixes English and
   * Chinese briefs. When false, a question without history makes no model call at all.
   */
  translate?: boolean | undefined;
  /** Earlier turns shown to the model. Default 3: follow-ups rarely reach further back. */
  maxHistoryTurns?: number | undefined;
  /** Called when the model's reply is unusable and the question is used as is, for logs. */
  onFailure?: ((reason: string, error?: unknown) => void) | undefined;
}

const replySchema = z.object({
  query: z.string(),
  translation: z.nullish(z.string()),
});

/** The JSON object in a reply, tolerating the ```json fences and chatter models add. */
function extractJson(reply: string): unknown {
  const start = reply.indexOf("{");
  const end = reply.lastIndexOf("}");
  if (start === -1 || end <= start) return undefined;
  try {
    return JSON.parse(reply.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

function tidy(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/gu, " ").trim();
}

function formatHistory(history: ConversationTurn[], maxTurns: number): string {
  const turns = maxTurns > 0 ? history.slice(-maxTurns) : [];
  if (turns.length === 0) return "(no earlier messages)";
  return turns
    .map((turn) => {
      // Old answers only help resolve references; their citations point at passages long gone.
      const answer = turn.answer.replace(/\s*[[［【][\d\s,，、\-–]+[\]］】]/gu, "").slice(0, 400);
      return `User: ${turn.question.slice(0, 400)}\nAssistant: ${answer}`;
    })
    .join("\n\n")
    .replace(/<(\/?\s*conversation\b)/giu, "‹$1");
}

/** Build a rewriter backed by `chatModel` and the `rewriteFollowup` template. */
export function createModelQueryRewriter(
  chatModel: ChatModel,
  prompts: Prompts,
  options: ModelQueryRewriterOptions = {},
): QueryRewriter {
  const translate = options.translate ?? true;
  const maxHistoryTurns = options.maxHistoryTurns ?? 3;

  return async function rewriteQuery(question, history, signal) {
    const original = tidy(question);
    if (original === "") return [question];
    if (!translate && history.length === 0) return [question];
    const targetLanguage = detectLanguage(original) === "zh" ? "English" : "Simplified Chinese";
    const prompt = fillTemplate(prompts.rewriteFollowup, {
      history: formatHistory(history, maxHistoryTurns),
      question: original.replace(/<(\/?\s*conversation\b)/giu, "‹$1"),
      targetLanguage,
    });
    let reply: string;
    try {
      // Temperature 0: the same follow-up should give the same search.
      reply = await chatModel.complete([{ role: "user", content: prompt }], {
        signal,
        maxTokens: 300,
        temperature: 0,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      options.onFailure?.("the model call failed", error);
      return [question];
    }
    const parsed = z.safeParse(replySchema, extractJson(reply));
    if (!parsed.success) {
      options.onFailure?.("the model's reply was not the expected JSON");
      return [question];
    }
    const query = tidy(parsed.data.query);
    // A runaway "query" (an essay, an answer) would search worse than the question itself.
    const limit = original.length * 4 + 200;
    if (query === "" || query.length > limit) {
      options.onFailure?.("the rewritten query was empty or too long");
      return [question];
    }
    const queries = [query];
    const translation = translate ? tidy(parsed.data.translation) : "";
    if (
      translation !== "" &&
      translation.length <= limit &&
      translation.toLowerCase() !== query.toLowerCase()
    ) {
      queries.push(translation);
    }
    return queries;
  };
}
