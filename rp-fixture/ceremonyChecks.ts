import type { FixtureContext } from './context';
import { faultOn } from './faults';

type Checked = Pick<FixtureContext, 'rp' | 'faults'>;

/** The only origin a response is accepted from: the RP's own. */
export function expectedOrigin(context: Checked, clientDataJSON: string): string {
  // Fault skip-origin-check: whatever origin the browser reports is taken as the RP's own.
  if (faultOn(context.faults, 'skip-origin-check')) return reportedOrigin(clientDataJSON) ?? context.rp.origin;
  // Fault origin-prefix-match: an origin that starts with the RP's own passes, so a look-alike
  // host such as https://shop.example.com.evil.example does too.
  if (faultOn(context.faults, 'origin-prefix-match')) {
    const reported = reportedOrigin(clientDataJSON);
    if (reported?.startsWith(context.rp.origin)) return reported;
  }
  return context.rp.origin;
}

/** The RP IDs whose hash the authenticator data may carry: the RP's own. */
export function expectedRpIds(context: Checked): string[] {
  // Fault skip-rpid-check: the authenticator data's RP ID hash is not compared with anything.
  if (faultOn(context.faults, 'skip-rpid-check')) return anyRpId(context.rp.id);
  return [context.rp.id];
}

// Stryker disable all: fault switch helpers, used only by skip-origin-check, origin-prefix-match and skip-rpid-check, which are off in every run that judges a mutant (npm run selftest proves each caught)
function reportedOrigin(clientDataJSON: string): string | undefined {
  try {
    const origin = (JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { origin?: unknown } | null)?.origin;
    return typeof origin === 'string' ? origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * SimpleWebAuthn (14.0.3) insists on a list of RP IDs and tries each through `list.map`; this list
 * answers every hash with the RP's own ID, which is how the fault skips the check.
 */
function anyRpId(rpId: string): string[] {
  const list = [rpId];
  Object.defineProperty(list, 'map', { value: () => [Promise.resolve(rpId)] });
  return list;
}
// Stryker restore all
