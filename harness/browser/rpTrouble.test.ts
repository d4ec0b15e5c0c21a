import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '@playwright/test';
import { watchRpTrouble } from './rpTrouble';

test('a device notes 5xx answers and unanswered requests from the RP only, and a crashed page', async ({ browser }) => {
  const server = http.createServer((req, res) => {
    res.statusCode = req.url === '/boom' ? 503 : 200;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = await browser.newContext();
  const trouble = watchRpTrouble(context, origin);
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/ok`);
    await page.goto(`${origin}/boom`);
    expect(trouble.seen()).toEqual(['the RP answered 503 to GET /boom']);
    expect(trouble.serverErrors()).toEqual(['the RP answered 503 to GET /boom']);
    trouble.clear();
    expect(trouble.serverErrors()).toEqual([]);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await page.goto(`${origin}/gone`).catch(() => undefined);
    expect(trouble.seen()).toEqual([expect.stringMatching(/^the RP did not answer GET \/gone: net::ERR_CONNECTION_REFUSED/)]);
    expect(trouble.serverErrors(), 'no answer is trouble, not a 5xx').toEqual([]);
    trouble.clear();
    await page.goto('http://127.0.0.1:9/elsewhere').catch(() => undefined); // not the RP: not its trouble
    expect(trouble.seen()).toEqual([]);
    const crashed = page.waitForEvent('crash', { timeout: 10_000 });
    // The protocol's own way to crash a renderer: navigating to chrome://crash is not honoured everywhere.
    // Not awaited: the crashed renderer never answers the command.
    void (await context.newCDPSession(page)).send('Page.crash').catch(() => undefined);
    await crashed;
    expect(trouble.seen()).toEqual(['the page crashed']);
  } finally {
    await context.close();
    server.close();
  }
});
