import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { treeRssBytes } from './processTreeMemory';

const MIB = 1024 * 1024;

test('a process tree\'s memory counts its children: a child holding 80 MiB adds about that much', async () => {
  const alone = treeRssBytes(process.pid);
  expect(alone).toBeGreaterThan(10 * MIB);
  const child = spawn(process.execPath, ['-e', 'const b = Buffer.alloc(80 * 1024 * 1024, 1); console.log("ready"); setInterval(() => b[0]++, 1000);'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await once(child.stdout, 'data');
    const withChild = treeRssBytes(process.pid);
    expect(withChild - alone).toBeGreaterThan(80 * MIB);
    expect(treeRssBytes(child.pid!)).toBeGreaterThan(80 * MIB);
  } finally {
    child.kill();
  }
});
