import { expect, test } from '@playwright/test';
import { RpStepError } from './adapter';
import { CreationViewSchema } from './adapterViews';
import {
  exitStatusOf,
  judgeCall,
  judgeRefusedOrLetIn,
  judgeSignedInAs,
  judgeSignIn,
  judgeSignInWithoutPasskey,
  notTried,
  signedInAfter,
  type Attempt,
} from './adapterCheckVerdict';

const resolved = <T>(value: T): Attempt<T> => ({ ok: true, value });
const threw = (error: unknown): Attempt<never> => ({ ok: false, error });
const view = { expectedProviders: [], wontSyncWarning: false, saved: { providerName: null, sync: 'unknown' }, deviceBoundAdvice: false };
const timeout = Object.assign(new Error('locator.click: Timeout 10000ms exceeded.\nCall log: ...'), { name: 'TimeoutError' });

test.describe('register and the other calls that must resolve', () => {
  test('a view of the right shape and the user signed in afterwards is a pass', () => {
    const verdict = judgeCall('register', resolved(view), CreationViewSchema, [signedInAfter(resolved('ann'), 'ann')]);
    expect(verdict).toEqual({ method: 'register', result: 'pass', why: 'resolved; then signedInAs gave "ann"' });
  });

  test('a view of the wrong shape is named by its field', () => {
    const verdict = judgeCall('register', resolved({ ...view, saved: { providerName: null, sync: 'yes' } }), CreationViewSchema);
    expect(verdict.result).toBe('fail');
    expect(verdict.why).toMatch(/^resolved with the wrong shape: saved\.sync: .* \(got "yes"\)$/);
  });

  test('a field the contract does not have is the wrong shape too', () => {
    expect(judgeCall('register', resolved({ ...view, provider: 'x' }), CreationViewSchema).why).toContain('provider');
  });

  test('still signed out afterwards is a fail, saying what signedInAs gave', () => {
    const verdict = judgeCall('register', resolved(view), CreationViewSchema, [signedInAfter(resolved(null), 'ann')]);
    expect(verdict).toEqual({ method: 'register', result: 'fail', why: 'resolved, but then signedInAs gave null, not "ann"' });
  });

  test('a throw is a fail in one line, its name and first line', () => {
    expect(judgeCall('signOut', threw(timeout), null).why).toBe('threw TimeoutError: locator.click: Timeout 10000ms exceeded');
  });
});

test("a Playwright error's terminal colours are left out of its one line", () => {
  const coloured = Object.assign(new Error('\u001b[2mlocator.click: Timeout 10000ms exceeded.\u001b[22m\nCall log:'), { name: 'TimeoutError' });
  expect(judgeCall('signOut', threw(coloured), null).why).toBe('threw TimeoutError: locator.click: Timeout 10000ms exceeded');
});

test.describe('signedInAs', () => {
  test('the username signed in and null signed out is a pass', () => {
    expect(judgeSignedInAs(resolved('ann'), resolved(null), 'ann')).toEqual({ method: 'signedInAs', result: 'pass', why: 'gave "ann" while signed in, null while signed out' });
  });

  test('an empty string for signed out is a fail: the contract says null', () => {
    expect(judgeSignedInAs(resolved('ann'), resolved(''), 'ann')).toEqual({ method: 'signedInAs', result: 'fail', why: 'gave "" while signed out, not null' });
  });

  test('another shape than a string or null is a fail', () => {
    expect(judgeSignedInAs(resolved({ name: 'ann' }), null, 'ann').why).toMatch(/^resolved with the wrong shape while signed in/);
  });

  test('with nothing asked it is not tried', () => {
    expect(judgeSignedInAs(null, null, 'ann').result).toBe('not-tried');
  });
});

