/**
 * Slack mrkdwn escaping and links. Slack treats `&`, `<` and `>` as control characters in every
 * mrkdwn field, so anything we did not write ourselves must be escaped before it is sent.
 */

/** Escape text for a mrkdwn field (section text, context element, `text` fallback). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** True for the URLs we are willing to turn into links (no javascript:, file: …). */
export function isLinkableUrl(url: string | null | undefined): url is string {
  if (url === null || url === undefined) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * `<url|label>` with the label escaped. `|`, `<` and `>` would end the link early, so they are
 * percent-encoded in the URL; `&` is escaped as Slack asks for every mrkdwn field.
 */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = url.replace(/&/g, "&amp;").replace(/\|/g, "%7C").replace(/</g, "%3C").replace(/>/g, "%3E");
  return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}
