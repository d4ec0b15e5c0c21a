import { expect, test } from '@playwright/test';
import { activeFaults } from './faults';
import { syncState, syncText } from './syncState';

const none = activeFaults([]);

test('sync state and its words follow the backup flags', () => {
  expect(syncState({ deviceType: 'multiDevice', backedUp: true }, none)).toBe('synced');
  expect(syncState({ deviceType: 'multiDevice', backedUp: false }, none)).toBe('eligible');
  expect(syncState({ deviceType: 'singleDevice', backedUp: false }, none)).toBe('device-bound');
  expect(syncText('synced')).toBe('Synced');
  expect(syncText('eligible')).toBe('Can sync, not backed up yet');
  expect(syncText('device-bound')).toBe('Only on this device');
});

test('misreport-sync calls every passkey synced', () => {
  const faults = activeFaults([{ name: 'misreport-sync' }]);
  expect(syncState({ deviceType: 'singleDevice', backedUp: false }, faults)).toBe('synced');
  expect(syncState({ deviceType: 'multiDevice', backedUp: false }, faults)).toBe('synced');
});