test.describe('a passkey sign-in', () => {
  test('resolved and signed in is a pass', () => {
    expect(judgeSignIn('signIn (discoverable)', resolved(undefined), signedInAfter(resolved('ann'), 'ann'), null).result).toBe('pass');
  });

  test('a page that signed in by itself before the adapter clicked gets the advice to wait for the signed-in state', () => {
    const verdict = judgeSignIn('signIn (discoverable)', threw(timeout), signedInAfter(resolved('ann'), 'ann'), { mode: 'modal', answered: true });
    expect(verdict.result).toBe('fail');
    expect(verdict.why).toBe(
      'the RP signed in by itself on page load (modal request) before the adapter acted, and signIn then threw TimeoutError: locator.click: Timeout 10000ms exceeded: after opening the page, wait for the signed-in state instead of clicking',
    );
  });

  test('an adapter that waited for the sign-in the page started passes, saying so', () => {
    const verdict = judgeSignIn('signIn (discoverable)', resolved(undefined), signedInAfter(resolved('ann'), 'ann'), { mode: 'modal', answered: true });
    expect(verdict).toMatchObject({ result: 'pass', why: expect.stringContaining('the RP signed in by itself on page load; the adapter waited for it') });
  });

  test('an autofill request on load explains no failure: the throw is reported as it is', () => {
    const verdict = judgeSignIn('signIn (discoverable)', threw(timeout), signedInAfter(resolved(null), 'ann'), { mode: 'autofill', answered: false });
    expect(verdict.why).toBe('threw TimeoutError: locator.click: Timeout 10000ms exceeded');
  });

  test('resolving while still signed out is a fail', () => {
    expect(judgeSignIn('signIn (discoverable)', resolved(undefined), signedInAfter(resolved(null), 'ann'), null).why).toBe('signed in, but then signedInAs gave null, not "ann"');
  });
});

test.describe('a passkey sign-in with no passkey on the authenticator', () => {
  test('RpStepError with the words the RP showed is a pass', () => {
    const verdict = judgeSignInWithoutPasskey('signIn (no passkey)', threw(new RpStepError('sign-in', 'No passkey found.')));
    expect(verdict).toEqual({ method: 'signIn (no passkey)', result: 'pass', why: 'threw RpStepError: the RP said "No passkey found."' });
  });

  test('RpStepError without words is a fail', () => {
    expect(judgeSignInWithoutPasskey('signIn (no passkey)', threw(new RpStepError('sign-in', '  '))).result).toBe('fail');
  });

  test('a timeout is a fail, saying to throw RpStepError with the RP words', () => {
    expect(judgeSignInWithoutPasskey('signIn (no passkey)', threw(timeout)).why).toBe(
      "threw TimeoutError: locator.click: Timeout 10000ms exceeded, not RpStepError: wait for the RP's failure message and throw RpStepError with its words",
    );
  });

  test('resolving is a fail', () => {
    expect(judgeSignInWithoutPasskey('signIn (no passkey)', resolved(undefined)).result).toBe('fail');
  });

  test('an RpStepError from another copy of adapter.ts counts by its name', () => {
    const copy = Object.assign(new Error('x'), { name: 'RpStepError', shown: 'No passkey found.' });
    expect(judgeSignInWithoutPasskey('signIn (no passkey)', threw(copy)).result).toBe('pass');
  });
});

test.describe('a sign-in without every secret', () => {
  test('refused with RpStepError keeps the contract', () => {
    expect(judgeRefusedOrLetIn('signInWithWrongCode', threw(new RpStepError('s', 'Wrong code.')), signedInAfter(resolved(null), 'bo'))).toEqual({
      method: 'signInWithWrongCode',
      result: 'pass',
      why: 'the RP refused: "Wrong code."',
    });
  });

  test('let in and signed in keeps it too: the matrix judges the RP', () => {
    expect(judgeRefusedOrLetIn('signInWithWrongCode', resolved({ passkeyOffered: false }), signedInAfter(resolved('bo'), 'bo')).result).toBe('pass');
  });

  test('resolving while not signed in breaks it', () => {
    expect(judgeRefusedOrLetIn('signInWithWrongCode', resolved({ passkeyOffered: false }), signedInAfter(resolved(null), 'bo')).result).toBe('fail');
  });

  test('another error than RpStepError breaks it', () => {
    expect(judgeRefusedOrLetIn('signInWithWrongCode', threw(timeout), signedInAfter(resolved(null), 'bo')).result).toBe('fail');
  });
});

test('the exit status is 1 only when a method did not do what the contract says', () => {
  const pass = judgeCall('signOut', resolved(undefined), null);
  expect(exitStatusOf([pass, notTried('signIn (cross-device)', 'needs a phone')])).toBe(0);
  expect(exitStatusOf([pass, judgeCall('signOut', threw(timeout), null)])).toBe(1);
});
