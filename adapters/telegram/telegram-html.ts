/**
 * The small subset of Telegram's HTML parse mode briefbot produces: escaped text, <b>, and
 * <a href>. Kept separate so rendering, splitting and the plain-text fallback agree on escaping.
 */

/** Escape text for Telegram HTML: the only entities it supports are &amp; &lt; &gt; &quot;. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escape a value placed inside a double-quoted attribute (href). */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, "&quot;");
}

/** A link, or just the escaped label when there is no usable URL. */
export function htmlLink(label: string, url: string | null | undefined): string {
  if (url === null || url === undefined || !isLinkableUrl(url)) return escapeHtml(label);
  return `<a href="${escapeAttribute(url)}">${escapeHtml(label)}</a>`;
}

/** Bold, escaped. */
export function htmlBold(text: string): string {
  return `<b>${escapeHtml(text)}</b>`;
}

/**
 * Turn our HTML back into readable plain text, for when Telegram refuses to parse a part.
 * Links keep their URL in parentheses so nothing cited is lost.
 */
export function htmlToPlainText(html: string): string {
  const withLinks = html.replace(
    /<a href="([^"]*)">([\s\S]*?)<\/a>/g,
    (_whole, href: string, label: string) => `${label} (${href})`,
  );
  const withoutTags = withLinks.replace(/<\/?[a-zA-Z][^>]*>/g, "");
  return unescapeHtml(withoutTags);
}

/** Undo `escapeHtml`/`escapeAttribute` (and the numeric quote forms some code emits). */
export function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

// Telegram rejects the whole message when an href is not an absolute http(s)/tg URL.
function isLinkableUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const protocol = new URL(url).protocol;
  return protocol === "http:" || protocol === "https:" || protocol === "tg:";
}
