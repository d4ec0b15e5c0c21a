import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadMatrixData } from '../matrix/load';
import { expandCells } from '../matrix/cell';
import { runMatrix } from './runMatrix';

const data = loadMatrixData();
const snapshot = data.snapshots.at(-1)!;
const allCells = expandCells(data.environments, data.providers, snapshot);

test('the full matrix against the fixture RP: every cell present, every applicable cell green', async () => {
  const run = await runMatrix([], 40 * 60_000);
  expect(run.report, run.output.slice(-3000)).not.toBeNull();
  const report = run.report!;
  expect(report.cells.map((c) => c.id)).toEqual(allCells.map((c) => c.id));
  const expectedNa = allCells.filter((c) => c.notApplicableReason !== null).map((c) => c.id);
  expect(report.cells.filter((c) => c.status === 'not-applicable').map((c) => c.id)).toEqual(expectedNa);
  for (const cell of report.cells) {
    if (cell.status === 'not-applicable') expect(cell.reason, cell.id).toBeTruthy();
  }
  const notGreen = report.cells.filter((c) => c.status !== 'pass' && c.status !== 'not-applicable');
  expect(notGreen.map((c) => `${c.id}: ${c.status} ${c.reason}`)).toEqual([]);
  expect(report.totals.pass).toBe(allCells.length - expectedNa.length);
  expect(report.engine).toMatch(/^chromium \d+\./);
  expect(report.rp.kind).toBe('fixture');
  expect(run.exitCode, run.output.slice(-2000)).toBe(0);
  const html = readFileSync(path.join(run.reportDir, 'compat-matrix.html'), 'utf8');
  for (const os of ['Windows', 'macOS', 'iOS/iPadOS', 'Android', 'Linux', 'ChromeOS']) expect(html).toContain(`<h2>${os}</h2>`);
  expect(existsSync(path.join(run.reportDir, 'junit.xml'))).toBe(true);
  expect(existsSync(path.join(run.reportDir, 'playwright-report', 'index.html'))).toBe(true);
});

test('an RP that shows one provider wrongly turns exactly that provider\'s cells red', async () => {
  const onePassword = data.providers.find((p) => p.id === '1password')!;
  const envs = ['windows-edge', 'macos-safari', 'android-chrome'];
  const providers = ['1password', 'bitwarden', 'windows-hello'];
  const run = await runMatrix(
    ['--env', envs.join(','), '--provider', providers.join(','), '--fault', `mislabel-provider=${onePassword.aaguid}`],
    5 * 60_000,
  );
  expect(run.report, run.output.slice(-3000)).not.toBeNull();
  const cells = run.report!.cells;
  const expectedRed = allCells
    .filter((c) => envs.includes(c.environment.id) && c.provider.id === '1password' && c.notApplicableReason === null)
    .map((c) => c.id);
  expect(expectedRed.length).toBeGreaterThan(0);
  expect(cells.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(expectedRed);
  expect(cells.filter((c) => c.status === 'error')).toEqual([]);
  // Every scenario that shows the provider's name catches it; the management page check says so in words.
  for (const id of expectedRed) {
    const registration = cells.find((c) => c.id === id)!.scenarios.find((s) => s.name.startsWith('register a passkey'));
    expect(registration?.status, id).toBe('fail');
    expect(registration?.reason, id).toMatch(/provider said to hold it/);
  }
  expect(run.report!.rp.faults).toEqual([`mislabel-provider=${onePassword.aaguid}`]);
  expect(run.exitCode).not.toBe(0);
});

test('bad input gets one clear line and exit code 2, not a stack trace', async () => {
  const typo = await runMatrix(['--env', 'windows-egde'], 60_000);
  expect(typo.exitCode).toBe(2);
  expect(typo.output).toMatch(/unknown environment "windows-egde"; use one of .*windows-edge/);
  expect(typo.output).not.toMatch(/\n\s+at /);
  const provider = await runMatrix(['--provider', 'lastpass'], 60_000);
  expect(provider.exitCode).toBe(2);
  expect(provider.output).toMatch(/unknown provider "lastpass"/);
});
