import type { Request, Response } from 'express';
import { Router } from 'express';
import type { FixtureContext } from '../context';
import { creationAdvice } from '../creationAdvice';
import { detectEnvironment } from '../environment';
import type { ActiveFaults } from '../faults';
import { accountPage, type PasskeyRow } from '../pages/account';
import { registerPage } from '../pages/register';
import { signInPage } from '../pages/signin';
import { providerName } from '../providerName';
import { currentAccount, endSession, establishedSessionId } from '../session';
import type { Account, CredentialRecord } from '../store';
import { syncState } from '../syncState';

export function pageRoutes(context: FixtureContext): Router {
  const router = Router();

  router.get('/', (req, res) => {
    res.redirect(302, currentAccount(req, context.store) ? '/account' : '/signin');
  });

  router.get('/signin', (req, res) => {
    // The cookie comes with the page, so the autofill request and a button press that follow at
    // once share one session instead of each starting their own.
    establishedSessionId(req);
    const environment = detectEnvironment(req.headers, context.faults);
    sendPage(res, signInPage({ environment, signedInAs: currentAccount(req, context.store)?.username }));
  });

  router.get('/register', (req, res) => {
    establishedSessionId(req);
    const environment = detectEnvironment(req.headers, context.faults);
    const signedInAs = currentAccount(req, context.store)?.username;
    sendPage(res, registerPage({ environment, advice: creationAdvice(environment), signedInAs }));
  });

  router.get('/account', (req, res) => {
    const account = currentAccount(req, context.store);
    if (!account) {
      res.redirect(302, '/signin');
      return;
    }
    sendPage(res, accountPage(accountProps(req, account, context.faults)));
  });

  router.post('/signout', async (req, res) => {
    await endSession(req, context.challenges);
    res.clearCookie(context.sessionCookieName, { path: '/' });
    res.redirect(303, '/signin');
  });

  return router;
}

function sendPage(res: Response, page: string): void {
  res.type('html').send(page);
}

function accountProps(req: Request, account: Account, faults: ActiveFaults) {
  const passkeys = account.credentials.map((credential) => passkeyRow(credential, faults));
  const createdId = typeof req.query['created'] === 'string' ? req.query['created'] : undefined;
  return {
    username: account.username,
    environment: detectEnvironment(req.headers, faults),
    passkeys,
    created: passkeys.find((passkey) => passkey.id === createdId),
  };
}

/** What the page tells the user about one passkey; the faults bend it here, in the real helpers. */
function passkeyRow(credential: CredentialRecord, faults: ActiveFaults): PasskeyRow {
  return {
    id: credential.id,
    aaguid: credential.aaguid,
    provider: providerName(credential.aaguid, faults),
    sync: syncState(credential, faults),
    createdIn: credential.createdEnvironment,
    createdAt: credential.createdAt,
    lastUsedAt: credential.lastUsedAt,
  };
}
