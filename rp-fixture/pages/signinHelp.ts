import { scriptUrl } from '../staticScripts';
import type { DetectedEnvironment } from '../environment';
import { faultOn, type ActiveFaults } from '../faults';
import type { Reach } from '../providerReach';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

/** One provider that holds passkeys of the account, and whether it can be reached from here. */
export type ProviderHint = { name: string; reach: Reach; why: string; createdIn: string };

export type SignInHelpProps = {
  environment: DetectedEnvironment;
  csrfToken: string;
  signedInAs?: string | undefined;
  /** As typed; absent when none was given (the page then asks for it). */
  username?: string | undefined;
  /** The passkey sign-in that just failed: its DOMException name, or the RP's error code, and what went wrong in words. */
  failure?: { name: string; code: string; text: string } | undefined;
  /** Only the failure and nothing to do next (the dead-end-on-failure fault). */
  deadEnd: boolean;
  /** For a known account: where its passkeys are. Absent for an unknown username, or when not named. */
  providers?: ProviderHint[] | undefined;
  crossDevice: boolean;
  /**
   * The other ways in to offer: the account's own (or both, when the account is not known), the
   * passkey-only explanation when it has none, or null to offer none (the no-fallback-link fault).
   */
  otherWays: { password: boolean; email: boolean } | 'passkey-only' | null;
};

const REACH_TEXT: Record<Reach, string> = { yes: 'Should work here.', maybe: 'May work here.', no: 'Not usable here.' };

/** Where a failed or cancelled passkey sign-in leads: what went wrong, and every way forward. */
export function signInHelpPage(props: SignInHelpProps): string {
  // Stryker disable next-line StringLiteral: not judged: deadEnd is true only under the dead-end-on-failure fault switch (routes/signinHelp.ts), which no clean run turns on
  const help = props.deadEnd ? '' : helpBody(props);
  const body = html`<h1>Can't use your passkey?</h1>
${props.failure ? html`<p role="alert" data-message="signin.failed" data-error-name="${props.failure.name}" data-error-code="${props.failure.code}"><span data-field="what-failed">${props.failure.text}</span> Here is what you can do next.</p>` : ''}
${help}`;
  return layout({
    title: "Can't use your passkey?",
    // Stryker disable next-line StringLiteral: equivalent for users: public/app.js has no part for this page (its script is waysIn.js), so <body data-page> changes nothing
    page: 'signin-help',
    environment: props.environment,
    signedInAs: props.signedInAs,
    csrfToken: props.csrfToken,
    body,
  });
}

function helpBody(props: SignInHelpProps): SafeHtml {
  const username = props.username ?? '';
  // Stryker disable next-line StringLiteral: not judged: crossDevice is false only under the no-cross-device fault switch (routes/signinHelp.ts), which no clean run turns on
  const phone = props.crossDevice ? crossDevice(username) : '';
  return html`${props.username === undefined ? usernameForm() : ''}
${props.providers?.length ? providerList(username, props.providers) : ''}
${phone}
${otherWays(props.otherWays, username)}
<ul>
<li><a id="help-retry" href="/signin">Try your passkey again</a></li>
<li><a id="go-register" href="/register">Create a new account</a></li>
</ul>
<script src="${scriptUrl('waysIn')}" defer></script>`;
}

function usernameForm(): SafeHtml {
  return html`<form method="get" action="/signin/help" id="help-username-form">
<p><label for="help-username">Your username</label>
<input id="help-username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="64" required></p>
<div class="actions"><button id="help-lookup" type="submit" class="secondary">Show my options</button></div>
</form>`;
}

function providerList(username: string, providers: ProviderHint[]): SafeHtml {
  return html`<section class="note" role="note" data-message="signin-help.providers">
<h2>Where your passkeys are</h2>
<p>The passkeys of ${username} are saved in:</p>
<ul class="providers">
${providers.map(
  (provider) => html`<li data-provider="${provider.name}" data-reachable="${provider.reach}"><strong>${provider.name}</strong> (made in ${provider.createdIn}): <span data-field="reach">${REACH_TEXT[provider.reach]}</span> <span data-field="why">${provider.why}</span></li>`,
)}
</ul>
</section>`;
}

