import { describeError, InputError } from "../errors.ts";
import { readEml } from "./read-eml.ts";
import type { SourceIssue } from "./source-issue.ts";

/** A message of a mailbox that could not be read; the others still are. */
export interface MessageProblem {
  path: string;
  error: string;
}

export interface Mailbox {
  issues: SourceIssue[];
  problems: MessageProblem[];
}

// The separator line mbox writers put before every message: `From <sender> <asctime date>`.
// Gmail writes `From 1780…@xxx Tue Dec 01 02:01:00 +0000 2026`, Thunderbird `From - Tue Dec  1 …`.
const postmark = /^From \S+ +\w{3} \w{3} +\d{1,2} \d{1,2}:\d{2}/;

/**
 * Reads an mbox mailbox (Gmail Takeout, Thunderbird, `mutt`): one issue per message, each read
 * exactly like an `.eml` file. Messages are split at `From ` lines that open the file, follow a
 * blank line, or carry a postmark date; body lines quoted as `>From ` (mboxo and mboxrd) lose one
 * `>`. Works on the raw bytes (as Latin-1, which maps bytes one to one) so every message keeps its
 * own charset for the MIME parser.
 *
 * @throws InputError when the file holds no message at all, or no message is readable.
 */
export async function readMbox(path: string, bytes: Uint8Array): Promise<Mailbox> {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const messages = splitMessages(raw);
  if (messages.length === 0)
    throw new InputError(path, `${path} is not an mbox mailbox (no "From " separator line found)`);
  const issues: SourceIssue[] = [];
  const problems: MessageProblem[] = [];
  const seenKeys = new Set<string>();
  for (const [index, message] of messages.entries()) {
    const label = `${path} message ${index + 1}`;
    try {
      const issue = await readEml(path, Buffer.from(message, "latin1"));
      let key = messageId(message) ?? `message-${index + 1}`;
      if (seenKeys.has(key)) key = `${key}#${index + 1}`;
      seenKeys.add(key);
      issues.push({ ...issue, key });
    } catch (error) {
      const reason = describeError(error).replace(`${path} `, "");
      problems.push({ path: label, error: reason });
    }
  }
  if (issues.length === 0) {
    throw new InputError(
      path,
      `${path} has ${messages.length} message${messages.length === 1 ? "" : "s"} and none is readable (first: ${problems[0]?.error})`,
    );
  }
  return { issues, problems };
}

/** The messages of a mailbox, without their separator lines and with `>From ` unquoted. */
export function splitMessages(raw: string): string[] {
  const lines = raw.replace(/^\ufeff/, "").split(/\r?\n/);
  const messages: string[][] = [];
  let current: string[] | null = null;
  for (const [index, line] of lines.entries()) {
    const previousBlank = index === 0 || lines[index - 1]?.trim() === "";
    if (line.startsWith("From ") && (previousBlank || postmark.test(line))) {
      current = [];
      messages.push(current);
      continue;
    }
    // Text before the first separator is no message.
    if (current === null) continue;
    current.push(line.replace(/^>(>*From )/, "$1"));
  }
  return messages
    .map((message) => {
      // The blank line before the next separator belongs to the format, not the message.
      while (message.length > 0 && message.at(-1)?.trim() === "") message.pop();
      return message.join("\r\n");
    })
    .filter((message) => message.trim() !== "");
}

function messageId(message: string): string | null {
  const headerEnd = message.search(/\r?\n\r?\n/);
  const header = headerEnd === -1 ? message : message.slice(0, headerEnd);
  return /^message-id:\s*(\S+)/im.exec(header)?.[1] ?? null;
}
