// The seed's third user tip: keep passkeys in more than one provider, so that losing one leaves a
// way in. The RP suggests it, refuses a second passkey in the same provider, and stops suggesting
// once the user adds one elsewhere; then the user loses the first provider and still signs in, and
// removes the lost passkey without being warned of losing access (another passkey is left).
// With passkeys in three providers, removing one leaves two, and each of them still signs in: what the
// RP tells the provider it still accepts (Signal API) names both, so neither provider drops its own.
import { check, expect, expectAnotherProviderAdvice, expectSignIn, forEveryCell, notApplicable, ONCE_PER, RpStepError, test } from '../harness/scenario';

forEveryCell(() => {
  test('a second passkey in another provider, then the first provider is lost', { tag: ['@works', '@tells-the-truth', '@leaves-a-way-in'] }, async ({ world, oracle, cell, username }) => {
    const second = oracle.secondProvider() ?? notApplicable(`no other provider is usable in ${cell.environment.label}`);
    const user = await world({ here: { environment: 'cell', providers: ['cell', second] } });
    await user.on('here').register(username);
    const [first] = await user.on('here').listPasskeys();
    await expectAnotherProviderAdvice(user.on('here'), oracle.anotherProviderAdvice(user));
    await test.step(`a second passkey in ${cell.provider.name} is refused: the RP excludes the one it has`, async () => {
      await expect.soft(user.on('here').addPasskey(), 'a second passkey in the same provider').rejects.toBeInstanceOf(RpStepError);
    });
    await test.step(`add a second passkey in ${second}`, () => user.on('here', second).addPasskey());
    await test.step('the RP lists both passkeys', async () => {
      // Hard: the steps below lose one of them and sign in with the other.
      expect(await user.on('here', second).listPasskeys(), 'the RP lists both passkeys').toHaveLength(2);
    });
    await expectAnotherProviderAdvice(user.on('here', second), oracle.anotherProviderAdvice(user));
    await user.on('here', second).signOut();
    await test.step(`the user loses every passkey in ${cell.provider.name}`, () => user.lose('here', cell.provider.id));
    await expectSignIn(user.on('here', second), username, oracle.signIn(user, 'here', second), oracle.signInHelp(user, 'here'));
    if (first && (await user.on('here', second).signedInAs()) === username) {
      await test.step(`the user removes the passkey lost with ${cell.provider.name}, without confirming: it goes, the other stays`, async () => {
        expect.soft(await user.on('here', second).deletePasskey(first.credentialId, false), 'deleting one of two passkeys without confirming (no last way in is at stake)').toBe('deleted');
        expect.soft(await user.on('here', second).listPasskeys(), 'the passkeys left').toHaveLength(1);
      });
    }
  });

  test('passkeys in three providers: removing one leaves two, and each still signs in', { tag: [ONCE_PER.environment, '@works', '@leaves-a-way-in'] }, async ({ world, oracle, cell, username }) => {
    const [second, third] = oracle.otherProviders();
    if (second === undefined || third === undefined) notApplicable(`fewer than two other providers are usable in ${cell.environment.label}`);
    const user = await world({ here: { environment: 'cell', providers: ['cell', second, third] } });
    await user.on('here').register(username);
    const [first] = await user.on('here').listPasskeys();
    await test.step(`add a passkey in ${second}, and one in ${third}`, async () => {
      await user.on('here', second).addPasskey();
      await user.on('here', third).addPasskey();
      // Hard: the steps below remove one of three.
      expect(await user.on('here', second).listPasskeys(), 'the RP lists three passkeys').toHaveLength(3);
    });
    // Removed from the page where the second provider answers: that provider is the one the RP's
    // list of accepted passkeys reaches, and it holds one of the two left.
    await check('works', `remove the passkey in ${cell.provider.name}, without confirming: it goes, two stay`, async () => {
      expect.soft(await user.on('here', second).deletePasskey(first!.credentialId, false), 'deleting one of three passkeys without confirming').toBe('deleted');
      // Hard: the sign-ins below need the two left.
      expect((await user.on('here', second).listPasskeys()).map((p) => p.credentialId), 'the passkeys left').not.toContain(first!.credentialId);
    });
    await user.on('here', second).signOut();
    for (const provider of [second, third]) {
      await expectSignIn(user.on('here', provider), username, oracle.signIn(user, 'here', provider));
      if ((await user.on('here', provider).signedInAs()) === username) await user.on('here', provider).signOut();
    }
  });
});
