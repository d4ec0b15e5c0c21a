// Browser script of the fixture RP: plain JS, no build step. Which page it runs on comes from
// <body data-page>. WebAuthn calls go through the SimpleWebAuthn browser bundle (global
// SimpleWebAuthnBrowser), loaded just before this file.
'use strict';

(() => {
  const { startRegistration, startAuthentication, browserSupportsWebAuthn, browserSupportsWebAuthnAutofill } =
    window.SimpleWebAuthnBrowser;

  /** A refusal from the RP's API: carries its message and code. */
  class ServerError extends Error {
    constructor(message, code) {
      super(message);
      this.name = 'ServerError';
      this.code = code;
    }
  }

  async function postJSON(url, body) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new ServerError(data.error || `The server answered ${response.status}.`, data.code || `http-${response.status}`);
    }
    return data;
  }

  // ---- Messages: every one carries a stable data-message code for the test harness. ----

  function showMessage(container, code, text, details = {}) {
    clearMessages(container);
    const message = document.createElement('p');
    message.dataset.message = code;
    message.setAttribute('role', 'alert');
    for (const [key, value] of Object.entries(details)) {
      if (value) message.dataset[key] = value;
    }
    message.textContent = text;
    container.append(message);
  }

  function clearMessages(container) {
    container.replaceChildren();
  }

  /** The DOMException name (or our code) of a failure, for the message and data-error-name. */
  function errorName(error) {
    const cause = error && error.cause;
    if (cause && typeof cause.name === 'string' && cause.name !== 'Error') return cause.name;
    if (error && typeof error.name === 'string' && error.name !== 'Error') return error.name;
    return 'Error';
  }

  function isAbort(error) {
    return (error && error.code === 'ERROR_CEREMONY_ABORTED') || errorName(error) === 'AbortError';
  }

  function explain(error, what) {
    const name = errorName(error);
    if (error instanceof ServerError) return error.message;
    if (name === 'NotAllowedError') {
      return `The ${what} was cancelled or timed out (NotAllowedError). You can try again.`;
    }
    if (name === 'InvalidStateError') {
      return 'This passkey provider already holds a passkey for this account (InvalidStateError). Choose another provider, or sign in with the passkey you have.';
    }
    if (name === 'SecurityError') {
      return `This page is not allowed to use passkeys here (SecurityError): open it as http://localhost. ${error.message}`;
    }
    return `The ${what} failed (${name}): ${error && error.message ? error.message : 'no details'}`;
  }

  function setBusy(buttons, busy) {
    for (const button of buttons) button.disabled = busy;
  }

  // ---- Sign-in page ----

  function signInPage() {
    const status = document.getElementById('signin-status');
    const form = document.getElementById('signin-form');
    const username = document.getElementById('username');
    const passkeyButton = document.getElementById('signin-passkey');
    const continueButton = document.getElementById('signin-continue');
    const buttons = [passkeyButton, continueButton];

    async function finish(response) {
      const result = await postJSON('/api/authentication/verify', response);
      location.assign(result.redirect);
    }

    function showFailure(error) {
      showMessage(status, 'signin.failed', `Sign-in failed. ${explain(error, 'sign-in')} You can also create an account with a new passkey.`, {
        errorName: errorName(error),
        errorCode: error instanceof ServerError ? error.code : '',
      });
    }

    // Set while a button's request runs: an autofill request started then would abort it.
    let modalActive = false;

    /** Autofill: the passkey list under the username field; it waits until the person picks one. */
    async function startAutofill() {
      if (modalActive || !(await browserSupportsWebAuthnAutofill())) return;
      try {
        const optionsJSON = await postJSON('/api/authentication/options', {});
        if (modalActive) return;
        const response = await startAuthentication({ optionsJSON, useBrowserAutofill: true });
        await finish(response);
      } catch (error) {
        // A button press aborts the autofill request on purpose; that is no failure.
        if (isAbort(error)) return;
        if (error instanceof ServerError) showFailure(error);
        else console.warn('Passkey autofill stopped:', error);
      }
    }

    /** A button press: a modal request, which aborts the pending autofill request first. */
    async function modalSignIn(body) {
      clearMessages(status);
      setBusy(buttons, true);
      modalActive = true;
      try {
        const optionsJSON = await postJSON('/api/authentication/options', body);
        const response = await startAuthentication({ optionsJSON });
        await finish(response);
      } catch (error) {
        showFailure(error);
        setBusy(buttons, false);
        modalActive = false;
        startAutofill();
      }
    }

    passkeyButton.addEventListener('click', () => modalSignIn({}));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = username.value.trim();
      if (!name) {
        showMessage(status, 'signin.username-required', 'Enter your username, or use "Sign in with a passkey".');
        username.focus();
        return;
      }
      modalSignIn({ username: name });
    });

    if (!browserSupportsWebAuthn()) {
      showMessage(status, 'signin.unsupported', 'This browser does not support passkeys. Try another browser or device.');
      return;
    }
    startAutofill();
  }

  // ---- Register page ----

  function registerPage() {
    const status = document.getElementById('register-status');
    const form = document.getElementById('register-form');
    const username = document.getElementById('username');
    const createButton = document.getElementById('create-passkey');

    function showFailure(error) {
      const signInHint = error instanceof ServerError && error.code === 'account-exists' ? '' : ' You can try again.';
      showMessage(status, 'registration.failed', `The passkey was not created. ${explain(error, 'passkey creation')}${signInHint}`, {
        errorName: errorName(error),
        errorCode: error instanceof ServerError ? error.code : '',
      });
    }

    async function register(name) {
      clearMessages(status);
      setBusy([createButton], true);
      try {
        const optionsJSON = await postJSON('/api/registration/options', { username: name });
        const response = await startRegistration({ optionsJSON });
        const result = await postJSON('/api/registration/verify', response);
        location.assign(result.redirect);
      } catch (error) {
        showFailure(error);
        setBusy([createButton], false);
      }
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = username.value.trim();
      if (!name) {
        showMessage(status, 'registration.username-required', 'Enter a username for your new account.');
        username.focus();
        return;
      }
      register(name);
    });

    if (!browserSupportsWebAuthn()) {
      showMessage(status, 'registration.unsupported', 'This browser does not support passkeys. Try another browser or device.');
      createButton.disabled = true;
    }
  }

  const pages = { signin: signInPage, register: registerPage };
  const page = pages[document.body.dataset.page];
  if (page) page();
})();