function crossDevice(username: string): SafeHtml {
  return html`<section class="note" role="note" data-message="signin-help.cross-device">
<h2>Use a phone or tablet</h2>
<p>If your passkey is on your phone or tablet, your browser can show a QR code: scan it with that device's camera and confirm there. Both devices need Bluetooth turned on.</p>
<div class="actions"><button id="signin-hybrid" type="button" data-username="${username}">Use a phone or tablet</button></div>
<div id="signin-help-status" aria-live="polite"></div>
</section>`;
}

function otherWays(ways: SignInHelpProps['otherWays'], username: string): SafeHtml | string {
  if (ways === null) return '';
  if (ways === 'passkey-only') {
    return html`<section class="note" role="note" data-message="signin-help.passkey-only">
<h2>Only passkeys sign in to this account</h2>
<p>This account has no password or email sign-in. If none of your passkeys is within reach and no phone or tablet works, contact support: after checking who you are, they can let you add a new passkey.</p>
<p><a id="contact-support" href="/help/support">Contact support</a></p>
</section>`;
  }
  const query = username ? `?username=${encodeURIComponent(username)}` : '';
  return html`<section class="note" role="note" data-message="signin-help.other-ways">
<h2>Other ways to sign in</h2>
<ul>
${ways.password ? html`<li><a id="use-password" href="/signin/password${query}">Password and authenticator app</a></li>` : ''}
${ways.email ? html`<li><a id="use-email-link" href="/signin/email">Email me a sign-in link</a></li>` : ''}
</ul>
</section>`;
}

/**
 * The block under the sign-in form: the other ways in, and the way to help when the passkey cannot
 * be used. Its `#signin-help` link carries `data-help-url`: after a failed or cancelled passkey
 * sign-in with a username typed, the page script goes to `<help-url>?username=...&error=<name>`.
 */
export function signInOtherWays(faults: ActiveFaults): SafeHtml {
  return html`<section id="other-ways" aria-labelledby="other-ways-title">
<h2 id="other-ways-title">Other ways to sign in</h2>
<ul>
${otherWayLinks(faults)}
<li><a id="signin-help" href="/signin/help" data-help-url="/signin/help">Can't use your passkey?</a></li>
</ul>
<p>Prefer a password? <a id="go-signup-password" href="/signup/password">Create an account with a password and authenticator app</a></p>
</section>`;
}

/** The sign-in page's links to the other ways in. */
function otherWayLinks(faults: ActiveFaults): SafeHtml | string {
  // Fault no-fallback-link: the sign-in page offers passkeys only.
  return faultOn(faults, 'no-fallback-link') ? '' : html`<li><a id="signin-password" href="/signin/password">Password and authenticator app</a></li>
<li><a id="signin-email" href="/signin/email">Email me a sign-in link</a></li>`;
}

export function supportPage(props: { environment: DetectedEnvironment; csrfToken: string; signedInAs?: string | undefined }): string {
  const body = html`<h1>Contact support</h1>
<p class="note" role="note" data-message="support.contact">Write to support@passkey-matrix.invalid with your username and what you tried. Support checks who you are before letting you add a new passkey; this can take a few days.</p>
<ul>
<li><a id="help-retry" href="/signin">Try your passkey again</a></li>
<li><a id="signin-help" href="/signin/help">Other options</a></li>
</ul>`;
  return layout({
    title: 'Contact support',
    // Stryker disable next-line StringLiteral: equivalent for users: public/app.js has no part for this page, so <body data-page> changes nothing
    page: 'support',
    environment: props.environment,
    signedInAs: props.signedInAs,
    csrfToken: props.csrfToken,
    body,
  });
}
