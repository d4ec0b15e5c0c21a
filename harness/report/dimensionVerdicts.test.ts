import { test, expect } from '@playwright/test';
import { judgeDimensions, type ChecksSeen, type TestOutcome } from './dimensionVerdicts';
import { cellDimensions, type ScenarioResult } from './compatReport';

const creation = { dimension: 'tells-the-truth', title: 'after creating, the RP says where it went' } as const;
const signIn = { dimension: 'works', title: 'passkey sign-in must work' } as const;
const seen = (over: Partial<ChecksSeen> = {}): ChecksSeen => ({ places: [], stoppedIn: null, entered: ['works', 'tells-the-truth'], notJudged: [], ...over });
const outcome = (over: Partial<TestOutcome>): TestOutcome => ({ declared: ['works', 'tells-the-truth'], status: 'failed', errors: [], seen: seen(), ...over });
const soft = (message: string) => ({ message: `Error: ${message}\n\nexpect(received).toBe(expected)` });
const statuses = (o: TestOutcome) => judgeDimensions(o).verdicts.map((v) => `${v.dimension}:${v.status}`);

test('a soft failure in a truth check fails that dimension only, when the scenario ran to its end', () => {
  const judged = judgeDimensions(outcome({ errors: [soft('provider said to hold it')], seen: seen({ places: [creation] }) }));
  expect(judged.verdicts).toEqual([
    { dimension: 'works', status: 'pass', reason: null },
    { dimension: 'tells-the-truth', status: 'fail', reason: expect.stringMatching(/^In "after creating, the RP says where it went": Error: provider said to hold it/) },
  ]);
  expect(judged.errorDimensions).toEqual(['tells-the-truth']);
});

test('a failure that stopped the scenario leaves the dimensions it had not failed unjudged, saying where it stopped', () => {
  const verdicts = judgeDimensions(outcome({ errors: [{ message: 'RpStepError: sign-in (discoverable) failed; the RP said: no' }], seen: seen({ places: [signIn], stoppedIn: signIn }) })).verdicts;
  expect(verdicts[0]).toMatchObject({ dimension: 'works', status: 'fail' });
  expect(verdicts[1]).toMatchObject({ dimension: 'tells-the-truth', status: 'not-applicable', reason: expect.stringContaining('stopped at "passkey sign-in must work"') });
});

test('a failure outside every check counts against the main dimension and may have stopped the scenario', () => {
  expect(statuses(outcome({ declared: ['tells-the-truth', 'works'], errors: [soft('x')], seen: seen({ places: [null] }) }))).toEqual(['works:not-applicable', 'tells-the-truth:fail']);
});

test('a dimension none of whose checks ran is not judged, with the reason a check gave or a plain one; the main one is the test\'s own', () => {
  const lacking = 'Demo has no help after a failed passkey sign-in';
  const judged = judgeDimensions(outcome({ declared: ['works', 'tells-the-truth', 'leaves-a-way-in'], status: 'passed', seen: seen({ entered: ['works'], notJudged: [{ dimension: 'leaves-a-way-in', reason: lacking }] }) }));
  expect(judged.verdicts).toEqual([
    { dimension: 'works', status: 'pass', reason: null },
    { dimension: 'tells-the-truth', status: 'not-applicable', reason: expect.stringContaining('none of the scenario') },
    { dimension: 'leaves-a-way-in', status: 'not-applicable', reason: lacking },
  ]);
});

test('trouble means no verdict in any dimension; a skipped or not-applicable test gives its reason to each', () => {
  expect(statuses(outcome({ errors: [soft('x')], seen: seen({ places: [creation] }), trouble: 'the RP answered 502' }))).toEqual(['works:error', 'tells-the-truth:error']);
  expect(judgeDimensions(outcome({ status: 'skipped', notApplicable: 'no autofill here' })).verdicts.map((v) => v.reason)).toEqual(['no autofill here', 'no autofill here']);
  expect(statuses(outcome({ status: 'skipped', skipped: 'checked once per environment' }))).toEqual(['works:skipped', 'tells-the-truth:skipped']);
});

test('a timeout in a dimension is an error there, not a fail', () => {
  expect(statuses(outcome({ errors: [{ message: 'Test timeout of 30000ms exceeded.' }], seen: seen({ places: [signIn], stoppedIn: signIn }) }))).toEqual(['works:error', 'tells-the-truth:not-applicable']);
});

test("a cell's dimension: any error, then any fail, then a pass; not applicable, saying why, when no scenario judges it", () => {
  const scenario = (name: string, dimensions: ScenarioResult['dimensions']): ScenarioResult => ({ scenario: name, name, status: 'pass', reason: null, dimensions, failedChecks: [], durationMs: 0, timing: null, checkedIn: null, evidence: null });
  const cell = cellDimensions([
    scenario('a', [{ dimension: 'works', status: 'pass', reason: null }, { dimension: 'tells-the-truth', status: 'fail', reason: 'silent' }]),
    scenario('b', [{ dimension: 'works', status: 'not-applicable', reason: 'no autofill' }, { dimension: 'leaves-a-way-in', status: 'not-applicable', reason: 'no help' }]),
  ]);
  expect(cell).toEqual([
    { dimension: 'works', status: 'pass', reason: null },
    { dimension: 'tells-the-truth', status: 'fail', reason: 'a: silent' },
    { dimension: 'leaves-a-way-in', status: 'not-applicable', reason: 'b: no help' },
    { dimension: 'safe', status: 'not-applicable', reason: 'No scenario of this run judges it.' },
  ]);
});
