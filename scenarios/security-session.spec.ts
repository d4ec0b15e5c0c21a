// Session fixation: someone who planted a session id in the user's browser before they signed in
// (a shared computer, a crafted link, a script on a sibling site) must not be signed in with it
// afterwards. Signing up or in must give the session a new id, and signing out must end the session
// on the server, not only in the browser. The harness takes the cookies the browser held at the
// moment it sent its passkey answer, and while signed in, and tries them in another browser. The
// cookies that keep the user signed in must also be out of reach of the page's scripts (HttpOnly) and
// not go along with another site's form post (SameSite Lax or Strict, as the RP sent them).
import type { Cookie } from '@playwright/test';
import {
  check,
  cookiesWhenAnswering,
  expect,
  forEveryCell,
  notApplicable,
  ONCE_PER,
  OtherBrowser,
  SetCookieLog,
  test,
} from '../harness/scenario';

forEveryCell(() => {
  test('the session from before signing up or in is worthless after it', { tag: [ONCE_PER.environment, '@safe', '@works'] }, async ({ rp, authenticator, username, page, worldPool, cell }) => {
    void authenticator; // the provider's virtual authenticator answers every ceremony below
    const other = await OtherBrowser.open(worldPool, cell.environment);
    try {
      const setCookies = SetCookieLog.start(page);
      const beforeSignUp = await check('works', 'sign up with a passkey', () => cookiesWhenAnswering(rp, 'create', () => rp.register(username)));
      const signedIn = await test.step("another browser with the signed-in browser's cookies is signed in", async () => {
        const session = await page.context().cookies();
        const there = await other.signedInAs(rp, session);
        if (there !== username) notApplicable(`${rp.name} does not keep its session in cookies alone (another browser holding them was signed in as ${there ?? 'nobody'}), so fixing a session id is another matter`);
        return session;
      });
      await test.step("the cookies that keep the user signed in are HttpOnly and SameSite Lax or Strict", async () => {
        const sent = await setCookies.stop();
        const keys: Cookie[] = [];
        for (const cookie of signedIn) {
          if ((await other.signedInAs(rp, signedIn.filter((c) => c !== cookie))) !== username) keys.push(cookie);
        }
        if (keys.length === 0) {
          test.info().annotations.push({ type: 'note', description: 'no single cookie keeps the user signed in (without any one of them, another browser still is): their attributes are not checked' });
        }
        for (const key of keys) {
          expect.soft(key.httpOnly, `the session cookie "${key.name}" can be read by the page's scripts (no HttpOnly), so a script injected into any page of the site can take the session`).toBe(true);
          const line = sent.get(key.name);
          if (!line) {
            test.info().annotations.push({ type: 'note', description: `no Set-Cookie for "${key.name}" was seen while signing up: its SameSite is not checked` });
            continue;
          }
          expect.soft(line.sameSite?.toLowerCase() ?? 'not sent', `the session cookie "${key.name}" is set without SameSite Lax or Strict, so Safari and Firefox send it with another site's form post`).toBeOneOf(['lax', 'strict']);
        }
      });
      await test.step('another browser with the cookies from before signing up is not signed in', async () => {
        expect(await other.signedInAs(rp, beforeSignUp), 'the session id from before sign-up signs in').not.toBe(username);
      });
      await rp.signOut();
      await test.step('after signing out, another browser with the cookies from while signed in is not signed in', async () => {
        expect(await other.signedInAs(rp, signedIn), 'a copy of the session cookie taken before sign-out still signs in').not.toBe(username);
      });
      const beforeSignIn = await check('works', 'sign in with the passkey', () => cookiesWhenAnswering(rp, 'get', () => rp.signIn('username-first', username)));
      expect(await rp.signedInAs()).toBe(username);
      await test.step('another browser with the cookies from before signing in is not signed in', async () => {
        expect(await other.signedInAs(rp, beforeSignIn), 'the session id from before sign-in signs in').not.toBe(username);
      });
    } finally {
      other.close();
    }
  });
});
