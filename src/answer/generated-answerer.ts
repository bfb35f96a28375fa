import { isRetryableError, realSleep, retryDelayMs, type Sleep } from "../embed/embed-in-batches.ts";
import type { RetrievedPassage } from "../store/chunk-record.ts";
import type {
  Answerer,
  AnswererInput,
  ChatMessage,
  ChatModel,
  ConversationTurn,
  DraftAnswer,
} from "./answerer.ts";
import { fillTemplate, notCoveredSentinel, type Prompts } from "./prompts.ts";
import { stripIncompleteMarker, validateCitations } from "./validate-citations.ts";

/**
 * Answers written by a chat model from the retrieved passages, held to the same standard as the
 * extractive answerer: every claim cites a passage it was given. Whenever the model fails, or
 * writes something we cannot trust (no valid citation, empty, a refusal), the extractive answer is
 * returned instead, marked "extractive-fallback", so a question never goes unanswered because of
 * the model.
 */

export interface GeneratedAnswererOptions {
  /** The model that writes answers (`createOpenAIChatModel`, or a fake in tests). */
  chatModel: ChatModel;
  /** Templates from `loadPrompts()`, loaded once at start. */
  prompts: Prompts;
  /** The extractive answerer, used whenever the model's answer cannot be used. */
  fallback: Answerer;
  /**
   * Tries of the model call, the first included, for retryable errors (429, 5xx, network) that
   * struck before any text streamed. Default 2: one quick retry; a person is waiting.
   */
  maxAttempts?: number | undefined;
  /** Longest wait between tries, in ms; a longer `retry-after` falls back at once. Default 5 000. */
  maxRetryWaitMs?: number | undefined;
  /** Injectable wait, for tests. Default: a real timer. */
  sleep?: Sleep | undefined;
  /** Completion length cap. Default 700 tokens: five cited sentences in Chinese or English with room to spare. */
  maxTokens?: number | undefined;
  /** Default 0.2: faithful to the passages, yet not stilted. */
  temperature?: number | undefined;
  /** Earlier turns sent for context. Default 3: enough for "and what about…?", cheap in tokens. */
  maxHistoryTurns?: number | undefined;
  /** Called with the reason whenever the fallback is used (model error or unusable answer), for logs. */
  onFallback?: ((reason: string, error?: unknown) => void) | undefined;
}

const answerLanguage: Record<AnswererInput["lang"], string> = {
  en: "English",
  zh: "Simplified Chinese (简体中文)",
};

const notCoveredText: Record<AnswererInput["lang"], string> = {
  en: "The briefs I have do not cover this.",
  zh: "我手头的简报没有涉及这个问题。",
};

/**
 * Keep quoted text from closing or reopening our data fences, and from carrying bracketed numbers
 * that the model could mistake for passage numbers. The look-alike characters keep it readable.
 */
export function neutraliseQuotedText(text: string): string {
  return text.replace(/<(\/?\s*(?:passages?|conversation)\b)/giu, "‹$1").replace(/\[(\d{1,4})\]/gu, "($1)");
}

/** Passages as numbered, fenced-in blocks: `[n] publication · story · date`, then the text. */
export function formatPassages(passages: RetrievedPassage[]): string {
  return passages
    .map((passage, position) => {
      const heading = [passage.publication, passage.story || passage.title, passage.date ?? "undated"]
        .map((part) => neutraliseQuotedText(part.replace(/\s+/gu, " ").trim()))
        .join(" · ");
      return `[${position + 1}] ${heading}\n${neutraliseQuotedText(passage.text.trim())}`;
    })
    .join("\n\n");
}

/** Earlier turns as chat messages; old answers lose their [n] markers, which pointed at other passages. */
function historyMessages(history: ConversationTurn[], maxTurns: number): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const turn of maxTurns > 0 ? history.slice(-maxTurns) : []) {
    messages.push({ role: "user", content: turn.question.slice(0, 1_000) });
    const answer = turn.answer.replace(/\s*[[［【][\d\s,，、\-–]+[\]］】]/gu, "").slice(0, 1_000);
    messages.push({ role: "assistant", content: answer });
  }
  return messages;
}

/** The messages of one answer request. Exported for tests and for the README's prompt example. */
export function buildAnswerMessages(
  prompts: Prompts,
  input: AnswererInput,
  maxHistoryTurns = 3,
): ChatMessage[] {
  const user = fillTemplate(prompts.answer, {
    passages: formatPassages(input.passages),
    question: neutraliseQuotedText(input.question.trim()),
    language: answerLanguage[input.lang],
    notCovered: notCoveredSentinel,
  });
  return [
    { role: "system", content: prompts.system },
    ...historyMessages(input.history, maxHistoryTurns),
    { role: "user", content: user },
  ];
}

