import type { BrowserContext, CDPSession } from '@playwright/test';
import type { Environment } from '../matrix/schema';
import { pageScriptSource } from './pageScript';

/**
 * Makes the page look like the environment's real browser to the RP: the user-agent string,
 * navigator.platform and, for Chromium-based browsers, the client hints (Sec-CH-UA* headers and
 * navigator.userAgentData). Safari, Firefox and every iOS browser send no hints, so none are set.
 */
export async function applyIdentity(cdp: CDPSession, environment: Environment): Promise<void> {
  const hints = environment.clientHints;
  await cdp.send('Emulation.setUserAgentOverride', {
    userAgent: environment.userAgent,
    platform: environment.navigatorPlatform,
    ...(hints ? { userAgentMetadata: hints } : {}),
  });
}

function removeUserAgentData(): void {
  delete (Navigator.prototype as { userAgentData?: unknown }).userAgentData;
}

/**
 * Browsers without client hints have no navigator.userAgentData at all: an RP's feature detection
 * (`'userAgentData' in navigator`) must see it missing, not empty.
 */
export async function hideUserAgentDataWhenAbsent(context: BrowserContext, environment: Environment): Promise<void> {
  if (environment.clientHints) return;
  await context.addInitScript({ content: pageScriptSource(removeUserAgentData) });
}
