import { test, expect } from '@playwright/test';
import { renderCompatHtml } from './renderCompatHtml';
import { cellStatus, countTotals, CompatReport, type CellResult } from './compatReport';
import { classifyFailure } from './classifyFailure';

const hostile = '<img src=x onerror="alert(1)">';

function cell(overrides: Partial<CellResult>): CellResult {
  return {
    id: 'windows-edge/windows-hello/device-bound',
    environment: 'windows-edge',
    os: 'windows',
    browser: 'edge',
    environmentLabel: 'Edge on Windows',
    provider: 'windows-hello',
    providerName: 'Windows Hello',
    sync: 'device-bound',
    support: 'usable',
    status: 'pass',
    reason: null,
    scenarios: [{ scenario: 'register-and-sign-in', name: 'register', status: 'pass', reason: null, durationMs: 12 }],
    ...overrides,
  };
}

function report(cells: CellResult[]): CompatReport {
  return CompatReport.parse({
    schemaVersion: 1,
    generatedAt: '2026-11-25T00:00:00.000Z',
    snapshot: { id: '2024-12', date: '2024-12-26', source: 'https://blog.agektmr.com/2024/12/passkeys-tips' },
    engine: 'chromium 156.0.8078.73',
    rp: { url: 'http://localhost:1234', kind: 'fixture', faults: [] },
    totals: countTotals(cells),
    environments: [
      { id: 'windows-edge', label: 'Edge on Windows', userAgent: `Mozilla/5.0 ${hostile}`, clientHints: true, capabilities: ['Signal API hidden'] },
    ],
    cells,
  });
}

test('everything shown is escaped: a hostile scenario name, reason or RP message stays text', () => {
  const html = renderCompatHtml(
    report([
      cell({
        status: 'fail',
        reason: hostile,
        scenarios: [{ scenario: 'register-and-sign-in', name: hostile, status: 'fail', reason: `the RP said: ${hostile}`, durationMs: 1 }],
      }),
    ]),
  );
  expect(html).not.toContain('<img');
  expect(html).toContain('Mozilla/5.0 &lt;img');
  expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
});

test('the page has a table per OS with browsers as columns and a badge per sync flag', () => {
  const html = renderCompatHtml(
    report([
      cell({}),
      cell({ id: 'windows-chrome/windows-hello/device-bound', environment: 'windows-chrome', browser: 'chrome', environmentLabel: 'Chrome on Windows' }),
      cell({ id: 'windows-edge/windows-hello/synced', sync: 'synced', status: 'not-applicable', reason: 'Windows Hello passkeys never sync.' }),
    ]),
  );
  expect(html).toContain('<h2>Windows</h2>');
  expect(html).toMatch(/<th scope="col">Edge<\/th><th scope="col">Chrome<\/th>/);
  expect(html).toContain('Windows Hello passkeys never sync.');
  expect(html).toContain('chromium 156.0.8078.73');
  expect(html).not.toMatch(/<script|https?:\/\/(?!localhost|blog\.agektmr)/);
});

test('a cell is an error before a fail before a pass', () => {
  const s = (status: CellResult['status']) => ({ scenario: 'register-and-sign-in', name: status, status, reason: null, durationMs: 0 });
  expect(cellStatus([s('pass'), s('fail')])).toBe('fail');
  expect(cellStatus([s('fail'), s('error'), s('pass')])).toBe('error');
  expect(cellStatus([s('pass'), s('not-applicable')])).toBe('pass');
  expect(cellStatus([s('not-applicable')])).toBe('not-applicable');
  expect(countTotals([cell({}), cell({ status: 'fail' })])).toEqual({
    cells: 2, pass: 1, fail: 1, 'not-applicable': 0, skipped: 0, error: 0,
  });
});

test('a failed expectation or an RP refusal is a verdict; a timeout is an error', () => {
  expect(classifyFailure([{ message: 'Error: expect(received).toBe(expected)\n\nExpected: "a"' }]).status).toBe('fail');
  expect(classifyFailure([{ message: 'RpStepError: registration failed; the RP said: no' }]).status).toBe('fail');
  expect(classifyFailure([{ message: 'Test timeout of 30000ms exceeded.' }]).status).toBe('error');
  expect(classifyFailure([{ message: 'Error: page.goto: net::ERR_CONNECTION_REFUSED' }]).status).toBe('error');
  expect(classifyFailure([{ message: '\u001b[31mError: expect(x)\u001b[39m\n    at foo (a.ts:1:1)' }]).reason).toBe('Error: expect(x)');
});
