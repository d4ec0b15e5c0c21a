import type { DetectedEnvironment } from '../environment';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

type PageBase = { environment: DetectedEnvironment; csrfToken: string; csrfField: SafeHtml; signedInAs?: string | undefined };

export type PasswordSignUpProps = PageBase & {
  username?: string;
  email?: string;
  /** What was wrong with the form, with its message code. */
  error?: { code: 'signup.username-taken' | 'signup.invalid'; text: string } | undefined;
};

/** Sign-up with a username and password; the authenticator app comes next, the account only after it. */
export function passwordSignUpPage(props: PasswordSignUpProps): string {
  const body = html`<h1>Create an account with a password</h1>
${props.error ? html`<p role="alert" data-message="${props.error.code}">${props.error.text}</p>` : ''}
<p class="note" role="note" data-message="signup.second-factor">A password alone is easy to steal, so next you will set up an authenticator app: signing in will ask for its 6-digit code too. Your account is created once that works.</p>
<form method="post" action="/signup/password" id="signup-password-form">
${props.csrfField}
<p><label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="64" required value="${props.username ?? ''}"></p>
<p><label for="password">Password (at least 8 characters)</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="8" maxlength="128" required></p>
<p><label for="email">Email address (optional: for sign-in links)</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="254" value="${props.email ?? ''}"></p>
<div class="actions"><button id="signup-password-continue" type="submit">Continue</button></div>
</form>
<p>Or <a id="go-register" href="/register">create an account with a passkey</a>: no password to remember. Already have an account? <a id="go-signin" href="/signin">Sign in</a></p>`;
  return layout({ title: 'Create an account', page: 'signup-password', environment: props.environment, signedInAs: props.signedInAs, csrfToken: props.csrfToken, body });
}

export type AuthenticatorSetupProps = PageBase & {
  username: string;
  secret: string;
  uri: string;
  /** Adding to an existing account rather than finishing a sign-up. */
  adding: boolean;
  invalidCode?: boolean;
};

/** TOTP enrolment: the secret as text (and its otpauth:// URI), then one code to prove it works. */
export function authenticatorSetupPage(props: AuthenticatorSetupProps): string {
  const body = html`<h1>Set up your authenticator app</h1>
${props.invalidCode ? html`<p role="alert" data-message="totp.invalid">That code does not match. Check that your phone's clock is right and enter the code your app shows now.</p>` : ''}
<p class="note" role="note" data-message="totp.enrol">In your authenticator app (for example Google Authenticator, Microsoft Authenticator or your password manager), add an account and type in this key, or open the link below on the device that has the app. Then enter the 6-digit code it shows.</p>
<dl>
<dt>Account</dt><dd>${props.username}</dd>
<dt>Key</dt><dd><code data-testid="totp-secret">${props.secret}</code></dd>
<dt><label for="totp-uri">Link</label></dt><dd><textarea id="totp-uri" data-testid="totp-uri" readonly rows="5" cols="44">${props.uri}</textarea></dd>
</dl>
<form method="post" action="/authenticator-setup" id="totp-form">
${props.csrfField}
<p><label for="totp-code">6-digit code</label>
<input id="totp-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,8}" maxlength="8" required></p>
<div class="actions"><button id="totp-confirm" type="submit">${props.adding ? 'Save password' : 'Create account'}</button></div>
</form>
<p>${props.adding ? html`<a href="/account/ways-in">Cancel</a>` : html`<a href="/signup/password">Start again</a> · <a href="/register">Create an account with a passkey instead</a>`}</p>`;
  return layout({ title: 'Set up your authenticator app', page: 'authenticator-setup', environment: props.environment, signedInAs: props.signedInAs, csrfToken: props.csrfToken, body });
}

export type PasswordSignInProps = PageBase & {
  username?: string;
  /** Wrong username, password or code: which one is never said. */
  failed?: boolean;
  throttled?: boolean;
};

export function passwordSignInPage(props: PasswordSignInProps): string {
  const body = html`<h1>Sign in with your password</h1>
${props.failed ? html`<p role="alert" data-message="password.failed">That did not work: the username, password or code is not right. Check them and try again.</p>` : ''}
${props.throttled ? html`<p role="alert" data-message="password.throttled">Too many attempts for this account. Wait 15 minutes, or use another way to sign in.</p>` : ''}
<form method="post" action="/signin/password" id="signin-password-form">
${props.csrfField}
<p><label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="64" required value="${props.username ?? ''}"></p>
<p><label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" maxlength="128" required></p>
<p><label for="totp-code">Code from your authenticator app</label>
<input id="totp-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,8}" maxlength="8" required></p>
<div class="actions"><button id="signin-password-submit" type="submit">Sign in</button></div>
</form>
<ul>
<li><a id="use-passkey" href="/signin">Sign in with a passkey</a></li>
<li><a id="use-email-link" href="/signin/email">Email me a sign-in link</a></li>
<li><a id="signin-help" href="/signin/help${props.username ? `?username=${encodeURIComponent(props.username)}` : ''}">Can't sign in?</a></li>
</ul>`;
  return layout({ title: 'Sign in with your password', page: 'signin-password', environment: props.environment, signedInAs: props.signedInAs, csrfToken: props.csrfToken, body });
}
