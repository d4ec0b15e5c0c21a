// The demo RP's adapter as a team writes it before they know their sign-in page starts a sign-in by
// itself: it opens the page and clicks "Sign in" at once, never looking whether the user is already in.
import { RpStepError, type RpAdapter } from '../../rp/adapter';
import demo from '../passkeyOnlyRp/adapter';

const adapter: RpAdapter = {
  ...demo,
  name: 'Passkey demo, sign-in that clicks at once',
  async signIn(page, baseUrl, method, username) {
    await page.goto(new URL('/signin', baseUrl).href);
    if (method === 'username-first') await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.getByRole('alert').filter({ hasText: /\S/ });
    await page.locator('#who').or(error).waitFor({ timeout: 10_000 });
    if (await error.count()) throw new RpStepError(`sign-in (${method})`, (await error.innerText()).trim());
  },
};

export default adapter;
