import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runMatrix } from '../cli/runMatrix';

const SHOWN = 'the management page names the provider, the sync state and where the passkey was made';

test('two checks failing in one scenario are both in the report, each with its step, expected and received', async () => {
  // An eligible passkey shown as synced, and no provider icon: two checks of one step.
  const run = await runMatrix(
    ['--env', 'windows-edge', '--provider', '1password', '--sync', 'eligible', '--scenario', 'management-page-names-the-provider', '--fault', 'misreport-sync,no-provider-icon', '--trace=off'],
    2 * 60_000,
  );
  expect(run.report, run.output.slice(-3000)).not.toBeNull();
  const [cell] = run.report!.cells;
  const [scenario] = cell!.scenarios;
  expect(scenario!.status).toBe('fail');
  expect(scenario!.failedChecks).toEqual([
    { step: SHOWN, message: "the provider's own icon is shown", expected: '"1password"', received: 'null', explained: SHOWN },
    { step: SHOWN, message: 'sync state shown', expected: '"eligible"', received: '"synced"', explained: SHOWN },
  ]);
  expect(scenario!.reason).toMatch(new RegExp(`^2 checks failed\\. The first, in ${SHOWN}:\\nError: the provider's own icon is shown`));
  const html = readFileSync(path.join(run.reportDir, 'compat-matrix.html'), 'utf8');
  expect(html).toContain('<div class="check">the provider&#39;s own icon is shown</div>');
  expect(html).toContain('<div class="check">sync state shown</div><div class="pair"><div><b>Expected</b><pre>&quot;eligible&quot;</pre></div><div><b>Received</b><pre>&quot;synced&quot;</pre></div></div>');
  // JUnit reads Playwright's own errors: both are there too.
  const junit = readFileSync(path.join(run.reportDir, 'junit.xml'), 'utf8');
  expect(junit).toContain('the provider&apos;s own icon is shown');
  expect(junit).toContain('sync state shown');
  expect(run.exitCode).not.toBe(0);
});
