import type { CreationAdvice } from '../creationAdvice';
import { creationAdviceText } from '../creationAdvice';
import type { DetectedEnvironment } from '../environment';
import { html } from './html';
import { layout } from './layout';

export type RegisterPageProps = {
  environment: DetectedEnvironment;
  advice: CreationAdvice;
  /** Set when signed in: the passkey is added to this account. */
  signedInAs?: string | undefined;
  csrfToken: string;
};

/** Create an account with a passkey, or add a passkey to the signed-in account. */
export function registerPage(props: RegisterPageProps): string {
  const adding = props.signedInAs !== undefined;
  const body = html`<h1>${adding ? 'Add a passkey' : 'Create an account'}</h1>
<form id="register-form" novalidate>
<label for="username">Username</label>
${
  adding
    ? html`<input id="username" name="username" type="text" autocomplete="username" value="${props.signedInAs}" readonly>`
    : html`<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="64">`
}
${expectedProvider(props.advice)}
<div class="actions">
<button id="create-passkey" type="submit">Create a passkey</button>
</div>
</form>
<div id="register-status" aria-live="polite"></div>
${adding ? html`<p><a href="/account">Back to your account</a></p>` : html`<p>Already have an account? <a id="go-signin" href="/signin">Sign in</a></p>
<p>Prefer a password? <a id="go-signup-password" href="/signup/password">Create an account with a password and authenticator app</a></p>`}`;
  return layout({
    title: adding ? 'Add a passkey' : 'Create an account',
    page: 'register',
    environment: props.environment,
    signedInAs: props.signedInAs,
    csrfToken: props.csrfToken,
    body,
  });
}

function expectedProvider(advice: CreationAdvice) {
  return html`<p class="note" data-message="creation.expected-provider" data-provider="${advice.provider}" data-alternatives="${advice.alternatives.join(',')}" data-sync="${advice.sync}" role="note">
${creationAdviceText(advice)}
</p>
${advice.syncWarning === null ? '' : html`<p class="note warning" data-message="creation.wont-sync" data-provider="${advice.provider}" role="note">${advice.syncWarning}</p>`}`;
}
