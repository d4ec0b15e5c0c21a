import { expect, test } from '@playwright/test';
import { loadMatrixData } from '../matrix/load';
import { environmentShownExpectation, isLeadingPart, versionIsTrue, versionsNamed } from './environmentShown';

const data = loadMatrixData();
const expectation = (id: string) => environmentShownExpectation(data.environments.find((e) => e.id === id)!);

test('the names come from the label; the versions from client hints, where the browser sends them', () => {
  expect(expectation('windows-edge')).toEqual({ osName: 'Windows', browserName: 'Edge', osVersion: '11', browserVersion: '142.0.3595.94' });
  expect(expectation('android-samsung-internet')).toEqual({ osName: 'Android', browserName: 'Samsung Internet', osVersion: '15.0.0', browserVersion: '29.0.0.0' });
  expect(expectation('macos-chrome')).toMatchObject({ osVersion: '15.6.1', browserVersion: '142.0.7444.176' });
  // Safari and Firefox send no client hints: their UA strings freeze the system version, so none is
  // told; the browser's own token keeps its version true (on iOS, each browser's token).
  expect(expectation('macos-safari')).toEqual({ osName: 'macOS', browserName: 'Safari', osVersion: null, browserVersion: '26.1' });
  expect(expectation('ios-chrome')).toEqual({ osName: 'iOS', browserName: 'Chrome', osVersion: null, browserVersion: '142.0.7444.148' });
  expect(expectation('ios-edge')).toMatchObject({ browserVersion: '142.3595.80' });
  expect(expectation('ios-firefox')).toMatchObject({ browserVersion: '145.0' });
  expect(expectation('windows-firefox')).toEqual({ osName: 'Windows', browserName: 'Firefox', osVersion: null, browserVersion: '145.0' });
});

test('versions named in a text are read whole, not as parts of longer ones', () => {
  expect(versionsNamed('Chrome on Windows (system version 11, browser version 142.0.7444.176).')).toEqual(['11', '142.0.7444.176']);
  expect(versionsNamed('Chrome on Windows (system version 10, browser version 142.0.0.0)')).not.toContain('11');
});

test('a leading part is whole parts from the start, no more of them than the version has', () => {
  expect(['142', '142.0', '142.0.7444.176'].map((v) => isLeadingPart(v, '142.0.7444.176'))).toEqual([true, true, true]);
  expect(['14', '142.1', '142.0.7444.176.1', '0'].map((v) => isLeadingPart(v, '142.0.7444.176'))).toEqual([false, false, false, false]);
});

test('a version named is true when it is the system\'s or the browser\'s, whole or its leading parts', () => {
  const windows = expectation('windows-chrome');
  expect(['11', '142', '142.0.7444.176', '142.0'].map((v) => versionIsTrue(v, windows))).toEqual([true, true, true, true]);
  // From the user agent alone: Windows 11 as 10, Chrome's frozen 142.0.0.0, Android 15 as 10.
  expect(['10', '142.0.0.0', '142.0.7444.176.1'].map((v) => versionIsTrue(v, windows))).toEqual([false, false, false]);
  expect(versionIsTrue('10', expectation('android-chrome'))).toBe(false);
  // Without client hints: the frozen system versions (Mac OS X 10_15_7, Windows NT 10.0) are not told; a
  // near miss of the browser's ("1" of CriOS/142...) is not its leading part.
  expect(['10.15.7', '26', '26.1', '26.1.1'].map((v) => versionIsTrue(v, expectation('macos-safari')))).toEqual([false, true, true, false]);
  expect(['10', '145', '145.0'].map((v) => versionIsTrue(v, expectation('windows-firefox')))).toEqual([false, true, true]);
  expect(['1', '142', '142.0.7444.148'].map((v) => versionIsTrue(v, expectation('ios-chrome')))).toEqual([false, true, true]);
});
