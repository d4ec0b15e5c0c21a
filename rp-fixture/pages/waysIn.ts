import type { DetectedEnvironment } from '../environment';
import { WAY_NAMES, type EmailWay } from '../waysInStore';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

type PageBase = { environment: DetectedEnvironment; csrfToken: string; csrfField: SafeHtml; signedInAs?: string | undefined };

export type EmailRequestProps = PageBase & {
  address?: string;
  /** The request was taken: the same answer whether or not an account uses the address. */
  sent?: boolean;
  invalid?: boolean;
};

/** Asks for an address and sends a sign-in link to every account that verified it. */
export function emailRequestPage(props: EmailRequestProps): string {
  const body = html`<h1>Sign in with a link by email</h1>
${props.sent ? html`<p role="status" data-message="email-link.sent">If an account uses ${props.address ?? 'this address'}, we have sent a sign-in link to it. The link works once, within 15 minutes. No mail? Check your spam folder, or try another way below.</p>` : ''}
${props.invalid ? html`<p role="alert" data-message="email.invalid">Enter an email address such as name@example.com.</p>` : ''}
<form method="post" action="/signin/email" id="email-link-form">
${props.csrfField}
<p><label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="254" required value="${props.address ?? ''}"></p>
<div class="actions"><button id="email-link-send" type="submit">${props.sent ? 'Send another link' : 'Email me a link'}</button></div>
</form>
<ul>
<li><a id="use-passkey" href="/signin">Sign in with a passkey</a></li>
<li><a id="use-password" href="/signin/password">Sign in with a password</a></li>
<li><a id="signin-help" href="/signin/help">Can't sign in?</a></li>
</ul>`;
  return layout({ title: 'Sign in by email', page: 'signin-email', environment: props.environment, signedInAs: props.signedInAs, csrfToken: props.csrfToken, body });
}

export type EmailLinkProps = PageBase & { token: string; username: string };

/**
 * A valid link opens this page, and only its button signs in: mail scanners that open every link
 * in a mail would otherwise use the link up (or sign themselves in).
 */
export function emailLinkPage(props: EmailLinkProps): string {
  const body = html`<h1>Sign in as ${props.username}</h1>
<p class="note" role="note" data-message="email-link.confirm">This link signs you in to the account ${props.username}. It works once.</p>
<form method="post" action="/signin/email/link" id="email-link-confirm">
${props.csrfField}
<input type="hidden" name="token" value="${props.token}">
<div class="actions"><button id="email-link-continue" type="submit">Sign in</button></div>
</form>
<p>Not you? <a href="/signin">Go to sign-in</a></p>`;
  return layout({ title: 'Sign in by email', page: 'email-link', environment: props.environment, signedInAs: props.signedInAs, csrfToken: props.csrfToken, body });
}

/** A link that was used, has expired or never existed: never a dead end. */
export function invalidEmailLinkPage(props: Omit<PageBase, 'csrfField'> & { purpose: 'sign-in' | 'verify-email' }): string {
  const what = props.purpose === 'sign-in' ? 'sign-in link' : 'confirmation link';
  const body = html`<h1>This link does not work any more</h1>
<p role="alert" data-message="email-link.invalid">This ${what} has expired or was already used. Links work once, within 15 minutes.</p>
<ul>
${props.purpose === 'sign-in' ? html`<li><a id="email-link-again" href="/signin/email">Send a new sign-in link</a></li>` : html`<li><a id="email-link-again" href="/account/ways-in">Send a new confirmation link</a></li>`}
<li><a id="use-passkey" href="/signin">Sign in with a passkey</a></li>
<li><a id="use-password" href="/signin/password">Sign in with a password</a></li>
</ul>`;
  return layout({ title: 'Link expired', page: 'email-link', environment: props.environment, signedInAs: props.signedInAs, csrfToken: props.csrfToken, body });
}

export function emailVerifiedPage(props: Omit<PageBase, 'csrfField'> & { address: string }): string {
  const body = html`<h1>Email address confirmed</h1>
<p role="status" data-message="email.verified">${props.address} is confirmed: you can now sign in with a link sent to it.</p>
<p>${props.signedInAs ? html`<a id="continue" href="/account/ways-in">Back to your ways to sign in</a>` : html`<a id="continue" href="/signin">Sign in</a>`}</p>`;
  return layout({ title: 'Email address confirmed', page: 'email-verified', environment: props.environment, signedInAs: props.signedInAs, csrfToken: props.csrfToken, body });
}

