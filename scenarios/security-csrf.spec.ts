// Cross-site request forgery on the passkey management page: a page on another site the user visits
// while signed in must not delete or rename their passkeys, and neither may a request that carries
// the user's cookies but not the page's CSRF token (what a browser without SameSite cookies or Origin
// headers would let through), nor one whose token is present but made up or one character short, nor
// the page's own token sent without the session it belongs to. The harness learns the request from the RP's own page (held
// on its way while the forgeries are tried), so any RP's form or API is forged as its page sends it.
// The user's own form, left open while they signed in again, is refused too: the page that says so
// must lead back to a form that works, and no link of a refusal page may lead nowhere.
import type { Page } from '@playwright/test';
import {
  bodyKind,
  brokenLinks,
  type CapturedRequest,
  check,
  expect,
  expectRefusalPage,
  forEveryCell,
  fromAnotherSite,
  holdFirstChange,
  linksBackTo,
  notApplicable,
  ONCE_PER,
  readRefusedForm,
  sendFrom,
  sendWithCookies,
  submitStaleForm,
  test,
  tokenCut,
  tokenMadeUp,
  tokenTakenOut,
  withFieldValue,
  withoutCsrfToken,
} from '../harness/scenario';

const NAME = 'Laptop';
const NAME_REPLAYED = 'Work laptop';
const NAME_FROM_OLD_TAB = 'Old tab';
const NAME_AFTER_RETRY = 'Home laptop';
/** A forgery refused is a 4xx: a 5xx is the RP breaking on it, which its next release may turn into carrying it out. */
const REFUSED_NOT_BROKEN = 'the HTTP status the RP answered the forgery with (a refusal is 4xx)';

