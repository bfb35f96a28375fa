import type { Answer, AnswerRequest, SearchFilters } from "./answer/answer-types.ts";
import type { Answerer, ConversationTurn, DraftAnswer } from "./answer/answerer.ts";
import { withEditionTwin } from "./answer/edition-twins.ts";
import { createExtractiveAnswerer } from "./answer/extractive-answerer.ts";
import { ingestWithHelpers } from "./briefbot-ingest.ts";
import { inReadingOrder, matchingDocuments, overviewOf } from "./briefbot-library.ts";
import type { BriefbotOptions, SearchOptions } from "./briefbot-options.ts";
import { overviewFor } from "./briefbot-overview.ts";
import { citedAnswer, uncoveredAnswer } from "./briefbot-replies.ts";
import type { BriefbotService, FeedbackEntry, StoreOverview } from "./briefbot-service.ts";
import { ConversationMemory } from "./conversation/conversation-memory.ts";
import { answerTermsForFollowUp, isFollowUp } from "./conversation/follow-up.ts";
import { type CachedEmbedder, createCachedEmbedder } from "./embed/cached-embedder.ts";
import { embedInBatches } from "./embed/embed-in-batches.ts";
import { searchesByVector } from "./embed/vector-leg.ts";
import type { MatchedStory } from "./follow/follow-notifier.ts";
import { matchedStories } from "./follow/matched-stories.ts";
import type { FetchedInput, IngestOptions, IngestReport } from "./pipeline/ingest-paths.ts";
import { type AnswerScope, preferredCount, preferScoped, prefersSome } from "./question/answer-scope.ts";
import { isKnownEnglishWord, isKnownWord } from "./question/known-words.ts";
import { type PublicationNames, publicationNames } from "./question/named-publication.ts";
import { questionScope } from "./question/question-scope.ts";
import { readQuestionVerbs } from "./question/question-verbs.ts";
import { type HybridResult, hybridSearch } from "./retrieve/hybrid-search.ts";
import { planQuery, type QueryPlan } from "./retrieve/query-plan.ts";
import { TermStatistics } from "./retrieve/term-statistics.ts";
import { MemoryStateStore } from "./state/memory-state.ts";
import type { StateStore } from "./state/state-store.ts";
import type { ChunkStore, MaintenanceReport, StoredDocument, WeightedTerm } from "./store/store.ts";
import { describeStoreCoverage, storeCoverageOf } from "./store-coverage.ts";

import { cjkShare } from "./text/segment.ts";

export type { BriefbotOptions, LanguageBridge, QueryParaphraser, SearchOptions } from "./briefbot-options.ts";

/**
 * With a preferred date range or a named publication, this many times the passages are gathered
 * before the preferred ones move first (chosen for dates; a named publication uses the same pool).
 */
const preferredPool = 3;

/** The asker's language: Chinese when the question is mostly Chinese characters. */
export function questionLanguage(question: string): "en" | "zh" {
  return cjkShare(question) >= 0.4 ? "zh" : "en";
}

/** Paraphrase sources that stand for a word by another word (script and morphology variants are the same word). */
const synonymSources = new Set(["wordnet", "cedict", "alias", "feedback"]);
/** Sample size for term statistics: enough to estimate rarity, bounded at any store size. */
const statisticsSample = 20_000;
/** The setting an ingest saves term statistics in, after the chunks version they were counted at. */
const statisticsSetting = "term-statistics";
/** The chunks version of the saved term statistics alone. */
const statisticsVersionSetting = "term-statistics-version";
const defaultCacheCheckMs = 2_000;

/**
 * The core: ingestion, search and cited answers behind one object. Adapters use it through
 * `BriefbotService`; the CLI also ingests, searches and evaluates with it.
 */
