import { test, expect } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMatrixData } from '../matrix/load';
import { expandCells } from '../matrix/cell';
import { runMatrix, runMergeReports, startMatrix } from '../cli/runMatrix';
import { startFixtureRpProcess } from '../rp/fixtureRpProcess';
import { comparableReport, differences } from '../report/comparableReport';
import { browserProcesses } from './browserProcess';
import { findChromium } from '../browser/findChromium';
import { startCpuBurners } from './cpuBurners';

const data = loadMatrixData();
const snapshot = data.snapshots.at(-1)!;
const allCells = expandCells(data.environments, data.providers, snapshot);

/** Traces are for reading a failure; these runs only count verdicts, and tracing costs ~15% of a cell. */
const NO_TRACES = '--trace=off';

test('the full matrix against the fixture RP: every cell present, every applicable cell green', async () => {
  const run = await runMatrix(['--scenario', 'register-and-sign-in', NO_TRACES], 30 * 60_000);
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
  // The engine line names the build and the binary that ran: the headless shell wherever it is installed.
  const browser = findChromium()!;
  expect(report.engine).toMatch(new RegExp(`^${browser.build === 'headless-shell' ? 'chromium-headless-shell' : 'chromium'} \\d+\\.`));
  expect(report.engine).toContain(`(${browser.executablePath})`);
  expect(report.rp.kind).toBe('fixture');
  expect(run.exitCode, run.output.slice(-2000)).toBe(0);
  const html = readFileSync(path.join(run.reportDir, 'compat-matrix.html'), 'utf8');
  for (const os of ['Windows', 'macOS', 'iOS/iPadOS', 'Android', 'Linux', 'ChromeOS']) expect(html).toContain(`<h2>${os}</h2>`);
  expect(existsSync(path.join(run.reportDir, 'junit.xml'))).toBe(true);
  expect(existsSync(path.join(run.reportDir, 'playwright-report', 'index.html'))).toBe(true);
});

// The environments whose browsers differ most: Windows Hello only, Apple only, no autofill nor Signal
// API, no hybrid client. Every scenario runs in all their cells.
const SLICE = ['windows-edge', 'macos-safari', 'android-firefox', 'linux-firefox'];

test('every scenario in every cell of four environments, with two CPU-burning processes beside the run: applicable ones green, the rest not applicable with a reason, no error', async () => {
  // A noisy CI runner: every wait and budget must hold when the machine is busy with something else.
  const burners = startCpuBurners(2);
  const run = await runMatrix(['--env', SLICE.join(','), NO_TRACES], 40 * 60_000).finally(() => burners.stop());
  expect(run.report, run.output.slice(-3000)).not.toBeNull();
  const scenarios = run.report!.cells.flatMap((cell) => cell.scenarios.map((scenario) => ({ cell: cell.id, ...scenario })));
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.spec.ts'));
  expect(new Set(scenarios.map((s) => s.scenario)).size, 'every scenario file ran').toBe(files.length);
  const notGreen = scenarios.filter((s) => s.status !== 'pass' && s.status !== 'not-applicable');
  expect(notGreen.map((s) => `${s.cell} · ${s.name}: ${s.status} ${s.reason}`)).toEqual([]);
  for (const s of scenarios) if (s.status === 'not-applicable') expect(s.reason, `${s.cell} · ${s.name}`).toBeTruthy();
  // Where the browser lacks what a scenario needs, it says so: no autofill in Firefox on Android, no QR code in Firefox on Linux.
  expect(scenarios.find((s) => s.cell.startsWith('android-firefox/') && s.scenario === 'autofill-sign-in')?.reason).toMatch(/no passkey autofill/);
  expect(scenarios.find((s) => s.cell.startsWith('linux-firefox/1password') && s.scenario === 'sign-in-with-a-phone')?.reason).toMatch(/no hybrid client/);
  // What the provider does not change ran once per environment: every other cell names that cell, of the same environment.
  for (const env of SLICE) {
    const csrf = scenarios.filter((s) => s.cell.startsWith(`${env}/`) && s.scenario === 'security-csrf' && s.status === 'pass');
    const ranIn = [...new Set(csrf.filter((s) => s.checkedIn === null).map((s) => s.cell))];
    expect(ranIn, env).toHaveLength(1);
    expect(csrf.filter((s) => s.checkedIn !== null).every((s) => s.checkedIn === ranIn[0]), env).toBe(true);
    expect(csrf.length, env).toBe(3 * run.report!.cells.filter((c) => c.environment === env && c.status !== 'not-applicable').length);
  }
  expect(run.exitCode, run.output.slice(-2000)).toBe(0);
});

