import { expect, test } from '@playwright/test';
import { startFixtureRp } from './server/server';
import { ApiClient } from './testSupport/apiClient';
import { signUpWithPassword, TestClock } from './testSupport/waysInClient';

test('with test hooks on, the clock is read and moved forward only', async () => {
  const rp = await startFixtureRp({ config: { testHooks: true } });
  try {
    const read = async () => new Date(((await (await fetch(`${rp.url}/test-hooks/clock`)).json()) as { now: string }).now).getTime();
    const advance = (body: unknown) => fetch(`${rp.url}/test-hooks/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const before = await read();
    expect((await advance({ advanceSeconds: 31 * 24 * 3600 })).status).toBe(200);
    expect((await read()) - before).toBeGreaterThanOrEqual(31 * 24 * 3600 * 1000);
    for (const bad of [{ advanceSeconds: -1 }, { advanceSeconds: 1.5 }, { advanceSeconds: '60' }, { minutes: 1 }]) {
      const answer = await advance(bad);
      expect(answer.status, JSON.stringify(bad)).toBe(400);
      expect(((await answer.json()) as { code: string }).code).toBe('bad-request');
    }
  } finally {
    await rp.stop();
  }
});

test('without test hooks, there is no clock to move', async () => {
  const rp = await startFixtureRp();
  try {
    expect((await fetch(`${rp.url}/test-hooks/clock`)).status).toBe(404);
  } finally {
    await rp.stop();
  }
});

test('with test hooks on and no SMTP server set, the mail the RP sent is read once, and a wait is bounded', async () => {
  const rp = await startFixtureRp({ config: { testHooks: true } });
  try {
    const mail = (query: string) => fetch(`${rp.url}/test-hooks/mail?${query}`);
    const clock = new TestClock();
    clock.time = Date.parse(((await (await fetch(`${rp.url}/test-hooks/clock`)).json()) as { now: string }).now);
    await signUpWithPassword(new ApiClient(rp.url), clock, { username: 'mia', password: 'correct horse battery', email: 'Mia@Example.test' });
    const confirmation = await mail('to=mia@example.test&timeoutMs=5000');
    expect(confirmation.status).toBe(200);
    const received = (await confirmation.json()) as { to: string[]; links: string[] };
    expect(received.to).toEqual(['mia@example.test']);
    expect(received.links).toEqual([expect.stringContaining(`${rp.url}/verify-email?token=`)]);
    const again = await mail('to=mia@example.test&timeoutMs=200');
    expect(again.status).toBe(404);
    expect(((await again.json()) as { code: string }).code).toBe('no-mail');
    expect((await mail('to=mia@example.test&timeoutMs=60000')).status).toBe(400);
    expect((await mail('timeoutMs=10')).status).toBe(400);
  } finally {
    await rp.stop();
  }
});

test('with an SMTP server set, the mail hook says where the mail went', async () => {
  const rp = await startFixtureRp({ config: { testHooks: true, smtp: { host: '127.0.0.1', port: 2525 } } });
  try {
    const answer = await fetch(`${rp.url}/test-hooks/mail?to=a@example.test&timeoutMs=0`);
    expect(answer.status).toBe(404);
    expect(((await answer.json()) as { code: string }).code).toBe('no-mailbox');
  } finally {
    await rp.stop();
  }
});
