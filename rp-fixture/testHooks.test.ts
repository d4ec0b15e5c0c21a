import { expect, test } from '@playwright/test';
import { startFixtureRp } from './server';

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
