// The guides' tables of scenarios, environments, providers and fault switches are the code's: a
// scenario, environment or switch added or removed without its row fails here, naming the file.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { scenarioIds } from './matrix/filter';
import { loadMatrixData } from './matrix/load';
import { FAULT_NAMES } from '../rp-fixture/faults';

/** The first column's code span of each row of the first table under `heading` in a markdown file. */
function firstColumn(file: string, heading: string): string[] {
  const text = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`${file}: no heading "${heading}"`);
  const lines = text.slice(start + heading.length + 2).split('\n');
  const table = lines.slice(lines.findIndex((l) => l.startsWith('|')));
  const end = table.findIndex((l) => !l.startsWith('|'));
  // The header and its rule line come first.
  const rows = (end < 0 ? table : table.slice(0, end)).slice(2);
  return rows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1] ?? `(a row without a code span: ${row.slice(0, 40)})`);
}

const data = loadMatrixData();

test('docs/scenarios.md lists every scenario file, and only those', () => {
  expect(firstColumn('docs/scenarios.md', '## The scenarios').sort()).toEqual(scenarioIds().sort());
});

test('docs/support-data.md lists every environment and provider of the data, in its order', () => {
  expect(firstColumn('docs/support-data.md', '## Environments')).toEqual(data.environments.map((e) => e.id));
  expect(firstColumn('docs/support-data.md', '## Providers')).toEqual(data.providers.map((p) => p.id));
});

test("rp-fixture/README.md lists every fault switch, and only those", () => {
  expect(firstColumn('rp-fixture/README.md', '## Faults').map((cell) => cell.split('=')[0]).sort()).toEqual([...FAULT_NAMES].sort());
});
