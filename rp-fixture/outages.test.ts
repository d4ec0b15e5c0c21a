import { expect, test } from '@playwright/test';
import { OutageError, parseOutage } from './outages';
import { startFixtureRp } from './server/server';

test('outages are read from text, and bad text is one line with the forms to use', () => {
  expect(parseOutage('500:/api/authentication')).toEqual({ kind: '500', pathPrefix: '/api/authentication' });
  expect(parseOutage('hang:/api/registration/verify')).toEqual({ kind: 'hang', pathPrefix: '/api/registration/verify' });
  expect(parseOutage('exit-after:40')).toEqual({ kind: 'exit-after', requests: 40 });
  for (const bad of ['500', '500:api', 'hang:', 'exit-after:x', 'slow:/']) {
    expect(() => parseOutage(bad), bad).toThrow(OutageError);
    expect(() => parseOutage(bad)).toThrow(/use --outage 500:\/path\/prefix, --outage hang:\/path\/prefix or --outage exit-after:N/);
  }
});

test('an RP with outages answers 500 or nothing on their paths, the rest as usual, and dies after N requests', async () => {
  let died = 0;
  const list = [parseOutage('500:/api/authentication'), parseOutage('hang:/api/registration/verify'), parseOutage('exit-after:4')];
  const rp = await startFixtureRp({ outages: { list, die: () => void died++ } });
  try {
    const post = (path: string, signal?: AbortSignal) =>
      fetch(`${rp.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: rp.url }, body: '{}', ...(signal ? { signal } : {}) });
    expect((await fetch(`${rp.url}/signin`)).status).toBe(200);
    expect((await post('/api/authentication/options')).status).toBe(500);
    await expect(post('/api/registration/verify', AbortSignal.timeout(300))).rejects.toThrow(/aborted|timeout/i);
    expect((await fetch(`${rp.url}/register`)).status).toBe(200);
    expect(died).toBe(0);
    await fetch(`${rp.url}/signin`, { signal: AbortSignal.timeout(300) }).catch(() => undefined);
    expect(died).toBe(1);
  } finally {
    await rp.stop();
  }
});