// Each fault switch against the scenarios about it: `npm run selftest` (harness/selftest/).

test('an RP that shows one provider wrongly turns exactly that provider\'s cells red', async () => {
  const onePassword = data.providers.find((p) => p.id === '1password')!;
  const envs = ['windows-edge', 'macos-safari', 'android-chrome'];
  const providers = ['1password', 'bitwarden', 'windows-hello'];
  const run = await runMatrix(
    ['--env', envs.join(','), '--provider', providers.join(','), '--scenario', 'register-and-sign-in,management-page-names-the-provider', '--fault', `mislabel-provider=${onePassword.aaguid}`],
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
  // Both scenarios that show the provider's name catch it, and say so in words.
  for (const id of expectedRed) {
    const scenarios = cells.find((c) => c.id === id)!.scenarios;
    const registration = scenarios.find((s) => s.scenario === 'register-and-sign-in');
    expect(registration?.status, id).toBe('fail');
    expect(registration?.reason, id).toMatch(/provider said to hold it/);
    const management = scenarios.find((s) => s.scenario === 'management-page-names-the-provider');
    expect(management?.status, id).toBe('fail');
    // Its first check is what the RP said at creation (as in register-and-sign-in); the list names it.
    expect(management?.failedChecks.map((check) => check.message), id).toEqual(expect.arrayContaining(['provider said to hold it', 'provider name shown']));
  }
  expect(run.report!.rp.faults).toEqual([`mislabel-provider=${onePassword.aaguid}`]);
  expect(run.exitCode).not.toBe(0);
});

test('an RP whose adapter lacks features: the scenarios that need them are not applicable, saying why', async () => {
  const run = await runMatrix(['--rp-adapter', 'harness/e2e/passkeysOnlyAdapter.ts', '--env', 'android-chrome', '--provider', 'google-password-manager', '--sync', 'synced', NO_TRACES], 5 * 60_000);
  expect(run.report, run.output.slice(-3000)).not.toBeNull();
  const [cell] = run.report!.cells;
  const byScenario = Object.fromEntries(cell!.scenarios.map((s) => [s.scenario, s]));
  expect(byScenario['autofill-sign-in']?.status).toBe('pass');
  expect(byScenario['register-and-sign-in']?.status).toBe('pass');
  expect(byScenario['deleted-passkey-tidied']).toMatchObject({ status: 'not-applicable', reason: 'Passkeys-only site has no passkey management page: passkeys are not listed anywhere' });
  expect(byScenario['sign-in-with-a-phone']).toMatchObject({ status: 'not-applicable', reason: 'Passkeys-only site has no sign-in with a phone (QR code): no QR code is offered' });
  expect(byScenario['app-unlock-is-not-a-passkey']).toMatchObject({ status: 'not-applicable', reason: expect.stringContaining('has no way in besides passkeys') });
  expect(byScenario['email-link-way-back-in']).toMatchObject({ status: 'not-applicable', reason: 'Passkeys-only site has no sign-in by email link: no email address is kept' });
  expect(cell!.scenarios.filter((s) => s.status !== 'pass' && s.status !== 'not-applicable')).toEqual([]);
  expect(run.exitCode, run.output.slice(-2000)).toBe(0);
});

test('compared with the last release: an injected regression is named and fails the run; no change passes', async () => {
  const args = ['--env', 'windows-edge', '--provider', 'windows-hello,1password', '--scenario', 'management-page-names-the-provider', NO_TRACES];
  const last = await runMatrix([...args, '--rp-version', '1.0.0'], 5 * 60_000);
  expect(last.exitCode, last.output.slice(-2000)).toBe(0);
  expect(last.report!.rp.version).toBe('1.0.0');
  expect(existsSync(path.join(last.reportDir, 'compat-matrix.schema.json'))).toBe(true);
  const baseline = path.join(last.reportDir, 'compat-matrix.json');

  const same = await runMatrix([...args, '--baseline', baseline], 5 * 60_000);
  expect(same.exitCode, same.output.slice(-2000)).toBe(0);
  expect(same.report!.baseline).toMatchObject({ file: baseline, regressed: [], recovered: [], appeared: [], vanished: [] });
  // Deterministic: the same release twice gives the same report, apart from dates, durations and the RP's port.
  const again = { ...same.report!, baseline: null, rp: { ...same.report!.rp, version: '1.0.0' } };
  expect(differences(comparableReport(last.report!), comparableReport(again))).toEqual([]);

  const compared = await runMatrix([...args, '--fault', 'misreport-sync', '--baseline', baseline], 5 * 60_000);
  expect(compared.exitCode, compared.output.slice(-2000)).toBe(1);
  const red = compared.report!.cells.filter((c) => c.status === 'fail').map((c) => c.id);
  expect(red.length).toBeGreaterThan(0);
  expect(compared.report!.baseline!.regressed.map((c) => c.cell)).toEqual(red);
  // Named with its dimension: the RP still works there; what it says of sync is untrue.
  expect(new Set(compared.report!.baseline!.regressed.map((c) => c.dimension))).toEqual(new Set(['tells-the-truth']));
  expect(compared.output).toMatch(new RegExp(`${red.length} regressed, 0 recovered`));
  expect(readFileSync(path.join(compared.reportDir, 'compat-matrix.html'), 'utf8')).toContain('Changed since the baseline');

  // And back: the fixed release recovers every one of them.
  const fixed = await runMatrix([...args, '--baseline', path.join(compared.reportDir, 'compat-matrix.json')], 5 * 60_000);
  expect(fixed.exitCode, fixed.output.slice(-2000)).toBe(0);
  expect(fixed.report!.baseline!.recovered.map((c) => c.cell)).toEqual(red);

  const bad = await runMatrix(['--baseline', 'no-such-report.json'], 60_000);
  expect(bad.exitCode).toBe(2);
  expect(bad.output).toMatch(/--baseline \/ BASELINE: Baseline .*no-such-report.json: cannot be read \(ENOENT\); give the compat-matrix.json of an earlier run/);
});

test('cells the support data rules out are listed with the reason, even when no cell is left to run', async () => {
  const run = await runMatrix(['--env', 'windows-edge', '--provider', 'google-password-manager', '--scenario', 'register-and-sign-in', NO_TRACES], 2 * 60_000);
  expect(run.exitCode, run.output.slice(-2000)).toBe(0);
  const expected = allCells.filter((c) => c.environment.id === 'windows-edge' && c.provider.id === 'google-password-manager');
  expect(expected.every((c) => c.notApplicableReason !== null)).toBe(true);
  expect(run.report!.cells.map((c) => c.id)).toEqual(expected.map((c) => c.id));
  for (const cell of run.report!.cells) {
    expect(cell.status).toBe('not-applicable');
    expect(cell.scenarios.map((s) => [s.scenario, s.status])).toEqual([['register-and-sign-in', 'not-applicable']]);
    expect(cell.reason).toMatch(/Google Password Manager is not usable in Edge on Windows/);
  }
});

test('a run split over two shards merges into the reports one run writes', async () => {
  const envs = ['windows-edge', 'android-chrome'];
  const providers = ['windows-hello', '1password'];
  const args = ['--env', envs.join(','), '--provider', providers.join(','), '--scenario', 'register-and-sign-in,security-session', NO_TRACES];
  const shards = [await runMatrix([...args, '--shard=1/2'], 5 * 60_000), await runMatrix([...args, '--shard=2/2'], 5 * 60_000)];
  const gathered = mkdtempSync(path.join(tmpdir(), 'pm-blobs-'));
  for (const shard of shards) {
    expect(shard.exitCode, shard.output.slice(-2000)).toBe(0);
    expect(shard.report!.cells.length).toBeGreaterThan(0);
    for (const blob of readdirSync(path.join(shard.reportDir, 'blob-report'))) cpSync(path.join(shard.reportDir, 'blob-report', blob), path.join(gathered, blob));
  }
  const inSlice = allCells.filter((c) => envs.includes(c.environment.id) && providers.includes(c.provider.id));
  const expected = inSlice.map((c) => c.id);
  const applicable = inSlice.filter((c) => c.notApplicableReason === null).length;
  // Each cell in a shard's report: only the first also lists the cells the support data rules out.
  const inShards = new Set(shards.flatMap((shard) => shard.report!.cells.map((c) => c.id)));
  expect([...inShards].sort()).toEqual([...expected].sort());
  expect(shards[1]!.report!.cells.every((c) => c.status !== 'not-applicable')).toBe(true);

  const merged = await runMergeReports([gathered], 2 * 60_000);
  expect(merged.exitCode, merged.output.slice(-2000)).toBe(0);
  expect(merged.report!.cells.map((c) => c.id)).toEqual(expected);
  expect(merged.report!.cells.filter((c) => c.status === 'pass').length).toBe(applicable);
  // The session check ran once per environment, in whichever shard; every other cell has its verdict, naming where it ran.
  for (const env of envs) {
    const session = merged.report!.cells.filter((c) => c.environment === env && c.status === 'pass').map((c) => c.scenarios.find((s) => s.scenario === 'security-session'));
    const ranIn = session.filter((s) => s?.checkedIn === null);
    expect(ranIn, env).toHaveLength(1);
    expect(session.every((s) => s?.status === 'pass')).toBe(true);
  }
  // Only tests that ran are in the other reports: not the cells ruled out, nor the verdicts taken from another cell.
  const tests = applicable + envs.length;
  expect(readFileSync(path.join(merged.reportDir, 'junit.xml'), 'utf8').match(/<testcase /g)).toHaveLength(tests);
  expect(readdirSync(path.join(merged.reportDir, 'allure-results')).filter((f) => f.endsWith('-result.json'))).toHaveLength(tests);
  expect(existsSync(path.join(merged.reportDir, 'playwright-report', 'index.html'))).toBe(true);

  const nothing = await runMergeReports([mkdtempSync(path.join(tmpdir(), 'pm-no-blobs-'))], 60_000);
  expect(nothing.exitCode).toBe(2);
  expect(nothing.output).toMatch(/no blob reports \(\*\.zip\) to merge; run the shards with npm run matrix -- --shard=i\/n/);
});

test('an RP that breaks: its cells are errors with the cause, not verdicts, the rest still run, and the exit code says so', async () => {
  const cellsOf = (envs: string[], providers: string[]) =>
    allCells.filter((c) => envs.includes(c.environment.id) && providers.includes(c.provider.id) && c.notApplicableReason === null).map((c) => c.id);
  const withRp = async (outage: string, run: (url: string) => Promise<void>) => {
    const rp = await startFixtureRpProcess([], [outage]);
    try {
      await run(rp.url);
    } finally {
      await rp.stop();
    }
  };
  const args = (url: string, envs: string[], providers: string[]) => ['--rp-url', url, '--env', envs.join(','), '--provider', providers.join(','), '--scenario', 'register-and-sign-in', NO_TRACES];

  await withRp('500:/api/authentication/options', async (url) => {
    const run = await runMatrix(args(url, ['windows-edge'], ['windows-hello', '1password']), 5 * 60_000);
    const expected = cellsOf(['windows-edge'], ['windows-hello', '1password']);
    expect(run.report!.cells.filter((c) => c.status === 'error').map((c) => c.id)).toEqual(expected);
    for (const cell of run.report!.cells.filter((c) => c.status === 'error')) {
      expect(cell.reason).toMatch(/^No verdict: the RP answered 500 to POST \/api\/authentication\/options/);
    }
    expect(run.exitCode, run.output.slice(-2000)).toBe(3);
  });

  await withRp('hang:/api/registration/verify', async (url) => {
    const run = await runMatrix(args(url, ['android-chrome'], ['google-password-manager']), 5 * 60_000);
    const errors = run.report!.cells.filter((c) => c.status === 'error');
    expect(errors.map((c) => c.id)).toEqual(cellsOf(['android-chrome'], ['google-password-manager']));
    for (const cell of errors) expect(cell.reason).toMatch(/registration: the RP gave no answer/);
    expect(run.exitCode).toBe(3);
  });

  // The RP dies a few cells in: the cells before are verdicts, every later one an error, and the run ends.
  await withRp('exit-after:50', async (url) => {
    const envs = ['windows-edge', 'android-chrome'];
    const providers = ['windows-hello', '1password', 'google-password-manager'];
    // One worker: the cells then run in the report's order, so "before" and "after" the death are in it.
    const run = await runMatrix([...args(url, envs, providers), '--workers=1'], 5 * 60_000);
    const cells = run.report!.cells.filter((c) => c.status !== 'not-applicable');
    expect(cells.map((c) => c.id)).toEqual(cellsOf(envs, providers));
    const firstError = cells.findIndex((c) => c.status === 'error');
    expect(firstError).toBeGreaterThan(0);
    expect(cells.slice(0, firstError).every((c) => c.status === 'pass')).toBe(true);
    expect(cells.slice(firstError).every((c) => c.status === 'error')).toBe(true);
    expect(cells.at(-1)!.reason).toMatch(/ERR_CONNECTION_REFUSED/);
    expect(run.exitCode).toBe(3);
  });
});

test('an authenticator that refuses: its cells are errors naming the refusal, the other providers\' cells verdicts, exit code 3', async () => {
  const applicable = (envs: string[], providers: string[]) =>
    allCells.filter((c) => envs.includes(c.environment.id) && providers.includes(c.provider.id) && c.notApplicableReason === null).map((c) => c.id);

  // Nobody touches 1Password's authenticator: its requests wait until the scenario's own bound ends them.
  const envs = ['windows-edge', 'android-chrome'];
  const providers = ['google-password-manager', '1password'];
  const presence = await runMatrix(['--env', envs.join(','), '--provider', providers.join(','), '--scenario', 'register-and-sign-in', '--authenticator-refuses', 'presence:1password', NO_TRACES], 5 * 60_000);
  const cells = presence.report!.cells.filter((c) => c.status !== 'not-applicable');
  expect(cells.map((c) => c.id)).toEqual(applicable(envs, providers));
  const refusing = applicable(envs, ['1password']);
  expect(refusing.length).toBeGreaterThan(0);
  expect(cells.filter((c) => c.status === 'error').map((c) => c.id)).toEqual(refusing);
  expect(cells.filter((c) => c.status === 'pass').map((c) => c.id)).toEqual(applicable(envs, ['google-password-manager']));
  for (const cell of cells.filter((c) => c.status === 'error')) {
    expect(cell.reason).toMatch(/^No verdict: the passkey provider's authenticator \(1Password\) refused: no user presence, so navigator\.credentials\.create was never answered\.\nThen: /);
    // Bounded by the scenario's own wait for the RP's page, far under the test's 30 s.
    for (const scenario of cell.scenarios) expect(scenario.durationMs).toBeLessThan(20_000);
  }
  expect(presence.exitCode, presence.output.slice(-2000)).toBe(3);

  // Every provider's authenticator fails user verification, which the RP requires: Chromium refuses each ceremony.
  const verification = await runMatrix(
    ['--env', 'windows-edge', '--provider', 'windows-hello,1password', '--scenario', 'register-and-sign-in', '--authenticator-refuses', 'verification', NO_TRACES],
    5 * 60_000,
    { RP_USER_VERIFICATION: 'required' },
  );
  const verified = verification.report!.cells.filter((c) => c.status !== 'not-applicable');
  expect(verified.map((c) => c.id)).toEqual(applicable(['windows-edge'], ['windows-hello', '1password']));
  for (const cell of verified) {
    expect(cell.status, cell.id).toBe('error');
    expect(cell.reason).toMatch(/^No verdict: the passkey provider's authenticator \((Windows Hello|1Password)\) refused: user verification failed, so navigator\.credentials\.create was refused \(NotAllowedError\)/);
  }
  expect(verification.exitCode, verification.output.slice(-2000)).toBe(3);
});

test('the browser dies mid-run: the cell it was running is an error naming it, later cells still get verdicts, exit code 3', async () => {
  const envs = ['windows-edge', 'android-chrome'];
  const providers = ['windows-hello', '1password', 'bitwarden', 'google-password-manager'];
  // The list reporter prints a line as each test ends: two passes, and the worker is inside the next cell.
  // One worker, so one browser to kill and the cells in order.
  const running = startMatrix(['--env', envs.join(','), '--provider', providers.join(','), '--scenario', 'register-and-sign-in', '--reporter', 'list', '--workers=1', NO_TRACES], 3 * 60_000);
  await running.waitForOutput((output) => (output.match(/✓/g) ?? []).length >= 2, 2 * 60_000);
  const browsers = browserProcesses(running.pid);
  expect(browsers).toHaveLength(1);
  process.kill(browsers[0]!, 'SIGKILL');
  const run = await running.done;

  const cells = run.report!.cells.filter((c) => c.status !== 'not-applicable');
  expect(cells.map((c) => c.id)).toEqual(allCells.filter((c) => envs.includes(c.environment.id) && providers.includes(c.provider.id) && c.notApplicableReason === null).map((c) => c.id));
  const errors = cells.filter((c) => c.status === 'error');
  expect(errors.length, run.output.slice(-3000)).toBeGreaterThan(0);
  for (const cell of errors) expect(cell.reason).toMatch(/^No verdict: the browser process died \(it disconnected while the cell ran\)\.\nThen: /);
  // The two cells before the kill, and every cell after the one it broke, are verdicts: a fresh browser ran them.
  const broken = cells.findIndex((c) => c.status === 'error');
  expect(broken).toBeGreaterThanOrEqual(2);
  expect(cells.filter((c, i) => i !== broken).map((c) => `${c.id}: ${c.status}`)).toEqual(cells.filter((c, i) => i !== broken).map((c) => `${c.id}: pass`));
  // A later cell of the same environment ran after the worker came back.
  expect(cells.slice(broken + 1).some((c) => c.environment === cells[broken]!.environment)).toBe(true);
  expect(run.exitCode, run.output.slice(-2000)).toBe(3);
});

test('bad input gets one clear line and exit code 2, not a stack trace', async () => {
  const typo = await runMatrix(['--env', 'windows-egde'], 60_000);
  expect(typo.exitCode).toBe(2);
  expect(typo.output).toMatch(/unknown environment "windows-egde"; use one of .*windows-edge/);
  expect(typo.output).not.toMatch(/\n\s+at /);
  const adapter = await runMatrix(['--rp-adapter', 'my-adapter.ts'], 60_000);
  expect(adapter.exitCode).toBe(2);
  expect(adapter.output).toMatch(/RP_ADAPTER .*my-adapter.ts: no such file; give the path of a module that exports an RpAdapter/);
  const provider = await runMatrix(['--provider', 'lastpass'], 60_000);
  expect(provider.exitCode).toBe(2);
  expect(provider.output).toMatch(/unknown provider "lastpass"/);
  const refusal = await runMatrix(['--authenticator-refuses', 'touch'], 60_000);
  expect(refusal.exitCode).toBe(2);
  expect(refusal.output).toMatch(/--authenticator-refuses \/ PM_AUTHENTICATOR_REFUSES: "touch" is not a refusal; use presence or verification/);
  expect(refusal.output).not.toMatch(/\n\s+at /);
  const closedPort = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
  const unreachable = await runMatrix(['--rp-url', `http://127.0.0.1:${closedPort}`], 60_000);
  expect(unreachable.exitCode).toBe(2);
  expect(unreachable.output).toMatch(new RegExp(`--rp-url / RP_URL http://127\\.0\\.0\\.1:${closedPort} is unreachable \\(ECONNREFUSED\\); start the RP or fix the URL\\.`));
  expect(unreachable.output).not.toMatch(/\n\s+at /);
  const refusingWhom = await runMatrix(['--authenticator-refuses', 'presence:lastpass'], 60_000);
  expect(refusingWhom.exitCode).toBe(2);
  expect(refusingWhom.output).toMatch(/--authenticator-refuses \/ PM_AUTHENTICATOR_REFUSES: unknown provider "lastpass"; use one of .*1password/);
});
