import type { CDPSession, Page } from '@playwright/test';
import { pageScriptSource } from './pageScript';

/** The AAGUID a provider's passkeys carry; all zero for a provider with no public AAGUID. */
export const ZERO_AAGUID = '00000000-0000-0000-0000-000000000000';

/** What the stamp did to the last credential the page created. */
export interface StampOutcome {
  stamped: boolean;
  /** Why not, e.g. a signed attestation format that cannot be rewritten. */
  reason?: string;
}

/**
 * Runs in the page before any of its scripts. CDP's virtual authenticator always reports its own
 * AAGUID; a real provider reports its own. With attestation "none" the attestation is unsigned,
 * so the 16 AAGUID bytes (offset 37 of authData) can be rewritten in place and the RP verifies
 * the result. Signed formats cannot be rewritten: the outcome says so instead.
 */
function stampScript(aaguidHex: string): void {
  const aaguid = Uint8Array.from(aaguidHex.match(/../g)!.map((h) => parseInt(h, 16)));
  const FMT_NONE = [0x63, 0x66, 0x6d, 0x74, 0x64, 0x6e, 0x6f, 0x6e, 0x65]; // CBOR "fmt": "none"
  const AAGUID_OFFSET = 37; // rpIdHash (32) + flags (1) + signCount (4)
  const outcomes: { stamped: boolean; reason?: string }[] = [];
  Object.defineProperty(window, '__passkeyMatrixStamps', { value: outcomes });

  const indexOf = (haystack: Uint8Array, needle: ArrayLike<number>, length = needle.length): number => {
    outer: for (let i = 0; i + length <= haystack.length; i++) {
      for (let j = 0; j < length; j++) if (haystack[i + j] !== needle[j]) continue outer;
      return i;
    }
    return -1;
  };
  const base64url = (bytes: Uint8Array): string =>
    btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  const stamp = (credential: PublicKeyCredential): void => {
    const response = credential.response as AuthenticatorAttestationResponse;
    const attestation = new Uint8Array(response.attestationObject); // [SameObject]: edits persist
    const authData = new Uint8Array(response.getAuthenticatorData());
    if (indexOf(attestation, FMT_NONE) < 0) {
      outcomes.push({ stamped: false, reason: 'signed attestation format: the AAGUID cannot be rewritten' });
      return;
    }
    const at = indexOf(attestation, authData, 37);
    if (at < 0 || authData.length < AAGUID_OFFSET + 16) {
      outcomes.push({ stamped: false, reason: 'authenticator data not found in the attestation object' });
      return;
    }
    attestation.set(aaguid, at + AAGUID_OFFSET);
    const stampedAuthData = attestation.slice(at, at + authData.length);
    Object.defineProperty(response, 'getAuthenticatorData', { value: () => stampedAuthData.slice().buffer });
    const nativeToJSON = (credential as unknown as { toJSON?: () => unknown }).toJSON;
    if (nativeToJSON) {
      Object.defineProperty(credential, 'toJSON', {
        value: () => {
          const json = nativeToJSON.call(credential) as { response: Record<string, unknown> };
          json.response.attestationObject = base64url(attestation);
          json.response.authenticatorData = base64url(stampedAuthData);
          return json;
        },
      });
    }
    outcomes.push({ stamped: true });
  };

  const originalCreate = CredentialsContainer.prototype.create;
  CredentialsContainer.prototype.create = async function (options?: CredentialCreationOptions) {
    const credential = await originalCreate.call(this, options);
    if (options?.publicKey && credential instanceof PublicKeyCredential) stamp(credential);
    return credential;
  };
}

/** The stamps installed through each CDP session, so a device reset can drop those nobody removed. */
const installed = new WeakMap<CDPSession, Set<string>>();

/** Installs the stamp for every document the page loads from now on; returns its remover. */
export async function installAaguidStamp(cdp: CDPSession, aaguid: string): Promise<() => Promise<void>> {
  const hex = aaguid.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`Not an AAGUID: "${aaguid}"`);
  await cdp.send('Page.enable');
  const { identifier } = await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
    source: pageScriptSource(stampScript, hex),
  });
  const stamps = installed.get(cdp) ?? new Set<string>();
  installed.set(cdp, stamps.add(identifier));
  return async () => {
    stamps.delete(identifier);
    await cdp.send('Page.removeScriptToEvaluateOnNewDocument', { identifier });
  };
}

/**
 * Removes every stamp still installed through the session. A stamp left by an authenticator that
 * was never removed runs first in each new document and would stamp the next authenticator's
 * passkeys with its AAGUID.
 */
export async function removeAaguidStamps(cdp: CDPSession): Promise<void> {
  const stamps = installed.get(cdp);
  if (!stamps) return;
  for (const identifier of stamps) await cdp.send('Page.removeScriptToEvaluateOnNewDocument', { identifier });
  stamps.clear();
}

/** What happened to the AAGUID of the last passkey created in the page, if any. */
export async function lastStampOutcome(page: Page): Promise<StampOutcome | null> {
  return page.evaluate(() => {
    const outcomes = (window as { __passkeyMatrixStamps?: { stamped: boolean; reason?: string }[] })
      .__passkeyMatrixStamps;
    return outcomes?.at(-1) ?? null;
  });
}
