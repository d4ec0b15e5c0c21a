/**
 * A relying party nobody here wrote the fixture for: a passkey demo server as open-source examples
 * make them. One page: a username, "Register" and "Sign in"; once in, "Signed in as ..." and "Sign
 * out". No management page, no other ways in, and nothing said about where a passkey goes or whether
 * it syncs. The end-to-end tests run the matrix against it through a plain adapter
 * (`adapter.ts`) to prove such an RP reads as exactly that. The sign-in page is `/` or `/signin`; with
 * `signInOnLoad`, `/signin` starts a passkey sign-in by itself as it loads, as some RPs do: a modal
 * request, or an autofill (conditional) one. Run it by hand:
 *   node --import tsx harness/e2e/passkeyOnlyRp/server.ts [port] [--sign-in-on-load modal|autofill]
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import express, { type Request, type Response } from 'express';
import session from 'express-session';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
  type WebAuthnCredential,
} from '@simplewebauthn/server';

declare module 'express-session' {
  interface SessionData {
    demoUser: string;
    demoChallenge: string;
    /** The challenge of the autofill request the sign-in page started on load, kept apart so a button's request does not replace it. */
    demoAutofillChallenge: string;
  }
}

/** A passkey sign-in the sign-in page starts by itself as it loads. */
export type SignInOnLoad = 'modal' | 'autofill';

export interface PasskeyOnlyRpOptions {
  /** Off by default: the page waits for a button. */
  signInOnLoad?: SignInOnLoad;
}

interface DemoUser {
  name: string;
  credentials: WebAuthnCredential[];
}

/** The browser library's UMD bundle: its exports map hides dist/, so from its main entry. */
const BROWSER_BUNDLE = path.join(path.dirname(createRequire(import.meta.url).resolve('@simplewebauthn/browser')), '..', 'dist', 'bundle', 'index.umd.min.js');

/**
 * The sign-in started on load. Modal: the buttons wait, disabled, until it is over; it signs the
 * user in, or ends quietly (a user who asked for nothing is shown no error). Autofill: it waits for
 * the user to pick a passkey, and a button's own request cancels it.
 */
const ON_LOAD_SCRIPTS: Record<SignInOnLoad, string> = {
  modal: `(async () => {
  status.textContent = 'Looking for your passkey…';
  try {
    const optionsJSON = await post('/login/options', { username: '' });
    await post('/login/verify', await startAuthentication({ optionsJSON }));
    home();
  } catch {
    status.textContent = '';
    for (const button of document.querySelectorAll('button')) button.disabled = false;
  }
})();`,
  autofill: `(async () => {
  try {
    const optionsJSON = await post('/login/options', { username: '', autofill: true });
    await post('/login/verify', await startAuthentication({ optionsJSON, useBrowserAutofill: true }));
    home();
  } catch {
    // Cancelled by a button's request, or no autofill in this browser: the buttons are the way in.
  }
})();`,
};

