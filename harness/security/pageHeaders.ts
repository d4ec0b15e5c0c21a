/**
 * The headers of a request that the page's own script or form chose (content type, a CSRF token, an
 * authorization header, ...), without those the browser or the HTTP client sets on every request:
 * a copy sent again gets its own.
 */
const BROWSER_OWNED = /^(:|cookie$|host$|content-length$|connection$|origin$|referer$|user-agent$|accept-encoding$|accept-language$|sec-|priority$|upgrade-insecure-requests$|cache-control$|pragma$)/i;

export function pageChosenHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !BROWSER_OWNED.test(name)));
}
