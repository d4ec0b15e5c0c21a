/**
 * `npm run adapter:check`: before any matrix run, runs each method of a team's adapter once against
 * their live RP and says, method by method, whether it did what the contract in harness/rp/adapter.ts
 * says. Exit 0 when every method tried did, 1 when one did not, 2 on bad input (one line naming the
 * flag and the fix).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { DataError } from '../matrix/dataError';
import { loadMatrixData, selectSnapshot, type MatrixData } from '../matrix/load';
import { anotherProvider, defaultSyncFlag, isUsable } from '../matrix/support';
import type { Environment, Provider, SupportSnapshot } from '../matrix/schema';
import { CHROMIUM_ARGS, findChromium, MISSING_BROWSER_MESSAGE } from '../browser/findChromium';
import type { RpAdapter, RpFeature } from '../rp/adapter';
import { fixtureAdapter } from '../rp/fixtureAdapter';
import { AdapterError, checkAdapter, importAdapterModule } from '../rp/loadAdapter';
import { fromInvocation, runOptions } from '../plan/runOptions';
import { checkReachable, RpUnreachableError } from '../rp/target';
import { featureGaps, gapVerdicts, lackingVerdicts, withGapsDeclared, type FeatureGap } from '../rp/adapterLacks';
import { runAdapterCheck } from '../rp/adapterCheck';
import { exitStatusOf } from '../rp/adapterCheckVerdict';
import { renderCheckTable, summaryLine } from '../rp/adapterCheckTable';

const USAGE = `Usage: npm run adapter:check -- --rp-url <url> [options]
  --rp-url <url>      the running RP to check the adapter against; env RP_URL
  --rp-adapter <file> the module that drives it (default: the fixture RP's adapter); env RP_ADAPTER
  --env <id>          the emulated environment (default: the first whose browser can use the provider)
  --provider <id>     the passkey provider of the virtual authenticator (default: google-password-manager)
  --report-dir <dir>  where a failed method's screenshot and error go, under adapter-check/ (default: reports); env PM_REPORT_DIR
Runs each method the adapter declares once, in the order a user would, and says per method whether it did
what the contract in harness/rp/adapter.ts says. Exit 0: all did; 1: one did not; 2: bad input.`;

const DEFAULT_PROVIDER = 'google-password-manager';

/** The environment and provider to check in: the ones asked for, else the first environment whose browser can use the provider. */
function environmentFor(data: MatrixData, snapshot: SupportSnapshot, envId: string | undefined, providerId: string): { environment: Environment; provider: Provider } {
  const provider = data.providers.find((p) => p.id === providerId);
  if (!provider) throw new DataError(`--provider: unknown provider "${providerId}"; use one of ${data.providers.map((p) => p.id).join(', ')}.`);
  if (envId === undefined) {
    const environment = data.environments.find((e) => isUsable(snapshot, e, provider.id));
    if (!environment) throw new DataError(`--provider: ${provider.id} is usable in no environment of support snapshot ${snapshot.id}; pick another provider.`);
    return { environment, provider };
  }
  const environment = data.environments.find((e) => e.id === envId);
  if (!environment) throw new DataError(`--env: unknown environment "${envId}"; use one of ${data.environments.map((e) => e.id).join(', ')}.`);
  if (!isUsable(snapshot, environment, provider.id)) {
    throw new DataError(`--env / --provider: ${provider.id} cannot be used in ${environment.id} (support snapshot ${snapshot.id}); pick another environment or provider.`);
  }
  return { environment, provider };
}