forEveryCell(() => {
  test('another site cannot delete a passkey, nor can a request without the page\'s token', { tag: [ONCE_PER.environment, '@safe', '@works', '@leaves-a-way-in'] }, async ({ rp, authenticator, username, page }) => {
    void authenticator; // the provider's virtual authenticator answers every ceremony below
    await check('works', 'register a passkey', () => rp.register(username));
    const [passkey] = await rp.listPasskeys();
    if (!passkey) throw new Error(`${rp.name}'s management page lists no passkey after registering one`);
    const has = async (tab: Page) => (await rp.passkeysShownIn(tab)).some((p) => p.credentialId === passkey.credentialId);
    const held = await holdFirstChange(page, () => rp.deletePasskey(passkey.credentialId, true));
    const request = held.request;
    if (!request) {
      expect(await held.release(), 'the passkey was deleted by GET requests alone, which any page on another site can make the browser send').not.toBe('deleted');
      notApplicable(`deleting a passkey on ${rp.name} sent no request that changes anything (POST, PUT, PATCH or DELETE), and it was refused`);
    }
    try {
      const tab = await page.context().newPage();
      await test.step('a page on another site posts the delete: the passkey stays', async () => {
        if (await fromAnotherSite(rp, tab, withoutCsrfToken(request)?.request ?? request)) {
          expect(await has(tab), 'a page on another site deleted the passkey').toBe(true);
        }
      });
      await test.step("the delete with the user's cookies but without the page's token: the passkey stays", async () => {
        const forged = tokenTakenOut(request);
        if (forged) {
          const status = await sendWithCookies(page, forged);
          expect(await has(tab), `a delete without the CSRF token was carried out (HTTP ${status})`).toBe(true);
          expect.soft(status, REFUSED_NOT_BROKEN).toBeLessThan(500);
        }
      });
      await test.step("the delete with the user's cookies and a made-up token of the right shape: the passkey stays", async () => {
        const forged = tokenMadeUp(request);
        if (forged) {
          const status = await sendWithCookies(page, forged);
          expect(await has(tab), `a delete with a wrong CSRF token was carried out (HTTP ${status})`).toBe(true);
          expect.soft(status, REFUSED_NOT_BROKEN).toBeLessThan(500);
        }
      });
      await test.step("the delete with the user's cookies and the page's token one character short: the passkey stays", async () => {
        const forged = tokenCut(request);
        if (forged) {
          const status = await sendWithCookies(page, forged);
          expect(await has(tab), `a delete with its CSRF token one character short was carried out (HTTP ${status})`).toBe(true);
          expect.soft(status, REFUSED_NOT_BROKEN).toBeLessThan(500);
        }
      });
      await tab.close();
    } catch (error) {
      await held.drop();
      throw error;
    }
    await check('works', "the user's own delete, held until now, deletes it", async () => {
      expect(await held.release()).toBe('deleted');
      expect(await rp.listPasskeys()).toEqual([]);
    });
  });

  test('another site cannot rename a passkey, nor can a request without the page\'s token', { tag: [ONCE_PER.environment, '@safe', '@works', '@leaves-a-way-in'] }, async ({ rp, authenticator, username, page, request: bareClient }) => {
    void authenticator; // the provider's virtual authenticator answers every ceremony below
    await check('works', 'register a passkey', () => rp.register(username));
    const [passkey] = await rp.listPasskeys();
    if (!passkey) throw new Error(`${rp.name}'s management page lists no passkey after registering one`);
    const nameShown = async (tab: Page = page) => (await rp.passkeysShownIn(tab)).find((p) => p.credentialId === passkey.credentialId)?.name;
    const request = await test.step(`the user names the passkey "${NAME}"`, async () => {
      const held = await holdFirstChange(page, () => rp.renamePasskey(passkey.credentialId, NAME));
      await held.release();
      const shown = await nameShown();
      if (shown === undefined) notApplicable(`${rp.name}'s adapter reads no passkey names from the management page (PasskeyView.name)`);
      expect(shown).toBe(NAME);
      expect(held.request, 'the passkey was renamed by GET requests alone, which any page on another site can make the browser send').not.toBeNull();
      return held.request!;
    });
    const named = (name: string): CapturedRequest =>
      withFieldValue(request, NAME, name) ?? notApplicable(`the rename request does not carry the name typed in a form or JSON field, so the harness cannot forge another name`);
    await test.step(`the same request sent again with the user's cookies and its token renames it "${NAME_REPLAYED}"`, async () => {
      const status = await sendWithCookies(page, named(NAME_REPLAYED));
      if ((await nameShown()) !== NAME_REPLAYED) {
        notApplicable(`the RP's own rename request, sent again with the user's cookies and its token, did not rename the passkey (HTTP ${status}), so a refused forgery would say nothing`);
      }
    });
    const tab = await page.context().newPage();
    await test.step('a page on another site posts a rename: the name stays', async () => {
      const forged = named('Renamed by another site');
      if (await fromAnotherSite(rp, tab, withoutCsrfToken(forged)?.request ?? forged)) {
        expect(await nameShown(tab), 'a page on another site renamed the passkey').toBe(NAME_REPLAYED);
      }
    });
    await test.step("a rename with the user's cookies but without the page's token: the name stays", async () => {
      const forged = tokenTakenOut(named('Renamed without the token'));
      if (forged) {
        const status = await sendWithCookies(page, forged);
        expect(await nameShown(tab), `a rename without the CSRF token was carried out (HTTP ${status})`).toBe(NAME_REPLAYED);
        expect.soft(status, REFUSED_NOT_BROKEN).toBeLessThan(500);
      }
    });
    await test.step("a rename with the user's cookies and a made-up token of the right shape: the name stays", async () => {
      const forged = tokenMadeUp(named('Renamed with a made-up token'));
      if (forged) {
        const status = await sendWithCookies(page, forged);
        expect(await nameShown(tab), `a rename with a wrong CSRF token was carried out (HTTP ${status})`).toBe(NAME_REPLAYED);
        expect.soft(status, REFUSED_NOT_BROKEN).toBeLessThan(500);
      }
    });
    await test.step("the user's own rename, its token and all, sent without the user's cookies (a token without its session): the name stays", async () => {
      const status = await sendFrom(bareClient, named('Renamed without the session'));
      expect(await nameShown(tab), `a rename sent without the user's cookies was carried out (HTTP ${status})`).toBe(NAME_REPLAYED);
      expect.soft(status, REFUSED_NOT_BROKEN).toBeLessThan(500);
    });
    await tab.close();
  });

  test('a form left open across a new sign-in is refused by a page that says so and leads back to a form that works', { tag: [ONCE_PER.environment, '@safe', '@works', '@leaves-a-way-in'] }, async ({ rp, authenticator, username, page }) => {
    void authenticator; // the provider's virtual authenticator answers every ceremony below
    await check('works', 'register a passkey', () => rp.register(username));
    const [passkey] = await rp.listPasskeys();
    if (!passkey) throw new Error(`${rp.name}'s management page lists no passkey after registering one`);
    const nameShown = async () => (await rp.passkeysShownIn(page)).find((p) => p.credentialId === passkey.credentialId)?.name;
    const { request, formPageUrl } = await test.step(`the user names the passkey "${NAME}" from the management page`, async () => {
      const held = await holdFirstChange(page, () => rp.renamePasskey(passkey.credentialId, NAME));
      const from = page.url(); // the form's page: the browser has not left it while its post is held
      await held.release();
      if ((await nameShown()) === undefined) notApplicable(`${rp.name}'s adapter reads no passkey names from the management page (PasskeyView.name)`);
      if (!held.request) notApplicable(`renaming a passkey on ${rp.name} sent no request that changes anything`);
      if (bodyKind(held.request) !== 'form') notApplicable(`${rp.name} renames a passkey by a script's request, not a form post: what a page shows when a script's call is refused is the script's to say`);
      return { request: held.request, formPageUrl: from };
    });
    await test.step('the user signs out and in again', async () => {
      await rp.signOut();
      await rp.signIn('username-first', username);
    });
    const stale = withFieldValue(request, NAME, NAME_FROM_OLD_TAB) ?? notApplicable('the rename form does not carry the name typed in a field');
    await test.step(`the form from before the sign-in, sent as "${NAME_FROM_OLD_TAB}", is refused by a page that says so`, async () => {
      const answer = await submitStaleForm(page, formPageUrl, stale);
      const refused = await readRefusedForm(page, answer);
      // Read in another tab: this one shows the user the refusal, and the link back is followed from it.
      const tab = await page.context().newPage();
      const name = (await rp.passkeysShownIn(tab)).find((p) => p.credentialId === passkey.credentialId)?.name;
      await tab.close();
      if (name === NAME_FROM_OLD_TAB) {
        notApplicable(`${rp.name} keeps the page's CSRF token across a new sign-in, so a form left open still works and nothing is refused`);
      }
      expect.soft(name, 'the name after the form from before the sign-in was sent').toBe(NAME);
      expectRefusalPage(refused, 'the form from before the sign-in');
    });
    await check('leaves-a-way-in', 'its link back leads to a form that works', async () => {
      expect.soft(await brokenLinks(page), "the page's links on the RP's site that lead nowhere (4xx or 5xx)").toEqual([]);
      const back = await linksBackTo(page, formPageUrl);
      expect(back.map((link) => link.href), `a link back to ${new URL(formPageUrl).pathname}, where the form was`).not.toEqual([]);
      expect.soft(back[0]!.label, 'the words of the link back').not.toBe('');
      await page.locator(`a[href]`).filter({ hasText: back[0]!.label }).first().click();
      await page.waitForURL((url) => url.pathname === new URL(formPageUrl).pathname, { timeout: 10_000 });
      await rp.renamePasskey(passkey.credentialId, NAME_AFTER_RETRY);
      expect(await nameShown(), 'the name after the user tried again from the page the link led to').toBe(NAME_AFTER_RETRY);
    });
  });
});
