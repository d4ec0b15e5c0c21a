/**
 * Whether an adapter accounts for every feature: each RpFeature either has its members, or is
 * declared in `lacks` with the reason the report shows. A feature that is neither would reach the
 * report as lacking without the team's words, so the check names each one, all at once.
 */
import { FEATURE_LABELS, FEATURE_MEMBERS, type RpFeature } from './adapter';
import type { MethodVerdict } from './adapterCheckVerdict';
import { memberPresent } from './loadAdapter';

export interface FeatureGap {
  feature: RpFeature;
  problem: string;
}

/** The features the adapter neither implements nor declares lacking with a reason. */
export function featureGaps(adapter: Record<string, unknown>): FeatureGap[] {
  const lacks = (typeof adapter.lacks === 'object' && adapter.lacks !== null ? adapter.lacks : {}) as Record<string, unknown>;
  const gaps: FeatureGap[] = [];
  for (const [feature, members] of Object.entries(FEATURE_MEMBERS) as [RpFeature, string[]][]) {
    if (feature in lacks) {
      const reason = lacks[feature];
      if (typeof reason !== 'string' || !reason.trim()) gaps.push({ feature, problem: `declared lacking without a reason: give lacks."${feature}" the reason, in words for the report` });
      continue;
    }
    const missing = members.filter((member) => !memberPresent(adapter, member));
    if (missing.length) {
      gaps.push({ feature, problem: `no ${missing.join(', ')} and not declared lacking: implement ${missing.length > 1 ? 'them' : 'it'}, or declare lacks."${feature}" with the reason the RP has no ${FEATURE_LABELS[feature]}` });
    }
  }
  return gaps;
}

/** The same adapter with each gap declared lacking, so its other members can still be tried. */
export function withGapsDeclared<T extends Record<string, unknown>>(adapter: T, gaps: readonly FeatureGap[]): T {
  if (!gaps.length) return adapter;
  const lacks = { ...((adapter.lacks as Record<string, unknown> | undefined) ?? {}) };
  for (const gap of gaps) lacks[gap.feature] = 'not accounted for by the adapter';
  return { ...adapter, lacks };
}

export function gapVerdicts(gaps: readonly FeatureGap[]): MethodVerdict[] {
  return gaps.map((gap) => ({ method: `lacks."${gap.feature}"`, result: 'fail', why: gap.problem }));
}

/** The sign-in ways that are features with no member of their own: the row names the call. */
const MEMBERLESS_ROWS: Partial<Record<RpFeature, string>> = { 'autofill-sign-in': 'signIn (autofill)', 'cross-device-sign-in': 'signIn (cross-device)' };

/** A row per member of each feature the adapter declares lacking (or, without members, per feature), with its reason. */
export function lackingVerdicts(lacks: Partial<Record<RpFeature, string>>): MethodVerdict[] {
  return (Object.entries(lacks) as [RpFeature, string][]).flatMap(([feature, reason]) => {
    const members: string[] = FEATURE_MEMBERS[feature].length ? FEATURE_MEMBERS[feature] : [MEMBERLESS_ROWS[feature] ?? feature];
    return members.map((member) => ({ method: member, result: 'lacking' as const, why: `lacking (${feature}): ${reason}` }));
  });
}