/** One-off confirmations after a change on the ways-in page (post/redirect/get), by message code. */
export const WAYS_IN_NOTICES = {
  'email.verification-sent': 'We sent a confirmation link to your address. Open it within 15 minutes: the address becomes a way to sign in once it is confirmed.',
  'password.saved': 'Your password and authenticator app are set: you can sign in with them when your passkeys are out of reach.',
  'ways-in.removed': 'Removed.',
} as const;
export type WaysInNotice = keyof typeof WAYS_IN_NOTICES;

export type WaysInPageProps = PageBase & {
  username: string;
  passkeyCount: number;
  hasPassword: boolean;
  email: EmailWay | undefined;
  passkeyOnlyAccounts: boolean;
  notice?: WaysInNotice | undefined;
  /** A refused change, with its message code. */
  error?: { code: 'ways-in.last-way' | 'email.invalid' | 'password.invalid'; text: string } | undefined;
};

/** Every way into the account, and forms to add, change or remove the ones besides passkeys. */
export function waysInPage(props: WaysInPageProps): string {
  const others = Number(props.hasPassword) + Number(Boolean(props.email?.verifiedAt));
  const body = html`<h1>Ways to sign in</h1>
${props.notice ? html`<p role="status" class="note" data-message="${props.notice}">${WAYS_IN_NOTICES[props.notice]}</p>` : ''}
${props.error ? html`<p role="alert" data-message="${props.error.code}">${props.error.text}</p>` : ''}
${others === 0 ? missingAdvice(props.passkeyOnlyAccounts) : ''}
<h2>Passkeys</h2>
<p data-testid="ways-in-passkeys">${props.passkeyCount === 1 ? '1 passkey' : `${props.passkeyCount} passkeys`}. <a href="/account">See and manage them</a> · <a href="/register">Add a passkey</a></p>
<h2>${WAY_NAMES.password}</h2>
<p data-testid="ways-in-password">${props.hasPassword ? 'Set.' : 'Not set.'}</p>
<form method="post" action="/account/ways-in/password" id="ways-in-password-form">
${props.csrfField}
<input type="text" name="username" autocomplete="username" value="${props.username}" hidden>
<p><label for="new-password">${props.hasPassword ? 'New password' : 'Password'} (at least 8 characters)</label>
<input id="new-password" name="password" type="password" autocomplete="new-password" minlength="8" maxlength="128" required></p>
<div class="actions"><button id="set-password" type="submit">${props.hasPassword ? 'Change password' : 'Set a password'}</button></div>
</form>
${props.hasPassword ? removeForm(props.csrfField, 'password', 'Remove password') : ''}
<h2>${WAY_NAMES.email}</h2>
<p data-testid="ways-in-email">${emailState(props.email)}</p>
<form method="post" action="/account/ways-in/email" id="ways-in-email-form">
${props.csrfField}
<p><label for="email">${props.email ? 'New email address' : 'Email address'}</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="254" required></p>
<div class="actions"><button id="set-email" type="submit">${props.email ? 'Change address' : 'Add address'}</button></div>
</form>
${props.email ? removeForm(props.csrfField, 'email', 'Remove address') : ''}
<p><a id="back-to-account" href="/account">Back to your account</a></p>`;
  return layout({ title: 'Ways to sign in', page: 'ways-in', environment: props.environment, signedInAs: props.signedInAs, csrfToken: props.csrfToken, body });
}

function missingAdvice(passkeyOnlyAccounts: boolean): SafeHtml {
  return passkeyOnlyAccounts
    ? html`<p class="note" role="note" data-message="ways-in.passkey-only">Your account can have passkeys only. If you lose every one of them, support can give you access again after checking who you are; an email address or password here avoids that.</p>`
    : html`<p class="note" role="note" data-message="ways-in.missing">Add an email address or a password, so you can still sign in when your passkeys are out of reach (a new phone, another computer).</p>`;
}

function emailState(email: EmailWay | undefined): SafeHtml | string {
  if (!email) return 'Not set.';
  return email.verifiedAt ? html`${email.address} (confirmed).` : html`${email.address}: not confirmed yet. Open the link we sent to it.`;
}

function removeForm(csrfField: SafeHtml, way: 'password' | 'email', label: string): SafeHtml {
  return html`<form method="post" action="/account/ways-in/remove">${csrfField}<input type="hidden" name="way" value="${way}"><button id="remove-${way}" type="submit" class="secondary">${label}</button></form>`;
}
