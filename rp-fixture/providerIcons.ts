import { faultOn, type ActiveFaults } from './faults';
import { providerFamily, type ProviderFamilyId } from './providerFamily';
import { listedProviderName } from './providerName';

/**
 * Provider icons: plain coloured monograms drawn here as inline SVG data URIs (no external assets,
 * no trademarks), one per provider family, a key for security keys and a question mark for a
 * provider nobody can name.
 */
export type ProviderIcon = {
  /** The family whose icon is shown: 'unknown' for the question mark. */
  id: ProviderFamilyId;
  /** data:image/svg+xml URI. */
  src: string;
};

type Monogram = { text: string; background: string; foreground?: string };

const MONOGRAMS: Record<Exclude<ProviderFamilyId, 'security-key' | 'other' | 'unknown'>, Monogram> = {
  'google-password-manager': { text: 'G', background: '#1a73e8' },
  'icloud-keychain': { text: 'iC', background: '#5f6b7a' },
  'windows-hello': { text: 'W', background: '#0078d4' },
  '1password': { text: '1P', background: '#0a5fd6' },
  dashlane: { text: 'D', background: '#0e353d' },
  bitwarden: { text: 'B', background: '#175ddc' },
  nordpass: { text: 'N', background: '#0f8a7e' },
  keeper: { text: 'K', background: '#f7c600', foreground: '#1c1c1c' },
  'samsung-pass': { text: 'S', background: '#1428a0' },
  'proton-pass': { text: 'P', background: '#6d4aff' },
  enpass: { text: 'E', background: '#0d47a1' },
  lastpass: { text: 'L', background: '#c4242d' },
};

const NEUTRAL = '#77767b';

/** A key: ring, shaft and two teeth, in white on grey. */
const SECURITY_KEY_SVG = svg(
  `<rect width="32" height="32" rx="7" fill="#3d3846"/><circle cx="11" cy="16" r="5" fill="none" stroke="#fff" stroke-width="2.5"/><path d="M16 16h11M23 16v4M26 16v3" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/>`,
);

const UNKNOWN_SVG = monogramSvg({ text: '?', background: NEUTRAL });

export function providerIcon(aaguid: string, faults: ActiveFaults): ProviderIcon {
  // Fault no-provider-icon: every passkey gets the unknown provider's icon, whatever its AAGUID.
  if (faultOn(faults, 'no-provider-icon')) return { id: 'unknown', src: UNKNOWN_SVG };
  const id = providerFamily(aaguid);
  if (id === 'unknown') return { id, src: UNKNOWN_SVG };
  if (id === 'security-key') return { id, src: SECURITY_KEY_SVG };
  if (id === 'other') {
    const initial = [...(listedProviderName(aaguid) ?? '?')][0]?.toUpperCase() ?? '?';
    return { id, src: monogramSvg({ text: initial, background: NEUTRAL }) };
  }
  // Fault icon-of-another-provider: the icon table is off by one, so each listed provider shows the next one's monogram.
  if (faultOn(faults, 'icon-of-another-provider')) return nextFamilysIcon(id);
  return { id, src: monogramSvg(MONOGRAMS[id]) };
}

function nextFamilysIcon(id: keyof typeof MONOGRAMS): ProviderIcon {
  const families = Object.keys(MONOGRAMS) as (keyof typeof MONOGRAMS)[];
  const next = families[(families.indexOf(id) + 1) % families.length]!;
  return { id: next, src: monogramSvg(MONOGRAMS[next]) };
}

function monogramSvg(monogram: Monogram): string {
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
