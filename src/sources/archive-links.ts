import { DomUtils, parseDocument } from "htmlparser2";

// Site navigation rather than issues: the home page, account and legal pages, listings.
const navigationPath =
  /^\/(?:$|about|subscribe|sign-?in|sign-?up|log-?in|logout|account|settings|privacy|terms|tos|legal|contact|search|tags?|topics?|categor(?:y|ies)|authors?|people|feed|rss|atom|archive|page\/\d+|sitemap|recommendations|leaderboard|podcast|cdn-cgi)(?:[/?#.]|$)/i;
// Files that are no issue page.
const assetExtension =
  /\.(?:css|js|mjs|png|jpe?g|gif|webp|svg|ico|woff2?|ttf|mp3|mp4|zip|xml|rss|atom|json)$/i;
/** Links an archive page may offer; past this the page is a site map, not an archive. */
export const maximumArchiveLinks = 200;

/**
 * The issue links of a newsletter's web archive page, in page order (archives list the newest
 * first), without duplicates: links to the same site that are not navigation, assets or the
 * page itself. Fragments are dropped, so `#comments` links collapse into their issue.
 */
export function archiveLinks(html: string, pageUrl: string): string[] {
  const page = new URL(pageUrl);
  const document = parseDocument(html);
  const links: string[] = [];
  const seen = new Set<string>([withoutFragment(page)]);
  for (const anchor of DomUtils.getElementsByTagName("a", document)) {
    const href = anchor.attribs.href;
    if (!href) continue;
    let target: URL;
    try {
      target = new URL(href, page);
    } catch {
      continue;
    }
    if (target.protocol !== "https:" && target.protocol !== "http:") continue;
    if (target.host !== page.host) continue;
    if (navigationPath.test(target.pathname) || assetExtension.test(target.pathname)) continue;
    // An issue has a name or a number in its path, not just a one-letter segment.
    if (!target.pathname.split("/").some((segment) => segment.length >= 3 || /\d/.test(segment))) continue;
    const key = withoutFragment(target);
    if (seen.has(key)) continue;
    seen.add(key);
    links.push(key);
    if (links.length === maximumArchiveLinks) break;
  }
  return links;
}

function withoutFragment(url: URL): string {
  const copy = new URL(url);
  copy.hash = "";
  return copy.toString();
}
