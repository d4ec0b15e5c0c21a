import { expect, test } from '@playwright/test';
import path from 'node:path';
import { runOptions, runOptionsEnv, RUN_VARS, STARTED_RP_VARS } from './runOptions';

test('the run options are read from the environment, blanks as unset, paths from where the command ran', () => {
  const options = runOptions({
    [RUN_VARS.environments]: 'windows-edge, android-chrome',
    [RUN_VARS.syncs]: '',
    [RUN_VARS.snapshot]: '  ',
    [RUN_VARS.rpAdapter]: 'adapters/shop.ts',
    [RUN_VARS.rpFaults]: 'no-csrf,dead-end-on-failure',
    INIT_CWD: '/home/qa/shop',
    CI: '1',
  });
  expect(options.selection).toEqual({ environments: ['windows-edge', 'android-chrome'], providers: [], syncs: [], scenarios: [] });
  expect(options.snapshot).toBeUndefined();
  expect(options.reportDir).toBe('reports');
  expect(options.reportDirGiven).toBe(false);
  expect(options.rp.adapter).toBe(path.resolve('/home/qa/shop', 'adapters/shop.ts'));
  expect(options.rp.faults).toEqual(['no-csrf', 'dead-end-on-failure']);
  expect(options.ci).toBe(true);
  expect(options.startedRp).toBeNull();
});

test('what the CLI hands the runner reads back as the same options', () => {
  const options = runOptions({ [RUN_VARS.providers]: '1password', [RUN_VARS.gate]: 'works,safe', [RUN_VARS.reportDir]: '/tmp/r', [RUN_VARS.rpVersion]: '4.2', INIT_CWD: '/x' });
  const again = runOptions({ ...runOptionsEnv(options), INIT_CWD: '/x' });
  expect(again).toEqual(options);
});

test('the RP the global setup started reaches the workers', () => {
  const options = runOptions({ [STARTED_RP_VARS.url]: 'http://127.0.0.1:4100', [STARTED_RP_VARS.kind]: 'fixture', [STARTED_RP_VARS.faults]: 'no-csrf', [STARTED_RP_VARS.startMs]: '812' });
  expect(options.startedRp).toEqual({ url: 'http://127.0.0.1:4100', kind: 'fixture', faults: ['no-csrf'], startMs: 812 });
});
