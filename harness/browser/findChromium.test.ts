import { test, expect } from '@playwright/test';
import { engineLine, findChromium } from './findChromium';

const SHELL = '/usr/lib/chromium/chromium-headless-shell';
const FULL = '/usr/lib/chromium/chromium';
const only = (...files: string[]) => (file: string) => files.includes(file);

test('the headless shell is chosen over the full browser; CHROMIUM_PATH chooses any Chromium', () => {
  expect(findChromium(undefined, only(SHELL, FULL))).toEqual({ executablePath: SHELL, origin: 'system', build: 'headless-shell' });
  // CHROMIUM_PATH wins, the full browser included.
  expect(findChromium(FULL, only(SHELL, FULL))).toEqual({ executablePath: FULL, origin: 'CHROMIUM_PATH', build: 'chromium' });
  // A CHROMIUM_PATH that names no file finds nothing rather than something else.
  expect(findChromium('/nowhere/chrome', only(SHELL, FULL))).toBeNull();
  expect(findChromium(undefined, only())).toBeNull();
});

test('the full browser stays supported when it is the only one', () => {
  const choice = findChromium(undefined, only(FULL));
  // Playwright's own Chromium comes before the system's full one when it is installed; neither is the shell.
  expect(choice?.build).toBe('chromium');
});

test("the report's engine line names the build and the binary", () => {
  expect(engineLine('156.0.8078.108', SHELL)).toBe(`chromium-headless-shell 156.0.8078.108 (${SHELL})`);
  expect(engineLine('156.0.8078.108', FULL)).toBe(`chromium 156.0.8078.108 (${FULL})`);
  expect(engineLine('156.0.8078.108', undefined)).toBe('chromium 156.0.8078.108');
});
