import { test, expect } from '@playwright/test';
import { loadMatrixData } from '../matrix/load';
import { benchPlan, interleaved } from './benchPlan';

const { environments } = loadMatrixData();

test('the benchmark samples environments across operating systems, each fraction inside the next', () => {
  const order = interleaved(environments);
  expect([...order].sort()).toEqual(environments.map((e) => e.id).sort());
  const firstOs = order.slice(0, 4).map((id) => environments.find((e) => e.id === id)!.os);
  expect(new Set(firstOs).size).toBe(4);
  const plan = benchPlan(environments, false);
  const [quarter, half, all, plain] = plan.runs;
  expect(plain!.environments).toEqual(quarter!.environments);
  expect(half!.environments.slice(0, quarter!.environments.length)).toEqual(quarter!.environments);
  expect(all!.environments).toEqual(order);
  expect(all!.scenarios).toEqual([]);
  expect(plan.comparison).toEqual({ plain: 'plain 1/4', reuse: 'reuse 1/4' });
  const quick = benchPlan(environments, true);
  expect(quick.runs.find((r) => r.label === 'reuse all')!.environments).toHaveLength(4);
  expect(quick.runs.find((r) => r.label === quick.comparison.plain)!.environments).toEqual(quick.runs.find((r) => r.label === quick.comparison.reuse)!.environments);
});
