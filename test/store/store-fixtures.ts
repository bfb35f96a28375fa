import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import type { ChunkRecord } from "../../src/store/chunk-record.ts";
import type { StoredDocument } from "../../src/store/store.ts";
import { tokenize } from "../../src/text/segment.ts";

/** What a suite's chunks and issues share unless a test says otherwise. */
export interface FixtureDefaults {
  dimensions: number;
  publication: string;
  /** Issue date, `YYYY-MM-DD`. */
  date: string;
  ingestedAt: string;
  /** The issue file's extension, with its dot. */
  extension: string;
}

/** An embedder and builders of chunk and issue records for store tests, each overridable field by field. */
export function storeFixtures(defaults: FixtureDefaults) {
  const embedder = createHashingEmbedder({ dimensions: defaults.dimensions });
  async function chunkOf(
    id: string,
    docId: string,
    text: string,
    extra: Partial<ChunkRecord> = {},
  ): Promise<ChunkRecord> {
    const [vector] = await embedder.embed([text]);
    return {
      id,
      docId,
      docHash: `hash-${docId}`,
      publication: defaults.publication,
      title: `Issue ${docId}`,
      issueNumber: null,
      story: `Story ${id}`,
      storyIndex: 0,
      chunkIndex: 0,
      date: defaults.date,
      url: null,
      path: `${docId}${defaults.extension}`,
      lang: "en",
      text,
      textHash: `t-${id}`,
      searchText: tokenize(text).join(" "),
      glossText: "",
      vector: vector!,
      ...extra,
    };
  }
  function documentOf(docId: string, chunks: number, extra: Partial<StoredDocument> = {}): StoredDocument {
    return {
      docId,
      docHash: `hash-${docId}`,
      path: `${docId}${defaults.extension}`,
      publication: defaults.publication,
      title: `Issue ${docId}`,
      issueNumber: null,
      date: defaults.date,
      url: null,
      lang: "en",
      stories: 1,
      chunks,
      ingestedAt: defaults.ingestedAt,
      ...extra,
    };
  }
  return { embedder, chunkOf, documentOf };
}
