import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where the Chromium that runs every cell comes from. */
export interface ChromiumChoice {
  executablePath: string;
  origin: 'playwright' | 'CHROMIUM_PATH' | 'system';
}

/** Debian's binary behind its wrapper script (the wrapper only adds noise), then the wrapper. */
const SYSTEM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const MISSING_BROWSER_MESSAGE =
  'No Chromium found: install Debian\'s chromium (apt-get install chromium), or Playwright\'s (npx playwright install chromium), or set CHROMIUM_PATH to a Chromium binary.';

/**
 * Playwright's own Chromium when installed, else CHROMIUM_PATH, else a system Chromium.
 * Returns null when none is there; callers print MISSING_BROWSER_MESSAGE.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumChoice | null {
  const bundled = safeBundledPath();
  if (bundled && existsSync(bundled)) return { executablePath: bundled, origin: 'playwright' };
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { executablePath: fromEnv, origin: 'CHROMIUM_PATH' } : null;
  const system = SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate));
  return system ? { executablePath: system, origin: 'system' } : null;
}

function safeBundledPath(): string | null {
  try {
    return chromium.executablePath();
  } catch {
    return null; // Playwright throws when its browser registry has no entry for this platform.
  }
}

/**
 * Flags for a closed network: without the background-networking ones, Chromium keeps trying
 * to reach its own services and fills the log with refused connections.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
