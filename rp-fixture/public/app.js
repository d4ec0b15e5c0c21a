// Browser script of the fixture RP: plain JS, no build step. Which page it runs on comes from
// <body data-page>. WebAuthn calls go through the SimpleWebAuthn browser bundle (global
// SimpleWebAuthnBrowser), loaded just before this file.
'use strict';

(() => {
  const { startRegistration, startAuthentication, browserSupportsWebAuthn, browserSupportsWebAuthnAutofill } =
    window.SimpleWebAuthnBrowser;

  const { ServerError, postJSON, errorName } = window.FixtureRpApi;

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
      return 'You already have a passkey from this provider on this device (InvalidStateError). To add another, choose a different provider, such as a password manager, your phone or a security key; or keep using the one you have.';
    }
    if (name === 'SecurityError') {
      return `This page is not allowed to use passkeys here (SecurityError): open it as http://localhost. ${error.message}`;
    }
    return `The ${what} failed (${name}): ${error && error.message ? error.message : 'no details'}`;
  }

  function setBusy(buttons, busy) {
    for (const button of buttons) button.disabled = busy;
  }

  // ---- Signal API: tells the passkey provider what this site knows, where the browser has it. ----

  const SIGNAL_METHODS = {
    'unknown-credential': 'signalUnknownCredential',
    'all-accepted': 'signalAllAcceptedCredentials',
    'current-user': 'signalCurrentUserDetails',
  };

  /**
   * Makes one Signal API call if the browser has it, and records it as a hidden
   * [data-message="signal.sent"][data-signal=KIND] element. Without the API: nothing, no error.
   */
  async function sendSignal(kind, details) {
    const method = SIGNAL_METHODS[kind];
    const api = window.PublicKeyCredential;
    if (!api || typeof api[method] !== 'function') return;
    try {
      await api[method](details);
    } catch (error) {
      console.warn(`Signal ${kind} was not accepted:`, error);
      return;
    }
    let log = document.getElementById('signals-sent');
    if (!log) {
      log = document.createElement('div');
      log.id = 'signals-sent';
      log.hidden = true;
      document.body.append(log);
    }
    const record = document.createElement('span');
    record.dataset.message = 'signal.sent';
    record.dataset.signal = kind;
    record.setAttribute('role', 'status');
    record.textContent = `Told your passkey provider: ${kind}.`;
    log.append(record);
  }

  /** The server's answer for a passkey it does not know carries what to signal (unless it chose not to). */
  function signalUnknownCredential(error) {
    const signal = error instanceof ServerError && error.code === 'unknown-credential' ? error.data.signal : undefined;
    if (signal && signal.kind === 'unknown-credential') {
      return sendSignal('unknown-credential', { rpId: signal.rpId, credentialId: signal.credentialId });
    }
    return undefined;
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
      let result;
      try {
        result = await postJSON('/api/authentication/verify', response);
      } catch (error) {
        // Not awaited: the failure shows at once; the signal is recorded when the browser answers.
        signalUnknownCredential(error);
        throw error;
      }
      location.assign(result.redirect);
    }

    function showFailure(error) {
      showMessage(status, 'signin.failed', `Sign-in failed. ${explain(error, 'sign-in')} You can also create an account with a new passkey.`, {
        errorName: errorName(error),
        errorCode: error instanceof ServerError ? error.code : '',
      });
      // Never a dead end: the help page names where this account's passkeys are and every other way in.
      const template = document.getElementById('signin-failed-help-template');
      if (!template) return;
      const help = template.content.firstElementChild.cloneNode(true);
      // The server's refusal code ("unknown-credential") says more than its error's name, which is always ServerError.
      const failure = error instanceof ServerError && error.code ? error.code : errorName(error);
      help.href = `/signin/help?${new URLSearchParams({ username: username.value.trim(), error: failure })}`;
      status.querySelector('[data-message="signin.failed"]').append(' ', help);
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

  // ---- Account page: forms are plain server-rendered posts; this only makes the Signal API calls the server asked for. ----

  function accountPage() {
    for (const request of document.querySelectorAll('#passkey-signals [data-signal-request]')) {
      const { signalRequest: kind, rpId, userId } = request.dataset;
      if (kind === 'all-accepted') {
        const ids = (request.dataset.credentialIds || '').split(' ').filter(Boolean);
        sendSignal(kind, { rpId, userId, allAcceptedCredentialIds: ids });
      } else if (kind === 'current-user') {
        sendSignal(kind, { rpId, userId, name: request.dataset.name, displayName: request.dataset.displayName });
      }
    }
  }

  const pages = { signin: signInPage, register: registerPage, account: accountPage };
  const page = pages[document.body.dataset.page];
  if (page) page();
})();
