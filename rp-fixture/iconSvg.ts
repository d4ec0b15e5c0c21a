/**
 * Provider icons drawn as inline SVG data URIs: no external assets, no trademarks. Which icon a passkey
 * gets is decided in providerIcons.ts; this only draws it.
 */

/** What a monogram icon shows. */
export type Monogram = { text: string; background: string; foreground?: string };

const NEUTRAL = '#77767b';

/** A key: ring, shaft and two teeth, in white on grey. */
export const SECURITY_KEY_SVG = svg(
  `<rect width="32" height="32" rx="7" fill="#3d3846"/><circle cx="11" cy="16" r="5" fill="none" stroke="#fff" stroke-width="2.5"/><path d="M16 16h11M23 16v4M26 16v3" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/>`,
);

export const UNKNOWN_SVG = monogramSvg({ text: '?', background: NEUTRAL });

/** The grey monogram of a provider the AAGUID list names but no family holds. */
export function neutralMonogramSvg(initial: string): string {
  return monogramSvg({ text: initial, background: NEUTRAL });
}

export function monogramSvg(monogram: Monogram): string {
  const size = monogram.text.length > 1 ? 13 : 17;
  const text = monogram.text.replace(/[<>&"']/g, '');
  return svg(
    `<rect width="32" height="32" rx="7" fill="${monogram.background}"/><text x="16" y="16" dy="0.35em" font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif" font-size="${size}" font-weight="700" text-anchor="middle" fill="${monogram.foreground ?? '#fff'}">${text}</text>`,
  );
}

function svg(content: string): string {
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">${content}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(markup)}`;
}
