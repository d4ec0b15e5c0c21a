import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runMatrix } from '../cli/runMatrix';

const SHOWN = 'the management page names the provider, the sync state and where the passkey was made';
const SAID = 'after creating, the RP says where it went and whether it syncs';

test('two checks failing in one scenario are both in the report, each with its step, expected and received', async () => {
  // An eligible passkey said to be synced when saved (so not warned that it is not backed up yet) and
  // shown as synced, and no provider icon: four checks, two in each step.
  const run = await runMatrix(
    ['--env', 'windows-edge', '--provider', '1password', '--sync', 'eligible', '--scenario', 'management-page-names-the-provider', '--fault', 'misreport-sync,no-provider-icon', '--trace=off'],
    2 * 60_000,
  );
  expect(run.report, run.output.slice(-3000)).not.toBeNull();
  const [cell] = run.report!.cells;
  const [scenario] = cell!.scenarios;
  expect(scenario!.status).toBe('fail');
  expect(scenario!.failedChecks).toEqual([
    { step: SAID, message: 'sync state said', expected: '"eligible"', received: '"synced"', explained: SAID, dimension: 'tells-the-truth' },
    { step: SAID, message: 'warning that it is only on this device until backed up given (the passkey is eligible)', expected: 'true', received: 'false', explained: SAID, dimension: 'tells-the-truth' },
    { step: SHOWN, message: "the provider's own icon is shown", expected: '"1password"', received: 'null', explained: SHOWN, dimension: 'tells-the-truth' },
    { step: SHOWN, message: 'sync state shown', expected: '"eligible"', received: '"synced"', explained: SHOWN, dimension: 'tells-the-truth' },
  ]);
  // What the site says is untrue; the passkey itself works: the verdicts say so apart.
  expect(scenario!.dimensions).toEqual([
    { dimension: 'works', status: 'pass', reason: null },
    { dimension: 'tells-the-truth', status: 'fail', reason: expect.stringMatching(/^In "after creating, the RP says where it went and whether it syncs": 4 checks failed/) },
  ]);
  expect(scenario!.reason).toMatch(new RegExp(`^4 checks failed\\. The first, in ${SAID}:\\nError: sync state said`));
  const html = readFileSync(path.join(run.reportDir, 'compat-matrix.html'), 'utf8');
  expect(html).toContain('<div class="check">the provider&#39;s own icon is shown</div>');
  expect(html).toContain('<div class="check">sync state shown</div><div class="pair"><div><b>Expected</b><pre>&quot;eligible&quot;</pre></div><div><b>Received</b><pre>&quot;synced&quot;</pre></div></div>');
  // JUnit reads Playwright's own errors: all four are there too (the first as the failure's message).
  const junit = readFileSync(path.join(run.reportDir, 'junit.xml'), 'utf8');
  expect(junit).toContain('<failure message="sync state said"');
  expect(junit).toContain("Error: the provider's own icon is shown");
  expect(junit).toContain('Error: sync state shown');
  expect(junit).toContain('Error: warning that it is only on this device until backed up given (the passkey is eligible)');
  expect(run.exitCode).not.toBe(0);
});