/** True when the model said the passages do not answer (the sentinel opens the answer). */
function saidNotCovered(text: string): boolean {
  return text
    .trim()
    .replace(/^[`*"'“「]+/u, "")
    .startsWith(notCoveredSentinel);
}

/** The model answered, but with nothing usable (empty text). */
class UnusableAnswer extends Error {}

/**
 * An `Answerer` with id "openai". Answers keep only citations of passages it was given; no valid
 * citation, a model failure or an unusable reply yields `fallback`'s answer marked
 * "extractive-fallback"; the model's NOT_COVERED yields `answered: false`. The asker's abort is
 * rethrown, never turned into a fallback.
 */
export function createGeneratedAnswerer(options: GeneratedAnswererOptions): Answerer {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 2);
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 5_000;
  const sleep = options.sleep ?? realSleep;
  const maxHistoryTurns = options.maxHistoryTurns ?? 3;

  /** Streams partials to the asker: no half markers, no invalid ones, and never the sentinel. */
  function partialForwarder(input: AnswererInput): {
    onDelta?: (delta: string) => void;
    streamed: () => boolean;
  } {
    const onPartial = input.onPartial;
    let raw = "";
    let lastShown = "";
    if (onPartial === undefined) return { streamed: () => false };
    return {
      streamed: () => lastShown !== "",
      onDelta(delta: string) {
        raw += delta;
        const trimmed = raw.trimStart();
        if (notCoveredSentinel.startsWith(trimmed) || trimmed.startsWith(notCoveredSentinel)) return;
        const shown = validateCitations(stripIncompleteMarker(raw), input.passages.length).text.trim();
        if (shown === "" || shown === lastShown) return;
        lastShown = shown;
        try {
          onPartial(shown);
        } catch {
          // Partials are best effort; a failing chat edit must not cost the answer itself.
        }
      },
    };
  }

  async function generate(input: AnswererInput): Promise<string> {
    const messages = buildAnswerMessages(options.prompts, input, maxHistoryTurns);
    for (let attempt = 1; ; attempt += 1) {
      const forwarder = partialForwarder(input);
      try {
        return await options.chatModel.complete(messages, {
          onDelta: forwarder.onDelta,
          signal: input.signal,
          maxTokens: options.maxTokens ?? 700,
          temperature: options.temperature ?? 0.2,
        });
      } catch (error) {
        if (input.signal?.aborted) throw error;
        // Once text has reached the asker, a silent retry would rewrite it under their eyes.
        const wait =
          attempt < maxAttempts && !forwarder.streamed() && isRetryableError(error)
            ? retryDelayMs(error, attempt, { maxDelayMs: maxRetryWaitMs })
            : null;
        if (wait === null) throw error;
        await sleep(wait, input.signal);
      }
    }
  }

  async function fallBack(input: AnswererInput, reason: string, error?: unknown): Promise<DraftAnswer> {
    options.onFallback?.(reason, error);
    const draft = await options.fallback.answer(input);
    return { ...draft, answerer: "extractive-fallback" };
  }

  async function answer(input: AnswererInput): Promise<DraftAnswer> {
    if (input.passages.length === 0) return fallBack(input, "no passages to generate from");
    let text: string;
    try {
      text = (await generate(input)).trim();
      if (text === "") throw new UnusableAnswer("the model returned an empty answer");
    } catch (error) {
      if (input.signal?.aborted) throw input.signal.reason ?? error;
      const reason = error instanceof Error ? error.message : String(error);
      return fallBack(input, `model failed: ${reason}`, error);
    }
    const check = validateCitations(text, input.passages.length);
    if (saidNotCovered(text) || (text.includes(notCoveredSentinel) && check.cited.length === 0)) {
      return { answered: false, coverage: "none", text: notCoveredText[input.lang], answerer: "openai" };
    }
    if (check.cited.length === 0) return fallBack(input, "the model's answer cited no given passage");
    // A stray sentinel beside a cited answer (partly covered) is noise to the asker.
    const cleaned = check.text
      .replaceAll(notCoveredSentinel, "")
      .replace(/[ \t]{2,}/gu, " ")
      .trim();
    return { answered: true, coverage: "full", text: cleaned, answerer: "openai" };
  }

  return { id: "openai", answer };
}
