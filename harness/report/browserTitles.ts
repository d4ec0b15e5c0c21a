/** How the HTML report names each browser. */
export const BROWSER_TITLES: Record<string, string> = {
  chrome: 'Chrome',
  edge: 'Edge',
  firefox: 'Firefox',
  safari: 'Safari',
  'samsung-internet': 'Samsung Internet',
};
