import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import type { CapabilityProfile, Environment } from '../matrix/schema';
import { installCapabilityProfile } from './capabilityProfile';
import { applyIdentity, hideUserAgentDataWhenAbsent } from './identity';
import { installAutofillHold } from './autofillHold';
import { removeAaguidStamps } from './aaguidStamp';
import { installPromptDismissal } from './promptDismissal';
import { watchRpTrouble } from './rpTrouble';
import { installWebAuthnRequestLog, type WebAuthnRequest } from './webauthnRequestLog';
import { watchRpTime, type RpClock } from './rpClock';

/**
 * One of the user's devices: a browser context and page that look like the environment's real
 * browser. Kept for every cell of the environment (a new context per cell costs ~4x more) and
 * reset between cells, so no cookie, storage, authenticator or extra page leaks from one to the next.
 */
export interface Device {
  environment: Environment;
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** The person will close the next passkey prompt instead of answering it. */
  dismissNextPrompt(): void;
  /** Trouble on the RP's side seen on this device since its last reset. */
  rpTrouble(): readonly string[];
  /** Of that trouble, the RP's 5xx answers. */
  rpServerErrors(): readonly string[];
  /** The modal passkey requests its pages made since its last reset (not those the scenario's person closed). */
  webauthnRequests(): readonly WebAuthnRequest[];
  /** Back to a fresh state: no cookies, no site storage, no other pages, no virtual authenticator, its own identity, about:blank. */
  reset(origin: string): Promise<void>;
  /** Closes it; nothing to close once the browser is gone (a crash), so that never throws. */
  close(): Promise<void>;
}

/** With a clock, the RP's page loads, requests and ceremonies on this device are timed on it. */
export async function openDevice(
  browser: Browser,
  environment: Environment,
  capabilities: CapabilityProfile,
  rpOrigin: string,
  clock?: RpClock,
): Promise<Device> {
  const context = await browser.newContext({
    viewport: environment.viewport,
    isMobile: environment.mobile,
    hasTouch: environment.mobile,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  await hideUserAgentDataWhenAbsent(context, environment);
  await installCapabilityProfile(context, capabilities);
  await installAutofillHold(context);
  // Before the dismissal: its wrapper runs first, so a prompt the scenario closes is never logged.
  const requestLog = await installWebAuthnRequestLog(context, clock);
  const dismissal = await installPromptDismissal(context);
  const trouble = watchRpTrouble(context, rpOrigin);
  if (clock) watchRpTime(context, rpOrigin, clock);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await applyIdentity(cdp, environment);
  return {
    environment,
    context,
    page,
    cdp,
    dismissNextPrompt: dismissal.dismissNext,
    rpTrouble: trouble.seen,
    rpServerErrors: trouble.serverErrors,
    webauthnRequests: requestLog.requests,
    async reset(origin: string) {
      dismissal.clear();
      for (const other of context.pages()) if (other !== page) await other.close();
      // A scenario that failed while it held or rewrote requests may have left its route behind.
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await page.goto('about:blank');
      await context.clearCookies();
      await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
      // Disabling removes every virtual authenticator, also one a scenario added and never removed; its AAGUID stamp goes too.
      await cdp.send('WebAuthn.disable');
      await removeAaguidStamps(cdp);
      // A scenario may have overridden the identity through `cdp`; the next cell must get its own.
      await applyIdentity(cdp, environment);
      trouble.clear();
      requestLog.clear();
    },
    async close() {
      if (context.browser()?.isConnected() === false) return;
      await context.close();
    },
  };
}
