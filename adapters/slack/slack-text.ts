/**
 * Slack message text → the plain question the core expects. Slack escapes `&<>` and wraps
 * mentions, channels and links in `<…>`; the core should see what the user actually typed.
 */

/** Decode Slack markup; mentions of the bot itself are dropped (they address the bot, they are not the question). */
export function questionFromSlackText(text: string, botUserId: string | undefined): string {
  const withoutMarkup = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = "", label] = splitOnce(inner, "|");
    if (target.startsWith("@")) {
      return botUserId !== undefined && target === `@${botUserId}` ? " " : `@${label ?? target.slice(1)}`;
    }
    if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
    if (target.startsWith("!")) return label ?? `@${target.slice(1).split("^")[0]}`;
    return label ?? target;
  });
  const decoded = withoutMarkup.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return decoded
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}

/** True when the text mentions `userId` (`<@U123>` or `<@U123|name>`). */
export function mentionsUser(text: string, userId: string | undefined): boolean {
  if (userId === undefined) return false;
  return text.includes(`<@${userId}>`) || text.includes(`<@${userId}|`);
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}
