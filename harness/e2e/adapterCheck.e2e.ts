import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { runAdapterCheckCli } from '../cli/runMatrix';
import { startFixtureRpProcess } from '../rp/fixtureRpProcess';
import { startPasskeyOnlyRp, type SignInOnLoad } from './passkeyOnlyRp/server';

const DEMO_ADAPTER = 'harness/e2e/passkeyOnlyRp/adapter.ts';
const RUN_MS = 90_000;
/** The demo's core rows, each tried once; every other member is a feature it declares lacking. */
const DEMO_TRIED = ['register', 'signOut', 'signedInAs', 'signIn (discoverable)', 'signIn (username-first)', 'signIn (no passkey)'];

/** The table's row for `method`: its mark and why. */
function row(output: string, method: string): string {
  const line = output.split('\n').find((l) => l.startsWith(`${method}  `));
  if (!line) throw new Error(`no row for ${method} in:\n${output}`);
  return line.slice(method.length).trim();
}

/** A port nothing listens on: one that was free a moment ago. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function withDemo<T>(signInOnLoad: SignInOnLoad | undefined, use: (url: string) => Promise<T>): Promise<T> {
  const rp = await startPasskeyOnlyRp(signInOnLoad ? { signInOnLoad } : {});
  try {
    return await use(rp.url);
  } finally {
    await rp.close();
  }
}

for (const signInOnLoad of [undefined, 'modal', 'autofill'] as const) {
  test(`the demo RP's adapter does what the contract says${signInOnLoad ? `, its sign-in page starting ${signInOnLoad === 'modal' ? 'a modal' : 'an autofill'} sign-in on load` : ''}`, async () => {
    const run = await withDemo(signInOnLoad, (url) => runAdapterCheckCli(['--rp-url', url, '--rp-adapter', DEMO_ADAPTER], RUN_MS));
    expect(run.exitCode, run.output).toBe(0);
    for (const method of DEMO_TRIED) expect(row(run.output, method), method).toMatch(/^✓ /);
    expect(row(run.output, 'listPasskeys')).toBe('–  lacking (management-page): passkeys are not listed anywhere');
    expect(row(run.output, 'signIn (no passkey)')).toMatch(/^✓  threw RpStepError: the RP said "Error: /);
    const note = 'Note: the RP starts sign-in by itself on page load';
    if (signInOnLoad) expect(run.output).toContain(`${note} (${signInOnLoad}).`);
    else expect(run.output).not.toContain(note);
    if (signInOnLoad === 'modal') expect(row(run.output, 'signIn (discoverable)')).toContain('(the RP signed in by itself on page load; the adapter waited for it)');
  });
}

test('an adapter whose signOut does nothing: exit 1, signOut named, its screenshot kept', async () => {
  const run = await withDemo(undefined, (url) => runAdapterCheckCli(['--rp-url', url, '--rp-adapter', 'harness/e2e/adapterCheck/signOutDoesNothing.ts'], RUN_MS));
  expect(run.exitCode, run.output).toBe(1);
  expect(row(run.output, 'signOut')).toMatch(/^✗  resolved, but then signedInAs gave "adapter-check-[0-9a-f]{8}", not null$/);
  expect(row(run.output, 'register')).toMatch(/^✓ /);
  const screenshot = `${run.reportDir}/adapter-check/signOut.png`;
  expect(run.output).toContain(screenshot);
  expect(existsSync(screenshot)).toBe(true);
});

test('an adapter that clicks "Sign in" though the page signed in by itself on load is told to wait for the signed-in state', async () => {
  const run = await withDemo('modal', (url) => runAdapterCheckCli(['--rp-url', url, '--rp-adapter', 'harness/e2e/adapterCheck/clicksAtOnce.ts'], RUN_MS));
  expect(run.exitCode, run.output).toBe(1);
  expect(row(run.output, 'signIn (discoverable)')).toMatch(/^✗  the RP signed in by itself on page load \(modal request\) before the adapter acted, and signIn then threw TimeoutError: .*: after opening the page, wait for the signed-in state instead of clicking$/);
  expect(existsSync(`${run.reportDir}/adapter-check/signIn-discoverable.png`)).toBe(true);
});

test("the fixture RP's own adapter does what the contract says, every feature tried", async () => {
  const rp = await startFixtureRpProcess();
  try {
    const run = await runAdapterCheckCli(['--rp-url', rp.url], RUN_MS);
    expect(run.exitCode, run.output).toBe(0);
    expect(run.output).toMatch(/every method tried did what the contract says \(27 ✓, 0 ✗, 1 not tried, 0 lacking\)/);
    expect(run.output).toContain('Note: the RP starts sign-in by itself on page load (autofill).');
  } finally {
    await rp.stop();
  }
});

test('bad input is one line naming the flag and the fix, exit 2', async () => {
  const missing = await runAdapterCheckCli([], RUN_MS);
  expect(missing.exitCode).toBe(2);
  expect(missing.output.trim()).toBe('adapter:check: --rp-url is missing: give the URL of the running RP the adapter drives, e.g. --rp-url https://staging.example.test.');
  const noFile = await runAdapterCheckCli(['--rp-url', 'http://localhost:1', '--rp-adapter', 'no/such/adapter.ts'], RUN_MS);
  expect(noFile.exitCode).toBe(2);
  expect(noFile.output.trim()).toMatch(/^adapter:check: --rp-adapter \/ RP_ADAPTER \S+no\/such\/adapter\.ts: no such file; give the path of a module that exports an RpAdapter/);
  const closed = await closedPort();
  const unreachable = await runAdapterCheckCli(['--rp-url', `http://127.0.0.1:${closed}`], RUN_MS);
  expect(unreachable.exitCode).toBe(2);
  expect(unreachable.output.trim()).toBe(`adapter:check: --rp-url / RP_URL http://127.0.0.1:${closed} is unreachable (ECONNREFUSED); start the RP or fix the URL.`);
});
