// Browser script of the sign-in help page: plain JS, no build step, loaded with `defer` after the
// SimpleWebAuthn bundle (global SimpleWebAuthnBrowser). "Use a phone or tablet" starts a modal
// passkey sign-in whose options carry hints: ['hybrid'], so the browser goes straight to its QR code.
'use strict';

(() => {
  const button = document.getElementById('signin-hybrid');
  const status = document.getElementById('signin-help-status');
  if (!button || !status || !window.SimpleWebAuthnBrowser) return;
  const { startAuthentication, browserSupportsWebAuthn } = window.SimpleWebAuthnBrowser;

  const { postJSON, errorName } = window.FixtureRpApi;

  function showFailure(error) {
    const name = errorName(error);
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.dataset.message = 'signin-help.cross-device-failed';
    message.dataset.errorName = name;
    if (error && error.code && !String(error.code).startsWith('ERROR_')) message.dataset.errorCode = error.code;
    message.textContent =
      name === 'NotAllowedError'
        ? 'The sign-in with another device was cancelled or timed out. You can try again, or use another way below.'
        : `The sign-in with another device did not work (${error && error.message ? error.message : name}). You can try again, or use another way below.`;
    status.replaceChildren(message);
  }

  button.addEventListener('click', async () => {
    status.replaceChildren();
    button.disabled = true;
    try {
      const optionsJSON = await postJSON('/api/signin-help/cross-device-options', { username: button.dataset.username || '' });
      const response = await startAuthentication({ optionsJSON });
      const result = await postJSON('/api/authentication/verify', response);
      location.assign(result.redirect);
    } catch (error) {
      showFailure(error);
      button.disabled = false;
    }
  });

  if (!browserSupportsWebAuthn()) {
    button.disabled = true;
    const message = document.createElement('p');
    message.setAttribute('role', 'note');
    message.dataset.message = 'signin-help.cross-device-unsupported';
    message.textContent = 'This browser cannot use passkeys, so it cannot show a QR code either. Use another way below.';
    status.replaceChildren(message);
  }
})();
