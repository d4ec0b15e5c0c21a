/**
 * Keeps the Allure report a file that opens from disk with no network. Allure 3's awesome report
 * (npm `allure` 3.18.0) always writes a Google Analytics tag into index.html and has no option to
 * leave it out: offline it only fails to load, online it would tell a third party that a team opened
 * its report. `npm run report:allure` removes it, then refuses a report that still loads anything.
 */

const ANALYTICS_TAG =
  /\s*<script async src="https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=[^"]*"><\/script>\s*<script>\s*window\.dataLayer[\s\S]*?<\/script>/;

/** The report's HTML without the analytics tag; unchanged when there is none. */
export function withoutAnalytics(html: string): string {
  return html.replace(ANALYTICS_TAG, '');
}

/** Elements whose source the browser fetches as the page loads (a link `<a href>` is only followed on a click). */
const LOADING_TAG = /<(?:script|link|img|iframe|frame|embed|object|source|video|audio|track|input)\b[^>]*>/gi;
const SOURCE_ATTRIBUTE = /\s(?:src|href|data|poster|srcset)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]*)/gi;
const CSS_REMOTE = /(?:@import\s+|url\(\s*)["']?\s*((?:https?:)?\/\/[^"')\s]*)/gi;
const STYLE_BLOCK = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

/** The remote URLs a browser would fetch on opening this HTML: tag sources and inline stylesheet imports. */
export function remoteLoads(html: string): string[] {
  const found = new Set<string>();
  for (const [tag] of html.matchAll(LOADING_TAG)) {
    for (const match of tag.matchAll(SOURCE_ATTRIBUTE)) found.add(match[1]!);
  }
  for (const [, css] of html.matchAll(STYLE_BLOCK)) {
    for (const match of css!.matchAll(CSS_REMOTE)) found.add(match[1]!);
  }
  return [...found];
}
