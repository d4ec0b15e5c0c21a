// The seed's second user tip, and its service tip to show provider and sync state: the management
// page tells the user which provider holds each passkey (name and icon), whether it syncs, where and
// when it was made, and when it was last used; after the next sign-in, "last used" moves to it, the
// creation time stays, and a passkey backed up since is shown as syncing. The user names the passkey
// there; a name of only spaces gets no blank name, and a refusal of it says why.
import {
  check,
  type CreationView,
  expect,
  expectCreation,
  expectPasskeyShown,
  forEveryCell,
  RpStepError,
  rpTimeDuring,
  test,
} from '../harness/scenario';

/** What the user types as the passkey's name: first only spaces (the near miss of an empty field), then a real name. */
const BLANK_NAME = '   ';
const NAME = 'Work laptop';

/** Long enough that a "last used" left at the creation time, or a creation time moved to the use, shows. */
const AN_HOUR_SECONDS = 60 * 60;

forEveryCell(() => {
  test('the management page shows the provider, sync state and origin of a new passkey', { tag: ['@tells-the-truth', '@works'] }, async ({ rp, oracle, cell, authenticator, username }) => {
    const expected = oracle.createdPasskey();
    let said: CreationView | undefined;
    const made = await check('works', 'register a passkey', () => rpTimeDuring(rp, async () => (said = await rp.register(username))));
    // What the RP said when the passkey was saved must agree with what its page lists.
    if (said) await expectCreation(said, oracle.creation(), expected);
    const passkeys = await test.step('open the management page', () => rp.listPasskeys());
    expect(passkeys, 'the RP lists the passkey').toHaveLength(1); // hard: the checks below read it
    const [shown] = passkeys as [(typeof passkeys)[number]];
    await expectPasskeyShown(shown, expected);
    await test.step('when it was made, and "never" used (or used at its making)', () => {
      expect.soft(shown.createdAt, 'made: during the registration').toBeDuring(made);
      if (shown.lastUsedAt !== 'never') expect.soft(shown.lastUsedAt, 'last used: "never", or the registration').toBeDuring(made);
    });

    const renames = rp.lacking('passkey-rename') === null;
    if (renames) {
      await test.step('a name of only spaces: refused in words, or the passkey left without a name', async () => {
        const refused = await rp.renamePasskey(shown.credentialId, BLANK_NAME).then(() => null, (error: unknown) => error);
        if (refused !== null && !(refused instanceof RpStepError)) throw refused;
        if (refused) expect.soft(refused.shown.trim(), 'the refusal of a blank name says why, in words').not.toBe('');
        const [named] = await rp.listPasskeys();
        expect.soft(named?.name ?? null, 'the name shown after only spaces were typed').toBeNull();
      });
      await test.step(`the user names it "${NAME}"`, async () => {
        await rp.renamePasskey(shown.credentialId, NAME);
        const [named] = await rp.listPasskeys();
        expect.soft(named?.name, 'the name shown').toBe(NAME);
      });
    }
    if (cell.sync === 'eligible') await test.step('the provider backs the passkey up', () => authenticator.backUpAll());
    const letTimePass = rp.letTimePass;
    if (letTimePass) await test.step('an hour passes', () => letTimePass(AN_HOUR_SECONDS));
    else test.info().annotations.push({ type: 'note', description: 'the RP has no clock to move: "last used" is checked against the sign-in, not an hour after the making' });
    await rp.signOut();
    const used = await check('works', 'sign in with the passkey', () => rpTimeDuring(rp, () => rp.signIn('discoverable', username)));
    await test.step('the management page after the sign-in', async () => {
      const [after] = await rp.listPasskeys();
      expect(after, 'the RP still lists the passkey').toBeDefined(); // hard: the checks below read it
      expect.soft(after!.lastUsedAt, 'last used: the sign-in just made').toBeDuring(used);
      expect.soft(after!.createdAt, 'made: unchanged by the sign-in').toEqual(shown.createdAt);
      if (cell.sync === 'eligible') expect.soft(after!.sync, 'sync state once backed up').toBe('synced');
      if (renames) expect.soft(after!.name, 'the name the user gave it, kept by the sign-in').toBe(NAME);
    });
  });
});
