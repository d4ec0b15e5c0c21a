import type { BrowserContext } from '@playwright/test';
import type { CapabilityProfile } from '../matrix/schema';
import { pageScriptSource } from './pageScript';

/**
 * The engine is always Chromium, which has every passkey API; a real Firefox or Safari lacks some.
 * This makes the page match the environment's real browser, so an RP's feature detection sees what
 * a real user's would.
 */
function applyProfile(profile: Record<string, boolean>): void {
  const credential = window.PublicKeyCredential as unknown as Record<string, unknown> | undefined;
  if (!credential) return;
  const define = (name: string, value: unknown) =>
    Object.defineProperty(credential, name, { value, writable: true, configurable: true });
  if (!profile['signal-api']) {
    for (const name of ['signalUnknownCredential', 'signalAllAcceptedCredentials', 'signalCurrentUserDetails']) {
      delete credential[name];
    }
  }
  const getCapabilities = credential.getClientCapabilities as (() => Promise<Record<string, boolean>>) | undefined;
  if (!profile['get-client-capabilities']) {
    delete credential.getClientCapabilities;
  } else if (getCapabilities) {
    define('getClientCapabilities', async () => ({
      ...(await getCapabilities.call(credential)),
      conditionalCreate: profile['conditional-create'],
      conditionalGet: profile['conditional-get'],
      hybridTransport: profile['hybrid-client'],
    }));
  }
  if (!profile['conditional-get']) define('isConditionalMediationAvailable', async () => false);
}

export async function installCapabilityProfile(context: BrowserContext, profile: CapabilityProfile): Promise<void> {
  await context.addInitScript({ content: pageScriptSource(applyProfile, profile) });
}

/** What the page was made to say or hide, in words for the report. */
export function describeEmulation(profile: CapabilityProfile): string[] {
  const emulated: string[] = [];
  if (!profile['signal-api']) emulated.push('Signal API hidden');
  if (!profile['get-client-capabilities']) emulated.push('getClientCapabilities hidden');
  else {
    emulated.push(
      `getClientCapabilities answers conditionalCreate=${profile['conditional-create']}, ` +
        `conditionalGet=${profile['conditional-get']}, hybridTransport=${profile['hybrid-client']}`,
    );
  }
  if (!profile['conditional-get']) emulated.push('isConditionalMediationAvailable answers false');
  return emulated;
}
