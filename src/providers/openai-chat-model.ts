import type { ChatMessage, ChatModel, ChatOptions } from "../answer/answerer.ts";
import { NetworkError, ServiceError } from "../errors.ts";
import { abortErrorFor, createOpenAIClient, mapOpenAIError, openAIServiceName } from "./openai-client.ts";

/**
 * Chat completions from OpenAI or any compatible server, whole or streamed (server-sent events).
 * No retries here: a retry belongs to the caller, which knows whether text already reached a user.
 */

export interface OpenAIChatModelOptions {
  /** API key; optional only with `baseURL` (see `createOpenAIClient`). */
  apiKey?: string | undefined;
  /** A compatible server. Default: OpenAI's. */
  baseURL?: string | undefined;
  /** Chat model, e.g. `gpt-4o-mini` (config default: fast and inexpensive). */
  model: string;
  /**
   * Limit for the whole call, streaming included, in ms. Default 45 000: a person is waiting, and
   * the extractive fallback is better than a minute of silence. (The SDK's own timeout stops at the
   * response headers, which is not enough for a stream that stalls halfway.)
   */
  timeoutMs?: number | undefined;
}

/** The model declined (a refusal or a content filter). Not retryable: asking again gets the same. */
export class ModelRefusalError extends ServiceError {
  constructor(message: string) {
    // 422: the request was understood and declined; ServiceError treats it as not retryable.
    super(openAIServiceName, 422, message);
  }
}

/**
 * OpenAI's own API wants `max_completion_tokens` (reasoning models reject `max_tokens`); most
 * compatible servers (vLLM, llama.cpp, Ollama) only know `max_tokens`.
 */
function tokenLimit(baseURL: string | undefined, maxTokens: number | undefined): Record<string, number> {
  if (maxTokens === undefined) return {};
  return baseURL === undefined ? { max_completion_tokens: maxTokens } : { max_tokens: maxTokens };
}

export function createOpenAIChatModel(options: OpenAIChatModelOptions): ChatModel {
  const timeoutMs = options.timeoutMs ?? 45_000;
  const client = createOpenAIClient({ apiKey: options.apiKey, baseURL: options.baseURL, timeoutMs });

  async function complete(messages: ChatMessage[], chatOptions: ChatOptions = {}): Promise<string> {
    const callerSignal = chatOptions.signal;
    if (callerSignal?.aborted) throw abortErrorFor(callerSignal);
    // One signal for the caller's abort and our deadline, so a stalled stream is cut too.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new Error("deadline")), timeoutMs);
    const signal =
      callerSignal === undefined ? deadline.signal : AbortSignal.any([callerSignal, deadline.signal]);
    const body = {
      model: options.model,
      messages: messages.map((message) => ({ role: message.role, content: message.content })),
      ...(chatOptions.temperature === undefined ? {} : { temperature: chatOptions.temperature }),
      ...tokenLimit(options.baseURL, chatOptions.maxTokens),
    };
    try {
      if (chatOptions.onDelta === undefined) {
        const completion = await client.chat.completions.create({ ...body, stream: false }, { signal });
        const choice = completion.choices?.[0];
        if (choice === undefined) throw malformed("no choices");
        if (typeof choice.message?.refusal === "string" && choice.message.refusal !== "") {
          throw new ModelRefusalError(`The model declined: ${choice.message.refusal.slice(0, 200)}`);
        }
        if (choice.finish_reason === "content_filter")
          throw new ModelRefusalError("The content filter stopped the answer");
        const content = choice.message?.content;
        if (typeof content !== "string") throw malformed("no message content");
        return content;
      }
      const stream = await client.chat.completions.create({ ...body, stream: true }, { signal });
      let text = "";
      let refusal = "";
      for await (const chunk of stream) {
        const choice = chunk.choices?.[0];
        if (choice === undefined) continue; // e.g. a usage-only chunk
        if (typeof choice.delta?.refusal === "string") refusal += choice.delta.refusal;
        const delta = choice.delta?.content;
        if (typeof delta === "string" && delta !== "") {
          text += delta;
          chatOptions.onDelta(delta);
        }
        if (choice.finish_reason === "content_filter")
          throw new ModelRefusalError("The content filter stopped the answer");
      }
      // The SDK ends the iteration quietly on abort; a cut stream must not pass for a whole answer.
      signal.throwIfAborted();
      if (refusal !== "") throw new ModelRefusalError(`The model declined: ${refusal.slice(0, 200)}`);
      return text;
    } catch (error) {
      if (deadline.signal.aborted && !callerSignal?.aborted) {
        throw new NetworkError(openAIServiceName, `The chat model did not finish within ${timeoutMs} ms`, {
          cause: error,
        });
      }
      throw mapOpenAIError(error, callerSignal);
    } finally {
      clearTimeout(timer);
    }
  }

  return { id: `openai:${options.model}`, complete };
}

function malformed(message: string): ServiceError {
  return new ServiceError(openAIServiceName, 502, `OpenAI sent a malformed chat response: ${message}`);
}
