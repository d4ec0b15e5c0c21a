import { test, expect } from '../fixtures/cellTest';
import { RpStepError } from '../rp/adapter';

// The world runs against the real fixture RP that the run's global setup started.
test.use({ environmentId: 'windows-chrome', providerId: 'google-password-manager', sync: 'synced' });

test('a synced Google Password Manager passkey reaches the phone signed in to the same account, not another', async ({ world, username }) => {
  const user = await world({
    laptop: { environment: 'cell', providers: ['cell'] },
    phone: { environment: 'android-chrome', providers: ['google-password-manager'] },
    'work-phone': { environment: 'android-chrome', providers: [{ provider: 'google-password-manager', account: 'work' }] },
  });
  await user.on('laptop').register(username);
  await user.on('laptop').signOut();
  await user.on('phone').signIn('discoverable', username);
  expect(await user.on('phone').signedInAs()).toBe(username);
  await expect(user.on('work-phone').signIn('discoverable', username)).rejects.toThrow(RpStepError);
  expect(user.passkeys()).toEqual([
    expect.objectContaining({ provider: 'google-password-manager', account: 'personal', device: null }),
  ]);
  expect(user.facts().passkeys).toEqual([
    expect.objectContaining({ device: 'laptop', provider: 'google-password-manager', sync: 'synced', lost: false }),
  ]);
});

test('a Windows Hello passkey never leaves the laptop; a phone can still sign in across devices', async ({ world, username }) => {
  const user = await world({
    laptop: { environment: 'windows-edge', providers: ['windows-hello'] },
    phone: { environment: 'android-chrome', providers: ['google-password-manager'] },
  });
  await user.on('laptop').register(username);
  await user.on('laptop').signOut();
  await expect(user.on('phone').signIn('discoverable', username)).rejects.toThrow(RpStepError);
  expect(user.passkeys()).toEqual([expect.objectContaining({ provider: 'windows-hello', device: 'laptop' })]);

  // The phone gets its own passkey, then signs in on the laptop by QR code.
  const other = `${username}-p`;
  await user.on('phone').register(other);
  await user.on('phone').signOut();
  await user.crossDevice('phone', 'laptop', (rp) => rp.signIn('discoverable', other));
  expect(await user.on('laptop').signedInAs()).toBe(other);
});

test('a lost passkey is gone', async ({ world, username }) => {
  const user = await world({ laptop: { environment: 'cell', providers: ['cell'] } });
  await user.on('laptop').register(username);
  await user.on('laptop').signOut();
  await user.lose('laptop', 'google-password-manager');
  await expect(user.on('laptop').signIn('discoverable', username)).rejects.toThrow(RpStepError);
  expect(user.passkeys()).toEqual([]);
  expect(user.facts().passkeys).toEqual([expect.objectContaining({ lost: true })]);
});

test('a world that cannot exist is refused, naming the device and the fix', async ({ world }) => {
  await expect(world({ mac: { environment: 'windows-edge', providers: ['icloud-keychain'] } })).rejects.toThrow(
    /mac\.providers: iCloud Keychain is not usable in Edge on Windows .*pick another provider/,
  );
  await expect(world({ pc: { environment: 'windows-egde', providers: ['cell'] } })).rejects.toThrow(/unknown environment "windows-egde"/);
});

test('the world keeps what the oracle needs besides passkeys: ways in, the passkey offer, time let pass', async ({ world, username }) => {
  const user = await world({ laptop: { environment: 'cell', providers: ['cell'] } });
  const signedUp = await user.on('laptop').signUpWithoutPasskey(username);
  expect(signedUp).toEqual({ way: 'password', passkeyOffered: true });
  await user.on('laptop').declinePasskeyOffer();
  await user.on('laptop').letTimePass!(3600);
  expect(user.facts()).toMatchObject({ waysIn: ['password'], passkeyOffer: { lastShownAt: 0, lastDeclinedAt: 0 }, elapsedSeconds: 3600, passkeys: [] });
  await user.on('laptop').addPasskey();
  expect(user.facts().passkeys).toEqual([expect.objectContaining({ device: 'laptop', provider: 'google-password-manager', sync: 'synced' })]);
});
