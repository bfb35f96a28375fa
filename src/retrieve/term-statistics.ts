/**
 * Document frequencies of search tokens, for weighting question words by how specific they are
 * (the evidence gate and the extractive answerer need this; LanceDB's BM25 does not expose it).
 * Built from a sample of at most `sampleSize` chunks, which estimates rarity well enough at any
 * store size and keeps start-up bounded.
 */
export class TermStatistics {
  private readonly documentFrequency = new Map<string, number>();
  private documents = 0;

  static fromSearchTexts(texts: string[]): TermStatistics {
    const statistics = new TermStatistics();
    for (const text of texts) statistics.add(text.split(" "));
    return statistics;
  }

  add(tokens: string[]): void {
    this.documents += 1;
    for (const token of new Set(tokens)) {
      if (token.length === 0) continue;
      this.documentFrequency.set(token, (this.documentFrequency.get(token) ?? 0) + 1);
    }
  }

  get size(): number {
    return this.documents;
  }

  /** Smoothed inverse document frequency; unseen terms get the highest weight. */
  idf(token: string): number {
    const frequency = this.documentFrequency.get(token) ?? 0;
    return Math.log(1 + (this.documents + 1) / (frequency + 0.5));
  }

  has(token: string): boolean {
    return this.documentFrequency.has(token);
  }

  /** One line of the number of chunks, then one `token<TAB>frequency` line per token. */
  serialize(): string {
    const lines = [String(this.documents)];
    for (const [token, frequency] of this.documentFrequency) lines.push(`${token}\t${frequency}`);
    return lines.join("\n");
  }

  /** The statistics `serialize` wrote; undefined when the text is not such a record. */
  static parse(text: string): TermStatistics | undefined {
    const statistics = new TermStatistics();
    let newline = text.indexOf("\n");
    if (newline < 0) newline = text.length;
    const documents = Number(text.slice(0, newline));
    if (!Number.isInteger(documents) || documents < 0) return undefined;
    statistics.documents = documents;
    let position = newline + 1;
    while (position < text.length) {
      let end = text.indexOf("\n", position);
      if (end < 0) end = text.length;
      const tab = text.lastIndexOf("\t", end);
      if (tab < position) return undefined;
      statistics.documentFrequency.set(text.slice(position, tab), Number(text.slice(tab + 1, end)));
      position = end + 1;
    }
    return statistics;
  }
}
