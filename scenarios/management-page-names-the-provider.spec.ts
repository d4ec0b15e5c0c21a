// The seed's second user tip, and its service tip to show provider and sync state: the management
// page tells the user which provider holds each passkey (name and icon), whether it syncs, and
// where it was made; a passkey backed up later is shown as syncing after its next use.
import { test, expect, forEveryCell } from '../harness/fixtures/cellTest';
import { expectPasskeyShown } from '../harness/fixtures/expectPasskeyShown';

forEveryCell(() => {
  test('the management page shows the provider, sync state and origin of a new passkey', async ({ rp, oracle, cell, authenticator, username }) => {
    const expected = oracle.createdPasskey();
    await test.step('register a passkey', () => rp.register(username));
    const passkeys = await test.step('open the management page', () => rp.listPasskeys());
    expect(passkeys, 'the RP lists the passkey').toHaveLength(1); // hard: the checks below read it
    await expectPasskeyShown(passkeys[0]!, expected);

    if (cell.sync === 'eligible') {
      await test.step('the provider backs the passkey up; after the next sign-in the page says it syncs', async () => {
        await authenticator.backUpAll();
        await rp.signOut();
        await rp.signIn('discoverable', username);
        const [after] = await rp.listPasskeys();
        expect.soft(after!.sync, 'sync state once backed up').toBe('synced');
      });
    }
  });
});