export class Briefbot implements BriefbotService {
  private readonly memory: ConversationMemory;
  /** The state store conversations live in; adapters keep theirs in it too. */
  readonly state: StateStore;
  private readonly queryEmbedder: CachedEmbedder;
  private readonly answerer: Answerer;
  private statistics: TermStatistics | null = null;
  private statisticsLoading: Promise<TermStatistics> | null = null;
  /** Store version the caches were built from, and when it was last compared. */
  private cachedVersion: string | null = null;
  /** The names of the store's publications, read once per store version (see `followStore`). */
  private publications: Promise<PublicationNames> | null = null;
  private versionCheckedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: BriefbotOptions) {
    this.state = options.state ?? new MemoryStateStore();
    this.memory = new ConversationMemory(this.state);
    this.queryEmbedder = createCachedEmbedder(options.embedder);
    const extractive = this.extractiveAnswerer();
    this.answerer = options.answerer?.(extractive) ?? extractive;
  }

  /** The offline answerer over this store's term statistics (also the fallback of generated answers). */
  extractiveAnswerer(): Answerer {
    const bridge = this.options.bridge;
    return createExtractiveAnswerer({
      statistics: () => this.statistics ?? TermStatistics.fromSearchTexts([]),
      onWindows: this.options.traceWindows,
      isKnownWord,
      readVerbs: readQuestionVerbs,
      glossEntities: bridge?.glossEntities
        ? (text, lang) => bridge.glossEntities?.(text, lang) ?? []
        : undefined,
    });
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  get store(): ChunkStore {
    return this.options.store;
  }

  async ingest(
    paths: string[],
    options: Pick<IngestOptions, "onProgress" | "signal"> = {},
  ): Promise<IngestReport> {
    // Loaded on use: the readers (HTML, XML, MIME, YAML parsers) cost a question's start-up ~150 ms.
    const { ingestPaths } = await import("./pipeline/ingest-paths.ts");
    return this.ingestWith((ingestOptions) => ingestPaths(paths, ingestOptions), options);
  }

  /** Ingest fetched bytes (URL sources) exactly like files. */
  async ingestFetched(
    inputs: FetchedInput[],
    options: Pick<IngestOptions, "onProgress" | "signal"> = {},
  ): Promise<IngestReport> {
    const { ingestFetched } = await import("./pipeline/ingest-paths.ts");
    return this.ingestWith((ingestOptions) => ingestFetched(inputs, ingestOptions), options);
  }

  private async ingestWith(
    run: (options: IngestOptions) => Promise<IngestReport>,
    options: Pick<IngestOptions, "onProgress" | "signal">,
  ): Promise<IngestReport> {
    const report = await ingestWithHelpers(this.options, run, options);
    this.statistics = null;
    this.statisticsLoading = null;
    this.publications = null;
    await this.saveTermStatistics();
    return report;
  }

  /**
   * Drop caches built from an older store (another process ingested) and take in the learned
   * pairs it saved, so every replica plans queries the way the store was indexed.
   */
  private async followStore(): Promise<void> {
    const now = Date.now();
    if (now - this.versionCheckedAt < (this.options.cacheCheckMs ?? defaultCacheCheckMs)) return;
    this.versionCheckedAt = now;
    const version = await this.options.store.version();
    if (version === this.cachedVersion) return;
    if (this.cachedVersion !== null) {
      this.statistics = null;
      this.statisticsLoading = null;
      this.publications = null;
      await this.options.bridge?.refresh?.();
    }
    this.cachedVersion = version;
  }

  /** Which issues a question names by their publication (cached with the term statistics). */
  private async publicationNames(): Promise<PublicationNames> {
    await this.followStore();
    this.publications ??= this.options.store
      .documents()
      .then((documents) => publicationNames(documents, isKnownEnglishWord));
    return this.publications;
  }

  private async termStatistics(): Promise<TermStatistics> {
    await this.followStore();
    if (this.statistics !== null) return this.statistics;
    this.statisticsLoading ??= this.savedOrSampledStatistics();
    this.statistics = await this.statisticsLoading;
    return this.statistics;
  }

  /**
   * The statistics the last ingest saved, when the chunks are still those it saw; otherwise built
   * from a sample as the ingest would have. A one-shot question on a 10k-chunk store spent ~0.2 s
   * of its ~0.65 s reading and counting the sample.
   */
  private async savedOrSampledStatistics(): Promise<TermStatistics> {
    const store = this.options.store;
    const [saved, version] = await Promise.all([store.readSetting(statisticsSetting), store.chunksVersion()]);
    if (saved?.startsWith(`${version}\n`)) {
      const parsed = TermStatistics.parse(saved.slice(version.length + 1));
      if (parsed !== undefined) return parsed;
    }
    return TermStatistics.fromSearchTexts(await store.sampleSearchText(statisticsSample));
  }

  /**
   * After an ingest: save the statistics of the chunks as they now are, unless already saved. The
   * version is also kept on its own, so an unchanged re-ingest checks it without reading them.
   */
  private async saveTermStatistics(): Promise<void> {
    const store = this.options.store;
    const version = await store.chunksVersion();
    if ((await store.readSetting(statisticsVersionSetting)) === version) return;
    const statistics = TermStatistics.fromSearchTexts(await store.sampleSearchText(statisticsSample));
    await store.writeSetting(statisticsSetting, `${version}\n${statistics.serialize()}`);
    await store.writeSetting(statisticsVersionSetting, version);
  }

  private async plan(
    question: string,
    conversationId: string | undefined,
    statistics: TermStatistics,
    known?: ConversationTurn[],
  ): Promise<QueryPlan> {
    const history = known ?? (conversationId === undefined ? [] : await this.memory.history(conversationId));
    const followUp = history.length > 0 && isFollowUp(question);
    let rewrites: string[] = [];
    if (this.options.rewriteQuery !== undefined) {
      rewrites = (await this.options.rewriteQuery(question, history)).filter(
        (text) => text.trim() !== question.trim(),
      );
    }
    const context = followUp && rewrites.length === 0 ? history.slice(-2).map((turn) => turn.question) : [];
    // Only the translations: the question's own words are planned (question words dropped) by planQuery.
    const isIndexed = (term: string) => statistics.has(term);
    const expansions = (
      this.options.bridge?.expandQuery([question, ...rewrites].join("\n"), isIndexed) ?? []
    ).filter((term) => term.weight < 1);
    const paraphrases = this.options.paraphraser?.expand(question, isIndexed) ?? [];
    return planQuery(question, { context, expansions, rewrites, paraphrases });
  }

  async search(query: string, options: SearchOptions = {}): Promise<HybridResult[]> {
    const { plan, scope, statistics } = await this.scopedPlan(query, options.filters, options.conversationId);
    return this.scopedSearch(plan, statistics, options.limit ?? 10, scope);
  }

  /**
   * What a question searches for and where: its time or issue reference read off as a scope
   * (filters, preferred dates), and the rest planned as weighted terms.
   */
  private async scopedPlan(
    question: string,
    filters: SearchFilters | undefined,
    conversationId: string | undefined,
    history?: ConversationTurn[],
  ) {
    const statistics = await this.termStatistics();
    // The issue list is read at most once per question, for the scope and for an issue overview.
    let listed: Promise<StoredDocument[]> | undefined;
    const documentsOnce = () => {
      listed ??= this.documents();
      return listed;
    };
    const { reference, scope, searched, asked } = await questionScope(
      question,
      this.now(),
      filters,
      documentsOnce,
      await this.publicationNames(),
    );
    const plan = await this.plan(searched, conversationId, statistics, history);
    return { plan, scope, statistics, reference, documents: documentsOnce, asked };
  }

  /** Search within a question's scope: its filters, and its preferred dates and publications first. */
  private async scopedSearch(plan: QueryPlan, statistics: TermStatistics, limit: number, scope: AnswerScope) {
    if (!prefersSome(scope)) return this.searchWithPlan(plan, statistics, limit, scope.filters);
    const wider = await this.searchWithPlan(plan, statistics, limit * preferredPool, scope.filters);
    return preferScoped(wider, scope).slice(0, limit);
  }

  private searchWithPlan(
    plan: QueryPlan,
    statistics: TermStatistics,
    limit: number,
    filters?: SearchFilters,
  ) {
    return hybridSearch({
      store: this.options.store,
      embedQuery: searchesByVector(this.options.embedder.id)
        ? async (text) => (await this.queryEmbedder.embed([text]))[0]!
        : undefined,
      statistics,
      plan,
      limit,
      filters,
      feedback: this.options.paraphraser?.feedback
        ? (terms, leading) => this.options.paraphraser?.feedback?.(terms, leading, statistics) ?? []
        : undefined,
    });
  }

  /**
   * Stories of these issues that a followed topic would be answered from: the same search as a
   * question, limited to the issues, and the same gate (the offline extractive answerer, so
   * matching costs no model calls). One entry per story, with the sentence the gate picked.
   */
  async storiesAbout(topic: string, docIds: string[]): Promise<MatchedStory[]> {
    const statistics = await this.termStatistics();
    const plan = await this.plan(topic, undefined, statistics);
    const passages = await this.searchWithPlan(plan, statistics, this.options.passages ?? 8, { docIds });
    if (passages.length === 0) return [];
    const draft = await this.extractiveAnswerer().answer({
      question: topic,
      lang: questionLanguage(topic),
      passages,
      history: [],
      // As for answers: a synonym in another sense must not match a story to a topic.
      queryTerms: plan.terms.filter((term) => !synonymSources.has(term.source ?? "")),
    });
    if (!draft.answered) return [];
    return matchedStories(draft.text, passages);
  }

  async answer(request: AnswerRequest): Promise<Answer> {
    const lang = questionLanguage(request.question);
    const history = await this.memory.history(request.conversationId);
    const { plan, scope, statistics, reference, documents, asked } = await this.scopedPlan(
      request.question,
      request.filters,
      request.conversationId,
      history,
    );
    // "What was in issue #31?": the issue's stories, not a search.
    const overview = await overviewFor(
      this.options.store,
      documents,
      request.question,
      reference,
      scope,
      lang,
    );
    if (overview !== null) {
      const answer = citedAnswer(
        request.question,
        lang,
        overview.draft,
        overview.passages,
        plan.terms,
        statistics,
      );
      await this.memory.remember(request.conversationId, { question: request.question, answer: answer.text });
      return answer;
    }
    const passages = await this.scopedSearch(plan, statistics, this.options.passages ?? 8, scope);
    const draft: DraftAnswer =
      passages.length === 0
        ? { answered: false, coverage: "none", text: "", answerer: this.answerer.id }
        : await this.answerer.answer({
            question: asked,
            lang,
            passages,
            history,
            // The gate reads the question's own words, translations and same-word variants, not
            // synonyms or aliases: a synonym in another sense ("fired" a rocket for "dismissed"
            // staff) must not turn a refusal into an answer — save a synonym of a word with one
            // sense ("take place" → happen), which has no other.
            queryTerms: gateTerms(
              request.question,
              history,
              plan.terms.filter((term) => !synonymSources.has(term.source ?? "") || term.soleSense === true),
            ),
            relatedTerms: plan.terms.filter((term) => synonymSources.has(term.source ?? "")),
            preferredPassages: preferredCount(passages, scope),
            namedPublication: scope.preferIssues !== undefined,
            onPartial: request.onPartial,
            signal: request.signal,
          });
    const cited =
      draft.coverage === "none"
        ? uncoveredAnswer(request.question, lang, draft.answerer, passages)
        : citedAnswer(request.question, lang, draft, passages, plan.terms, statistics);
    const reply = await withEditionTwin(cited, documents, this.options.store);
    // The note is part of the text, so every platform shows it; `scopeNote` keeps it apart for scripts.
    const withNote = (text: string) => (scope.note === null ? text : `${text}\n\n${scope.note[lang]}`);
    const answer =
      scope.note === null ? reply : { ...reply, text: withNote(reply.text), scopeNote: scope.note[lang] };
    // A follow-up reads the answer's words, not the line pointing at the other edition.
    await this.memory.remember(request.conversationId, {
      question: request.question,
      answer: withNote(cited.text),
    });
    return answer;
  }

  async forget(conversationId: string): Promise<void> {
    await this.memory.forget(conversationId);
  }

  async documents(): Promise<StoredDocument[]> {
    return inReadingOrder(await this.options.store.documents());
  }

  /**
   * Remove issues by document id, path as ingested, or exact title. Returns the removed documents.
   */
  async remove(reference: string): Promise<StoredDocument[]> {
    const matches = await this.matchDocuments({ reference });
    await this.removeDocuments(matches);
    return matches;
  }

  /** The issues a removal names (see `matchingDocuments`). */
  async matchDocuments(target: { reference?: string; source?: string }): Promise<StoredDocument[]> {
    return matchingDocuments(await this.options.store.documents(), target);
  }

  /** Delete these issues and their chunks (one all-or-nothing write). */
  async removeDocuments(documents: StoredDocument[]): Promise<void> {
    await this.options.store.removeDocuments(documents.map((document) => document.docId));
    if (documents.length > 0) await this.options.store.maintainIndexes();
    this.statistics = null;
    this.statisticsLoading = null;
    this.publications = null;
  }

  /** What a search covers, as one line in `lang` ("Searched 360 issues of 4 publications, …"). */
  async coverageLine(lang: "en" | "zh" = "en"): Promise<string> {
    return describeStoreCoverage(storeCoverageOf(await this.options.store.documents()), this.now(), lang);
  }

  async overview(): Promise<StoreOverview> {
    return overviewOf(await this.documents(), this.now());
  }

  async checkHealth(): Promise<void> {
    await this.options.store.countChunks();
  }

  /** What `/readyz` reports; throws when the store or the state cannot be read. */
  async readiness(): Promise<{ storeVersion: string; stateDriver: string }> {
    const storeVersion = await this.options.store.version();
    await this.state.get("health", "probe");
    return { storeVersion, stateDriver: this.state.driver };
  }

  async recordFeedback(entry: FeedbackEntry): Promise<void> {
    if (this.options.feedback === undefined) throw new Error("feedback is not configured");
    await this.options.feedback.record(entry);
  }

  /** Every vote recorded, oldest first (empty when the feedback log cannot list them). */
  async feedbackVotes(): Promise<FeedbackEntry[]> {
    return (await this.options.feedback?.export?.()) ?? [];
  }

  /**
   * Clean up the store (and the state, where its driver needs it): files of versions replaced
   * more than `graceMs` ago, retired tables, expired state. One process at a time.
   */
  async maintain(graceMs: number): Promise<MaintenanceReport & { stateEntriesRemoved: number }> {
    const report = await this.options.store.maintain({ graceMs });
    const stateEntriesRemoved = (await this.state.maintain?.({ graceMs })) ?? 0;
    return { ...report, stateEntriesRemoved };
  }

  /** Rebuild all vectors with the configured embedder from the stored text. */
  async reembed(onProgress?: (done: number, total: number) => void): Promise<number> {
    const embedder = this.options.embedder;
    return this.options.store.reembed((texts) => embedInBatches(embedder, texts, { onProgress }), {
      id: embedder.id,
      dimensions: embedder.dimensions,
    });
  }

  async close(): Promise<void> {
    await this.options.store.close();
    await this.state.close();
  }
}

/** The terms the answer gate reads: a follow-up that names no subject of its own takes the conversation's. */
function gateTerms(question: string, history: ConversationTurn[], terms: WeightedTerm[]): WeightedTerm[] {
  return history.length > 0 && isFollowUp(question) ? answerTermsForFollowUp(question, terms) : terms;
}
