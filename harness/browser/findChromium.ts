import { runOptions } from '../plan/runOptions';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

/** Where the Chromium that runs every cell comes from. */
export interface ChromiumChoice {
  executablePath: string;
  origin: 'CHROMIUM_PATH' | 'system' | 'playwright';
  /** The headless shell (Chromium's "old headless" build) or the full browser in its headless mode. */
  build: 'headless-shell' | 'chromium';
}

/**
 * Debian's headless shell first: the lighter build, the one Playwright itself runs for headless
 * Chromium, and the faster one here (measured in docs/speed.md). Then the full browser's binary
 * behind its wrapper script (the wrapper only adds noise), then the wrapper.
 */
const SYSTEM_SHELL = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell'];
const SYSTEM_FULL = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const MISSING_BROWSER_MESSAGE =
  "No Chromium found: install Debian's headless shell (apt-get install chromium-headless-shell) or chromium, or Playwright's (npx playwright install chromium), or set CHROMIUM_PATH to a Chromium binary.";

/**
 * CHROMIUM_PATH when set (any Chromium, the full browser included), else the system's headless
 * shell, else Playwright's own Chromium, else the system's full Chromium.
 * Returns null when none is there (or CHROMIUM_PATH names no file); callers print MISSING_BROWSER_MESSAGE.
 */
export function findChromium(fromEnv: string | undefined = runOptions().chromiumPath, exists: (file: string) => boolean = existsSync): ChromiumChoice | null {
  if (fromEnv) return exists(fromEnv) ? choice(fromEnv, 'CHROMIUM_PATH') : null;
  const shell = SYSTEM_SHELL.find(exists);
  if (shell) return choice(shell, 'system');
  const bundled = safeBundledPath();
  if (bundled && exists(bundled)) return choice(bundled, 'playwright');
  const full = SYSTEM_FULL.find(exists);
  return full ? choice(full, 'system') : null;
}

function choice(executablePath: string, origin: ChromiumChoice['origin']): ChromiumChoice {
  return { executablePath, origin, build: isHeadlessShell(executablePath) ? 'headless-shell' : 'chromium' };
}

function isHeadlessShell(executablePath: string): boolean {
  return /headless[-_]shell/.test(path.basename(executablePath));
}

/** What the report's engine line says ran: the build, its version and the binary. */
export function engineLine(version: string, executablePath: string | undefined): string {
  const build = executablePath && isHeadlessShell(executablePath) ? 'chromium-headless-shell' : 'chromium';
  return `${build} ${version}${executablePath ? ` (${executablePath})` : ''}`;
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
