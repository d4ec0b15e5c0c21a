import { expect, test } from '@playwright/test';
import { startFixtureRp, type RunningFixtureRp } from './server/server';

let rp: RunningFixtureRp | undefined;
test.afterEach(async () => {
  await rp?.stop();
  rp = undefined;
});

test('page scripts have versioned URLs a browser keeps; an unversioned one is asked again each time', async () => {
  rp = await startFixtureRp({});
  const page = await (await fetch(new URL('/register', rp.url))).text();
  const scripts = [...page.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
  expect(scripts.map((s) => s.replace(/\?v=[0-9a-f]{12}$/, '?v=…'))).toEqual(['/static/simplewebauthn-browser.js?v=…', '/static/rpApi.js?v=…', '/static/app.js?v=…']);
  for (const script of scripts) {
    const kept = await fetch(new URL(script, rp.url));
    expect(kept.status, script).toBe(200);
    expect(kept.headers.get('cache-control'), script).toBe('public, max-age=31536000, immutable');
  }
  const unversioned = await fetch(new URL('/static/app.js', rp.url));
  expect(unversioned.headers.get('cache-control')).toBe('no-cache');
  expect(await unversioned.text()).toBe(await (await fetch(new URL(scripts[2]!, rp.url))).text());
  const outdated = await fetch(new URL('/static/app.js?v=000000000000', rp.url));
  expect(outdated.headers.get('cache-control')).toBe('no-cache');
  expect((await fetch(new URL('/static/nothing.js', rp.url))).status).toBe(404);
});
