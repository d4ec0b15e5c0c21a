import { expect, test } from '@playwright/test';
import { FEATURE_MEMBERS, type RpFeature } from './adapter';
import { featureGaps, gapVerdicts, lackingVerdicts, withGapsDeclared } from './adapterLacks';
import { checkAdapter } from './loadAdapter';

const core = { name: 'Shop', register: async () => undefined, signOut: async () => undefined, signIn: async () => undefined, signedInAs: async () => null };
const everyFeature = Object.keys(FEATURE_MEMBERS) as RpFeature[];
const allLacking = Object.fromEntries(everyFeature.map((f) => [f, `no ${f}`]));

test('an adapter that declares every feature lacking, each with a reason, has no gap', () => {
  expect(featureGaps({ ...core, lacks: allLacking })).toEqual([]);
});

test('a feature neither implemented nor declared is named, with its missing members and the fix', () => {
  const { 'management-page': _left, ...lacks } = allLacking;
  const gaps = featureGaps({ ...core, lacks, listPasskeys: async () => [] });
  expect(gaps).toEqual([
    {
      feature: 'management-page',
      problem: 'no suggestsAnotherProvider, deletePasskey and not declared lacking: implement them, or declare lacks."management-page" with the reason the RP has no passkey management page',
    },
  ]);
});

test('every gap is named at once, a blank reason among them', () => {
  const { clock: _clock, 'email-link': _email, ...lacks } = allLacking;
  const gaps = featureGaps({ ...core, lacks: { ...lacks, 'second-factor': ' ' } });
  expect(gaps.map((g) => g.feature).sort()).toEqual(['clock', 'email-link', 'second-factor']);
  expect(gaps.find((g) => g.feature === 'second-factor')!.problem).toMatch(/^declared lacking without a reason/);
});

test('a clock counts as present only with an advance method', () => {
  const { clock: _clock, ...lacks } = allLacking;
  expect(featureGaps({ ...core, lacks, clock: {} }).map((g) => g.feature)).toEqual(['clock']);
  expect(featureGaps({ ...core, lacks, clock: { advance: async () => undefined, now: async () => new Date() } })).toEqual([]);
});

test('with its gaps declared the adapter loads, so the rest of it can still be tried', () => {
  const { clock: _clock, ...lacks } = allLacking;
  const adapter = { ...core, lacks };
  expect(() => checkAdapter(adapter, 'shop.ts')).toThrow(/no "clock"/);
  expect(checkAdapter(withGapsDeclared(adapter, featureGaps(adapter)), 'shop.ts').lacks?.clock).toBeTruthy();
});

test('gaps are failed rows, declared features lacking rows with their reason, per member', () => {
  expect(gapVerdicts([{ feature: 'clock', problem: 'p' }])).toEqual([{ method: 'lacks."clock"', result: 'fail', why: 'p' }]);
  expect(lackingVerdicts({ 'management-page': 'not listed', 'autofill-sign-in': 'no autofill' })).toEqual([
    { method: 'listPasskeys', result: 'lacking', why: 'lacking (management-page): not listed' },
    { method: 'suggestsAnotherProvider', result: 'lacking', why: 'lacking (management-page): not listed' },
    { method: 'deletePasskey', result: 'lacking', why: 'lacking (management-page): not listed' },
    { method: 'signIn (autofill)', result: 'lacking', why: 'lacking (autofill-sign-in): no autofill' },
  ]);
});
