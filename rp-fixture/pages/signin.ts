import type { DetectedEnvironment } from '../environment';
import { faultOn, type ActiveFaults } from '../faults';
import { html, type SafeHtml } from './html';
import { layout } from './layout';
import { signInOtherWays } from './signinHelp';

/**
 * Sign-in: discoverable ("Sign in with a passkey"), username-first ("Continue"), and the username
 * field's autofill list, started by public/app.js on load. Failures appear in #signin-status.
 */
export function signInPage(props: { environment: DetectedEnvironment; signedInAs?: string | undefined; csrfToken: string; faults?: ActiveFaults }): string {
  const body = html`<h1>Sign in</h1>
<form id="signin-form" novalidate>
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username webauthn" autocapitalize="none" spellcheck="false" maxlength="64">
<div class="actions">
<button id="signin-continue" type="submit">Continue</button>
<button id="signin-passkey" type="button" class="secondary">Sign in with a passkey</button>
</div>
</form>
<div id="signin-status" aria-live="polite"></div>
${helpAfterFailure(props.faults ?? new Map())}
<p>No account yet? <a id="go-register" href="/register">Create an account with a passkey</a></p>
${signInOtherWays(props.faults ?? new Map())}`;
  return layout({ title: 'Sign in', page: 'signin', environment: props.environment, signedInAs: props.signedInAs, csrfToken: props.csrfToken, body });
}

/** The link a failed sign-in adds to its message (public/app.js fills in the username and the error): never a dead end. */
function helpAfterFailure(faults: ActiveFaults): SafeHtml | '' {
  // Fault no-help-after-failure: the link is gone from the page, so a failed sign-in says so and offers nothing onward.
  if (faultOn(faults, 'no-help-after-failure')) return '';
  return html`<template id="signin-failed-help-template"><a id="signin-failed-help" href="/signin/help">See where your passkeys are and other ways to sign in</a></template>`;
}
