import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FAULT_NAMES } from './faults';

const DIR = import.meta.dirname;
const README = readFileSync(path.join(DIR, 'README.md'), 'utf8');

function section(title: string): string {
  const start = README.indexOf(`## ${title}\n`);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end === -1 ? undefined : end);
}

/** Source files of the RP (not tests, not test support). */
function sources(dir = DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testSupport' ? [] : sources(full);
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

test('every fault switch has a README row naming the file where its branch is', () => {
  const faults = section('Faults');
  for (const name of FAULT_NAMES) {
    const row = faults.split('\n').find((line) => line.startsWith(`| \`${name}`));
    expect(row, name).toBeTruthy();
    const files = [...(row?.split('|')[3] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
    expect(files.length, name).toBeGreaterThan(0);
    const branches = files.filter((file) => readFileSync(path.join(DIR, file), 'utf8').includes(`Fault ${name}:`));
    expect(branches, `a "Fault ${name}:" comment in ${files.join(', ')}`).not.toHaveLength(0);
  }
});

test('every message code in the sources is in the README "Message codes" table', () => {
  const table = section('Message codes');
  const patterns = [/data-message="([a-z0-9-]+\.[a-z0-9.-]+)"/g, /dataset\.message = '([a-z0-9-]+\.[a-z0-9.-]+)'/g, /showMessage\(\w+, '([a-z0-9-]+\.[a-z0-9.-]+)'/g, /code: '([a-z0-9-]+\.[a-z0-9.-]+)'/g];
  const codes = new Set<string>();
  for (const file of sources()) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) codes.add(match[1] ?? '');
  }
  expect(codes.size).toBeGreaterThan(20);
  const missing = [...codes].filter((code) => !table.includes(`| \`${code}\` |`));
  expect(missing).toEqual([]);
});
