// The seed's service tips on management: keep a way in (deleting the last one needs the user's
// say-so), and keep providers tidy with the Signal API: the provider forgets a deleted passkey at
// once, and a device whose provider has not caught up forgets it at its next sign-in attempt. The
// delete form, left open in a tab and sent again once the passkey is gone, is refused by a page that
// says so and leads back to the account.
import {
  bodyKind,
  check,
  expect,
  expectRefusalPage,
  forEveryCell,
  holdFirstChange,
  linksBackTo,
  readRefusedForm,
  rpCredentialId,
  RpStepError,
  submitStaleForm,
  test,
} from '../harness/scenario';

forEveryCell(() => {
  test('deleting the only passkey: refused until confirmed, then the provider forgets it', { tag: ['@leaves-a-way-in', '@works', '@tells-the-truth', '@safe'] }, async ({ rp, oracle, authenticator, username, page }) => {
    await check('works', 'register a passkey', () => rp.register(username));
    const [passkey] = await rp.listPasskeys();
    const copy = (await authenticator.credentials()).find((c) => rpCredentialId(c) === passkey!.credentialId)!;
    const held = async () => (await authenticator.credentials()).map(rpCredentialId);
    const signal = oracle.browserHas('signal-api');
    if (!signal) test.info().annotations.push({ type: 'note', description: 'this browser has no Signal API: the provider keeps a deleted passkey' });

    await test.step('deleting the last way in without confirming is refused', async () => {
      expect.soft(await rp.deletePasskey(passkey!.credentialId, false), 'deleting without confirming').toBe('refused');
      // Hard: the steps below delete this passkey.
      expect(await rp.listPasskeys(), 'the RP still lists the passkey').toHaveLength(1);
    });
    const confirmed = await check('works', 'confirmed, it is deleted', async () => {
      const held = await holdFirstChange(page, () => rp.deletePasskey(passkey!.credentialId, true));
      const formPageUrl = page.url(); // the form's page: the browser has not left it while its post is held
      expect.soft(await held.release(), 'deleting, confirmed').toBe('deleted');
      // Hard: the steps below offer a deleted passkey.
      expect(await rp.listPasskeys(), 'the RP lists no passkey').toHaveLength(0);
      return { request: held.request, formPageUrl };
    });
    const deleteForm = confirmed.request;
    if (deleteForm && bodyKind(deleteForm) === 'form') {
      await test.step('the same delete form, sent again from a tab left open: a page says the passkey is gone and leads back', async () => {
        const tab = await page.context().newPage();
        try {
          const refused = await readRefusedForm(tab, await submitStaleForm(tab, confirmed.formPageUrl, deleteForm));
          expectRefusalPage(refused, 'the delete of a passkey already deleted');
          const back = await linksBackTo(tab, confirmed.formPageUrl);
          expect.soft(back.map((link) => link.label), `a link with words back to ${new URL(confirmed.formPageUrl).pathname}, where the form was`).toContainEqual(expect.stringMatching(/\S/));
        } finally {
          await tab.close();
        }
      });
    } else {
      test.info().annotations.push({ type: 'note', description: 'deleting a passkey is not a form post here: what a page shows when a script\'s call is refused is the script\'s to say' });
    }
    await check('tells-the-truth', 'with no passkey left, the page says nothing of passkeys in another provider', async () => {
      expect.soft(await rp.suggestsAnotherProvider(), 'advice about the passkeys of an account that has none').toBeNull();
    });
    if (signal) {
      await check('tells-the-truth', 'the RP tells the provider at once (Signal API), which forgets the passkey', async () => {
        await expect.soft.poll(held, { message: 'the provider forgets it', timeout: 5_000 }).not.toContain(passkey!.credentialId);
      });
    }
    await test.step('another device, whose provider has not caught up, still holds the passkey', async () => {
      if (!(await held()).includes(passkey!.credentialId)) await authenticator.addCredential(copy);
    });
    await test.step('sign out', () => rp.signOut());
    await check('safe', 'the deleted passkey is offered: the RP refuses it', async () => {
      const refused = await rp.signIn('discoverable', username).then(() => null, (error: unknown) => error);
      if (refused !== null && !(refused instanceof RpStepError)) throw refused;
      expect.soft(refused, 'a deleted passkey does not sign in').toBeInstanceOf(RpStepError);
      expect.soft(await rp.signedInAs(), 'nobody is signed in').toBeNull();
    });
    if (signal) {
      await check('tells-the-truth', 'the RP tells that provider it does not know the passkey (Signal API), which forgets it', async () => {
        await expect.soft.poll(held, { message: 'the provider forgets it', timeout: 5_000 }).not.toContain(passkey!.credentialId);
      });
    }
  });
});
