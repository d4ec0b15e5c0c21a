import { expect, test } from '@playwright/test';
import { activeFaults, describeFaults, faultUsage, parseFaultList, parseFaultSwitch } from './faults';

test('parses NAME and NAME=ARG', () => {
  expect(parseFaultSwitch('misreport-sync')).toEqual({ name: 'misreport-sync' });
  expect(parseFaultSwitch(' mislabel-provider=EA9B8D66-4D01-1D21-3CE4-B6B48CB575D4 ')).toEqual({
    name: 'mislabel-provider',
    arg: 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4',
  });
});

test('an unknown name is refused in one line that lists every valid fault', () => {
  expect(() => parseFaultSwitch('break-everything')).toThrow(
    'Unknown fault "break-everything". Valid faults: mislabel-provider=<aaguid>, misreport-sync, ignore-client-hints, misdetect-environment',
  );
  expect(faultUsage()).not.toContain('\n');
});

test('arguments are checked: required where needed, refused where not', () => {
  expect(() => parseFaultSwitch('mislabel-provider')).toThrow(/needs <aaguid>/);
  expect(() => parseFaultSwitch('mislabel-provider=google')).toThrow(/needs <aaguid>/);
  expect(() => parseFaultSwitch('misreport-sync=yes')).toThrow(/takes no argument/);
});

test('RP_FAULTS is a comma-separated list; blanks are skipped', () => {
  expect(parseFaultList('misreport-sync, ignore-client-hints,,')).toEqual([{ name: 'misreport-sync' }, { name: 'ignore-client-hints' }]);
  expect(parseFaultList(undefined)).toEqual([]);
  expect(parseFaultList('')).toEqual([]);
});

test('switches given in code are validated too', () => {
  // Callers from plain JavaScript can pass anything.
  const bogus = [{ name: 'nope' }] as unknown as Parameters<typeof activeFaults>[0];
  expect(() => activeFaults(bogus)).toThrow(/Unknown fault "nope"/);
  const faults = activeFaults([{ name: 'misdetect-environment' }, { name: 'mislabel-provider', arg: '01020304-0506-0708-0102-030405060708' }]);
  expect(describeFaults(faults)).toBe('misdetect-environment, mislabel-provider=01020304-0506-0708-0102-030405060708');
});
