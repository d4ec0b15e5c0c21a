import { expect, test } from '@playwright/test';
import { detectEnvironment, windowsVersion } from './environment';
import { activeFaults } from './faults';

type Brand = [name: string, version: string];

/** Request headers as Chromium sends them: the UA string plus RFC 8941 client hints. */
function request(userAgent: string, hints?: { brands: Brand[]; full?: Brand[]; platform: string; platformVersion?: string; mobile?: boolean; model?: string }) {
  const list = (brands: Brand[]) => brands.map(([name, version]) => `"${name}";v="${version}"`).join(', ');
  return {
    'user-agent': userAgent,
    ...(hints && {
      'sec-ch-ua': list(hints.brands),
      'sec-ch-ua-platform': `"${hints.platform}"`,
      'sec-ch-ua-mobile': hints.mobile ? '?1' : '?0',
      ...(hints.full && { 'sec-ch-ua-full-version-list': list(hints.full) }),
      ...(hints.platformVersion !== undefined && { 'sec-ch-ua-platform-version': `"${hints.platformVersion}"` }),
      ...(hints.model !== undefined && { 'sec-ch-ua-model': `"${hints.model}"` }),
    }),
  };
}

const UA = {
  edgeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  samsungAndroid: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Mobile Safari/537.36',
  firefoxAndroid: 'Mozilla/5.0 (Android 15; Mobile; rv:145.0) Gecko/145.0 Firefox/145.0',
  safariIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  chromeIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  edgeIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 EdgiOS/131.2903.52 Mobile/15E148 Safari/605.1.15',
  firefoxIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/132.0 Mobile/15E148 Safari/605.1.15',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  chromeMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  chromeOs: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  chromeLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  firefoxUbuntu: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
};

const EDGE_WINDOWS_11_HINTS = {
  brands: [['Microsoft Edge', '131'], ['Chromium', '131'], ['Not_A Brand', '24']] as Brand[],
  full: [['Microsoft Edge', '131.0.2903.86'], ['Chromium', '131.0.6778.86'], ['Not_A Brand', '24.0.0.0']] as Brand[],
  platform: 'Windows',
  platformVersion: '15.0.0',
};

