import type { Answer } from "../../src/answer/answer-types.ts";
import type { StoredDocument } from "../../src/store/store.ts";

/** Terminal rendering of answers and listings. Pure; colour only when asked (a TTY). */

export interface TerminalStyle {
  bold(text: string): string;
  dim(text: string): string;
}

export const plainStyle: TerminalStyle = { bold: (text) => text, dim: (text) => text };
export const ansiStyle: TerminalStyle = {
  bold: (text) => `\u001b[1m${text}\u001b[22m`,
  dim: (text) => `\u001b[2m${text}\u001b[22m`,
};

function describeDate(date: string | null): string {
  return date ?? "undated";
}

/** Quote trimmed to about `limit` characters at a word or sentence boundary. */
export function shortenQuote(text: string, limit = 280): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  const boundary = Math.max(cut.lastIndexOf(" "), cut.lastIndexOf("。"), cut.lastIndexOf("，"));
  return `${(boundary > limit * 0.6 ? cut.slice(0, boundary) : cut).trim()}…`;
}

export function renderAnswer(answer: Answer, style: TerminalStyle = plainStyle): string {
  const lines: string[] = [answer.text];
  if (answer.answered) {
    lines.push("", style.bold(answer.lang === "zh" ? "来源" : "Sources"));
    for (const citation of answer.citations) {
      const heading = `[${citation.n}] ${citation.publication} — ${citation.story}, ${describeDate(citation.date)}`;
      lines.push(style.bold(heading));
      if (citation.url) lines.push(`    ${citation.url}`);
      lines.push(style.dim(`    “${shortenQuote(citation.quote)}”`));
    }
    if (answer.answerer === "extractive-fallback") {
      lines.push(
        "",
        style.dim("(the language model was unavailable; these are the best-matching sentences)"),
      );
    }
  } else if (answer.related.length > 0) {
    lines.push("", answer.lang === "zh" ? "最接近的报道：" : "The closest stories:");
    for (const story of answer.related) {
      lines.push(
        `  • ${story.publication} — ${story.story}, ${describeDate(story.date)}${story.url ? ` ${style.dim(story.url)}` : ""}`,
      );
    }
  }
  return lines.join("\n");
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function renderDocuments(documents: StoredDocument[]): string {
  if (documents.length === 0) return "The store is empty. Add briefs with: briefbot ingest <file|dir>...";
  const lines = documents.map((document) => {
    const number = document.issueNumber ? ` #${document.issueNumber}` : "";
    return `${describeDate(document.date).padEnd(10)}  ${document.publication}${number} — ${document.title}  (${plural(document.stories, "story", "stories")}, ${plural(document.chunks, "chunk", "chunks")}, ${document.lang})  ${document.docId.slice(0, 10)}`;
  });
  const chunks = documents.reduce((sum, document) => sum + document.chunks, 0);
  lines.push("", `${documents.length} issues, ${chunks} chunks`);
  return lines.join("\n");
}
