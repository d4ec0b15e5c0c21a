// The seed's first user tip: a passkey that is not on this device can still be used from a phone,
// by scanning the QR code the browser shows (cross-device sign-in over the hybrid transport).
import { expect, forEveryCell, notApplicable, test } from '../harness/scenario';

forEveryCell(() => {
  test('a passkey on the phone, signing in here by scanning the QR code', { tag: '@works' }, async ({ world, oracle, cell, username }) => {
    if (!oracle.browserHas('hybrid-client')) notApplicable(`${cell.environment.label} cannot show a QR code for a phone (no hybrid client)`);
    const user = await world({
      phone: { environment: 'android-chrome', providers: ['cell', 'google-password-manager'] },
      here: { environment: 'cell', providers: ['cell'] },
    });
    await user.on('phone').arrangePasskeyAccount(username);
    await test.step('scan the QR code with the phone', () => user.crossDevice('phone', 'here', (rp) => rp.signIn('cross-device', username)));
    await test.step('the RP says who is signed in', async () => {
      expect.soft(await user.on('here').signedInAs()).toBe(username);
    });
  });
});
