import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { postWithoutBody } from './bodilessPost';

test('a POST with no body: neither Content-Length nor Transfer-Encoding, the given headers kept, the status read', async () => {
  let seen: { method?: string | undefined; url?: string | undefined; headers?: IncomingHttpHeaders } = {};
  const server = createServer((req, res) => {
    seen = { method: req.method, url: req.url, headers: req.headers };
    res.writeHead(418).end('short and stout');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/options?x=1`;
    const status = await postWithoutBody(url, { 'x-csrf-token': 't0k3n', cookie: 'sid=1', 'content-type': 'application/json', 'content-length': '5' }, 5_000);
    expect(status).toBe(418);
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/api/options?x=1');
    expect(seen.headers).toMatchObject({ 'x-csrf-token': 't0k3n', cookie: 'sid=1' });
    expect(seen.headers).not.toHaveProperty('content-length');
    expect(seen.headers).not.toHaveProperty('transfer-encoding');
    expect(seen.headers).not.toHaveProperty('content-type');
  } finally {
    server.close();
  }
});

test('no server, or none that answers in time: said in words, never a status', async () => {
  const silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as AddressInfo).port;
  try {
    expect(await postWithoutBody(`http://127.0.0.1:${port}/`, {}, 300)).toBe('no answer within 300 ms');
  } finally {
    silent.closeAllConnections();
    silent.close();
  }
  expect(await postWithoutBody(`http://127.0.0.1:${port}/`, {}, 2_000)).toMatch(/^no answer \(connect ECONNREFUSED/);
});