/** The page, signed in or not; its script talks to the four JSON endpoints below. */
function page(signedInAs: string | undefined, onLoad: SignInOnLoad | undefined): string {
  const waits = onLoad === 'modal' ? ' disabled' : '';
  const body = signedInAs
    ? `<p>Signed in as <b id="who">${escape(signedInAs)}</b></p><button id="logout">Sign out</button>`
    : `<label>Username <input id="username" autocomplete="username webauthn"></label>
<button id="register"${waits}>Register</button> <button id="login"${waits}>Sign in</button>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Passkey demo</title>
<script src="/simplewebauthn-browser.js"></script></head><body><h1>Passkey demo</h1>${body}
<p id="status" role="alert"></p>
<script>
const { startRegistration, startAuthentication } = SimpleWebAuthnBrowser;
const status = document.getElementById('status');
async function post(url, body) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = await response.json();
  if (!response.ok) throw new Error(data.error);
  return data;
}
/** Signed in or out, the page again: this one, or from /signin the home page, where nothing starts by itself. */
function home() {
  if (location.pathname === '/') location.reload();
  else location.assign('/');
}
async function run(task) {
  status.textContent = '';
  try { await task(); home(); } catch (error) { status.textContent = 'Error: ' + error.message; }
}
const name = () => document.getElementById('username').value.trim();
document.getElementById('register')?.addEventListener('click', () => run(async () => {
  const optionsJSON = await post('/register/options', { username: name() });
  await post('/register/verify', await startRegistration({ optionsJSON }));
}));
document.getElementById('login')?.addEventListener('click', () => run(async () => {
  const optionsJSON = await post('/login/options', { username: name() });
  await post('/login/verify', await startAuthentication({ optionsJSON }));
}));
document.getElementById('logout')?.addEventListener('click', () => run(() => post('/logout', {})));
${onLoad && !signedInAs ? ON_LOAD_SCRIPTS[onLoad] : ''}
</script></body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function passkeyOnlyRp(options: PasskeyOnlyRpOptions = {}): express.Express {
  const users = new Map<string, DemoUser>();
  const app = express();
  app.use(express.json());
  app.use(session({ secret: randomBytes(16).toString('hex'), resave: false, saveUninitialized: false, cookie: { httpOnly: true, sameSite: 'lax' } }));
  const rpId = (req: Request) => req.hostname;
  const origin = (req: Request) => `${req.protocol}://${req.get('host')}`;
  const refuse = (res: Response, error: string) => res.status(400).json({ error });

  app.get('/', (req, res) => res.type('html').send(page(req.session.demoUser, undefined)));
  app.get('/signin', (req, res) => res.type('html').send(page(req.session.demoUser, options.signInOnLoad)));
  app.get('/simplewebauthn-browser.js', (_req, res) => res.sendFile(BROWSER_BUNDLE));

  /** Which username each open registration challenge is for. */
  const pendingNames = new Map<string, string>();

  app.post('/register/options', async (req, res) => {
    const name = String((req.body as { username?: unknown }).username ?? '').trim();
    if (!name) return refuse(res, 'Enter a username.');
    if (users.has(name)) return refuse(res, 'That username is taken.');
    const options = await generateRegistrationOptions({ rpName: 'Passkey demo', rpID: rpId(req), userName: name, attestationType: 'none' });
    req.session.demoChallenge = options.challenge;
    req.session.demoUser = undefined;
    pendingNames.set(options.challenge, name);
    res.json(options);
  });

  app.post('/register/verify', async (req, res) => {
    const expectedChallenge = req.session.demoChallenge;
    req.session.demoChallenge = undefined;
    const name = expectedChallenge === undefined ? undefined : pendingNames.get(expectedChallenge);
    if (expectedChallenge === undefined || name === undefined) return refuse(res, 'Start again.');
    pendingNames.delete(expectedChallenge);
    try {
      const { verified, registrationInfo } = await verifyRegistrationResponse({
        response: req.body as RegistrationResponseJSON,
        expectedChallenge,
        expectedOrigin: origin(req),
        expectedRPID: rpId(req),
      });
      if (!verified) return refuse(res, 'Registration failed.');
      users.set(name, { name, credentials: [registrationInfo.credential] });
      req.session.demoUser = name;
      res.json({ ok: true });
    } catch (error) {
      refuse(res, (error as Error).message);
    }
  });

  app.post('/login/options', async (req, res) => {
    const name = String((req.body as { username?: unknown }).username ?? '').trim();
    const user = name ? users.get(name) : undefined;
    if (name && !user) return refuse(res, 'No such user.');
    const allowCredentials = user?.credentials.map((c) => ({ id: c.id, ...(c.transports ? { transports: c.transports } : {}) }));
    const options = await generateAuthenticationOptions({ rpID: rpId(req), ...(allowCredentials ? { allowCredentials } : {}) });
    if ((req.body as { autofill?: unknown }).autofill === true) req.session.demoAutofillChallenge = options.challenge;
    else req.session.demoChallenge = options.challenge;
    res.json(options);
  });

  app.post('/login/verify', async (req, res) => {
    const open = [req.session.demoChallenge, req.session.demoAutofillChallenge].filter((c): c is string => c !== undefined);
    req.session.demoChallenge = undefined;
    req.session.demoAutofillChallenge = undefined;
    if (!open.length) return refuse(res, 'Start again.');
    const expectedChallenge = (challenge: string) => open.includes(challenge);
    const response = req.body as AuthenticationResponseJSON;
    const user = [...users.values()].find((u) => u.credentials.some((c) => c.id === response.id));
    const credential = user?.credentials.find((c) => c.id === response.id);
    if (!user || !credential) return refuse(res, 'Unknown passkey.');
    try {
      const { verified, authenticationInfo } = await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: origin(req),
        expectedRPID: rpId(req),
        credential,
      });
      if (!verified) return refuse(res, 'Sign-in failed.');
      credential.counter = authenticationInfo.newCounter;
      req.session.regenerate((error) => {
        if (error) return refuse(res, 'Sign-in failed.');
        req.session.demoUser = user.name;
        res.json({ ok: true });
      });
    } catch (error) {
      refuse(res, (error as Error).message);
    }
  });

  app.post('/logout', (req, res) => req.session.destroy(() => res.json({ ok: true })));
  return app;
}

/** Starts the demo RP on `port` (default 0: any free one); its URL and a way to stop it. */
export async function startPasskeyOnlyRp({ port = 0, ...options }: PasskeyOnlyRpOptions & { port?: number } = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server = passkeyOnlyRp(options).listen(port, 'localhost');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'sign-in-on-load': { type: 'string' } } });
  const onLoad = values['sign-in-on-load'];
  if (onLoad !== undefined && onLoad !== 'modal' && onLoad !== 'autofill') {
    console.error(`--sign-in-on-load: "${onLoad}" is neither modal nor autofill; give one of them, or leave the flag out.`);
    process.exit(2);
  }
  const rp = await startPasskeyOnlyRp({ port: Number(positionals[0] ?? 0), ...(onLoad ? { signInOnLoad: onLoad } : {}) });
  console.log(`Passkey demo RP at ${rp.url}${onLoad ? `; /signin starts ${onLoad === 'modal' ? 'a modal' : 'an autofill'} sign-in on load` : ''}`);
}
