import { faultOn, type ActiveFaults } from './faults';
import { familyMonogram, FAMILIES_WITH_MONOGRAMS, providerFamily, type ProviderFamilyId } from './providerFamily';
import { listedProviderName } from './providerName';
import { monogramSvg, neutralMonogramSvg, SECURITY_KEY_SVG, UNKNOWN_SVG } from './iconSvg';

/**
 * Which provider icon a passkey gets: its family's monogram (plain colours, no trademarks, drawn by
 * pages/iconSvg.ts), a key for security keys, a grey initial for a provider the AAGUID list names but
 * no family holds, and a question mark for a provider nobody can name.
 */
export type ProviderIcon = {
  /** The family whose icon is shown: 'unknown' for the question mark. */
  id: ProviderFamilyId;
  /** data:image/svg+xml URI. */
  src: string;
};

export function providerIcon(aaguid: string, faults: ActiveFaults): ProviderIcon {
  // Fault no-provider-icon: every passkey gets the unknown provider's icon, whatever its AAGUID.
  if (faultOn(faults, 'no-provider-icon')) return { id: 'unknown', src: UNKNOWN_SVG };
  const id = providerFamily(aaguid);
  if (id === 'unknown') return { id, src: UNKNOWN_SVG };
  if (id === 'security-key') return { id, src: SECURITY_KEY_SVG };
  if (id === 'other') {
    // Stryker disable next-line all: not judged: no provider of the matrix is one the AAGUID list names but no family holds (each has a family of its own; RoboForm publishes no AAGUID), so no cell shows this initial
    const initial = [...(listedProviderName(aaguid) ?? '?')][0]?.toUpperCase() ?? '?';
    return { id, src: neutralMonogramSvg(initial) };
  }
  // Fault icon-of-another-provider: the icon table is off by one, so each listed provider shows the next one's monogram.
  if (faultOn(faults, 'icon-of-another-provider')) return nextFamilysIcon(id);
  return { id, src: monogramSvg(familyMonogram(id)!) };
}

// Stryker disable all: fault switch helper, used only by icon-of-another-provider, which is off in every run that judges a mutant
function nextFamilysIcon(id: ProviderFamilyId): ProviderIcon {
  const families = FAMILIES_WITH_MONOGRAMS;
  const next = families[(families.indexOf(id) + 1) % families.length]!;
  return { id: next, src: monogramSvg(familyMonogram(next)!) };
}
// Stryker restore all
