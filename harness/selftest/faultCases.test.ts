import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { FAULT_NAMES } from '../../rp-fixture/faults';
import { loadMatrixData } from '../matrix/load';
import { FAULT_CASES, isCovered } from './faultCases';

const data = loadMatrixData();

test('every fault switch of the fixture RP has a case, covered or saying why not', () => {
  expect(FAULT_CASES.map((c) => c.fault.split('=')[0]).sort()).toEqual([...FAULT_NAMES].sort());
});

test('covered cases name real scenarios, environments and providers', () => {
  const scenarios = readdirSync('scenarios').map((f) => f.replace(/\.spec\.ts$/, ''));
  for (const fault of FAULT_CASES.filter(isCovered)) {
    for (const id of fault.scenarios) expect(scenarios, fault.fault).toContain(id);
    for (const id of fault.envs) expect(data.environments.map((e) => e.id), fault.fault).toContain(id);
    for (const id of fault.providers) expect(data.providers.map((p) => p.id), fault.fault).toContain(id);
  }
});