test.describe('detectEnvironment', () => {
  test('Edge on Windows 11: client hints tell 11 from 10, which the UA string cannot', () => {
    expect(detectEnvironment(request(UA.edgeWindows, EDGE_WINDOWS_11_HINTS))).toEqual({
      os: 'windows',
      osVersion: '11',
      browser: 'edge',
      browserVersion: '131.0.2903.86',
      label: 'Edge on Windows',
    });
  });

  test('ignore-client-hints: the same request reads from the UA string alone: no system version, Edge as x.0.0.0', () => {
    const detected = detectEnvironment(request(UA.edgeWindows, EDGE_WINDOWS_11_HINTS), activeFaults([{ name: 'ignore-client-hints' }]));
    expect(detected).toEqual({ os: 'windows', browser: 'edge', browserVersion: '131.0.0.0', label: 'Edge on Windows' });
  });

  test('Windows 10 via hints, and the UA string alone', () => {
    const hints = { brands: [['Google Chrome', '131'], ['Chromium', '131'], ['Not_A Brand', '24']] as Brand[], platform: 'Windows', platformVersion: '10.0.0' };
    expect(detectEnvironment(request(UA.chromeWindows, hints))).toMatchObject({ os: 'windows', osVersion: '10', browser: 'chrome', label: 'Chrome on Windows' });
    // "Windows NT 10.0" is Windows 10 and 11 alike: the UA string alone names no version.
    expect(detectEnvironment(request(UA.chromeWindows)).osVersion).toBeUndefined();
    expect(detectEnvironment(request(UA.chromeWindows))).toMatchObject({ os: 'windows', browser: 'chrome' });
  });

  test('Chrome on Android: the model and mobile hints are not read (nothing shows them)', () => {
    const hints = { brands: [['Google Chrome', '131'], ['Chromium', '131'], ['Not_A Brand', '24']] as Brand[], platform: 'Android', platformVersion: '14.0.0', mobile: true, model: 'Pixel 8' };
    expect(detectEnvironment(request(UA.chromeAndroid, hints))).toEqual({
      os: 'android',
      osVersion: '14.0.0',
      browser: 'chrome',
      browserVersion: '131',
      label: 'Chrome on Android',
    });
  });

  test('Samsung Internet, by its brand hint and by its UA token', () => {
    const hints = { brands: [['Samsung Internet', '27.0'], ['Chromium', '125'], ['Not.A/Brand', '24']] as Brand[], platform: 'Android', mobile: true };
    expect(detectEnvironment(request(UA.samsungAndroid, hints))).toMatchObject({ os: 'android', browser: 'samsung-internet', browserVersion: '27.0', label: 'Samsung Internet on Android' });
    expect(detectEnvironment(request(UA.samsungAndroid))).toMatchObject({ os: 'android', browser: 'samsung-internet', label: 'Samsung Internet on Android' });
  });

  test('Firefox on Android (no client hints)', () => {
    expect(detectEnvironment(request(UA.firefoxAndroid))).toEqual({
      os: 'android',
      browser: 'firefox',
      browserVersion: '145.0',
      label: 'Firefox on Android',
    });
  });

  test('every iOS browser by its UA token; the rest is Safari', () => {
    expect(detectEnvironment(request(UA.safariIos))).toEqual({ os: 'ios', browser: 'safari', browserVersion: '18.1', label: 'Safari on iOS' });
    expect(detectEnvironment(request(UA.chromeIos))).toMatchObject({ os: 'ios', browser: 'chrome', browserVersion: '131.0.6778.73', label: 'Chrome on iOS' });
    expect(detectEnvironment(request(UA.edgeIos))).toMatchObject({ os: 'ios', browser: 'edge', browserVersion: '131.2903.52', label: 'Edge on iOS' });
    expect(detectEnvironment(request(UA.firefoxIos))).toMatchObject({ os: 'ios', browser: 'firefox', browserVersion: '132.0', label: 'Firefox on iOS' });
  });

  test('Safari on macOS, and Chrome on macOS with the real version from hints', () => {
    expect(detectEnvironment(request(UA.safariMac))).toMatchObject({ os: 'macos', browser: 'safari', label: 'Safari on macOS' });
    const hints = { brands: [['Google Chrome', '131'], ['Chromium', '131'], ['Not_A Brand', '24']] as Brand[], platform: 'macOS', platformVersion: '15.1.0' };
    expect(detectEnvironment(request(UA.chromeMac, hints))).toMatchObject({ os: 'macos', osVersion: '15.1.0', browser: 'chrome', label: 'Chrome on macOS' });
  });

  test('ChromeOS, by the CrOS token and by the "Chrome OS" platform hint', () => {
    expect(detectEnvironment(request(UA.chromeOs))).toMatchObject({ os: 'chromeos', browser: 'chrome', label: 'Chrome on ChromeOS' });
    const hints = { brands: [['Google Chrome', '131'], ['Chromium', '131'], ['Not_A Brand', '24']] as Brand[], platform: 'Chrome OS', platformVersion: '14541.0.0' };
    expect(detectEnvironment(request(UA.chromeOs, hints))).toMatchObject({ os: 'chromeos', osVersion: '14541.0.0', browser: 'chrome', label: 'Chrome on ChromeOS' });
  });

  test('Linux: Chrome, Firefox, and a distribution ua-parser-js names', () => {
    expect(detectEnvironment(request(UA.chromeLinux))).toMatchObject({ os: 'linux', browser: 'chrome', label: 'Chrome on Linux' });
    expect(detectEnvironment(request(UA.firefoxLinux))).toMatchObject({ os: 'linux', browser: 'firefox', label: 'Firefox on Linux' });
    expect(detectEnvironment(request(UA.firefoxUbuntu))).toMatchObject({ os: 'linux', browser: 'firefox' });
  });

  test('a garbage or missing UA is unknown on both counts', () => {
    expect(detectEnvironment(request('garbage!! (((;'))).toEqual({ os: 'unknown', browser: 'unknown', label: 'Unknown browser on unknown OS' });
    expect(detectEnvironment({})).toEqual({ os: 'unknown', browser: 'unknown', label: 'Unknown browser on unknown OS' });
  });

  test('GREASE brands and a bare "Chromium" name no browser: the named brand or the UA decides', () => {
    const greaseFirst = { brands: [['Not A(Brand', '8'], ['Chromium', '132'], ['Microsoft Edge', '132']] as Brand[], platform: 'Windows' };
    expect(detectEnvironment(request(UA.edgeWindows, greaseFirst))).toMatchObject({ browser: 'edge', browserVersion: '132' });
    const chromiumOnly = { brands: [['Not)A;Brand', '99'], ['Chromium', '131']] as Brand[], platform: 'Linux' };
    expect(detectEnvironment(request(UA.chromeLinux, chromiumOnly))).toMatchObject({ os: 'linux', browser: 'chrome', browserVersion: '131.0.0.0' });
  });

  test('hints win over a UA string that says otherwise', () => {
    // A Chromium UA string that claims Chrome, with Edge's hints: Edge's own hints are the truth.
    const detected = detectEnvironment(request(UA.chromeWindows, EDGE_WINDOWS_11_HINTS));
    expect(detected).toMatchObject({ os: 'windows', osVersion: '11', browser: 'edge', label: 'Edge on Windows' });
  });

  test('malformed hint headers are ignored, not fatal', () => {
    const headers = { 'user-agent': UA.edgeWindows, 'sec-ch-ua': '"unterminated', 'sec-ch-ua-platform': '???', 'sec-ch-ua-platform-version': 'not-a-string' };
    expect(detectEnvironment(headers)).toEqual({ os: 'windows', browser: 'edge', browserVersion: '131.0.0.0', label: 'Edge on Windows' });
  });
});

test('windowsVersion maps Sec-CH-UA-Platform-Version to the Windows release', () => {
  expect(windowsVersion('15.0.0')).toBe('11');
  expect(windowsVersion('13.0.0')).toBe('11');
  expect(windowsVersion('10.0.0')).toBe('10');
  expect(windowsVersion('1.0.0')).toBe('10');
  expect(windowsVersion('0.3.0')).toBe('8.1');
  expect(windowsVersion('0.1.0')).toBe('7');
  expect(windowsVersion('')).toBeUndefined();
  expect(windowsVersion(undefined)).toBeUndefined();
});
