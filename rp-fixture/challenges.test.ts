import { expect, test } from '@playwright/test';
import { CHALLENGE_TTL_MS, ChallengeStore } from './challenges';

const SIGN_IN = { ceremony: 'authentication' } as const;

test('a challenge is taken once, by the session that got it', () => {
  const store = new ChallengeStore();
  store.issue('session-a', 'c1', SIGN_IN);
  expect(store.take('session-b', 'c1')).toBeUndefined();
  expect(store.take('session-a', 'c1')).toEqual(SIGN_IN);
  expect(store.take('session-a', 'c1')).toBeUndefined();
});

test('a challenge expires after five minutes', () => {
  let now = 0;
  const store = new ChallengeStore(() => now);
  store.issue('s', 'c1', SIGN_IN);
  store.issue('s', 'c2', SIGN_IN);
  now = CHALLENGE_TTL_MS - 1;
  expect(store.take('s', 'c1')).toEqual(SIGN_IN);
  now = CHALLENGE_TTL_MS;
  expect(store.take('s', 'c2')).toBeUndefined();
});

test('overlapping ceremonies of one session both stay open; a replaced session loses them', () => {
  const store = new ChallengeStore();
  store.issue('s', 'autofill', SIGN_IN);
  store.issue('s', 'button', SIGN_IN);
  expect(store.take('s', 'button')).toEqual(SIGN_IN);
  store.dropSession('s');
  expect(store.take('s', 'autofill')).toBeUndefined();
});

test('replayable (fault replayable-challenge): any session may use a challenge again until it expires', () => {
  let now = 0;
  const store = new ChallengeStore(() => now, { replayable: true });
  store.issue('s', 'c1', SIGN_IN);
  expect(store.take('s', 'c1')).toEqual(SIGN_IN);
  expect(store.take('s', 'c1')).toEqual(SIGN_IN);
  store.dropSession('s');
  expect(store.take('other', 'c1')).toEqual(SIGN_IN);
  now = CHALLENGE_TTL_MS;
  expect(store.take('s', 'c1')).toBeUndefined();
});
