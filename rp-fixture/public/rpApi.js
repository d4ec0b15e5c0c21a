// Browser helpers shared by the fixture RP's page scripts (app.js, waysIn.js): JSON calls to the
// RP's API with the session's CSRF token, and the refusal they carry. Plain JS, no build step.
'use strict';

(() => {
  /** A refusal from the RP's API: carries its message and code. */
  class ServerError extends Error {
    constructor(message, code, data = {}) {
      super(message);
      this.name = 'ServerError';
      this.code = code;
      this.data = data;
    }
  }

  /** The session's CSRF token from <meta name="csrf-token">: every POST sends it as X-CSRF-Token. */
  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') || '' : '';
  }

  async function postJSON(url, body) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new ServerError(data.error || `The server answered ${response.status}.`, data.code || `http-${response.status}`, data);
    }
    return data;
  }

  /** The DOMException name (or our code) of a failure, for the message and data-error-name. */
  function errorName(error) {
    const cause = error && error.cause;
    if (cause && typeof cause.name === 'string' && cause.name !== 'Error') return cause.name;
    if (error && typeof error.name === 'string' && error.name !== 'Error') return error.name;
    return 'Error';
  }

  window.FixtureRpApi = Object.freeze({ ServerError, csrfToken, postJSON, errorName });
})();
