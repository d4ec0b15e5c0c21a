// An RP nobody here wrote, that only does passkeys (harness/e2e/passkeyOnlyRp/: register and sign in,
// nothing said about where a passkey goes, no help, no other way in), driven through the plain
// adapter docs/own-rp.md walks through. It must read as exactly that: passkeys
// work; the site does not tell the truth where it stays silent; a way in is not judged, with the
// adapter's reason.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runMatrix } from '../cli/runMatrix';
import { startPasskeyOnlyRp } from './passkeyOnlyRp/server';

const ADAPTER = 'harness/e2e/passkeyOnlyRp/adapter.ts';
const NO_HELP = 'Passkey demo has no help after a failed passkey sign-in: a failed sign-in shows its error and nothing more';

test('a passkey-only RP: passkeys work in every cell, it tells the truth in none, a way in is not judged, saying why', async () => {
  const rp = await startPasskeyOnlyRp();
  try {
    const scope = ['--env', 'windows-chrome,macos-safari,android-chrome', '--provider', 'google-password-manager,icloud-keychain,windows-hello'];
    const scenarios = ['--scenario', 'register-and-sign-in,passkey-only-account-lost,sign-in-interrupted'];
    const run = await runMatrix(['--rp-url', rp.url, '--rp-adapter', ADAPTER, ...scope, ...scenarios, '--trace=off'], 10 * 60_000);
    expect(run.report, run.output.slice(-3000)).not.toBeNull();
    const report = run.report!;
    const ran = report.cells.filter((cell) => cell.status !== 'not-applicable');
    expect(ran.length, 'cells the support data allows').toBeGreaterThanOrEqual(6);
    for (const cell of ran) {
      const verdict = Object.fromEntries(cell.dimensions.map((d) => [d.dimension, d]));
      expect(verdict.works, `${cell.id}: passkeys work`).toMatchObject({ status: 'pass' });
      expect(verdict['tells-the-truth'], `${cell.id}: the site says nothing of where the passkey went`).toMatchObject({ status: 'fail' });
      expect(verdict['leaves-a-way-in'], `${cell.id}: no help to judge`).toEqual({ dimension: 'leaves-a-way-in', status: 'not-applicable', reason: expect.stringContaining(NO_HELP) });
      expect(verdict.safe, `${cell.id}: no security scenario ran`).toMatchObject({ status: 'not-applicable', reason: 'No scenario of this run judges it.' });
      const registered = cell.scenarios.find((s) => s.scenario === 'register-and-sign-in')!;
      expect(registered.failedChecks.length).toBeGreaterThan(0);
      expect(new Set(registered.failedChecks.map((c) => c.dimension)), 'every failed check of the creation story is about what the site says').toEqual(new Set(['tells-the-truth']));
      expect(registered.failedChecks.map((c) => c.message)).toContainEqual(expect.stringContaining('the RP says where the passkey was saved and whether it syncs (it said nothing)'));
    }
    expect(report.totals.dimensions.works).toMatchObject({ pass: ran.length, fail: 0, error: 0 });
    expect(report.totals.dimensions['tells-the-truth']).toMatchObject({ pass: 0, fail: ran.length });
    expect(run.exitCode, 'every dimension gates by default: the truth fails the run').toBe(1);
    expect(run.output).toMatch(new RegExp(`Passkeys work: ${ran.length} of ${ran.length} judged cells pass`));
    const junit = readFileSync(path.join(run.reportDir, 'junit.xml'), 'utf8');
    expect(junit).toContain('<property name="passkey-matrix:works" value="pass">');
    expect(junit).toContain('<property name="passkey-matrix:tells-the-truth" value="fail">');

  } finally {
    await rp.close();
  }
  // A team that gates its release on passkeys working and being safe: the same verdicts, exit 0. A
  // fresh RP: usernames are the same on every run, and the demo keeps the first run's accounts.
  const fresh = await startPasskeyOnlyRp();
  try {
    const gated = await runMatrix(['--rp-url', fresh.url, '--rp-adapter', ADAPTER, '--env', 'windows-chrome', '--provider', 'windows-hello', '--scenario', 'register-and-sign-in', '--gate', 'works,safe', '--trace=off'], 5 * 60_000);
    expect(gated.report!.totals.dimensions['tells-the-truth'].fail, gated.output.slice(-2000)).toBe(1);
    expect(gated.exitCode, gated.output.slice(-2000)).toBe(0);
    expect(gated.output).toMatch(/Tells the truth: 0 of 1 judged cell passes \(1 fail, .*\) \(not gated\)/);
  } finally {
    await fresh.close();
  }
});
