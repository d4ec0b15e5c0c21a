/**
 * Whose icon the fixture RP's management page shows, read from the picture itself, as a user tells
 * icons apart: each listed provider family's monogram (its letters on its colour, in
 * rp-fixture/data/providerFamilies.json), a key for security keys, and anything else (a question
 * mark, a grey initial) no provider's. The page's markup is not trusted for it.
 */
import { loadProviderFamilies } from '../../rp-fixture/providerFamilyData';

const FAMILIES = loadProviderFamilies();

/** The fixture's key drawing: a ring, a shaft and two teeth. */
const KEY_SHAPE = /<circle [^>]*\/><path d="M16 16h11M23 16v4M26 16v3"/;

/** The provider id whose icon `src` (a data:image/svg+xml URI) draws, or null for one that is no provider's. */
export function iconShown(src: string | null): string | null {
  if (!src?.startsWith('data:image/svg+xml,')) return null;
  const svg = decodeURIComponent(src.slice('data:image/svg+xml,'.length));
  if (KEY_SHAPE.test(svg)) return FAMILIES.find((family) => family.kind === 'security-key')?.id ?? null;
  const text = /<text[^>]*>([^<]*)<\/text>/.exec(svg)?.[1];
  const background = /<rect [^>]*fill="([^"]+)"/.exec(svg)?.[1];
  return FAMILIES.find((family) => family.monogram?.text === text && family.monogram?.background === background)?.id ?? null;
}
