import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const SCENARIOS = path.join(import.meta.dirname, '..', 'scenarios');

/** Every module a file imports from (static imports and re-exports). */
function importsOf(source: string): string[] {
  return [...source.matchAll(/^(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gms)].map((m) => m[1]!);
}

test('scenarios import the harness from one module, harness/scenario.ts', () => {
  const files = readdirSync(SCENARIOS).filter((name) => name.endsWith('.spec.ts'));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const harness = importsOf(readFileSync(path.join(SCENARIOS, file), 'utf8')).filter((from) => from.startsWith('.'));
    expect(harness, `${file}'s relative imports`).toEqual(harness.length ? ['../harness/scenario'] : []);
  }
});
