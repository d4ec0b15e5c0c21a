// The RP's advice hangs on which system and browser the user is on: which provider will likely save
// a passkey, whether it syncs, what reaches where. Where the RP tells the user what it detected, it
// must be true: the system, the browser, and no version the browser did not tell it. From the user
// agent alone, Windows 11 reads as 10, macOS 15 as 10.15.7, Android 15 as 10 and every Chrome as
// x.0.0.0; the real ones come in client hints, the detailed ones only once the site has asked for
// them (Accept-CH), so the first page and the next are both read; the next must name the versions
// the browser told it.
import {
  environmentShownExpectation,
  expect,
  forEveryCell,
  isLeadingPart,
  notApplicable,
  ONCE_PER,
  test,
  versionIsTrue,
  versionsNamed,
} from '../harness/scenario';

forEveryCell(() => {
  test('the site names the system and browser the user is on, and no version they are not', { tag: [ONCE_PER.environment, '@tells-the-truth'] }, async ({ rp, cell }) => {
    const expected = environmentShownExpectation(cell.environment);
    const told = [expected.osVersion && `system ${expected.osVersion}`, expected.browserVersion && `browser ${expected.browserVersion}`].filter(Boolean).join(', ');
    const check = (shown: string, page: string) => {
      expect.soft(shown, `${page}: what the site says, naming the system`).toContain(expected.osName);
      expect.soft(shown, `${page}: what the site says, naming the browser`).toContain(expected.browserName);
      for (const version of versionsNamed(shown)) {
        expect.soft(versionIsTrue(version, expected), `${page}: the site names version ${version}; the browser's are ${told || 'not told'}`).toBe(true);
      }
    };
    const first = await test.step('the first page the user opens', () => rp.environmentShown());
    if (first === null) notApplicable(`${rp.name} does not tell the user which system and browser it thinks they are on`);
    check(first, 'the first page');
    await test.step('the next page, once the browser sends what the site asked it for', async () => {
      const next = await rp.environmentShown();
      expect(next, 'the next page says it too').not.toBeNull();
      check(next!, 'the next page');
      // What passkeys can do hangs on these versions (third-party providers on Windows 11 25H2 and
      // later, autofill from Chrome 108): told them, the site that names the system names them too.
      const named = versionsNamed(next!);
      for (const [what, version] of [['system', expected.osVersion], ['browser', expected.browserVersion]] as const) {
        if (version === null) continue;
        expect.soft(named.some((v) => isLeadingPart(v, version)), `the next page names the ${what} version the browser told (${version}), or its leading part`).toBe(true);
      }
    });
  });
});
