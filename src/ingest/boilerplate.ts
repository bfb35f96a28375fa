/**
 * Recognises newsletter chrome: subscribe and share prompts, "view in browser", unsubscribe
 * footers, navigation rows. Only short paragraphs qualify, so an article that discusses
 * subscriptions is never mistaken for a footer.
 */

// Longer than this, a paragraph is content even when it mentions subscribing.
const maximumBoilerplateLength = 320;

// Whole-paragraph chrome.
const exactChrome = [
  /^(?:search documents|spread the love|share(?: this (?:post|article|email))?|subscribe(?: now)?|sign up|sign in|log in|read more|read on the web|view online|open in app(?: or online)?|upgrade to paid|preview|save|like|comment|restack|listen|reply|forward|together with|back to top|view in (?:your )?browser|read in app|paid|subscribe submit a tip)\W*$/i,
  /^(?:view|read|open) (?:this|the) (?:post|email|e-mail|issue|newsletter)? ?(?:on the web|online|in (?:your|a) browser|in browser).*$/i,
  /^(?:要查看或添加评论|点击(?:关注|订阅|阅读原文)|阅读原文|喜欢周刊|分享到|关注我们|扫码关注)/,
  /^(?:发布日期|发布时间)\s*[:：]/,
  /^(?:©|copyright\b)/i,
  /^what did you think of (?:this|today[’']s) (?:post|issue|email|newsletter)\W*$/i,
  /^subscribe to .{1,60} to (?:read|keep reading|unlock)\b/i,
];

// Chrome that may be wrapped in a sentence.
const containedChrome = [
  /\bunsubscribe\b/i,
  /\b(?:manage|update|change|cancel) (?:your )?(?:subscription|preferences|email address)\b/i,
  /\bstop getting this (?:newsletter|email)\b/i,
  /\bif you (?:like|liked|enjoy|enjoyed) what you(?:'ve|’ve| have)? read\b/i,
  /\bplease (?:comment, )?(?:share|subscribe)\b/i,
  /\byou(?:'re|’re| are) receiving this\b/i,
  /\bwere forwarded this (?:newsletter|email)\b/i,
  /\bsubscribe (?:here|today|now|to (?:get|receive))\b/i,
  /\bthanks for (?:joining|reading)\b.*\bsubscribe\b/i,
  /\bjoin [\d,.]+\s*(?:k|m|million)?\+? (?:readers|subscribers)\b/i,
  /\bdelivered (?:to your inbox|in a free (?:daily|weekly))\b/i,
];

/** True when the paragraph is newsletter chrome rather than content. */
export function isBoilerplate(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > maximumBoilerplateLength) return false;
  if (exactChrome.some((pattern) => pattern.test(trimmed))) return true;
  if (containedChrome.some((pattern) => pattern.test(trimmed))) return true;
  return isNavigationRow(trimmed);
}

/** `下一篇 | 上一篇 | 去首页 | Twitter | Github | RSS`: three or more short items between bars. */
function isNavigationRow(text: string): boolean {
  const items = text.split(/\s+[|｜·•]\s+/);
  return items.length >= 4 && items.every((item) => item.length <= 24 && !/\d/.test(item));
}
