import type { Block } from "./source-issue.ts";

/** The original sender, date and subject of a forwarded newsletter. */
export interface ForwardedHeader {
  /** Display name of the original sender, or the address when there is no name. */
  from: string | null;
  /** The Date line as written (`Fri, Oct 28, 2022 at 9:02 AM`). */
  date: string | null;
  subject: string | null;
}

// How far into the body a forwarding block may start: mail clients put it first.
const searchDepth = 8;

const forwardedMarker = /-{3,}\s*(?:Forwarded message|Original Message|Begin forwarded message)\s*-*/i;
const headerLabel = /^(?:From|Date|Sent|Subject|To|Cc)\s*:/i;

/**
 * Finds the `---------- Forwarded message ---------` block that Gmail and other clients put at
 * the top of a forwarded e-mail, returns its From/Date/Subject, and the blocks without it, so
 * metadata names the newsletter rather than the person who forwarded it.
 */
export function extractForwardedHeader(blocks: Block[]): { header: ForwardedHeader | null; blocks: Block[] } {
  const markerIndex = blocks
    .slice(0, searchDepth)
    .findIndex((block) => block.kind === "paragraph" && forwardedMarker.test(block.text));
  if (markerIndex < 0) return { header: null, blocks };
  let endIndex = markerIndex + 1;
  const parts = [blocks[markerIndex]?.text ?? ""];
  // Clients that put each header on its own line produce one paragraph per header.
  while (endIndex < blocks.length) {
    const block = blocks[endIndex];
    if (block?.kind !== "paragraph" || !headerLabel.test(block.text)) break;
    parts.push(block.text);
    endIndex += 1;
  }
  const headerText = parts.join(" ").replace(forwardedMarker, " ");
  const header: ForwardedHeader = {
    from: senderName(fieldOf(headerText, "From")),
    date: fieldOf(headerText, "Date") ?? fieldOf(headerText, "Sent"),
    subject: fieldOf(headerText, "Subject"),
  };
  return { header, blocks: [...blocks.slice(0, markerIndex), ...blocks.slice(endIndex)] };
}

function fieldOf(headerText: string, label: string): string | null {
  const match = new RegExp(
    `\\b${label}\\s*:\\s*(.*?)\\s*(?=\\b(?:From|Date|Sent|Subject|To|Cc)\\s*:|$)`,
    "i",
  ).exec(headerText);
  const value = match?.[1]?.trim();
  return value ? value : null;
}

/** `Tomasz Tunguz <blog@tomtunguz.com>` → `Tomasz Tunguz`; a bare address stays as it is. */
export function senderName(from: string | null): string | null {
  if (!from) return null;
  const name = from
    .replace(/<[^>]*>/g, "")
    .replace(/^["'\s]+|["'\s]+$/g, "")
    .trim();
  if (name !== "") return name;
  const address = /<([^>]+)>/.exec(from)?.[1];
  return address ?? null;
}
