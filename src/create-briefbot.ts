import type { Answerer } from "./answer/answerer.ts";
import { Briefbot, type BriefbotOptions } from "./briefbot.ts";
import type { Config } from "./config.ts";
import type { Embedder } from "./embed/embedder.ts";
import { createHashingEmbedder } from "./embed/hashing-embedder.ts";
import { describeError } from "./errors.ts";
import { JsonlFeedbackLog } from "./feedback/jsonl-feedback-log.ts";
import { StateFeedbackLog } from "./feedback/state-feedback-log.ts";
import { createLexiconBridge } from "./lexicon/lexicon-bridge.ts";
import type { Logger } from "./logger.ts";
import { createParaphraseBridge } from "./paraphrase/paraphrase-bridge.ts";
import { defaultSources } from "./paraphrase/paraphraser.ts";
import { createStateStore } from "./state/create-state-store.ts";
import { MemoryStateStore } from "./state/memory-state.ts";
import type { StateStore } from "./state/state-store.ts";
import { LanceChunkStore } from "./store/lancedb-store.ts";

/** The composition root: settings in, a ready `Briefbot` out. The only place that picks providers. */

export interface CreateBriefbotOptions {
  config: Config;
  logger: Logger;
  /** `--db` on the command line wins over BRIEFBOT_DB. */
  databaseUri?: string | undefined;
  /** Open a store built by another embedder (only for `ingest --reembed`). */
  allowEmbedderChange?: boolean;
  /**
   * `configured` (default): the state driver the settings name, shared by every process on the
   * same store or Redis. `memory`: this process only, for one-off commands (`ask`, `chat`, `ingest`).
   */
  state?: "configured" | "memory";
}

export async function createEmbedder(config: Config): Promise<Embedder> {
  if (config.BRIEFBOT_EMBEDDER === "openai") {
    // Loaded only when configured: the SDK adds a few hundred milliseconds to every start.
    const { resolveOpenAIEmbedder } = await import("./providers/openai-embedder.ts");
    return resolveOpenAIEmbedder({
      apiKey: config.OPENAI_API_KEY,
      baseURL: config.OPENAI_BASE_URL,
      model: config.OPENAI_EMBEDDING_MODEL,
      dimensions: config.OPENAI_EMBEDDING_DIMENSIONS,
    });
  }
  return createHashingEmbedder();
}

export async function createBriefbot(options: CreateBriefbotOptions): Promise<Briefbot> {
  const { config, logger } = options;
  const embedder = await createEmbedder(config);
  const uri = options.databaseUri ?? config.BRIEFBOT_DB;
  const store = await LanceChunkStore.open({
    uri,
    embedder,
    allowEmbedderChange: options.allowEmbedderChange,
    readConsistencySeconds: config.BRIEFBOT_READ_CONSISTENCY_SECONDS,
  });
  let state: StateStore;
  try {
    state = options.state === "memory" ? new MemoryStateStore() : await createStateStore(config, uri);
  } catch (error) {
    await store.close();
    throw error;
  }
  const feedbackFile = config.BRIEFBOT_FEEDBACK_FILE;
  const briefbotOptions: BriefbotOptions = {
    store,
    embedder,
    state,
    cacheCheckMs: config.BRIEFBOT_READ_CONSISTENCY_SECONDS * 1000,
    feedback: new StateFeedbackLog(
      state,
      feedbackFile === undefined ? undefined : new JsonlFeedbackLog(feedbackFile),
    ),
    bridge: config.BRIEFBOT_CROSSLINGUAL
      ? await createLexiconBridge(store, { extraGlossaryPath: config.BRIEFBOT_GLOSSARY })
      : undefined,
    paraphraser: config.BRIEFBOT_PARAPHRASE
      ? await createParaphraseBridge(store, {
          ...defaultSources,
          feedback: config.BRIEFBOT_PARAPHRASE_FEEDBACK,
        })
      : undefined,
  };
  if (config.BRIEFBOT_ANSWERER === "openai") {
    const [
      { createGeneratedAnswerer },
      { loadPrompts },
      { createModelQueryRewriter },
      { createOpenAIChatModel },
    ] = await Promise.all([
      import("./answer/generated-answerer.ts"),
      import("./answer/prompts.ts"),
      import("./conversation/rewrite-query.ts"),
      import("./providers/openai-chat-model.ts"),
    ]);
    const prompts = loadPrompts();
    const chatModel = createOpenAIChatModel({
      apiKey: config.OPENAI_API_KEY,
      baseURL: config.OPENAI_BASE_URL,
      model: config.OPENAI_CHAT_MODEL,
    });
    const answerer = (extractive: Answerer): Answerer =>
      createGeneratedAnswerer({
        chatModel,
        prompts,
        fallback: extractive,
        onFallback: (reason, error) =>
          logger.warn(
            { reason, error: error === undefined ? undefined : describeError(error) },
            "generated answer fell back to extractive",
          ),
      });
    const rewriteQuery = createModelQueryRewriter(chatModel, prompts, {
      onFailure: (reason) => logger.warn({ reason }, "query rewrite failed; searching the question as asked"),
    });
    return new Briefbot({ ...briefbotOptions, answerer, rewriteQuery });
  }
  return new Briefbot(briefbotOptions);
}