/** The adapter as the module exports it, its feature gaps, and the adapter to run with those gaps declared lacking. */
async function adapterToCheck(file: string | null): Promise<{ adapter: RpAdapter; gaps: FeatureGap[]; declared: Partial<Record<RpFeature, string>> }> {
  const candidate = file ? await importAdapterModule(file) : fixtureAdapter;
  const raw = (typeof candidate === 'object' && candidate !== null ? candidate : {}) as Record<string, unknown>;
  const gaps = typeof candidate === 'object' && candidate !== null ? featureGaps(raw) : [];
  // Every other problem (no name, no core method) stops the check: nothing could be tried.
  const adapter = checkAdapter(gaps.length ? withGapsDeclared(raw, gaps) : candidate, file ?? 'the fixture adapter');
  const gapFeatures = new Set(gaps.map((g) => g.feature));
  const declared = Object.fromEntries(Object.entries((raw.lacks ?? {}) as Record<string, string>).filter(([feature]) => !gapFeatures.has(feature as RpFeature)));
  return { adapter, gaps, declared };
}

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: {
        'rp-url': { type: 'string' },
        'rp-adapter': { type: 'string' },
        env: { type: 'string' },
        provider: { type: 'string' },
        'report-dir': { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]}; see --help.`);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const flag = (name: string) => (typeof values[name] === 'string' ? (values[name] as string).trim() : undefined);

  const given = runOptions();
  const rpUrl = flag('rp-url') ?? given.rp.url;
  if (!rpUrl) return fail('--rp-url is missing: give the URL of the running RP the adapter drives, e.g. --rp-url https://staging.example.test.');
  const adapterFile = flag('rp-adapter') ? fromInvocation(given, flag('rp-adapter')!) : given.rp.adapter;
  let checked: Awaited<ReturnType<typeof adapterToCheck>>;
  try {
    checked = await adapterToCheck(adapterFile ?? null);
  } catch (error) {
    if (error instanceof AdapterError) return fail(`--rp-adapter / ${error.message}`);
    throw error;
  }
  let environment: Environment;
  let provider: Provider;
  let data: MatrixData;
  let snapshot: SupportSnapshot;
  try {
    data = loadMatrixData();
    snapshot = selectSnapshot(data);
    ({ environment, provider } = environmentFor(data, snapshot, flag('env'), flag('provider') ?? DEFAULT_PROVIDER));
  } catch (error) {
    if (error instanceof DataError) return fail(error.message);
    throw error;
  }
  try {
    await checkReachable(rpUrl);
  } catch (error) {
    if (error instanceof RpUnreachableError) return fail(`--rp-url / ${error.message}`);
    throw error;
  }
  const browserChoice = findChromium();
  if (!browserChoice) return fail(MISSING_BROWSER_MESSAGE);

  const sync = defaultSyncFlag(snapshot, environment, provider);
  const other = anotherProvider(snapshot, environment, data.providers, provider.id);
  const otherProvider = other ? { provider: other, sync: defaultSyncFlag(snapshot, environment, other) } : null;
  const reportDir = flag('report-dir') ?? given.reportDir;
  const evidenceDir = path.resolve(fromInvocation(given, reportDir), 'adapter-check');
  // Only this run's screenshots and errors: an earlier run's would read as this one's.
  rmSync(evidenceDir, { recursive: true, force: true });
  const url = rpUrl.replace(/\/$/, '');
  console.log(`Checking the adapter "${checked.adapter.name}" against ${url}, in ${environment.id} with ${provider.name} (${sync}).`);
  const browser = await chromium.launch({ executablePath: browserChoice.executablePath, args: CHROMIUM_ARGS, headless: true });
  let outcome: Awaited<ReturnType<typeof runAdapterCheck>>;
  try {
    outcome = await runAdapterCheck({ browser, adapter: checked.adapter, rpUrl: url, environment, capabilities: data.capabilities[environment.id]!, provider, sync, otherProvider, evidenceDir });
  } finally {
    await browser.close();
  }
  const verdicts = [...gapVerdicts(checked.gaps), ...outcome.verdicts, ...lackingVerdicts(checked.declared)];
  console.log(`\n${renderCheckTable(verdicts)}\n`);
  for (const mode of outcome.selfStarted) console.log(`Note: the RP starts sign-in by itself on page load (${mode}).`);
  console.log(summaryLine(verdicts));
  if (checked.gaps.length) console.log('npm run matrix refuses this adapter until each feature named above is implemented or declared lacking with a reason.');
  if (outcome.evidence.length) console.log(`Screenshots and errors of the methods that did not:\n${outcome.evidence.map((file) => `  ${file}`).join('\n')}`);
  return exitStatusOf(verdicts);
}

function fail(message: string): number {
  console.error(`adapter:check: ${message}`);
  return 2;
}

process.exitCode = await main();
