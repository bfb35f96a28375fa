/**
 * What the real Bot API refuses, for the fake server to refuse too: Telegram's HTML parse mode
 * (only its tags, balanced, only its entities), the 4096-character limit measured after entity
 * parsing in UTF-16 code units, and inline keyboards (at most 100 buttons, callback_data of 1–64
 * bytes). Each check returns the description Telegram would send, or null when it would accept.
 */

/** Longest message text, in UTF-16 code units after entity parsing. */
export const MESSAGE_TEXT_LIMIT = 4096;
/** Most buttons in one inline keyboard. */
export const INLINE_BUTTON_LIMIT = 100;
/** callback_data length in bytes. */
export const CALLBACK_DATA_BYTES = 64;

/** Tags of Telegram's HTML style and the attributes each may carry. */
const allowedTags: Record<string, ReadonlySet<string>> = {
  b: new Set(),
  strong: new Set(),
  i: new Set(),
  em: new Set(),
  u: new Set(),
  ins: new Set(),
  s: new Set(),
  strike: new Set(),
  del: new Set(),
  "tg-spoiler": new Set(),
  span: new Set(["class"]),
  a: new Set(["href"]),
  "tg-emoji": new Set(["emoji-id"]),
  code: new Set(["class"]),
  pre: new Set(),
  blockquote: new Set(["expandable"]),
};

const namedEntities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** Parse Telegram HTML into its plain text, or say why Telegram would refuse it. */
export function parseTelegramHtml(html: string): { text: string } | { error: string } {
  const open: string[] = [];
  let text = "";
  let index = 0;
  while (index < html.length) {
    const char = html[index];
    if (char === "<") {
      const end = html.indexOf(">", index);
      if (end < 0) return { error: cantParse(`Unexpected end of tag at byte offset ${index}`) };
      const inside = html.slice(index + 1, end);
      const closing = inside.startsWith("/");
      const match = /^\/?([a-zA-Z][a-zA-Z0-9-]*)(\s[\s\S]*)?$/.exec(inside);
      if (match === null)
        return { error: cantParse(`Unsupported start tag "${inside}" at byte offset ${index}`) };
      const name = (match[1] ?? "").toLowerCase();
      const attributes = allowedTags[name];
      if (attributes === undefined)
        return { error: cantParse(`Unsupported start tag "${name}" at byte offset ${index}`) };
      if (closing) {
        if (open.pop() !== name)
          return { error: cantParse(`Can't find end tag corresponding to start tag "${name}"`) };
      } else {
        for (const attribute of (match[2] ?? "").matchAll(/([a-zA-Z-]+)(?:="[^"]*")?/g)) {
          if (!attributes.has((attribute[1] ?? "").toLowerCase()))
            return { error: cantParse(`Unsupported attribute "${attribute[1]}" of tag "${name}"`) };
        }
        open.push(name);
      }
      index = end + 1;
      continue;
    }
    if (char === "&") {
      const match = /^&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/.exec(html.slice(index, index + 12));
      const name = match?.[1];
      if (name === undefined)
        return { error: cantParse(`Character '&' is reserved at byte offset ${index}`) };
      if (name.startsWith("#")) {
        const code = name.startsWith("#x") ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        text += String.fromCodePoint(code);
      } else {
        const value = namedEntities[name.toLowerCase()];
        if (value === undefined) return { error: cantParse(`Unsupported HTML entity "&${name};"`) };
        text += value;
      }
      index += (match?.[0] ?? "").length;
      continue;
    }
    text += char;
    index += 1;
  }
  if (open.length > 0)
    return { error: cantParse(`Can't find end tag corresponding to start tag "${open.at(-1)}"`) };
  return { text };
}

/** Check a text sent with `parse_mode` (or without); `allowEmpty` for sendMessageDraft. */
export function checkMessageText(
  text: string,
  parseMode: unknown,
  options: { allowEmpty?: boolean } = {},
): { plain: string } | { error: string } {
  let plain = text;
  if (parseMode === "HTML") {
    const parsed = parseTelegramHtml(text);
    if ("error" in parsed) return parsed;
    plain = parsed.text;
  } else if (parseMode !== undefined) {
    return { error: `Bad Request: unsupported parse_mode ${String(parseMode)} in this fake` };
  }
  if (plain.trim() === "" && options.allowEmpty !== true)
    return { error: "Bad Request: message text is empty" };
  if (plain.length > MESSAGE_TEXT_LIMIT) return { error: "Bad Request: message is too long" };
  return { plain };
}

/** Check `reply_markup`; null when Telegram would accept it. */
export function checkReplyMarkup(markup: unknown): string | null {
  if (markup === undefined) return null;
  const keyboard = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (!Array.isArray(keyboard)) return "Bad Request: can't parse reply keyboard markup JSON object";
  let buttons = 0;
  for (const row of keyboard) {
    if (!Array.isArray(row))
      return 'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays';
    for (const button of row as Array<Record<string, unknown>>) {
      buttons += 1;
      if (typeof button.text !== "string" || button.text === "")
        return "Bad Request: text buttons are unallowed in the inline keyboard";
      const data = button.callback_data;
      if (data !== undefined) {
        const bytes = Buffer.byteLength(String(data), "utf8");
        if (bytes < 1 || bytes > CALLBACK_DATA_BYTES) return "Bad Request: BUTTON_DATA_INVALID";
      }
    }
  }
  if (buttons > INLINE_BUTTON_LIMIT) return "Bad Request: reply markup is too long";
  return null;
}

function cantParse(detail: string): string {
  return `Bad Request: can't parse entities: ${detail}`;
}
